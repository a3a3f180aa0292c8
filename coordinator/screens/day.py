"""The day: its agenda as the coordinator runs it, with the live timer of the running slot.

The screen stays thin: the store stamps every status change with the clock as it happens
(`store.timing`), the domain computes planned and predicted times, and the screen shows them.
Once a second it re-predicts the day from the cached case timings and the injected clock (pure
and cheap); readiness (preparation, roster findings) is read on load and after every action.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Static

from coordinator.domain.roster_rules import Severity, count_by_severity
from coordinator.domain.schedule import (
    Interval,
    RunningPhase,
    Schedule,
    build_schedule,
    running_phase,
)
from coordinator.domain.vocab import CASE_STATUS_LABELS, CHALLENGE_LABELS, CaseStatus
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.store import timing
from coordinator.store.days import CaseRow, DayView, load_day, moved_from, timing_of
from coordinator.store.errors import StoreError
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


@dataclass(frozen=True)
class Readiness:
    """Preparation complete, and the roster findings by severity (read on load)."""

    prepared: bool
    errors: int
    warnings: int

    def render(self) -> Text:
        text = Text("✓" if self.prepared else "✗", style="green" if self.prepared else "red")
        text.append(" · ", style="dim")
        parts: list[tuple[str, str]] = []
        if self.errors:
            parts.append((_("{count} err.").format(count=self.errors), "red"))
        if self.warnings:
            parts.append((_("{count} warn.").format(count=self.warnings), "yellow"))
        if not parts:
            text.append("OK", style="green")
        for index, (label, style) in enumerate(parts):
            text.append((", " if index else "") + label, style=style)
        return text


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
        self.view: DayView | None = None
        self.readiness: dict[int, Readiness] = {}
        self._rendered: list[tuple[str, tuple[Any, ...]]] = []
        self._notified: set[tuple[int, datetime]] = set()
        self._compact: bool | None = None
        #: Where the agenda cursor was, so it knows which way to step over a break.
        self._cursor_row = 0

    # --- layout and loading -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="day-summary")
        with Horizontal(id="day-status"):
            yield MeetingTimer(id="timer")
            yield Static(id="day-end")
        yield DataTable(id="agenda", cursor_type="row")
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.load()
        self._focus_case(self._current_case_id())
        self.set_interval(1, self.tick)

    def on_resize(self) -> None:
        self.tick()

    def _columns(self) -> bool:
        """(Re)build the agenda's columns for the width; True when they changed. Below
        `WIDE` columns the challenges are left out so the times and status stay readable."""
        compact = self.size.width < WIDE
        if compact == self._compact:
            return False
        self._compact = compact
        table = self.query_one("#agenda", DataTable)
        table.clear(columns=True)
        labels = [_("Pre-meeting"), _("Meeting"), _("Citizen"), _("Challenges")]
        if compact:
            labels.pop()
        table.add_columns("#", *labels, _("Prep. · roster"), _("Status"))
        return True

    def on_screen_resume(self) -> None:
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def load(self) -> None:
        """Read the day, its cases and their readiness from the store; redraw everything."""
        from coordinator.store import preparation, roster

        now = self.clock.now()
        self.view = view = load_day(self.store, self.day_id, now)
        readiness = {}
        for row in view.cases:
            case_id = row.case.id or 0
            counts = count_by_severity(roster.check(self.store, case_id, now))
            readiness[case_id] = Readiness(
                prepared=preparation.is_complete(self.store, case_id),
                errors=counts[Severity.ERROR],
                warnings=counts[Severity.WARNING],
            )
        self.readiness = readiness
        day = view.day
        self.sub_title = f"{day.date:%d.%m.%Y}"
        start = day.start_time.strftime("%H:%M")
        end = view.schedule.planned_end.strftime("%H:%M")
        summary = [
            _("Day {date}, {start}–{end}").format(date=f"{day.date:%d.%m.%Y}", start=start, end=end)
            if view.cases
            else _("Day {date}, from {start}").format(date=f"{day.date:%d.%m.%Y}", start=start)
        ]
        if day.location:
            summary.append(day.location)
        if view.coordinator:
            summary.append(_("Coordinator: {name}").format(name=view.coordinator.name))
        self.query_one("#day-summary", Static).update(plain("  ·  ".join(summary)))
        self._rendered = []
        self.tick()

    # --- the live part (every second) --------------------------------------------------------

    def _schedule(self, now: datetime) -> Schedule:
        assert self.view is not None
        timings = [timing_of(row.case) for row in self.view.cases]
        return build_schedule(self.view.schedule.plan, timings, now)

    def tick(self) -> None:
        """Re-predict the day at the clock's now; redraw the agenda only when it changed."""
        if self.view is None:
            return
        now = self.clock.now()
        schedule = self._schedule(now)
        timings = [timing_of(row.case) for row in self.view.cases]
        running = running_phase(schedule, timings, now)
        self._show_timer(running, schedule, now)
        self._show_end(schedule)
        self._render_agenda(schedule, running)
        self._maybe_notify(running)

    def _row_of(self, case_id: int) -> CaseRow:
        assert self.view is not None
        return next(row for row in self.view.cases if row.case.id == case_id)

    def _show_timer(self, running: RunningPhase | None, schedule: Schedule, now: datetime) -> None:
        timer = self.query_one(MeetingTimer)
        if running is not None:
            row = self._row_of(running.case_id)
            timer.show_running(running, row.case.position, row.citizen.name)
            return
        upcoming = [
            (slot, self._row_of(slot.case_id))
            for slot in schedule.slots
            if slot.status is CaseStatus.PLANNED
        ]
        if upcoming:
            slot, row = upcoming[0]
            title = Text(_("Next: case {position}, ").format(position=row.case.position))
            title.append(row.citizen.name)
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
        assert self.view is not None
        if self._columns():
            self._rendered = []
        rows: list[tuple[str, tuple[Any, ...]]] = []
        breaks = list(schedule.breaks)
        for row in self.view.cases:
            slot = schedule.slot(row.case.id or 0)
            # Breaks sit where the day really pauses: before the slot's predicted start.
            start = slot.predicted_pre.start if slot.held else slot.planned_pre.start
            while breaks and breaks[0].start <= start:
                rows.append(self._break_row(breaks.pop(0), len(rows)))
            rows.append((str(row.case.id), self._case_cells(row, schedule, running)))
        rows.extend(self._break_row(brk, len(rows) + i) for i, brk in enumerate(breaks))
        if self._compact:
            rows = [(key, cells[:4] + cells[5:]) for key, cells in rows]
        if rows == self._rendered:
            return
        self._rendered = rows
        table = self.query_one("#agenda", DataTable)
        selected = self.selected_case_id()
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
        self, row: CaseRow, schedule: Schedule, running: RunningPhase | None
    ) -> tuple[Any, ...]:
        case_id = row.case.id or 0
        slot = schedule.slot(case_id)
        status = CaseStatus(row.case.status)
        is_running = running is not None and running.case_id == case_id
        style = "dim" if status in DONE_LIKE else ("bold" if is_running else "")
        if status in (CaseStatus.CANCELLED, CaseStatus.ABSENT):
            style = "dim strike"
        held = status not in (CaseStatus.CANCELLED, CaseStatus.ABSENT)
        pre = slot.predicted_pre if held else slot.planned_pre
        meeting = slot.predicted_meeting if held else slot.planned_meeting
        challenges = ", ".join(
            _(CHALLENGE_LABELS[kind]) for kind in row.case.challenge_kinds
        )
        status_text = Text(_(CASE_STATUS_LABELS[status]), style=style)
        moved = moved_from(row, self.view) if self.view else None
        if moved is not None:
            status_text.append(
                "\n" + _("moved from {time}").format(time=f"{moved:%H:%M}"), style="bold yellow"
            )
        if is_running and running is not None:
            status_text.stylize(
                "bold black on red" if running.is_overrun else "bold black on green"
            )
        marker = "▶ " if is_running else ""
        readiness = self.readiness.get(case_id)
        return (
            Text(f"{marker}{row.case.position}", style=style),
            _times(slot.planned_pre, pre, style, start_only=bool(self._compact)),
            _times(slot.planned_meeting, meeting, style),
            plain(row.citizen.name, style),
            Text(challenges, style=style),
            readiness.render() if readiness else Text(""),
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
        row = self._row_of(running.case_id)
        self.notify(
            _("Five minutes left of the meeting with {citizen}.").format(citizen=row.citizen.name),
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
        assert self.view is not None
        for row in self.view.cases:
            if CaseStatus(row.case.status) in timing.RUNNING:
                return row.case.id
        return None

    def _current_case_id(self) -> int | None:
        """The running case, else the first planned one."""
        if self.view is None:
            return None
        running = self._running_case_id()
        if running is not None:
            return running
        for row in self.view.cases:
            if row.case.status == CaseStatus.PLANNED:
                return row.case.id
        return None

    def _selected_or_tell(self) -> int | None:
        case_id = self.selected_case_id()
        if case_id is None:
            self.notify(_("Select a case first."), severity="warning")
        return case_id

    # --- actions -----------------------------------------------------------------------------

    def _change(self, change: Callable[[int], object], case_id: int | None) -> None:
        """Run a store change on a case; show a user error instead of failing; redraw."""
        if case_id is None:
            return
        try:
            change(case_id)
        except StoreError as exc:
            self.notify(exc.message, severity="error", markup=False)
        self.load()
        if self._row_of(case_id).case.status in DONE_LIKE:
            self._focus_case(self._current_case_id())

    def action_next_step(self) -> None:
        """Move the day along: end/advance the running case, else start the selected one."""
        running = self._running_case_id()
        if running is not None:
            self._focus_case(running)
            question = self._slip_question(running)
            if question is None:
                self._change(lambda cid: timing.advance(self.store, cid), running)
            else:
                self._confirm_then(question, lambda cid: timing.advance(self.store, cid), running)
        else:
            self._change(lambda cid: timing.advance(self.store, cid), self._selected_or_tell())

    def _slip_question(self, case_id: int) -> str | None:
        """A question ({citizen} to fill in) when space would end a phase that began only
        seconds ago.

        Space both starts and moves a case along, so a double press (or a key that repeats)
        would otherwise skip the pre-meeting or end a meeting the citizen just sat down to."""
        row = self._row_of(case_id)
        status = CaseStatus(row.case.status)
        began = (
            row.case.meeting_started_at if status is CaseStatus.MEETING else row.case.pre_started_at
        )
        if began is None or self.clock.now() - began >= SLIP_GUARD:
            return None
        if status is CaseStatus.MEETING:
            return _("The meeting with {citizen} began only seconds ago. End it now?")
        return _(
            "The pre-meeting of {citizen}'s case began only seconds ago. Start the meeting now?"
        )

    def action_start_pre_meeting(self) -> None:
        self._change(
            lambda cid: timing.start_pre_meeting(self.store, cid), self._selected_or_tell()
        )

    def action_start_meeting(self) -> None:
        assert self.view is not None
        in_pre = [r.case.id for r in self.view.cases if r.case.status == CaseStatus.PRE_MEETING]
        target = in_pre[0] if in_pre else self._selected_or_tell()
        self._change(lambda cid: timing.start_meeting(self.store, cid), target)

    def action_end_meeting(self) -> None:
        assert self.view is not None
        meeting = [r.case.id for r in self.view.cases if r.case.status == CaseStatus.MEETING]
        if not meeting:
            self.notify(_("No meeting is running."), severity="warning")
            return
        self._change(lambda cid: timing.end_meeting(self.store, cid), meeting[0])

    def _confirm_then(
        self, question: str, change: Callable[[int], object], case_id: int | None = None
    ) -> None:
        """Ask `question` ({citizen} filled in) about the case (the selected one unless given)
        and make the change on yes."""
        from coordinator.screens.day_dialogs import ConfirmDialog

        if case_id is None:
            case_id = self._selected_or_tell()
        if case_id is None:
            return
        name = self._row_of(case_id).citizen.name

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._change(change, case_id)

        self.app.push_screen(ConfirmDialog(question.format(citizen=name)), done)

    def action_absent(self) -> None:
        self._confirm_then(
            _("Mark {citizen} as absent? The meeting will not be held."),
            lambda cid: timing.mark_absent(self.store, cid),
        )

    def action_cancel_case(self) -> None:
        self._confirm_then(
            _(
                "Cancel the case of {citizen}? Its slot stays free until you pull later cases "
                "forward."
            ),
            lambda cid: timing.cancel_case(self.store, cid),
        )

    def action_move(self, delta: int) -> None:
        case_id = self._selected_or_tell()
        self._change(lambda cid: timing.move_case(self.store, cid, delta), case_id)
        self._focus_case(case_id)

    def action_add_case(self) -> None:
        from coordinator.screens.day_dialogs import AddCaseDialog

        def done(case_id: int | None) -> None:
            if case_id:
                self.load()
                self._focus_case(case_id)

        self.app.push_screen(AddCaseDialog(self.day_id), done)

    def action_pull_forward(self) -> None:
        from coordinator.screens.day_dialogs import ConfirmDialog

        try:
            moves = timing.pull_forward(self.store, self.day_id, apply=False)
        except StoreError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
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

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                moved = timing.pull_forward(self.store, self.day_id)
            except StoreError as exc:
                self.notify(exc.message, severity="error", markup=False)
                return
            self.load()
            self.notify(_("Moved {count} cases earlier.").format(count=len(moved)), markup=False)

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
