"""The live agreement screen: the job broker types the agreement while the citizen is in the room.

Everything typed goes to the `Autosaver` at once (in memory) and is written by a thread worker
at most a second later, so typing never waits for the disk. The read-back pane follows each
save. Nothing modal stands in the way of typing: warnings are shown, never forced; dialogs only
appear for finalising, a conflicting writer, versions and a second conversation.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantFocus
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from coordinator.domain.agreement_rules import (
    AgreementDraft,
    ItemDraft,
    Problem,
    finalise_problems,
    item_label,
    live_warnings,
)
from coordinator.domain.vocab import ITEM_KIND_LABELS, AgreementStatus, ItemKind
from coordinator.i18n import N_, _, current_language
from coordinator.screens.agreement_dialogs import (
    ConflictDialog,
    FinaliseProblemsDialog,
    SecondConversationDialog,
    VersionsDialog,
)
from coordinator.screens.agreement_readback import ReadbackPane, render_readback
from coordinator.screens.base import AppScreen
from coordinator.store import agreements
from coordinator.store.autosave import Autosaver
from coordinator.store.day_model import meeting_clock_feed
from coordinator.store.errors import Conflict, Invalid, StoreError
from coordinator.store.models import Agreement, AgreementItem
from coordinator.store.roster import case_heading, roster_lines
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.item_editor import ItemEditor, due_feedback
from coordinator.widgets.meeting_clock import MeetingClock
from coordinator.widgets.plain import plain

READBACK_MODES = ("side", "wide", "hidden")
#: The item field that fixes a finalise problem (by its code).
PROBLEM_FIELDS = {
    "item-no-text": "text",
    "item-no-responsible": "responsible",
    "item-no-due": "due",
}
#: From this terminal width the read-back fits beside the editor.
SIDE_BY_SIDE_WIDTH = 120


class SectionHeading(Static, can_focus=True):
    """The heading of one kind's items; focus it and press Enter (or Ctrl+N) to add one."""

    def __init__(self, kind: ItemKind) -> None:
        super().__init__(id=f"heading-{kind.value}", classes="section-heading")
        self.kind = kind


