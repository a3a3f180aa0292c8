"""Two inputs whose keys do what a form's user expects: a date field and a name field.

- `DateInput`: entering it (by Tab, Shift+Tab or a "go there") selects what it holds, so the
  date typed replaces the old one instead of being appended to it ("01.03.202715/3"). Leaving
  it writes a quick date ("+2w", "fredag", "15/3") out as the date it means ("17.12.2026"):
  what stays in the field is what was stored, not words that would mean another day tomorrow.
- `NameInput`: completes a name from a list; the completion is taken by Right (Textual's own)
  and by Tab, which takes it and moves on. The completion is looked up at once from the list,
  not from Textual's suggestion worker, so a fast "Sø" + Tab takes "Søren" even before the
  grey hint was drawn (and after the keys typed before the Tab are in the field).

Both are plain Textual `Input`s otherwise; their values are never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual import events
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input

from coordinator.domain.quickdates import QuickDateError, parse_due


def date_text(value: date | None) -> str:
    """A date as a date field shows it (and reads it back): 17.12.2026."""
    return value.strftime("%d.%m.%Y") if value else ""


class DateInput(Input):
    """A date field: focusing it selects its text, so typing replaces the date; leaving it
    writes a quick date out (`today` is what "+2w" counts from)."""

    def __init__(self, value: str | None = None, *, today: date, **kwargs: object) -> None:
        kwargs["select_on_focus"] = True
        super().__init__(value, **kwargs)  # type: ignore[arg-type]
        self.today = today

    def on_blur(self, _event: events.Blur) -> None:
        try:
            written_out = date_text(parse_due(self.value, self.today))
        except QuickDateError:
            return  # empty, or not a date: the line beside it says so, the text stays to mend
        if written_out != self.value:
            self.value = written_out  # the same date: nothing new is stored


class NameInput(Input):
    """A name field completing from `names` (case-insensitive, Unicode case folding)."""

    def __init__(self, value: str | None = None, *, names: Sequence[str], **kwargs: object) -> None:
        self.names = list(names)
        kwargs.setdefault("select_on_focus", False)
        super().__init__(
            value,
            suggester=SuggestFromList(self.names, case_sensitive=False),
            **kwargs,  # type: ignore[arg-type]
        )

    class TakeCompletion(Message):
        """Take the completion of what the field holds (posted by Tab, see below)."""

    def on_name_input_take_completion(self, message: TakeCompletion) -> None:
        message.stop()
        self.accept_completion()

    def completion(self) -> str | None:
        """The name the typed start completes to, if it is a start of one and not all of it."""
        typed = self.value
        if not typed.strip() or self.cursor_position != len(typed):
            return None
        folded = typed.casefold()
        for name in self.names:
            if name.casefold().startswith(folded) and len(name) > len(typed):
                return name
        return None

    def accept_completion(self) -> bool:
        """Take the completion, if there is one (Tab does this before it moves on)."""
        name = self.completion()
        if name is None:
            return False
        self.value = name
        self.cursor_position = len(name)
        return True


def accept_completion_before_leaving(widget: Widget | None) -> None:
    """Called by the app's Tab before focus moves on: a name field takes its completion, as
    Right would (the screens bind Tab with priority, so the field never sees the key).

    Not at once: the app handles the Tab the moment it arrives, while the keys typed just
    before it ("B", "o") may still wait in the field's queue. The request joins that queue,
    so the field completes what it holds once those keys are in."""
    if isinstance(widget, NameInput) and not widget.disabled:
        widget.post_message(NameInput.TakeCompletion())
