"""The agreement's form: job goal, goal date, the citizen's own words, items by kind, follow-up.

Built from a plain `AgreementView`; it holds no store. Every change is posted as a small
dataclass message (`Edited`, `ItemRemoved`) that the screen hands to the autosave, and the live
warnings as `WarningsChanged`, which the screen shows under the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from coordinator.domain.agreement_rules import (
    AgreementDraft,
    ItemDraft,
    Problem,
    agreement_warnings,
    goal_is_far,
    item_label,
    item_warnings,
)
from coordinator.domain.vocab import ITEM_KIND_LABELS, ItemKind
from coordinator.i18n import N_, _
from coordinator.screens.agreement_items import ItemActions
from coordinator.store.agreement_views import AgreementView, ItemView
from coordinator.store.autosave import Key
from coordinator.widgets.form_inputs import DateInput, NameInput, date_text
from coordinator.widgets.form_scroll import FormScroll
from coordinator.widgets.item_editor import ItemEditor, due_feedback
from coordinator.widgets.plain import plain
from coordinator.widgets.text_area import StepUpTextArea

#: The form's own fields the live warnings read (`agreement_rules.live_warnings` reads these
#: and the items): typing the citizen's own words or the follow-up leaves the warnings as
#: they are, so a keystroke there costs no check.
WARNED_FIELDS = frozenset({"job_goal", "goal_date", "goal_reason"})

#: The form's own fields: widget id to the agreement's field.
FIELDS = {
    "job-goal": "job_goal",
    "goal-date": "goal_date",
    "goal-reason": "goal_reason",
    "citizen-words": "citizen_words",
    "follow-up-date": "follow_up_date",
    "follow-up-contact": "follow_up_contact",
}
#: What the changed-elsewhere message calls each field.
FIELD_LABELS = {
    "job_goal": N_("Job goal"),
    "goal_date": N_("Goal date: at a workplace by"),
    "goal_reason": N_("Why later than three months"),
    "citizen_words": N_("The citizen's own words"),
    "follow_up_date": N_("Follow-up"),
    "follow_up_contact": N_("Follow-up"),
}


class SectionHeading(Static, can_focus=True):
    """The heading of one kind's items; focus it and press Enter (or Ctrl+N) to add one."""

    def __init__(self, kind: ItemKind) -> None:
        super().__init__(id=f"heading-{kind.value}", classes="section-heading")
        self.kind = kind


