"""One agreement item as the job broker types it: what, who is responsible, by when, status.

The "by when" field takes the quick forms people type (`15/1`, `+2u`, `uge 3`) and shows the
date it understood right beside it. Every change is posted as `ItemEditor.Changed` with the
value to store; the screen hands it to the autosave. User text stays in Input/TextArea values,
which are never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Select, Static, TextArea

from coordinator.domain.quickdates import EmptyDueError, QuickDateError, format_due, parse_due
from coordinator.domain.vocab import ITEM_STATUS_LABELS, ItemKind, ItemStatus
from coordinator.i18n import _
from coordinator.widgets.form_inputs import DateInput, NameInput, date_text
from coordinator.widgets.plain import plain
from coordinator.widgets.text_area import StepUpTextArea


def due_feedback(text: str, today: date) -> tuple[date | None, str, bool]:
    """What a typed "by when" means: (the date or None, the text to show, whether it is valid)."""
    try:
        due = parse_due(text, today)
    except EmptyDueError:
        return None, "", True
    except QuickDateError as exc:
        return None, str(exc), False
    return due, format_due(due), True


class ItemEditor(Vertical, can_focus=False):
    """The editor of one item. `key` is the autosave's key for it."""

    @dataclass
    class Changed(Message):
        """A field of the item changed; `value` is what to store (a date for `due`)."""

        editor: ItemEditor
        field: str
        value: object

    def __init__(
        self,
        key: str,
        kind: ItemKind,
        *,
        text: str = "",
        responsible: str = "",
        due: date | None = None,
        status: str = ItemStatus.OPEN.value,
        suggestions: list[str] | None = None,
        today: date,
        read_only: bool = False,
    ) -> None:
        super().__init__(id=f"item-{key}")
        self.key = key
        self.kind = ItemKind(kind)
        self.today = today
        self.read_only = read_only
        self._initial = (text, responsible, due, ItemStatus(status))
        self._suggestions = suggestions or []
        self._title = plain("")
        self._last: dict[str, object] = {
            "text": text,
            "responsible": responsible,
            "due": due,
            "status": ItemStatus(status).value,
        }

    def compose(self) -> ComposeResult:
        text, responsible, due, status = self._initial
        yield Static(self._title, classes="item-title")
        yield StepUpTextArea(
            text,
            classes="item-text",
            soft_wrap=True,
            tab_behavior="focus",
            read_only=self.read_only,
            compact=True,
        )
        with Horizontal(classes="item-row"):
            yield Static(_("Who:"), classes="item-label")
            yield NameInput(
                responsible,
                names=self._suggestions,
                placeholder=_("Who is responsible"),
                classes="item-responsible",
                disabled=self.read_only,
                compact=True,
            )
        with Horizontal(classes="item-row"):
            yield Static(_("When:"), classes="item-label")
            yield DateInput(
                date_text(due),
                today=self.today,
                placeholder=_("By when"),
                classes="item-due",
                disabled=self.read_only,
                compact=True,
            )
            yield Static(plain(format_due(due) if due else ""), classes="item-due-shown")
            yield Select(
                [(_(label), value.value) for value, label in ITEM_STATUS_LABELS.items()],
                value=status.value,
                allow_blank=False,
                compact=True,
                classes="item-status",
                disabled=self.read_only,
            )

    def _changed(self, field: str, value: object) -> None:
        """Post a change only when the value really differs (loading posts no change)."""
        if self._last.get(field) != value:
            self._last[field] = value
            self.post_message(self.Changed(self, field, value))

    def set_title(self, title: str, warning: bool = False) -> None:
        self._title = plain(("⚠ " if warning else "") + title)
        if self._composed:
            self.query_one(".item-title", Static).update(self._title)

    @property
    def _composed(self) -> bool:
        """Its fields exist. A just-added editor (Ctrl+N) is not composed yet when a change
        typed just before it (the last keys of another field, still in that field's queue)
        makes the form read every editor; it then counts with what it was made with."""
        return bool(self.query(".item-due"))

    def focus_text(self) -> None:
        # At once (Widget.focus waits for the queue, and the broker's next keys are in it).
        self.screen.set_focus(self.query_one(".item-text", TextArea))

    def focus_field(self, field: str) -> None:
        """Focus "text" (cursor after the last word, to go on writing), "responsible" or "due"."""
        if field == "text":
            text_area = self.text_area
            text_area.move_cursor(text_area.document.end)
            self.focus_text()
        else:
            self.screen.set_focus(self.query_one(f".item-{field}", Input))

    @property
    def text_area(self) -> TextArea:
        return self.query_one(".item-text", TextArea)

    def values(self) -> dict[str, object]:
        """Everything the editor holds, as stored (for undoing a delete)."""
        if not self._composed:
            return dict(self._last)
        due, _shown, _ok = due_feedback(self.query_one(".item-due", Input).value, self.today)
        return {
            "text": self.text_area.text,
            "responsible": self.query_one(".item-responsible", Input).value,
            "due": due,
            "status": self.query_one(".item-status", Select).value,
        }

    @on(TextArea.Changed, ".item-text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._changed("text", event.text_area.text)

    @on(Input.Changed, ".item-responsible")
    def _responsible_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed("responsible", event.value)

    @on(Input.Changed, ".item-due")
    def _due_changed(self, event: Input.Changed) -> None:
        event.stop()
        due, shown, ok = due_feedback(event.value, self.today)
        label = self.query_one(".item-due-shown", Static)
        label.update(plain(shown))
        label.set_class(not ok, "-invalid")
        if ok:
            self._changed("due", due)

    @on(Select.Changed, ".item-status")
    def _status_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is not Select.BLANK:
            self._changed("status", event.value)
