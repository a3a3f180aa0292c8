"""The day: its agenda as the coordinator runs it, with the live timer of the running slot.

The screen stays thin and never waits for the database. The day is read in a worker thread
(`store.day_model`: plain frozen objects, readiness included) and arrives as a `DayLoaded`
message. Once a second the screen re-predicts the day from what it holds and the injected clock
(pure and cheap, no query). Status changes are queued and written one after another by a writer
thread; the screen shows each at once as the store will store it (`DayModel.expect`), says
"saving…" meanwhile, and says so when the database is busy (another program holding a write
lock): the clock keeps running and every key keeps working. A change the store refuses is a
one-line notice, and the day is read again.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import count
from time import monotonic
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from coordinator.domain.clock import Clock
from coordinator.domain.roster_rules import Severity
from coordinator.domain.schedule import Interval, RunningPhase, Schedule, running_phase
from coordinator.domain.vocab import CASE_STATUS_LABELS, CHALLENGE_LABELS, CaseStatus
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.store import timing
from coordinator.store.database import Store
from coordinator.store.day_model import AgendaCase, Change, DayModel, day_model, stamped
from coordinator.store.errors import StoreError, Unavailable
from coordinator.store.readiness import Readiness
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain
from coordinator.widgets.timer import MeetingTimer

#: The meeting notification comes when this much is left.
FIVE_MINUTES = timedelta(minutes=5)
SLIP_GUARD = timedelta(seconds=30)  # space within this of a phase starting asks first
#: From this screen width the agenda also shows each case's challenges.
WIDE = 100
DONE_LIKE = frozenset({CaseStatus.DONE, CaseStatus.CANCELLED, CaseStatus.ABSENT})
RUNNING = frozenset({CaseStatus.PRE_MEETING, CaseStatus.MEETING})
#: A write still waiting after this long is reported: the database is busy.
SLOW_WRITE = 1.0

#: Numbers every read of the day, so an older read never replaces a newer one.
_reads = count(1)


def _span(interval: Interval) -> str:
    return f"{interval.start:%H:%M}–{interval.end:%H:%M}"


def _times(planned: Interval, predicted: Interval, style: str, start_only: bool = False) -> Text:
    """The planned times, and on a second line where the prediction differs. `start_only`
    for the pre-meeting on a narrow screen: it ends when the meeting starts."""

    def show(interval: Interval) -> str:
        return f"{interval.start:%H:%M}" if start_only else _span(interval)

    text = Text(show(planned), style=style)
    if show(planned) != show(predicted):
        text.append("\n→ " + show(predicted), style="bold yellow")
    return text


def readiness_text(readiness: Readiness) -> Text:
    """Preparation complete (✓/✗) and the roster's errors and warnings, as the agenda shows
    them."""
    prepared = readiness.preparation_complete
    text = Text("✓" if prepared else "✗", style="green" if prepared else "red")
    text.append(" · ", style="dim")
    parts: list[tuple[str, str]] = []
    errors, warnings = readiness.counts[Severity.ERROR], readiness.counts[Severity.WARNING]
    if errors:
        parts.append((_("{count} err.").format(count=errors), "red"))
    if warnings:
        parts.append((_("{count} warn.").format(count=warnings), "yellow"))
    if not parts:
        text.append("OK", style="green")
    for index, (label, style) in enumerate(parts):
        text.append((", " if index else "") + label, style=style)
    return text


@dataclass
class DayLoaded(Message):
    """A read of the day arrived (`read` numbers it; `written` after the queued changes)."""

    model: DayModel
    read: int
    written: bool = False


@dataclass
class DayFailed(Message):
    """A read or a change failed with a message for the user (one line; empty when the
    writer only says it stopped without a fresh read of the day)."""

    message: str


@dataclass
class PullForwardProposed(Message):
    """What pulling the later cases forward would move (nothing stored yet)."""

    moves: list[timing.Move]


@dataclass(frozen=True)
class QueuedChange:
    """A change of the day for the writer thread: `write` does it with the store."""

    case_id: int | None
    write: Callable[[Store], object]
    #: When it was made: the time the store stamps it with, however late it gets written.
    made: datetime


def read_day(store: Store, clock: Clock, day_id: int) -> tuple[DayModel, int]:
    """Read the day (in a worker thread), numbered."""
    read = next(_reads)
    return day_model(store, day_id, clock.now()), read


class DayScreen(AppScreen):
    """The timeline of one step-up day: pre-meeting and meeting per case, breaks in place."""

    CSS_PATH = "day.tcss"
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
        Binding("p", "start_pre_meeting", N_("Start pre-meeting"), id="day.start-pre-meeting"),
        Binding("m", "start_meeting", N_("Start meeting"), id="day.start-meeting"),
        Binding("e", "end_meeting", N_("End meeting"), id="day.end-meeting"),
        Binding("ctrl+r", "refresh", N_("Refresh"), id="day.refresh", show=False),
        Binding("escape", "app.pop_screen", N_("All days"), id="day.back"),
    ]

    def __init__(self, day_id: int) -> None:
        super().__init__()
        self.day_id = day_id
        self.model: DayModel | None = None
        self._summary = ""
        self._rendered: list[tuple[str, tuple[Any, ...]]] = []
        self._notified: set[tuple[int, datetime]] = set()
        self._compact: bool | None = None
        self._column_spec: list[tuple[str, int]] = []
        #: Where the agenda cursor was, so it knows which way to step over a break.
        self._cursor_row = 0
        #: The case the cursor goes to when the next read arrives (the first: the current).
        self._focus_next: int | None = None
        self._focused_once = False
        self._loading = False
        self._last_read = 0
        # The writer: changes in the order pressed, one thread writing them one by one.
        self._queue: deque[QueuedChange] = deque()
        self._queue_lock = threading.Lock()
        self._writing = False
        #: When the change being written started (monotonic), read by `tick` for the notice.
        self._write_started: float | None = None
        self._told_busy = False

    # --- layout and loading -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        with Horizontal(id="day-top"):
            yield Static(id="day-summary")
            yield Static(id="day-state")
        with Horizontal(id="day-status"):
            yield MeetingTimer(id="timer")
            yield Static(id="day-end")
        yield DataTable(id="agenda", cursor_type="row")
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.load()
        self.set_interval(1, self.tick)

    @property
    def settled(self) -> bool:
        """The day is shown and every read and change is done (for tests and snapshots)."""
        return self.model is not None and not self._loading and not self._writing

    def on_resize(self) -> None:
        self.tick()

    def _columns(self) -> bool:
        """Whether the agenda is compact changed with the width. Below `WIDE` columns the
        challenges are left out so the times and status stay readable."""
        compact = self.size.width < WIDE
        if compact == self._compact:
            return False
        self._compact = compact
        return True

    def _fit_columns(self, rows: list[tuple[str, tuple[Any, ...]]]) -> None:
        """Give the agenda columns as wide as their widest cell, rebuilt when that changes.

        Widths are set, not measured by the table when idle: the rows arrive after the table
        was first drawn, and a line drawn before the table measured them would stay cut."""
        labels = ["#", _("Pre-meeting"), _("Meeting"), _("Citizen"), _("Challenges")]
        if self._compact:
            labels.pop()
        labels += [_("Prep. · roster"), _("Status")]
        widths = [
            max(
                [Text(label).cell_len]
                + [
                    Text(line).cell_len
                    for _key, cells in rows
                    for line in str(cells[i]).split("\n")
                ]
            )
            for i, label in enumerate(labels)
        ]
        spec = list(zip(labels, widths, strict=True))
        if spec == self._column_spec:
            return
        self._column_spec = spec
        table = self.query_one("#agenda", DataTable)
        table.clear(columns=True)
        for label, width in spec:
            table.add_column(label, width=width)

    def on_screen_resume(self) -> None:
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def load(self) -> None:
        """Read the day, its cases and their readiness in a worker; `DayLoaded` redraws."""
        self._loading = True
        self._show_state()
        store, clock, day_id = self.store, self.clock, self.day_id

        def read() -> None:
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
            if self._writing:  # the writer reads the day again once its changes are stored
                self._show_state()
                return
        if message.read < self._last_read:
            return
        self._last_read = message.read
        self._show(message.model)

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
        start = model.start.strftime("%H:%M")
        end = model.schedule().planned_end.strftime("%H:%M")
        date_text = f"{model.date:%d.%m.%Y}"
        summary = [
            _("Day {date}, {start}–{end}").format(date=date_text, start=start, end=end)
            if model.cases
            else _("Day {date}, from {start}").format(date=date_text, start=start)
        ]
        if model.location:
            summary.append(model.location)
        if model.coordinator:
            summary.append(_("Coordinator: {name}").format(name=model.coordinator))
        self._summary = "  ·  ".join(summary)
        self.query_one("#day-summary", Static).update(plain(self._summary))
        self._show_state()
        self.tick()
        if self._focus_next is None and not self._focused_once:
            self._focus_next = self._current_case_id()
        self._focused_once = True
        if self._focus_next is not None:
            self._focus_case(self._focus_next)
            self._focus_next = None

    def _show_state(self) -> None:
        """ "saving…", "loading…" or that the database is busy; nothing when all is stored."""
        started = self._write_started
        busy = started is not None and monotonic() - started > SLOW_WRITE
        if busy:
            text = _("Database busy: your change is waiting to be saved…")
        elif self._writing:
            text = _("saving…")
        elif self._loading:
            text = _("loading…")
        else:
            text = ""
        state = self.query_one("#day-state", Static)
        state.update(text)
        state.display = bool(text)
        state.set_class(busy, "-busy")
        if busy and not self._told_busy:
            self._told_busy = True
            self.notify(
                _(
                    "The database is locked by another program. Your change is saved as soon "
                    "as it is free; the clock keeps running."
                ),
                title=_("Database busy"),
                severity="warning",
                timeout=8,
            )

    # --- the live part (every second) --------------------------------------------------------

    def tick(self) -> None:
        """Re-predict the day at the clock's now; redraw the agenda only when it changed."""
        self._show_state()
        if self.model is None:
            return
        now = self.clock.now()
        schedule = self.model.schedule(now)
        running = running_phase(schedule, self.model.timings, now)
        self._show_timer(running, schedule, now)
        self._show_end(schedule)
        self._render_agenda(schedule, running)
        self._maybe_notify(running)

    def _case(self, case_id: int) -> AgendaCase:
        assert self.model is not None
        case = self.model.case(case_id)
        assert case is not None
        return case

    def _show_timer(self, running: RunningPhase | None, schedule: Schedule, now: datetime) -> None:
        timer = self.query_one(MeetingTimer)
        if running is not None:
            case = self._case(running.case_id)
            timer.show_running(running, case.position, case.citizen)
            return
        upcoming = [
            (slot, self._case(slot.case_id))
            for slot in schedule.slots
            if slot.status is CaseStatus.PLANNED
        ]
        if upcoming:
            slot, case = upcoming[0]
            title = Text(_("Next: case {position}, ").format(position=case.position))
            title.append(case.citizen)
            detail = Text(
                _("Pre-meeting {pre} · meeting {meeting}").format(
                    pre=f"{slot.predicted_pre.start:%H:%M}",
                    meeting=f"{slot.predicted_meeting.start:%H:%M}",
                )
            )
        elif schedule.slots:
            title, detail = Text(_("The day is over.")), Text("")
        else:
            title = Text(_("No cases yet."))
            detail = Text(_("Press n to add a case."))
        timer.show_idle(now, title, detail, can_start=bool(upcoming))

    def _show_end(self, schedule: Schedule) -> None:
        end = self.query_one("#day-end", Static)
        text = Text(_("End of day") + "\n", style="bold")
        text.append(_("Planned {time}").format(time=f"{schedule.planned_end:%H:%M}") + "\n")
        delay = int(schedule.delay.total_seconds() // 60)
        predicted = _("Predicted {time}").format(time=f"{schedule.predicted_end:%H:%M}")
        if delay > 0:
            text.append(predicted + f" (+{delay} min)", style="bold yellow")
        elif delay < 0:
            text.append(predicted + f" ({delay} min)", style="green")
        else:
            text.append(predicted)
        end.update(text)
        end.set_class(delay > 0, "-late")

    def _render_agenda(self, schedule: Schedule, running: RunningPhase | None) -> None:
        assert self.model is not None
        if self._columns():
            self._rendered = []
        rows: list[tuple[str, tuple[Any, ...]]] = []
        breaks = list(schedule.breaks)
        for case in self.model.cases:
            slot = schedule.slot(case.id)
            # Breaks sit where the day really pauses: before the slot's predicted start.
            start = slot.predicted_pre.start if slot.held else slot.planned_pre.start
            while breaks and breaks[0].start <= start:
                rows.append(self._break_row(breaks.pop(0), len(rows)))
            rows.append((str(case.id), self._case_cells(case, schedule, running)))
        rows.extend(self._break_row(brk, len(rows) + i) for i, brk in enumerate(breaks))
        if self._compact:
            rows = [(key, cells[:4] + cells[5:]) for key, cells in rows]
        if rows == self._rendered:
            return
        self._rendered = rows
        table = self.query_one("#agenda", DataTable)
        selected = self.selected_case_id()
        self._fit_columns(rows)
        table.clear()
        for key, cells in rows:
            height = max(str(cell).count("\n") + 1 for cell in cells)
            table.add_row(*cells, key=key, height=height)
        if selected is not None:
            self._focus_case(selected)

    def _break_row(self, brk: Interval, index: int) -> tuple[str, tuple[Any, ...]]:
        style = "italic dim"
        span, label = plain(_span(brk), style), plain(_("Break"), style)
        if self._compact:  # the narrow pre-meeting column only holds a start time
            return f"break-{index}", ("", "", span, label, "", "", "")
        return f"break-{index}", ("", span, label, "", "", "", "")

    def _case_cells(
        self, case: AgendaCase, schedule: Schedule, running: RunningPhase | None
    ) -> tuple[Any, ...]:
        assert self.model is not None
        slot = schedule.slot(case.id)
        status = case.status
        is_running = running is not None and running.case_id == case.id
        style = "dim" if status in DONE_LIKE else ("bold" if is_running else "")
        if status in (CaseStatus.CANCELLED, CaseStatus.ABSENT):
            style = "dim strike"
        held = status not in (CaseStatus.CANCELLED, CaseStatus.ABSENT)
        pre = slot.predicted_pre if held else slot.planned_pre
        meeting = slot.predicted_meeting if held else slot.planned_meeting
        challenges = ", ".join(_(CHALLENGE_LABELS[kind]) for kind in case.challenges)
        status_text = Text(_(CASE_STATUS_LABELS[status]), style=style)
        moved = self.model.moved_from(case, schedule)
        if moved is not None:
            status_text.append(
                "\n" + _("moved from {time}").format(time=f"{moved:%H:%M}"), style="bold yellow"
            )
        if is_running and running is not None:
            status_text.stylize(
                "bold black on red" if running.is_overrun else "bold black on green"
            )
        marker = "▶ " if is_running else ""
        return (
            Text(f"{marker}{case.position}", style=style),
            _times(slot.planned_pre, pre, style, start_only=bool(self._compact)),
            _times(slot.planned_meeting, meeting, style),
            plain(case.citizen, style),
            Text(challenges, style=style),
            readiness_text(case.readiness) if case.readiness else Text(""),
            status_text,
        )

    def _maybe_notify(self, running: RunningPhase | None) -> None:
        """Once per meeting: five minutes left."""
        if running is None or running.phase != "meeting":
            return
        key = (running.case_id, running.started)
        if key in self._notified or not timedelta(0) < running.remaining <= FIVE_MINUTES:
            return
        self._notified.add(key)
        self.notify(
            _("Five minutes left of the meeting with {citizen}.").format(
                citizen=self._case(running.case_id).citizen
            ),
            title=_("Time"),
            severity="warning",
            timeout=15,
            markup=False,
        )

    # --- selection ---------------------------------------------------------------------------

    def selected_case_id(self) -> int | None:
        """The case under the agenda's cursor (None on a break or an empty agenda)."""
        table = self.query_one("#agenda", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key and key.isdigit() else None

    def _focus_case(self, case_id: int | None) -> None:
        table = self.query_one("#agenda", DataTable)
        if case_id is None:
            return
        try:
            index = table.get_row_index(str(case_id))
        except Exception:  # noqa: BLE001 - the row is gone (another writer); keep the cursor
            return
        table.move_cursor(row=index, animate=False)

    def _running_case_id(self) -> int | None:
        assert self.model is not None
        return next((c.id for c in self.model.cases if c.status in RUNNING), None)

    def _current_case_id(self) -> int | None:
        """The running case, else the first planned one."""
        if self.model is None:
            return None
        running = self._running_case_id()
        if running is not None:
            return running
        return next((c.id for c in self.model.cases if c.status is CaseStatus.PLANNED), None)

    def _next_case_after(self, case_id: int) -> int | None:
        """The first planned case after `case_id` in agenda order (where the day goes on)."""
        assert self.model is not None
        ids = [c.id for c in self.model.cases]
        later = self.model.cases[ids.index(case_id) + 1 :] if case_id in ids else ()
        return next((c.id for c in later if c.status is CaseStatus.PLANNED), None)

    def _selected_or_tell(self) -> int | None:
        case_id = self.selected_case_id()
        if case_id is None:
            self.notify(_("Select a case first."), severity="warning")
        return case_id

    # --- writing: queued, in order, off the event loop ---------------------------------------

    def _submit(self, change: QueuedChange) -> None:
        """Queue a change for the writer thread (started when none runs)."""
        with self._queue_lock:
            self._queue.append(change)
            start = not self._writing
            self._writing = True
        self._show_state()
        if start:
            self.run_worker(self._write_all, thread=True, group="day-write", name="write day")

    def _write_all(self) -> None:
        """The writer thread: store the queued changes one by one, then read the day again.

        A locked database makes a change wait (up to the store's busy timeout) while the UI
        goes on; when the store gives up (`Unavailable`), the changes queued after it are
        dropped as well (they were pressed expecting it) and the user is told in one line."""
        store, clock, day_id = self.store, self.clock, self.day_id
        while True:
            while True:
                with self._queue_lock:
                    if not self._queue:
                        break
                    change = self._queue.popleft()
                self._write_started = monotonic()
                try:
                    change.write(stamped(store, change.made))
                except Unavailable as exc:
                    with self._queue_lock:
                        dropped = len(self._queue)
                        self._queue.clear()
                    message = exc.message
                    if dropped:
                        message += " " + _("{count} more changes were not saved.").format(
                            count=dropped
                        )
                    self.post_message(DayFailed(message))
                except StoreError as exc:
                    self.post_message(DayFailed(exc.message))
                finally:
                    self._write_started = None
            try:
                model, read = read_day(store, clock, day_id)
            except StoreError as exc:
                model, read = None, 0
                self.post_message(DayFailed(exc.message))
            with self._queue_lock:
                if self._queue:
                    continue
                self._writing = False
            self.post_message(
                DayLoaded(model, read, written=True) if model is not None else DayFailed("")
            )
            return

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
                    self._focus_case(self._next_case_after(case_id))
        self._submit(QueuedChange(case_id, lambda store: write(store, case_id), now))

    def action_next_step(self) -> None:
        """Move the day along: end/advance the running case, else start the selected one."""
        if self.model is None:
            return
        running = self._running_case_id()
        if running is not None:
            self._focus_case(running)
            question = self._slip_question(running)
            if question is None:
                self._change(timing.advance, running, "advance")
            else:
                self._confirm_then(question, timing.advance, "advance", running)
        else:
            self._change(timing.advance, self._selected_or_tell(), "advance")

    def _slip_question(self, case_id: int) -> str | None:
        """A question ({citizen} to fill in) when space would end a phase that began only
        seconds ago.

        Space both starts and moves a case along, so a double press (or a key that repeats)
        would otherwise skip the pre-meeting or end a meeting the citizen just sat down to."""
        case = self._case(case_id)
        began = (
            case.timing.meeting_started_at
            if case.status is CaseStatus.MEETING
            else case.timing.pre_started_at
        )
        if began is None or self.clock.now() - began >= SLIP_GUARD:
            return None
        if case.status is CaseStatus.MEETING:
            return _("The meeting with {citizen} began only seconds ago. End it now?")
        return _(
            "The pre-meeting of {citizen}'s case began only seconds ago. Start the meeting now?"
        )

    def action_start_pre_meeting(self) -> None:
        if self.model is not None:
            self._change(timing.start_pre_meeting, self._selected_or_tell(), "start-pre")

    def action_start_meeting(self) -> None:
        if self.model is None:
            return
        in_pre = [c.id for c in self.model.cases if c.status is CaseStatus.PRE_MEETING]
        target = in_pre[0] if in_pre else self._selected_or_tell()
        self._change(timing.start_meeting, target, "start-meeting")

    def action_end_meeting(self) -> None:
        if self.model is None:
            return
        meeting = [c.id for c in self.model.cases if c.status is CaseStatus.MEETING]
        if not meeting:
            self.notify(_("No meeting is running."), severity="warning")
            return
        self._change(timing.end_meeting, meeting[0], "end")

    def _confirm_then(
        self,
        question: str,
        write: Callable[[Store, int], object],
        expect: Change,
        case_id: int | None = None,
    ) -> None:
        """Ask `question` ({citizen} filled in) about the case (the selected one unless given)
        and make the change on yes."""
        from coordinator.screens.day_dialogs import ConfirmDialog

        if self.model is None:
            return
        if case_id is None:
            case_id = self._selected_or_tell()
        if case_id is None:
            return
        name = self._case(case_id).citizen

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._change(write, case_id, expect)

        self.app.push_screen(ConfirmDialog(question.format(citizen=name)), done)

    def action_absent(self) -> None:
        self._confirm_then(
            _("Mark {citizen} as absent? The meeting will not be held."),
            timing.mark_absent,
            "absent",
        )

    def action_cancel_case(self) -> None:
        self._confirm_then(
            _(
                "Cancel the case of {citizen}? Its slot stays free until you pull later cases "
                "forward."
            ),
            timing.cancel_case,
            "cancel",
        )

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

    @on(DataTable.RowHighlighted, "#agenda")
    def _step_over_breaks(self, event: DataTable.RowHighlighted) -> None:
        """The cursor steps over a break in the direction it was moving: every key of the day
        screen acts on a case, so the cursor never rests where no key works."""
        table = event.data_table
        row = event.cursor_row
        moving_up = row < self._cursor_row
        if str(event.row_key.value).startswith("break-"):
            order = [row - 1, row + 1] if moving_up else [row + 1, row - 1]
            for step in order:
                while 0 <= step < table.row_count:
                    key = table.coordinate_to_cell_key((step, 0)).row_key.value
                    if not str(key).startswith("break-"):
                        self._cursor_row = step
                        table.move_cursor(row=step, animate=False)
                        return
                    step += -1 if step < row else 1
        self._cursor_row = row

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

    def action_export(self) -> None:
        from coordinator.screens.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(kind="day", ref_id=self.day_id))
