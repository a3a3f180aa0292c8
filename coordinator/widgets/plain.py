"""User text is shown as text: never interpreted as Rich or Textual markup.

Textual parses plain `str` cells and labels as markup, so a citizen named `[bold]Ærø[/bold]`
would change the screen. Everything typed by a user goes through `plain()` on its way out,
and so does any control character stored before input was cleaned (an ESC would otherwise
reach the terminal: a title change, a colour, worse).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coordinator.domain.text import printable


def plain(value: object, style: str = "") -> Text:
    """A Rich Text of `value` taken literally."""
    return Text("" if value is None else printable(str(value)), style=style)


def show(widget: Static, content: str | Text) -> None:
    """`widget.update(content)`, skipped when the widget shows that already.

    The day screen redraws its clock and status every second; each `Static.update` lays the
    screen out again even when nothing changed, which a slow laptop feels while typing.
    (Rich compares two Texts by their characters and spans, so the base style is compared
    here too.)"""
    shown = widget.content
    if shown == content and getattr(shown, "style", None) == getattr(content, "style", None):
        return
    widget.update(content)
