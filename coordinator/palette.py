"""The command palette in the app's language.

Textual's palette, its system commands ("Theme", "Quit", "Keys", …) and the key bindings of
Textual's own widgets (an Input's "Copy selected text", a Select's "Dismiss menu", a
DataTable's "Bottom") are English. The app's own texts go through `_()`; these are marked here
with `N_()` so the extraction sees them and the danish catalog translates them, and they are
translated where they are shown: the palette's search field, its "No matches found", its own
bindings, the system commands (`translated_system_commands`) and every binding the palette
lists (commands.py) and the footer shows (widgets/footer.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.system_commands import SystemCommandsProvider
from textual.widgets.option_list import Option

from coordinator.i18n import N_, _
from coordinator.widgets.translated import translate_bindings

#: The palette's own texts.
SEARCH_COMMANDS = N_("Search for commands…")
SEARCH_THEMES = N_("Search for themes…")
NO_MATCHES = N_("No matches found")
PALETTE = N_("palette")
OPEN_PALETTE = N_("Open the command palette")

#: Textual's system commands: titles and help lines.
SYSTEM_COMMANDS = (
    N_("Bell"),
    N_("Ring the bell"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)

#: The descriptions of the bindings of the Textual widgets the app uses (Textual 8.2).
TEXTUAL_BINDINGS = (
    N_("Bottom"),
    N_("Copy"),
    N_("Copy selected text"),
    N_("Cursor down"),
    N_("Cursor down select"),
    N_("Cursor left"),
    N_("Cursor left select"),
    N_("Cursor left word select"),
    N_("Cursor line end"),
    N_("Cursor line end select"),
    N_("Cursor line start"),
    N_("Cursor line start select"),
    N_("Cursor page down"),
    N_("Cursor page up"),
    N_("Cursor right"),
    N_("Cursor right select"),
    N_("Cursor right word select"),
    N_("Cursor up"),
    N_("Cursor up select"),
    N_("Cursor word left"),
    N_("Cursor word right"),
    N_("Cut"),
    N_("Cut selected text"),
    N_("Delete all to the left"),
    N_("Delete all to the right"),
    N_("Delete character left"),
    N_("Delete character right"),
    N_("Delete left to start of word"),
    N_("Delete line"),
    N_("Delete right to start of word"),
    N_("Delete to line end"),
    N_("Delete to line start"),
    N_("Dismiss menu"),
    N_("Down"),
    N_("End"),
    N_("Exit the command palette"),
    N_("First"),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Go to bottom"),
    N_("Go to end"),
    N_("Go to start"),
    N_("Go to top"),
    N_("Home"),
    N_("Last"),
    N_("Move cursor left"),
    N_("Move cursor left a word"),
    N_("Move cursor left a word and select"),
    N_("Move cursor left and select"),
    N_("Move cursor right a word"),
    N_("Move cursor right a word and select"),
    N_("Move cursor right and select"),
    N_("Move cursor right or accept the completion suggestion"),
    N_("Next command"),
    N_("Next page"),
    N_("Page Down"),
    N_("Page Left"),
    N_("Page Right"),
    N_("Page Up"),
    N_("Page down"),
    N_("Page up"),
    N_("Paste"),
    N_("Paste text from the clipboard"),
    N_("Press button"),
    N_("Previous command"),
    N_("Previous page"),
    N_("Redo"),
    N_("Scroll Down"),
    N_("Scroll End"),
    N_("Scroll Home"),
    N_("Scroll Left"),
    N_("Scroll Right"),
    N_("Scroll Up"),
    N_("Select"),
    N_("Select all"),
    N_("Select line"),
    N_("Select line end"),
    N_("Select line start"),
    N_("Show menu"),
    N_("Submit"),
    N_("Toggle"),
    N_("Top"),
    N_("Undo"),
    N_("Up"),
)


class StepUpCommandPalette(CommandPalette):
    """Textual's palette with its texts in the app's language."""

    def __init__(self, *args: Any, placeholder: str = SEARCH_COMMANDS, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, placeholder=_(placeholder), **kwargs)
        translate_bindings(self)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's countdown to "No matches found" (Textual is pinned), with the text in the
        app's language."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_(NO_MATCHES), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class PlainSystemCommands(SystemCommandsProvider):
    """Textual's system-command provider with the titles shown literally: Textual reads a
    title as markup, so a citizen named "[bold]Ærø[/bold]" showed as a bold "Ærø" (issue 21,
    item 12). The match highlighting is laid over the plain text; the help line (read as
    markup too) is escaped."""

    async def discover(self) -> Hits:
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda c: c[0])
        for name, help_text, callback, discover in commands:
            if discover:
                yield DiscoveryHit(Content(name), callback, text=name, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_rest in self.app.get_system_commands(self.screen):
            if (score := matcher.match(name)) > 0:
                shown = _highlighted(matcher, name)
                yield Hit(score, shown, callback, text=name, help=escape(help_text))


def _highlighted(matcher: Matcher, name: str) -> Content:
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher._match_style, offset, offset + 1)  # noqa: SLF001
    return content


def translated_system_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's system commands with their title and help in the app's language."""
    for command in commands:
        yield command._replace(title=_(command.title), help=_(command.help))
