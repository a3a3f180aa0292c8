"""The Textual App: built with its store, clock and language, so tests inject their own.

It never waits for the database either: whether a day is planned today is read in a worker
at start (`TodaysDay` opens it), and the cases the command palette offers are read in a worker
at start and each time the palette opens (`CasesRead`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from coordinator.app_safety import SafeErrors
from coordinator.commands import binding_commands
from coordinator.domain.clock import Clock
from coordinator.i18n import N_, _, set_language
from coordinator.store.database import Store
from coordinator.store.errors import StoreError
from coordinator.store.settings import stored_keymap
from coordinator.widgets.translated import translate_bindings

if TYPE_CHECKING:
    from coordinator.store.day_model import CaseEntry


@dataclass
class TodaysDay(Message):
    """The day planned on the date the app opens on, read in a worker."""

    day_id: int


@dataclass
class CasesRead(Message):
    """The cases of today and later, read in a worker for the command palette."""

    cases: list[CaseEntry]


class CoordinatorApp(SafeErrors, App[None]):
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
        #: The cases the command palette offers (read in a worker, see `read_palette_cases`).
        self.palette_cases: list[CaseEntry] = []
        #: The screen the app opened on, while today's day is looked for.
        self._first_screen: Screen | None = None

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from binding_commands(self, screen)
        from coordinator.screens.case import case_commands

        yield from case_commands(self, screen)

    async def action_quit(self) -> None:
        """Quit once what the forms hold is written; typing that cannot be written (a change
        made elsewhere unanswered, a full disk) is named first, with the offer to keep it in a
        recovery file (`screens/leaving.py`)."""
        from coordinator.screens.leaving import quit_safely

        if await quit_safely(self):
            await super().action_quit()

    def action_open_people(self) -> None:
        from coordinator.screens.people import PeopleScreen

        if not isinstance(self.screen, PeopleScreen):
            self.push_screen(PeopleScreen())

    def on_mount(self) -> None:
        from coordinator.screens.days import DaysScreen

        self._first_screen = DaysScreen()
        self.push_screen(self._first_screen)
        wanted = self.open_date or self.clock.now().date()
        self._find_todays_day(self.store, wanted)
        self.read_palette_cases()
        self._guard_typing()

    def _guard_typing(self) -> None:
        """A closed terminal or a kill saves the typing first; typing an earlier run could not
        save is offered back (screens/leaving.py)."""
        from coordinator.screens.leaving import install_signal_handlers, offer_recovery

        install_signal_handlers(self)
        offer_recovery(self)

    def on_unmount(self) -> None:
        from coordinator.screens.leaving import remove_signal_handlers

        remove_signal_handlers()

    @work(thread=True, exclusive=True, group="app-today")
    def _find_todays_day(self, store: Store, wanted: date) -> None:
        from coordinator.store.day_model import day_summaries

        try:
            todays = [day.id for day in day_summaries(store) if day.date == wanted]
        except StoreError:
            return  # the days list reads them too, and tells what went wrong
        if todays:
            self.post_message(TodaysDay(todays[0]))

    @on(TodaysDay)
    def _open_todays_day(self, message: TodaysDay) -> None:
        """Open today's day, unless the user (or a test) went elsewhere meanwhile."""
        first, self._first_screen = self._first_screen, None
        if first is not None and self.screen is first:
            from coordinator.screens.day import DayScreen

            self.push_screen(DayScreen(message.day_id))

    def action_command_palette(self) -> None:
        self.read_palette_cases()  # the cases may have changed since the last read
        super().action_command_palette()

    def read_palette_cases(self) -> None:
        """Read the cases of today and later in a worker; `CasesRead` keeps them."""
        self._read_palette_cases(self.store, self.clock.now().date())

    @work(thread=True, exclusive=True, group="app-palette")
    def _read_palette_cases(self, store: Store, today: date) -> None:
        from coordinator.store.day_model import upcoming_cases

        try:
            cases = upcoming_cases(store, today)
        except StoreError:
            return  # the palette keeps the cases last read
        self.post_message(CasesRead(cases))

    @on(CasesRead)
    def _cases_read(self, message: CasesRead) -> None:
        self.palette_cases = message.cases
