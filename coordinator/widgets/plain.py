"""User text is shown as text: never interpreted as Rich or Textual markup.

Textual parses plain `str` cells and labels as markup, so a citizen named `[bold]Ærø[/bold]`
would change the screen. Everything typed by a user goes through `plain()` on its way out,
and so does any control character stored before input was cleaned (an ESC would otherwise
reach the terminal: a title change, a colour, worse).
"""

from __future__ import annotations

from rich.text import Text

from coordinator.domain.text import printable


def plain(value: object, style: str = "") -> Text:
    """A Rich Text of `value` taken literally."""
    return Text("" if value is None else printable(str(value)), style=style)