class AgreementForm(ItemActions, FormScroll):
    """The fields and items of one agreement version (read-only when it is final)."""

    @dataclass
    class Edited(Message):
        """A value to save: an agreement field by name, an item's as `(item key, field)`."""

        key: Key
        value: object

    @dataclass
    class ItemRemoved(Message):
        key: str

    @dataclass
    class WarningsChanged(Message):
        lines: list[str]

    def __init__(self, view: AgreementView, suggestions: list[str], today: date) -> None:
        super().__init__(id="agreement-editor")
        self.view = view
        self.suggestions = suggestions
        self.today = today
        self.read_only = view.final
        self.values: dict[str, object] = {name: getattr(view, name) for name in FIELDS.values()}
        self.current_kind = ItemKind.ACCOMMODATION
        self._next_key = 0
        self._positions: dict[str, int] = {item.key: item.position for item in view.items}
        self._deleted: list[tuple[ItemKind, int, dict[str, object]]] = []
        #: Each item editor's draft as last read, until the editor reports a change: a
        #: keystroke reads the one item it changed, not every item's widgets.
        self._item_drafts: dict[int, tuple[ItemEditor, ItemDraft]] = {}
        #: What the warnings box and the item titles show now (redrawn only when changed).
        self._warning_lines: list[str] | None = None
        self._titles: dict[int, tuple[ItemEditor, tuple[str, bool]]] = {}
        #: Each item editor's live warnings, with what they were computed from.
        self._item_warnings: dict[int, tuple[ItemEditor, tuple, list[Problem]]] = {}

    def compose(self) -> ComposeResult:
        view, read_only = self.view, self.read_only
        yield Static(_("Job goal"), classes="field-label")
        yield self._input(view.job_goal, "job-goal")
        yield Static(_("Goal date: at a workplace by"), classes="field-label")
        with Horizontal(classes="date-row"):
            yield self._input(
                date_text(view.goal_date),
                "goal-date",
                "date-input",
                "15/3, +3m, uge 10",
                DateInput,
                today=self.today,
            )
            yield Static(id="goal-date-shown", classes="date-shown")
        yield self._input(
            view.goal_reason,
            "goal-reason",
            placeholder=_("Why later than three months (only if so)"),
        )
        yield Static(_("The citizen's own words"), classes="field-label")
        yield StepUpTextArea(
            view.citizen_words,
            id="citizen-words",
            soft_wrap=True,
            tab_behavior="focus",
            read_only=read_only,
            compact=True,
        )
        for kind in ItemKind:
            yield SectionHeading(kind)
            with Vertical(id=f"section-{kind.value}", classes="section"):
                for item in view.items:
                    if item.kind is kind:
                        yield self._editor(item)
        yield Static(_("Follow-up"), classes="field-label section-title")
        with Horizontal(classes="date-row"):
            yield self._input(
                date_text(view.follow_up_date),
                "follow-up-date",
                "date-input",
                _("Next follow-up"),
                DateInput,
                today=self.today,
            )
            yield Static(id="follow-up-date-shown", classes="date-shown")
            yield self._input(
                view.follow_up_contact,
                "follow-up-contact",
                placeholder=_("Contact person"),
                kind=NameInput,
                names=self.suggestions,
            )

    def _input(
        self,
        value: str,
        id: str,  # noqa: A002
        classes: str = "",
        placeholder: str = "",
        kind: type[Input] = Input,
        **kwargs: object,
    ) -> Input:
        """An input of `kind` (a date field selects its text on entry, see widgets/form_inputs)."""
        if kind is Input:
            kwargs["select_on_focus"] = False
        return kind(
            value,
            id=id,
            classes=classes,
            placeholder=placeholder,
            disabled=self.read_only,
            compact=True,
            **kwargs,  # type: ignore[arg-type]
        )

    def _editor(self, item: ItemView) -> ItemEditor:
        return ItemEditor(
            item.key,
            item.kind,
            text=item.text,
            responsible=item.responsible,
            due=item.due,
            status=item.status.value,
            suggestions=self.suggestions,
            today=self.today,
            read_only=self.read_only,
        )

    def on_mount(self) -> None:
        for name in ("goal-date", "follow-up-date"):
            self._show_date(name, self.query_one(f"#{name}", Input).value)
        self._show_goal_reason()
        self.refresh_sections()
        self.update_warnings()

    # --- what is shown --------------------------------------------------------------------------

    def _show_goal_reason(self) -> None:
        """The goal's reason is asked for only when the goal is far off (or already written),
        so it neither clutters the form nor adds a Tab stop in the usual case."""
        reason = self.query_one("#goal-reason", Input)
        far = goal_is_far(self.values["goal_date"], self.view.meeting_date)  # type: ignore[arg-type]
        reason.display = far or bool(str(self.values["goal_reason"]).strip())

    def _show_date(self, name: str, text: str) -> tuple[date | None, bool]:
        due, shown, ok = due_feedback(text, self.today)
        label = self.query_one(f"#{name}-shown", Static)
        label.update(plain(shown))
        label.set_class(not ok, "-invalid")
        return due, ok

    def refresh_sections(self) -> None:
        for kind in ItemKind:
            count = len(self.editors(kind))
            heading = self._heading(kind)
            hint = "" if self.read_only else "  " + _("(Ctrl+N adds an item)")
            heading.update(plain(f"{_(ITEM_KIND_LABELS[kind])} ({count}){hint}"))
            heading.set_class(kind == self.current_kind, "-current")

    def _item_draft(self, editor: ItemEditor) -> ItemDraft:
        """The editor's item as a draft, read again only after the editor changed."""
        cached = self._item_drafts.get(id(editor))
        if cached is not None and cached[0] is editor and cached[1].kind == editor.kind:
            return cached[1]
        values = editor.values()
        item = ItemDraft(
            kind=editor.kind,
            text=str(values["text"]),
            responsible=str(values["responsible"]),
            due=values["due"],  # type: ignore[arg-type]
        )
        self._item_drafts[id(editor)] = (editor, item)
        return item

    def draft(self) -> AgreementDraft:
        editors = self.editors()
        items = [self._item_draft(editor) for editor in editors]
        self._item_drafts = {id(e): self._item_drafts[id(e)] for e in editors}  # drop the gone
        return AgreementDraft(
            job_goal=str(self.values["job_goal"]),
            goal_date=self.values["goal_date"],  # type: ignore[arg-type]
            citizen_words=str(self.values["citizen_words"]),
            items=tuple(items),
            follow_up_date=self.values["follow_up_date"],  # type: ignore[arg-type]
            goal_reason=str(self.values["goal_reason"]),
            meeting_date=self.view.meeting_date,
        )

    def update_warnings(self) -> None:
        warnings = [] if self.read_only else self._live_warnings()
        flagged = {w.item_index for w in warnings if w.item_index is not None}
        numbers: dict[ItemKind, int] = {}
        titles = {}
        for index, editor in enumerate(self.editors()):
            numbers[editor.kind] = numbers.get(editor.kind, 0) + 1
            title = (item_label(editor.kind, numbers[editor.kind]), index in flagged)
            titles[id(editor)] = (editor, title)
            if self._titles.get(id(editor)) != (editor, title):  # redrawn only when changed
                editor.set_title(*title)
        self._titles = titles
        shown = warnings[:3]
        lines = ["⚠ " + w.message for w in shown]
        if len(warnings) > len(shown):
            lines.append(_("… and {n} more").format(n=len(warnings) - len(shown)))
        if lines != self._warning_lines:
            self._warning_lines = lines
            self.post_message(self.WarningsChanged(lines))

    def _live_warnings(self) -> list[Problem]:
        """`agreement_rules.live_warnings` of the draft, each item's part kept until that item
        (or its place, or the goal date) changes: a keystroke in one item checks that one."""
        draft = self.draft()
        warnings = agreement_warnings(draft)
        numbers: dict[ItemKind, int] = {}
        kept: dict[int, tuple[ItemEditor, tuple, list[Problem]]] = {}
        for index, (editor, item) in enumerate(zip(self.editors(), draft.items, strict=True)):
            numbers[item.kind] = numbers.get(item.kind, 0) + 1
            key = (item, index, numbers[item.kind], draft.goal_date, self.today)
            cached = self._item_warnings.get(id(editor))
            if cached is not None and cached[0] is editor and cached[1] == key:
                found = cached[2]
            else:
                found = item_warnings(index, numbers[item.kind], item, draft.goal_date, self.today)
            kept[id(editor)] = (editor, key, found)
            warnings.extend(found)
        self._item_warnings = kept
        return warnings

    def describe(self, key: Key) -> str:
        """What to call a field in the changed-elsewhere message."""
        if isinstance(key, str):
            return _(FIELD_LABELS.get(key, key))
        numbers: dict[ItemKind, int] = {}
        for editor in self.editors():
            numbers[editor.kind] = numbers.get(editor.kind, 0) + 1
            if editor.key == key[0]:
                return item_label(editor.kind, numbers[editor.kind])
        return _(ITEM_KIND_LABELS[ItemKind.OTHER])

    # --- typing ---------------------------------------------------------------------------------

    @on(Input.Changed, "#job-goal, #goal-reason, #follow-up-contact")
    def _text_input(self, event: Input.Changed) -> None:
        self._set(FIELDS[event.input.id or ""], event.value)

    @on(Input.Changed, "#goal-date, #follow-up-date")
    def _date_input(self, event: Input.Changed) -> None:
        due, ok = self._show_date(event.input.id or "", event.value)
        if ok:
            self._set(FIELDS[event.input.id or ""], due)
            self._show_goal_reason()

    @on(TextArea.Changed, "#citizen-words")
    def _citizen_words(self, event: TextArea.Changed) -> None:
        self._set("citizen_words", event.text_area.text)

    def _set(self, name: str, value: object) -> None:
        if self.read_only or self.values.get(name) == value:
            return
        self.values[name] = value
        self.post_message(self.Edited(name, value))
        if name in WARNED_FIELDS:
            self.update_warnings()

    @on(ItemEditor.Changed)
    def _item_changed(self, event: ItemEditor.Changed) -> None:
        event.stop()
        if not self.read_only:
            self.post_message(self.Edited((event.editor.key, event.field), event.value))
            self._item_drafts.pop(id(event.editor), None)  # this item is read again, no other
            self.update_warnings()
            if event.field == "text":  # the item's text area may have grown below the fold
                self.call_after_refresh(self.keep_focus_in_view)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        node: Widget | None = event.widget
        editor = None
        while node is not None and node is not self:
            if isinstance(node, ItemEditor):
                editor = node
                break
            if isinstance(node, SectionHeading):
                break
            node = node.parent  # type: ignore[assignment]
        for other in self.query(ItemEditor):
            other.set_class(other is editor, "-current")
        if isinstance(node, ItemEditor | SectionHeading) and node.kind != self.current_kind:
            self.current_kind = node.kind
            self.refresh_sections()
