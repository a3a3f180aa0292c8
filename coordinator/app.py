"""The Textual App: built with its store, clock and language, so tests inject their own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from coordinator.commands import binding_commands
from coordinator.domain.clock import Clock
from coordinator.i18n import N_, _, set_language
from coordinator.store.database import Store
from coordinator.store.settings import stored_keymap
from coordinator.widgets.translated import translate_bindings


class CoordinatorApp(App[None]):
    """The step-up day coordinator."""

    CSS_PATH = ["app.tcss", "widgets/widgets.tcss"]
    TITLE = "Step-up"
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True),
        Binding("f2", "open_people", N_("People"), id="app.people"),
    ]

    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        language: str = "da",
        open_date: date | None = None,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        """`keymap` maps binding ids to keys (see coordinator/keymap.py); by default the
        store's `keymap` setting."""
        set_language(language)
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.set_keymap(stored_keymap(store) if keymap is None else keymap)
        self.clock: Clock = clock or store.clock
        self.store.clock = self.clock
        self.language = language
        self.open_date = open_date
        self.title = _("Step-up days")
        #: Ctrl+Q was pressed once with a question unanswered; a second press quits.
        self._quit_anyway = False

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from binding_commands(self, screen)
        from coordinator.screens.case import case_commands

        yield from case_commands(self, screen)

    async def action_quit(self) -> None:
        """Quit, unless a change made elsewhere still waits for a choice: then say what would be
        lost, and quit on a second Ctrl+Q."""
        waiting = any(getattr(s, "has_unanswered_conflict", False) for s in self.screen_stack)
        if waiting and not self._quit_anyway:
            self._quit_anyway = True
            self.set_timer(10, self._forget_quit)
            self.notify(
                _(
                    "A change made elsewhere still waits for your choice (Ctrl+S); quitting now "
                    "loses what you typed since. Press Ctrl+Q again to quit anyway."
                ),
                severity="warning",
                timeout=10,
            )
            return
        from coordinator.screens.autosave import save_before_quit

        await save_before_quit(self)  # what the forms hold, in threads, for a bounded time
        await super().action_quit()

    def _forget_quit(self) -> None:
        self._quit_anyway = False

    def action_open_people(self) -> None:
        from coordinator.screens.people import PeopleScreen

        if not isinstance(self.screen, PeopleScreen):
            self.push_screen(PeopleScreen())

    def on_mount(self) -> None:
        from coordinator.screens.days import DaysScreen
        from coordinator.store.days import list_days

        self.push_screen(DaysScreen())
        wanted = self.open_date or self.clock.now().date()
        todays = [day for day, _count in list_days(self.store) if day.date == wanted]
        if todays:
            from coordinator.screens.day import DayScreen

            self.push_screen(DayScreen(todays[0].id or 0))
