"""The day: its agenda as the coordinator runs it, with the live timer of the running slot.

The screen stays thin and never waits for the database. The day is read in a worker thread
(`store.day_model`: plain frozen objects, readiness included) and arrives as a `DayLoaded`
message. Once a second the screen re-predicts the day from what it holds and the injected clock
(pure and cheap, no query). Status changes are queued and written one after another by a writer
thread; the screen shows each at once as the store will store it (`DayModel.expect`), says
"saving…" meanwhile, and says so when the database is busy (another program holding a write
lock): the clock keeps running and every key keeps working. A change the store refuses is a
one-line notice, and the day is read again.

This module holds what the screen decides: its keys, its messages, reading the day and the
writer queue. The keys that move a case through its day are `day_status_actions`; corrections
are `day_corrections_actions`, batching `day_batch`. What it shows is drawn by `day_agenda`
(the agenda table) and `day_status` (the lines above it); the queue and the writer thread are
`day_writer`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable

from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.screens.day_agenda import (
    AgendaTable,
    current_case_id,
    next_case_after,
)
from coordinator.screens.day_batch import BatchActions
from coordinator.screens.day_corrections_actions import CorrectionActions
from coordinator.screens.day_gaps import GapActions
from coordinator.screens.day_status import SummaryLine
from coordinator.screens.day_status_actions import StatusActions
from coordinator.screens.day_view import day_widgets, draw_day
from coordinator.screens.day_writer import DayWriter, QueuedChange, read_day
from coordinator.screens.live import LiveScreen
from coordinator.store import timing
from coordinator.store.database import Store
from coordinator.store.day_model import AgendaCase, Change, DayModel
from coordinator.store.errors import StoreError


@dataclass
class DayLoaded(Message):
    """A read of the day arrived (`read` numbers it; `written` after the queued changes)."""

    model: DayModel
    read: int
    written: bool = False


class DayShown(Message):
    """The day screen has shown its first read of the day (the app then starts the work that
    waited for it: the palette's cases, the integrity check, the days list's read)."""


@dataclass
class DayFailed(Message):
    """A read or a change failed with a message for the user (one line; empty when the
    writer only says it stopped without a fresh read of the day)."""

    message: str


@dataclass
class PullForwardProposed(Message):
    """What pulling the later cases forward would move (nothing stored yet)."""

    moves: list[timing.Move]


class DayScreen(StatusActions, GapActions, CorrectionActions, BatchActions, LiveScreen, AppScreen):
    """The timeline of one step-up day: pre-meeting and meeting per case, breaks in place."""

    # Laid out by screens/day.tcss, which the app loads (see CoordinatorApp.CSS_PATH).

    # In the order of use on the day, so the keys needed most are the ones a narrow footer
    # shows; every one is also in the command palette.
    BINDINGS = [
        Binding("space", "next_step", N_("Next step"), id="day.next"),
        Binding("g", "open_agreement", N_("Agreement"), id="day.agreement"),
        Binding("a", "absent", N_("Citizen absent"), id="day.absent"),
        Binding("c", "cancel_case", N_("Cancel case"), id="day.cancel"),
        Binding("f", "pull_forward", N_("Pull forward"), id="day.pull-forward"),
        Binding("o", "open_case", N_("Open case"), id="day.open-case"),
        Binding("r", "open_roster", N_("Roster"), id="day.roster"),
        Binding("x", "export", N_("Export agenda"), id="day.export"),
        Binding("n", "add_case", N_("Add case"), id="day.add-case"),
        Binding("shift+up", "move(-1)", N_("Move up"), id="day.move-up"),
        Binding("shift+down", "move(1)", N_("Move down"), id="day.move-down"),
        Binding("s", "batch", N_("Batch order"), id="day.batch"),
        Binding("p", "start_pre_meeting", N_("Start pre-meeting"), id="day.start-pre-meeting"),
        Binding("m", "start_meeting", N_("Start meeting"), id="day.start-meeting"),
        Binding("e", "end_meeting", N_("End meeting"), id="day.end-meeting"),
        Binding("ctrl+r", "refresh", N_("Refresh"), id="day.refresh", show=False),
        Binding("f3", "case_followup", N_("Ratings"), id="day.followup"),
        # Corrections (day_corrections_actions): after the keys of the running day.
        Binding("i", "edit_case", N_("Edit case"), id="day.edit-case"),
        Binding("d", "edit_day", N_("Edit day"), id="day.edit-day"),
        Binding("v", "move_to_day", N_("Move to day"), id="day.move-to-day"),
        Binding("h", "absent_held", N_("Absent, held"), id="day.absent-held"),
        Binding("delete", "delete_case", N_("Delete case"), id="day.delete-case"),
        Binding("D,shift+d", "delete_day", N_("Delete day"), id="day.delete-day"),
        Binding("u,ctrl+z", "undo_delete", N_("Undo delete"), id="day.undo-delete"),
        # Planning: use empty time in the day (day_gaps).
        Binding("l", "use_gap", N_("Use gap"), id="day.use-gap"),
        Binding("escape", "app.pop_screen", N_("All days"), id="day.back"),
    ]

    def __init__(self, day_id: int, first_look: DayModel | None = None) -> None:
        """`first_look`: the day as the app glanced at it while the store opened (no
        readiness), shown until the screen's own read arrives."""
        super().__init__()
        self.day_id = day_id
        self._first_look = first_look
        #: `DayShown` was posted (once, after the first read that left the screen settled).
        self._told_shown = False
        self.model: DayModel | None = None
        #: The case the cursor goes to when the next read arrives (the first: the current).
        self._focus_next: int | None = None
        self._focused_once = False
        self._loading = False
        self._last_read = 0
        # The writer: changes in the order pressed, one thread writing them one by one.
        self._writer = DayWriter(
            written=lambda model, read: self.post_message(DayLoaded(model, read, written=True)),
            failed=lambda message: self.post_message(DayFailed(message)),
        )

    # --- layout and loading -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield from day_widgets()

    def on_mount(self) -> None:
        if not self.app.is_running:
            # Ctrl+Q pressed as the app started: the app's shutdown has already taken the
            # screen's widgets away when its Mount comes through (a CI run of test_quit).
            return
        self.follow_changes(self.store)
        if self._first_look is not None:  # the glance's day, until the store's arrives
            self._show(self._first_look)
            self._first_look = None
        self.load()
        self.set_interval(1, self.tick)

    @property
    def busy_with_store(self) -> bool:
        return self._loading or self._writer.writing

    def reload_changed(self) -> None:
        """Someone else changed the day: read it again (the cursor stays on its case)."""
        self.load()

    @property
    def settled(self) -> bool:
        """The day is shown and every read and change is done (for tests and snapshots)."""
        return self.model is not None and not self._loading and not self._writer.writing

    def on_resize(self) -> None:
        self.tick()

    def on_screen_resume(self) -> None:
        """Read the day again when it is shown again; the first resume follows `on_mount`,
        whose read is under way (two reads of the day competed as the app opened)."""
        if not self._loading:
            self.load()

    def action_refresh(self) -> None:
        self.load()

    def load(self) -> None:
        """Read the day, its cases and their readiness in a worker; `DayLoaded` redraws."""
        self._loading = True
        self._show_state()
        store, clock, day_id = self.store, self.clock, self.day_id

        def read() -> None:
            self.before_reading()
            try:
                model, read = read_day(store, clock, day_id)
            except StoreError as exc:
                self.post_message(DayFailed(exc.message))
                return
            self.post_message(DayLoaded(model, read))

        self.run_worker(read, thread=True, exclusive=True, group="day-read", name="read day")

    @on(DayLoaded)
    def _day_loaded(self, message: DayLoaded) -> None:
        if not message.written:
            self._loading = False
            if self._writer.writing:  # the writer reads the day again once its changes are stored
                self._show_state()
                return
        if message.read < self._last_read:
            return
        self._last_read = message.read
        self._show(message.model)
        if self.settled and not self._told_shown:
            self._told_shown = True
            self.post_message(DayShown())
        if self._tell_findings is not None:
            self.tell_findings()

    @on(DayFailed)
    def _day_failed(self, message: DayFailed) -> None:
        self._loading = False
        self._show_state()
        if message.message:
            self.notify(message.message, severity="error", markup=False)

    def _show(self, model: DayModel) -> None:
        """Show a (read or expected) day and redraw everything."""
        self.model = model
        self.sub_title = f"{model.date:%d.%m.%Y}"
        self.query_one(SummaryLine).show_day(model)
        self._show_state()
        self.tick()
        if self._focus_next is None and not self._focused_once:
            self._focus_next = current_case_id(model)
        self._focused_once = True
        if self._focus_next is not None:
            self._focus_case(self._focus_next)
            self._focus_next = None

    def _show_state(self) -> None:
        """ "saving…", "loading…" or that the database is busy; nothing when all is stored."""
        self.query_one(SummaryLine).show_state(
            busy=self._writer.busy, writing=self._writer.writing, loading=self._loading
        )

    # --- the live part (every second) --------------------------------------------------------

    def tick(self) -> None:
        """Re-predict the day at the clock's now; redraw the agenda only when it changed."""
        self._show_state()
        if self.model is not None:
            draw_day(self, self.model, self.clock.now())

    def _case(self, case_id: int) -> AgendaCase:
        assert self.model is not None
        case = self.model.case(case_id)
        assert case is not None
        return case

    # --- selection ---------------------------------------------------------------------------

    @property
    def _agenda(self) -> AgendaTable:
        return self.query_one("#agenda", AgendaTable)

    def selected_case_id(self) -> int | None:
        """The case under the agenda's cursor (None on a break or an empty agenda)."""
        return self._agenda.selected_case_id()

    def _focus_case(self, case_id: int | None) -> None:
        self._agenda.focus_case(case_id)

    def _selected_or_tell(self) -> int | None:
        case_id = self.selected_case_id()
        if case_id is None:
            self.notify(_("Select a case first."), severity="warning")
        return case_id

    # --- writing: queued, in order, off the event loop ---------------------------------------

    def _submit(self, change: QueuedChange) -> None:
        """Queue a change for the writer thread (started when none runs)."""
        start = self._writer.submit(change)
        self._show_state()
        if start:
            write = partial(self._writer.write_all, self.store, self.clock, self.day_id)
            self.run_worker(write, thread=True, group="day-write", name="write day")

    def _change(
        self, write: Callable[[Store, int], object], case_id: int | None, expect: Change | None
    ) -> None:
        """Make a change of a case: shown at once as expected (when the store will accept
        it), written by the writer thread."""
        if case_id is None or self.model is None:
            return
        now = self.clock.now()
        if expect is not None:
            expected = self.model.expect(case_id, expect, now)
            if expected is not None:
                self._show(expected)
                if self._case(case_id).status is CaseStatus.DONE:  # the day goes on
                    self._focus_case(next_case_after(self.model, case_id))
        self._submit(QueuedChange(case_id, lambda store: write(store, case_id), now))

    def action_move(self, delta: int) -> None:
        case_id = self._selected_or_tell()
        if case_id is None:
            return
        self._focus_next = case_id
        self._submit(
            QueuedChange(
                case_id, lambda store: timing.move_case(store, case_id, delta), self.clock.now()
            )
        )

    def action_add_case(self) -> None:
        from coordinator.screens.day_dialogs import AddCaseDialog

        def done(case_id: int | None) -> None:
            if case_id:
                self._focus_next = case_id
                self.load()

        self.app.push_screen(AddCaseDialog(self.day_id), done)

    def action_pull_forward(self) -> None:
        """Ask the store (in a worker) what would move; `PullForwardProposed` asks the user."""
        store, day_id = self.store, self.day_id

        def propose() -> None:
            try:
                moves = timing.pull_forward(store, day_id, apply=False)
            except StoreError as exc:
                self.post_message(DayFailed(exc.message))
                return
            self.post_message(PullForwardProposed(moves))

        self.run_worker(propose, thread=True, exclusive=True, group="day-propose")

    @on(PullForwardProposed)
    def _confirm_pull_forward(self, message: PullForwardProposed) -> None:
        from coordinator.screens.day_dialogs import ConfirmDialog

        moves = message.moves
        if not moves:
            self.notify(_("No gap to close: no case can move earlier."))
            return
        lines = [
            f"{move.citizen}: {move.old_start:%H:%M} → {move.new_start:%H:%M}" for move in moves
        ]
        question = (
            _("Move these cases earlier? Tell the participants the new times.")
            + "\n\n"
            + "\n".join(lines)
        )
        day_id = self.day_id

        def pull(store: Store) -> None:
            moved = timing.pull_forward(store, day_id)
            self.app.call_from_thread(
                self.notify,
                _("Moved {count} cases earlier.").format(count=len(moved)),
                markup=False,
            )

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._submit(QueuedChange(None, pull, self.clock.now()))

        self.app.push_screen(ConfirmDialog(question), done)

    @on(DataTable.RowSelected, "#agenda")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_case()

    def _push_for_selected(self, make_screen: Callable[[int], Screen[Any]]) -> None:
        """Open a screen on the selected case, or say why not."""
        case_id = self._selected_or_tell()
        if case_id is not None:
            self.app.push_screen(make_screen(case_id))

    # The screens are imported when first opened, so the day screen draws sooner at start-up.

    def action_open_case(self) -> None:
        from coordinator.screens.case import CaseScreen

        self._push_for_selected(CaseScreen)

    def action_open_roster(self) -> None:
        from coordinator.screens.roster import RosterScreen

        self._push_for_selected(RosterScreen)

    def action_open_agreement(self) -> None:
        from coordinator.screens.agreement import AgreementScreen

        self._push_for_selected(AgreementScreen)

    def action_case_followup(self) -> None:
        """The case's F.I.T. ratings, progress and outcome (a rating at the meeting's end)."""
        from coordinator.screens.case_followup import CaseFollowupDialog

        self._push_for_selected(CaseFollowupDialog)

    def action_export(self) -> None:
        from coordinator.screens.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(kind="day", ref_id=self.day_id))