class AgreementScreen(AppScreen):
    """The agreement of one case: fields, items by kind, read-back, finalise, versions."""

    CSS_PATH = "agreement.tcss"
    AUTO_FOCUS = "#job-goal"

    # Priority bindings run before the focused field sees the key, in the order typed: a burst
    # like "Tab u g e" or "Ctrl+N T e x t" never lands in the field that was focused before.
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="agreement.back"),
        Binding("ctrl+n", "add_item", N_("New item"), id="agreement.add_item", priority=True),
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
        Binding("f2", "toggle_readback", N_("Read-back"), id="agreement.readback"),
        Binding("f5", "finalise", N_("Finalise"), id="agreement.finalise"),
        Binding("f4", "export", N_("Export"), id="agreement.export"),
        Binding("f8", "delete_item", N_("Delete item"), id="agreement.delete_item", priority=True),
        Binding("f9", "undo_delete", N_("Undo delete"), id="agreement.undo_delete", priority=True),
        Binding("ctrl+up", "move_item(-1)", N_("Move up"), id="agreement.move_up", priority=True),
        Binding(
            "ctrl+down", "move_item(1)", N_("Move down"), id="agreement.move_down", priority=True
        ),
        Binding("f6", "reopen", N_("Reopen"), id="agreement.reopen"),
        Binding("f7", "versions", N_("Versions"), id="agreement.versions"),
        Binding("f10", "second_conversation", N_("2nd conversation"), id="agreement.second"),
        Binding("ctrl+s", "save_now", N_("Save now"), id="agreement.save", show=False),
    ]

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.agreement: Agreement | None = None
        self.items: list[AgreementItem] = []
        self.citizen_name = ""
        self.saver: Autosaver | None = None
        self.suggestions: list[str] = []
        self.current_kind = ItemKind.ACCOMMODATION
        self.readback_mode = "side"
        self._next_key = 0
        self._positions: dict[str, int] = {}
        self._deleted: list[tuple[ItemKind, int, dict[str, object]]] = []
        self._save_state = ""
        self._saved_at = None
        #: Saves started and not yet shown (written, read-back rendered): tests wait for 0.
        self.in_flight = 0
        #: The last save error shown, so a locked database is reported once, not every second.
        self._save_error: str | None = None
        #: Set while a save was refused because of a change elsewhere, until the broker chooses.
        self._conflict_message: str | None = None
        self._reloading = False

    # --- loading --------------------------------------------------------------------------------

    def _load(self) -> None:
        store = self.store
        self.agreement = agreements.ensure_draft(store, self.case_id)
        self.items = agreements.items(store, self.agreement.id or 0)
        self.citizen_name = case_heading(store, self.case_id).citizen
        names = [line.display_name for line in roster_lines(store, self.case_id)]
        self.suggestions = list(dict.fromkeys([_("the citizen"), *names]))
        if self.final:
            self.saver = None
        else:
            self.saver = Autosaver(
                store,
                self.case_id,
                self.agreement.row_version,
                {i.id or 0: i.row_version for i in self.items},
            )
        self._positions = {f"i{i.id}": i.position for i in self.items}
        self._deleted.clear()

    @property
    def final(self) -> bool:
        return self.agreement is not None and self.agreement.status == AgreementStatus.FINAL

    @property
    def today(self) -> date:
        return self.clock.now().date()

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if self.agreement is None:
            self._load()
        agreement = self.agreement
        assert agreement is not None
        read_only = self.final
        yield StepUpHeader()
        with Horizontal(id="agreement-bar"):
            yield Static(id="agreement-title")
            yield MeetingClock(
                partial(meeting_clock_feed, self.store, self.case_id), id="meeting-clock"
            )
            yield Static(id="save-state")
        yield Static(id="final-banner")
        with Horizontal(id="agreement-body"):
            with VerticalScroll(id="agreement-editor"):
                yield Static(_("Job goal"), classes="field-label")
                yield Input(
                    agreement.job_goal,
                    id="job-goal",
                    disabled=read_only,
                    compact=True,
                    select_on_focus=False,
                )
                yield Static(_("Goal date: at a workplace by"), classes="field-label")
                with Horizontal(classes="date-row"):
                    yield Input(
                        _date_text(agreement.goal_date),
                        id="goal-date",
                        classes="date-input",
                        placeholder="15/3, +3m, uge 10",
                        disabled=read_only,
                        compact=True,
                        select_on_focus=False,
                    )
                    yield Static(id="goal-date-shown", classes="date-shown")
                yield Static(_("The citizen's own words"), classes="field-label")
                yield TextArea(
                    agreement.citizen_words,
                    id="citizen-words",
                    soft_wrap=True,
                    tab_behavior="focus",
                    read_only=read_only,
                    compact=True,
                )
                for kind in ItemKind:
                    yield SectionHeading(kind)
                    with Vertical(id=f"section-{kind.value}", classes="section"):
                        for item in self.items:
                            if item.kind == kind.value:
                                yield self._editor(f"i{item.id}", kind, item)
                yield Static(_("Follow-up"), classes="field-label section-title")
                with Horizontal(classes="date-row"):
                    yield Input(
                        _date_text(agreement.follow_up_date),
                        id="follow-up-date",
                        classes="date-input",
                        placeholder=_("Next follow-up"),
                        disabled=read_only,
                        compact=True,
                        select_on_focus=False,
                    )
                    yield Static(id="follow-up-date-shown", classes="date-shown")
                    yield Input(
                        agreement.follow_up_contact,
                        id="follow-up-contact",
                        placeholder=_("Contact person"),
                        suggester=SuggestFromList(self.suggestions, case_sensitive=False),
                        disabled=read_only,
                        compact=True,
                        select_on_focus=False,
                    )
            yield ReadbackPane(id="readback")
        yield Static(id="warnings")
        yield StepUpFooter()

    def _editor(self, key: str, kind: ItemKind, item: AgreementItem | None = None) -> ItemEditor:
        return ItemEditor(
            key,
            kind,
            text=item.text if item else "",
            responsible=item.responsible_text if item else "",
            due=item.due if item else None,
            status=item.status if item else "open",
            suggestions=self.suggestions,
            today=self.today,
            read_only=self.final,
        )

    def on_mount(self) -> None:
        self.readback_mode = "side" if self.app.size.width >= SIDE_BY_SIDE_WIDTH else "hidden"
        self._refresh_all()
        self.set_interval(0.1, self._autosave_tick)

    def _refresh_all(self) -> None:
        self._apply_readback_mode()
        self._show_title()
        self._show_dates()
        self._refresh_sections()
        self._update_warnings()
        self._show_save_state()
        self._refresh_readback()

    def _show_title(self) -> None:
        agreement = self.agreement
        assert agreement is not None
        from coordinator.domain.vocab import AGREEMENT_STATUS_LABELS

        status = _(AGREEMENT_STATUS_LABELS[AgreementStatus(agreement.status)])
        title = _("Agreement · {citizen} · version {n} · {status}").format(
            citizen=self.citizen_name, n=agreement.version, status=status
        )
        self.query_one("#agreement-title", Static).update(plain(title))
        banner = self.query_one("#final-banner", Static)
        banner.display = self.final
        if self.final:
            when = agreement.finalised_at
            banner.update(
                plain(
                    _(
                        "Final, written by {author} on {when}. F6 reopens it as a new version."
                    ).format(
                        author=agreement.author_name or "—",
                        when=f"{when:%d.%m.%Y %H:%M}" if when else "—",
                    )
                )
            )

    def _show_dates(self) -> None:
        for name in ("goal-date", "follow-up-date"):
            self._show_date(name, self.query_one(f"#{name}", Input).value)

    def _show_date(self, name: str, text: str) -> tuple[date | None, bool]:
        due, shown, ok = due_feedback(text, self.today)
        label = self.query_one(f"#{name}-shown", Static)
        label.update(plain(shown))
        label.set_class(not ok, "-invalid")
        return due, ok

    def _section(self, kind: ItemKind) -> Vertical:
        return self.query_one(f"#section-{kind.value}", Vertical)

    def _editors(self, kind: ItemKind | None = None) -> list[ItemEditor]:
        kinds = [kind] if kind else list(ItemKind)
        return [e for k in kinds for e in self._section(k).query_children(ItemEditor)]

    def _refresh_sections(self) -> None:
        for kind in ItemKind:
            count = len(self._editors(kind))
            heading = self.query_one(f"#heading-{kind.value}", SectionHeading)
            hint = "" if self.final else "  " + _("(Ctrl+N adds an item)")
            heading.update(plain(f"{_(ITEM_KIND_LABELS[kind])} ({count}){hint}"))
            heading.set_class(kind == self.current_kind, "-current")

    # --- the autosave ---------------------------------------------------------------------------

    def _autosave_tick(self) -> None:
        saver = self.saver
        if self._reloading:
            return
        if saver is not None and saver.due():
            self._start_save()
        self._show_save_state()

    def _start_save(self, force: bool = False) -> None:
        assert self.saver is not None
        self.saver.saving = True  # shown at once; the worker sets it again around the write
        self.in_flight += 1
        self._save_in_background(force)

    def _save_done(self, markdown: str | None) -> None:
        self.in_flight -= 1
        if self._reloading:
            return
        if markdown is not None:
            self.query_one(ReadbackPane).show(markdown)
        self._show_save_state()

    @work(thread=True, exclusive=False, group="agreement-save")
    def _save_in_background(self, force: bool = False) -> None:
        saver = self.saver
        markdown = None
        try:
            if saver is None:
                return
            try:
                result = saver.flush(force=force)
            except Conflict as exc:
                self.app.call_from_thread(self._on_conflict, exc.message)
                return
            except StoreError as exc:
                # The typing stays pending and is saved again within a second; say so once,
                # not at every retry while the database stays locked.
                if exc.message != self._save_error:
                    self._save_error = exc.message
                    self.app.call_from_thread(
                        self.notify,
                        exc.message + " " + _("Your typing is kept and saved when it can be."),
                        severity="error",
                        timeout=20,
                        markup=False,
                    )
                return
            finally:
                saver.saving = False
            self._save_error = None
            if result is not None:
                self._saved_at = self.clock.now()
                markdown = render_readback(self.store, self.case_id, current_language())
        finally:
            self.app.call_from_thread(self._save_done, markdown)

    def _show_save_state(self) -> None:
        saver = self.saver
        if saver is None:
            text = ""
        elif saver.conflict:
            text = _("Not saved: changed elsewhere")
        elif saver.saving:
            text = _("Saving…")
        elif saver.pending:
            text = _("Not saved")
        elif self._saved_at is not None:
            text = _("Saved {time}").format(time=f"{self._saved_at:%H:%M:%S}")
        else:
            text = _("Saved")
        if text != self._save_state:
            self._save_state = text
            widget = self.query_one("#save-state", Static)
            widget.update(plain(text))
            widget.set_class(saver is not None and saver.conflict, "-conflict")

    @property
    def has_unanswered_conflict(self) -> bool:
        """A change made elsewhere waits for the broker's choice (the app asks before quitting)."""
        return self.saver is not None and self.saver.conflict

    def flush_now(self) -> None:
        """Write pending changes synchronously (leaving the screen, quitting)."""
        if self.saver is None:
            return
        try:
            self.saver.flush()
        except Conflict as exc:
            self._on_conflict(exc.message)
        except StoreError as exc:
            self.notify(exc.message, severity="error")

    def on_unmount(self) -> None:
        if self.saver is not None and self.saver.pending and not self.saver.conflict:
            try:
                self.saver.flush()
            except StoreError:
                pass

    def _on_conflict(self, message: str) -> None:
        """Changed elsewhere: say so without a dialog, so the broker's next keystrokes never
        land in it (a typed "t" would take theirs); Ctrl+S or Esc opens the choice."""
        self._show_save_state()
        first = self._conflict_message is None
        self._conflict_message = message
        if first:
            self.notify(
                message + " " + _("Your typing is kept. Ctrl+S: choose whose version to keep."),
                severity="warning",
                timeout=30,
                markup=False,
            )

    def _ask_about_conflict(self) -> None:
        """The keep-mine / take-theirs question, asked when the broker chooses to answer it."""
        message = self._conflict_message or _("The agreement was changed elsewhere.")

        def chosen(choice: str | None) -> None:
            if choice == "mine":
                assert self.saver is not None
                self._conflict_message = None
                self.saver.conflict = False
                self._start_save(force=True)
            elif choice == "theirs":
                assert self.saver is not None
                self._conflict_message = None
                self.saver.discard()
                self.run_worker(self._reload(), exclusive=True, group="agreement-reload")
            else:
                self.notify(_("Not saved. Ctrl+S tries again."), severity="warning")

        self.app.push_screen(ConflictDialog(message), chosen)

    async def _reload(self) -> None:
        self._reloading = True
        try:
            self.agreement = None
            self._load()
            self._save_state = ""
            await self.recompose()
            self._refresh_all()
        finally:
            self._reloading = False

    def _refresh_readback(self) -> None:
        markdown = render_readback(self.store, self.case_id, current_language())
        self.query_one(ReadbackPane).show(markdown)

    # --- typing ---------------------------------------------------------------------------------

    @on(Input.Changed, "#job-goal")
    def _job_goal(self, event: Input.Changed) -> None:
        self._set_field("job_goal", event.value)

    @on(Input.Changed, "#goal-date")
    def _goal_date(self, event: Input.Changed) -> None:
        due, ok = self._show_date("goal-date", event.value)
        if ok:
            self._set_field("goal_date", due)

    @on(Input.Changed, "#follow-up-date")
    def _follow_up_date(self, event: Input.Changed) -> None:
        due, ok = self._show_date("follow-up-date", event.value)
        if ok:
            self._set_field("follow_up_date", due)

    @on(Input.Changed, "#follow-up-contact")
    def _follow_up_contact(self, event: Input.Changed) -> None:
        self._set_field("follow_up_contact", event.value)

    @on(TextArea.Changed, "#citizen-words")
    def _citizen_words(self, event: TextArea.Changed) -> None:
        self._set_field("citizen_words", event.text_area.text)

    def _set_field(self, name: str, value: object) -> None:
        agreement = self.agreement
        if self.saver is None or agreement is None or getattr(agreement, name) == value:
            return
        setattr(agreement, name, value)
        self.saver.set_field(name, value)
        self._update_warnings()
        self._show_save_state()

    @on(ItemEditor.Changed)
    def _item_changed(self, event: ItemEditor.Changed) -> None:
        if self.saver is None:
            return
        self.saver.set_item(event.editor.key, **{event.field: event.value})
        self._update_warnings()
        self._show_save_state()

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
            self._refresh_sections()

    # --- warnings -------------------------------------------------------------------------------

    def _draft(self) -> AgreementDraft:
        agreement = self.agreement
        assert agreement is not None
        items = []
        for editor in self._editors():
            values = editor.values()
            items.append(
                ItemDraft(
                    kind=editor.kind,
                    text=str(values["text"]),
                    responsible=str(values["responsible"]),
                    due=values["due"],  # type: ignore[arg-type]
                )
            )
        return AgreementDraft(
            job_goal=agreement.job_goal,
            goal_date=agreement.goal_date,
            citizen_words=agreement.citizen_words,
            items=tuple(items),
            follow_up_date=agreement.follow_up_date,
        )

    def _update_warnings(self) -> None:
        draft = self._draft()
        warnings = [] if self.final else live_warnings(draft, self.today)
        flagged = {w.item_index for w in warnings if w.item_index is not None}
        numbers: dict[ItemKind, int] = {}
        for index, editor in enumerate(self._editors()):
            numbers[editor.kind] = numbers.get(editor.kind, 0) + 1
            editor.set_title(item_label(editor.kind, numbers[editor.kind]), index in flagged)
        box = self.query_one("#warnings", Static)
        box.display = bool(warnings)
        shown = warnings[:3]
        more = len(warnings) - len(shown)
        lines = ["⚠ " + w.message for w in shown]
        if more > 0:
            lines.append(_("… and {n} more").format(n=more))
        box.update(plain("\n".join(lines)))

    # --- items ----------------------------------------------------------------------------------

    def _current_editor(self) -> ItemEditor | None:
        node: Widget | None = self.focused
        while node is not None and node is not self:
            if isinstance(node, ItemEditor):
                return node
            node = node.parent  # type: ignore[assignment]
        return None

    def _new_key(self) -> str:
        self._next_key += 1
        return f"n{self._next_key}"

    def _renumber(self, kind: ItemKind) -> None:
        """Store each item's position within its section where it changed."""
        assert self.saver is not None
        for position, editor in enumerate(self._editors(kind)):
            if self._positions.get(editor.key) != position:
                self._positions[editor.key] = position
                self.saver.set_item(editor.key, position=position)

    def _writable(self) -> bool:
        if self.saver is None:
            self.notify(_("The agreement is final; F6 reopens it as a new version."))
            return False
        return True

    async def _insert(
        self, kind: ItemKind, index: int | None, values: dict[str, object] | None = None
    ) -> None:
        assert self.saver is not None
        key = self._new_key()
        values = values or {}
        self.saver.create_item(key, kind, **values)
        editor = ItemEditor(
            key,
            kind,
            text=str(values.get("text", "")),
            responsible=str(values.get("responsible", "")),
            due=values.get("due"),  # type: ignore[arg-type]
            status=str(values.get("status", "open")),
            suggestions=self.suggestions,
            today=self.today,
        )
        section = self._section(kind)
        siblings = self._editors(kind)
        if index is not None and index < len(siblings):
            await section.mount(editor, before=siblings[index])
        else:
            await section.mount(editor)
        self._renumber(kind)
        self.current_kind = kind
        self._refresh_sections()
        self._update_warnings()
        editor.focus_text()
        editor.scroll_visible()

    async def action_add_item(self) -> None:
        if not self._writable():
            return
        # Read the focus now, not from the focus events still queued behind a fast typist.
        current = self._current_editor()
        kind, index = self.current_kind, None
        if current is not None:
            kind, index = current.kind, self._editors(current.kind).index(current) + 1
        elif isinstance(self.focused, SectionHeading):
            kind, index = self.focused.kind, 0
        await self._insert(kind, index)

    async def on_key(self, event) -> None:  # noqa: ANN001 - events.Key
        if event.key == "enter" and isinstance(self.focused, SectionHeading):
            event.stop()
            self.current_kind = self.focused.kind
            if self._writable():
                await self._insert(self.current_kind, 0)

    async def action_delete_item(self) -> None:
        editor = self._current_editor()
        if editor is None or not self._writable():
            if editor is None:
                self.notify(_("Move to an item first."))
            return
        assert self.saver is not None
        siblings = self._editors(editor.kind)
        index = siblings.index(editor)
        self._deleted.append((editor.kind, index, editor.values()))
        self.saver.delete_item(editor.key)
        self._positions.pop(editor.key, None)
        following = siblings[index + 1] if index + 1 < len(siblings) else None
        await editor.remove()
        self._renumber(editor.kind)
        self._refresh_sections()
        self._update_warnings()
        if following is not None:
            following.focus_text()
        else:
            self.set_focus(self.query_one(f"#heading-{editor.kind.value}", SectionHeading))
        self.notify(_("Item deleted. F9 brings it back."))

    async def action_undo_delete(self) -> None:
        if not self._deleted:
            self.notify(_("Nothing to undo."))
            return
        if not self._writable():
            return
        kind, index, values = self._deleted.pop()
        await self._insert(kind, index, values)

    def action_move_item(self, step: int) -> None:
        editor = self._current_editor()
        if editor is None or not self._writable():
            return
        siblings = self._editors(editor.kind)
        index = siblings.index(editor)
        target = index + step
        if not 0 <= target < len(siblings):
            return
        section = self._section(editor.kind)
        if step < 0:
            section.move_child(editor, before=siblings[target])
        else:
            section.move_child(editor, after=siblings[target])
        self._renumber(editor.kind)
        self._update_warnings()
        self.call_after_refresh(editor.scroll_visible)

    # --- the rest -------------------------------------------------------------------------------

    def action_toggle_readback(self) -> None:
        """Side by side (wide terminals only), filling the screen for the projector, hidden."""
        modes = READBACK_MODES if self.app.size.width >= SIDE_BY_SIDE_WIDTH else ("wide", "hidden")
        index = modes.index(self.readback_mode) if self.readback_mode in modes else -1
        self.readback_mode = modes[(index + 1) % len(modes)]
        self._apply_readback_mode()

    def _apply_readback_mode(self) -> None:
        pane = self.query_one(ReadbackPane)
        pane.display = self.readback_mode != "hidden"
        body = self.query_one("#agreement-body")
        body.set_class(self.readback_mode == "wide", "-wide")

    def action_save_now(self) -> None:
        if self.saver is None:
            return
        if self.saver.conflict:
            self._ask_about_conflict()
            return
        self._start_save()

    def action_back(self) -> None:
        if self.saver is not None and self.saver.conflict:
            self._ask_about_conflict()  # leaving now would drop the unsaved typing
            return
        self.flush_now()
        self.app.pop_screen()

    async def action_finalise(self) -> None:
        if self.final:
            self.notify(_("The agreement is already final."))
            return
        try:
            if self.saver is not None:
                self.saver.flush()
            agreements.finalise(self.store, self.case_id)
        except Invalid:
            agreement = agreements.latest(self.store, self.case_id)
            assert agreement is not None
            draft = agreements.draft_of(agreement, agreements.items(self.store, agreement.id or 0))
            problems = finalise_problems(draft)
            self.app.push_screen(FinaliseProblemsDialog(problems), self._go_to_problem)
            return
        except Conflict as exc:
            self._on_conflict(exc.message)
            return
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        await self._reload()
        self.notify(_("The agreement is final."))

    def _go_to_problem(self, problem: Problem | None) -> None:
        """Put the cursor where the chosen problem is fixed."""
        if problem is None:
            return
        editors = self._editors()
        if problem.item_index is not None and 0 <= problem.item_index < len(editors):
            editor = editors[problem.item_index]
            editor.focus_field(PROBLEM_FIELDS.get(problem.code, "text"))
            editor.scroll_visible()
        elif problem.code == "no-items":
            self.set_focus(self.query_one(f"#heading-{ItemKind.ACCOMMODATION.value}"))
        else:
            self.set_focus(self.query_one("#goal-date", Input))

    async def action_reopen(self) -> None:
        if not self.final:
            self.notify(_("The agreement is a draft; it is open for changes."))
            return
        try:
            agreements.reopen(self.store, self.case_id)
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        await self._reload()
        self.notify(_("Reopened as version {n}.").format(n=self.agreement.version))  # type: ignore[union-attr]

    def action_export(self) -> None:
        """Export what is on the screen: pending typing is written first."""
        from coordinator.screens.export_dialog import ExportDialog

        self.flush_now()
        self.app.push_screen(ExportDialog(kind="agreement", ref_id=self.case_id))

    def action_versions(self) -> None:
        self.flush_now()
        self.app.push_screen(VersionsDialog(self.case_id))

    def action_second_conversation(self) -> None:
        from coordinator.store.days import list_days

        self.flush_now()
        this_date = case_heading(self.store, self.case_id).date
        later = [day for day, _count in list_days(self.store) if day.date > this_date]

        def chosen(day_id: int | None) -> None:
            if day_id is None:
                return
            try:
                second = agreements.schedule_second_conversation(self.store, self.case_id, day_id)
            except StoreError as exc:
                self.notify(exc.message, severity="error")
                return
            self.notify(
                _(
                    "Second conversation scheduled (case {id}); it starts from this agreement."
                ).format(id=second.id)
            )

        self.app.push_screen(SecondConversationDialog(later), chosen)


def _date_text(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""
