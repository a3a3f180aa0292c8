"""User text is shown as text: never interpreted as Rich or Textual markup.

Textual parses plain `str` cells and labels as markup, so a citizen named `[bold]Ærø[/bold]`
would change the screen. Everything typed by a user goes through `plain()` on its way out.
"""

from __future__ import annotations

from rich.text import Text


def plain(value: object, style: str = "") -> Text:
    """A Rich Text of `value` taken literally."""
    return Text("" if value is None else str(value), style=style)
