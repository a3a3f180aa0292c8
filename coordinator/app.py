"""The Textual App: built with its store, clock and language, so tests inject their own.

It never waits for the database either: whether a day is planned today is read in a worker
at start (`TodaysDay` opens it), and the cases the command palette offers are read in a worker
at start and each time the palette opens (`CasesRead`).

Built with an `opener` instead of a store (`coordinator` from the command line), it draws its
first frame before the store is even imported: the day's frame saying "Opening the
database…" (screens/day_glance.py). A worker first glances at today's agenda with `sqlite3`
alone (`glance`, store/day_glance.py: no SQLAlchemy yet) and the frame shows it; then the
worker imports and opens the database (SQLAlchemy, the models, a migration if the schema is
behind) and looks up today's day, and the app starts as usual once `StoreOpened` arrives, on
today's day at once, drawn from the glance until its own read fills in the readiness.

Nothing else competes with the first read of today's day (two cores, one of them the event
loop's): the days list underneath reads itself when it is shown, and the work that can wait
(the palette's cases, the integrity check of the file, the days list's reminders) starts
once the day is shown (`_after_first_day`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider

from coordinator.app_safety import SafeErrors
from coordinator.commands import binding_commands
from coordinator.domain.clock import Clock
from coordinator.domain.text import printable
from coordinator.i18n import N_, _, set_language
from coordinator.palette import (
    SEARCH_THEMES,
    PlainSystemCommands,
    StepUpCommandPalette,
    translated_system_commands,
)
from coordinator.store.errors import StoreError
from coordinator.widgets.translated import translate_bindings

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from coordinator.store.database import Store
    from coordinator.store.day_model import CaseEntry
    from coordinator.store.day_views import DayModel

#: Reads today's day (the date wanted, today) before the store opens (`day_glance.first_look`).
Glance = Callable[[date, date], "DayModel | None"]
#: How long the store's loading waits for the glance to be painted, in seconds.
GLANCE_WAIT = 0.5
#: How long the work that waits for today's day (`_after_first_day`) waits at most, in s.
REST_WAITS_AT_MOST = 3.0


@dataclass
class TodaysDay(Message):
    """The day planned on the date the app opens on, read in a worker."""

    day_id: int


@dataclass
class StoreOpened(Message):
    """The database, opened by a worker, and the keymap stored in it."""

    store: Store
    keymap: Mapping[str, str]
    #: The day to open on (a running day, else today's), looked up by the same worker.
    todays_day: int | None = None


@dataclass
class DayGlanced(Message):
    """Today's day as the glance read it before the store opened (`painted` is set once it
    is shown)."""

    model: DayModel
    painted: threading.Event


@dataclass
class OpenFailed(Message):
    """The database could not be opened (`error` is re-raised once the app has closed)."""

    error: StoreError


@dataclass
class CasesRead(Message):
    """The cases of today and later, read in a worker for the command palette."""

    cases: list[CaseEntry]


class CoordinatorApp(SafeErrors, App[None]):
    """The step-up day coordinator."""

    # The day's layout is the app's from the start: the first look at today's agenda
    # (screens/day_glance.py) and the day screen share it, and neither push re-parses the
    # app's styles (a screen's own CSS_PATH costs a whole re-parse when first shown).
    CSS_PATH = ["app.tcss", "widgets/widgets.tcss", "screens/day.tcss"]
    TITLE = "Step-up"
    #: The palette's commands, their titles shown literally (a citizen's name is no markup).
    COMMANDS = {PlainSystemCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True),
        Binding("f2", "open_people", N_("People"), id="app.people"),
    ]

    def __init__(
        self,
        store: Store | None = None,
        clock: Clock | None = None,
        language: str = "da",
        open_date: date | None = None,
        keymap: Mapping[str, str] | None = None,
        opener: Callable[[], Store] | None = None,
        glance: Glance | None = None,
    ) -> None:
        """`keymap` maps binding ids to keys (see coordinator/keymap.py); by default the
        store's `keymap` setting. Without a `store`, `opener` opens it in a worker, after
        `glance` (`store.day_glance.first_look`) has shown today's agenda, if it can."""
        set_language(language)
        super().__init__()
        translate_bindings(self)
        assert store is not None or opener is not None, "a store, or how to open one"
        self._opener = opener
        self._glance = glance
        #: Today's day as the glance saw it, for the day screen to start from.
        self._glanced: DayModel | None = None
        self._keymap = keymap
        #: Why the database could not be opened (an `opener` app closes and re-raises it).
        self.open_error: StoreError | None = None
        self.clock: Clock = clock or (store.clock if store is not None else _wall_clock())
        self.store: Store = store  # type: ignore[assignment] - set by `_store_opened` otherwise
        if store is not None:
            self._use_store(store, self._stored_keymap(store) if keymap is None else keymap)
        self.language = language
        self.open_date = open_date
        self.title = _("Step-up days")
        #: The cases the command palette offers (read in a worker, see `read_palette_cases`).
        self.palette_cases: list[CaseEntry] = []
        #: The screen the app opened on, while today's day is looked for.
        self._first_screen: Screen | None = None
        #: That screen and today's day, found while the recovery offer was shown above it.
        self._day_after_offer: tuple[Screen, int] | None = None
        #: The work that waits for today's day to be shown (`_after_first_day`) is started.
        self._started_the_rest = False

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from translated_system_commands(super().get_system_commands(screen))
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

    def action_focus_next(self) -> None:
        """Tab: a name field takes its completion first (as Right does), then focus moves."""
        from coordinator.widgets.form_inputs import accept_completion_before_leaving

        accept_completion_before_leaving(self.focused)
        super().action_focus_next()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,  # noqa: ARG002 - ignored: every toast is literal text
    ) -> None:
        """Every toast shows its text literally, whoever calls it: a message naming a citizen
        ("Test <b>x</b> [bold]Ærø[/bold] 😀 er tilføjet.") keeps its brackets. Textual reads
        a toast as markup by default, and `Widget.notify` passes that default on, so the one
        place to make it literal is here; the app writes no markup in its own messages. A
        control character stored before input was cleaned is shown, never sent on."""
        super().notify(
            printable(str(message)),
            title=printable(str(title)),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_open_people(self) -> None:
        from coordinator.screens.people import PeopleScreen

        if not isinstance(self.screen, PeopleScreen):
            self.push_screen(PeopleScreen())

    # --- start-up: the store given, or opened in a worker behind the first frame -------------

    @staticmethod
    def _stored_keymap(store: Store) -> Mapping[str, str]:
        from coordinator.store.settings import stored_keymap

        return stored_keymap(store)

    def _use_store(self, store: Store, keymap: Mapping[str, str]) -> None:
        self.store = store
        self.store.clock = self.clock
        self.set_keymap(keymap)

    def get_default_screen(self) -> Screen:
        """While the database opens: the day's frame, where the first look at today's agenda
        shows (screens/day_glance.py). Under the days list afterwards."""
        if self.store is not None:
            return super().get_default_screen()
        from coordinator.screens.day_glance import DayGlanceScreen

        return DayGlanceScreen()

    def compose(self) -> ComposeResult:
        """The default screen of an app given its store (under the days list at once)."""
        if self.store is None:
            return
        from coordinator.widgets.footer import StepUpFooter
        from coordinator.widgets.header import StepUpHeader

        yield StepUpHeader()
        yield StepUpFooter()

    def on_mount(self) -> None:
        if self.store is None:
            self._open_store()
        else:
            self._start()

    @work(thread=True, exclusive=True, group="app-open")
    def _open_store(self) -> None:
        """Import and open the store (and read its keymap) off the event loop."""
        assert self._opener is not None
        if self._glance is not None:
            self._glance_first(self._glance)
        try:
            store = self._opener()
            keymap = self._stored_keymap(store) if self._keymap is None else self._keymap
        except StoreError as exc:
            self.post_message(OpenFailed(exc))
            return
        self.post_message(StoreOpened(store, keymap, _todays_day(store, self._wanted_date())))

    def _glance_first(self, glance: Glance) -> None:
        """In the opening worker: show today's agenda as `glance` reads it, and let the store
        load once it is painted (or after `GLANCE_WAIT` s, whatever the screen is doing)."""
        model = glance(self._wanted_date(), self.clock.now().date())
        if model is None:
            return
        # The agenda's widgets load here, while the event loop only draws the first frame.
        import coordinator.screens.day_view  # noqa: F401

        painted = threading.Event()
        self.post_message(DayGlanced(model, painted))
        painted.wait(GLANCE_WAIT)

    @on(DayGlanced)
    async def _show_glance(self, message: DayGlanced) -> None:
        from coordinator.screens.day_glance import DayGlanceScreen

        if self.store is not None or not isinstance(self.screen, DayGlanceScreen):
            message.painted.set()  # too late, or the user went elsewhere
            return
        self._glanced = message.model
        await self.screen.show_glance(message.model, message.painted)

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        self._use_store(message.store, message.keymap)
        self._start(message.todays_day)

    @on(OpenFailed)
    def _open_failed(self, message: OpenFailed) -> None:
        self.open_error = message.error
        # After the first frame is up: an exit while the frame still mounts trips Textual's
        # header (its title watcher finds no title widget) into a traceback.
        self.call_after_refresh(self.exit, return_code=1)

    def _wanted_date(self) -> date:
        return self.open_date or self.clock.now().date()

    def _start(self, todays_day: int | None = None) -> None:
        """Open on the days list, then on today's day if there is one (at once when the
        opening worker found it)."""
        from coordinator.screens.days import DaysScreen
        from coordinator.screens.store_health import watch_store_health

        self._first_screen = DaysScreen()
        self.push_screen(self._first_screen)
        if todays_day is not None:  # on top at once: the list underneath waits (`load_hidden`)
            self._open_todays_day(TodaysDay(todays_day))
        elif self._opener is None:
            self._find_todays_day(self.store, self._wanted_date())
        else:  # no day today: the days list is what is shown (it reads itself)
            self.call_later(self._after_first_day)
        # Read-only: said at once, in a notice; damaged: once the integrity check has run.
        watch_store_health(self, self.store, check=False)
        self._guard_typing()

    def _guard_typing(self) -> None:
        """A closed terminal or a kill saves the typing first; typing an earlier run could not
        save is offered back (screens/leaving.py)."""
        from coordinator.screens.leaving import install_signal_handlers, offer_recovery

        install_signal_handlers(self)
        offer_recovery(self)

    def on_unmount(self) -> None:
        from coordinator.screens import heap
        from coordinator.screens.leaving import remove_signal_handlers

        remove_signal_handlers()
        heap.release()

    @work(thread=True, exclusive=True, group="app-today")
    def _find_todays_day(self, store: Store, wanted: date) -> None:
        today = _todays_day(store, wanted)
        if today is not None:
            self.post_message(TodaysDay(today))
        else:
            self.call_from_thread(self._after_first_day)

    @on(TodaysDay)
    def _open_todays_day(self, message: TodaysDay) -> None:
        """Open today's day, unless the user (or a test) went elsewhere meanwhile. The recovery
        offer shown at start is not going elsewhere: the day opens once it is answered."""
        first, self._first_screen = self._first_screen, None
        if first is None:
            return
        from coordinator.screens.leaving import only_offers_above

        if self.screen is first:
            self._push_day(message.day_id)
        elif only_offers_above(self.screen_stack, first):
            self._day_after_offer = (first, message.day_id)
        else:
            self._after_first_day()

    def recovery_answered(self) -> None:
        """The recovery offer at start was answered: open the day it held back, if the user is
        still where the app opened."""
        waiting, self._day_after_offer = self._day_after_offer, None
        if waiting is not None and self.screen is waiting[0]:
            self._push_day(waiting[1])
        else:
            self._after_first_day()

    def _push_day(self, day_id: int) -> None:
        from coordinator.screens.day import DayScreen

        glanced, self._glanced = self._glanced, None
        day = DayScreen(day_id, glanced if glanced is not None and glanced.id == day_id else None)
        self.push_screen(day)
        # The rest starts when the day says it is shown (`DayShown`), or after this long
        # whatever it is doing: a locked database must not hold the rest up for ever.
        self.set_timer(REST_WAITS_AT_MOST, self._after_first_day)

    def on_day_shown(self) -> None:
        """The first day screen has shown what it read: start what waited for it."""
        self._after_first_day()

    def _after_first_day(self) -> None:
        """What waits for the first screen's data: the palette's cases, the integrity check
        of the file, the days list's own read (when it is under today's day) and, later,
        loading the lists' code (screens/warm_up.py)."""
        if self._started_the_rest or self.store is None:
            return
        self._started_the_rest = True
        from coordinator.screens.store_health import check_store_health
        from coordinator.screens.warm_up import warm_up_lists

        self.read_palette_cases()
        check_store_health(self, self.store)
        warm_up_lists(self)
        for screen in self.screen_stack:
            load_hidden = getattr(screen, "load_hidden", None)
            if load_hidden is not None:
                load_hidden()

    def action_command_palette(self) -> None:
        if self.store is None:
            return  # the database is still opening
        self.read_palette_cases()  # the cases may have changed since the last read
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(StepUpCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """The palette's "Theme" command, its search field in the app's language."""
        self.push_screen(StepUpCommandPalette(providers=[ThemeProvider], placeholder=SEARCH_THEMES))

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


def _todays_day(store: Store, wanted: date) -> int | None:
    """The day to open on: a running day first (a meeting still runs, whatever its date),
    then the first day on `wanted`; None when there is none or the database cannot say (the
    days list reads them too, and tells what went wrong)."""
    from coordinator.store.day_pages import day_on, running_day

    try:
        return running_day(store) or day_on(store, wanted)
    except StoreError:
        return None


def _wall_clock() -> Clock:
    from coordinator.domain.clock import SystemClock

    return SystemClock()
