"""The lines above the day's agenda: what the day is and whether it is saved; what runs or comes
next, and when the day will end.

Kept apart from the screen because they only show what the screen hands them (the plain view of
the day, the schedule predicted at the clock's now, the running phase) and decide nothing: the
screen reads, writes and predicts, these say it in words and colours. The five-minute notice of
a meeting belongs here too, as it is the timer's warning said once more in a notification.

They live in `screens/`, not `widgets/`: they read the store's view-model types, which widgets
may not import (the import-linter contracts in pyproject.toml).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from coordinator.domain.schedule import RunningPhase, Schedule
from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import _
from coordinator.widgets.plain import plain, show
from coordinator.widgets.timer import MeetingTimer

if TYPE_CHECKING:
    from coordinator.store.day_model import AgendaCase, DayModel

#: The meeting notification comes when this much is left.
FIVE_MINUTES = timedelta(minutes=5)


class SummaryLine(Horizontal):
    """The day's date, times, place and coordinator, and at the right whether it is saved."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._told_busy = False

    def compose(self) -> ComposeResult:
        yield Static(id="day-summary")
        yield Static(id="day-state")

    def show_day(self, model: DayModel) -> None:
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
        self.query_one("#day-summary", Static).update(plain("  ·  ".join(summary)))

    def show_state(self, *, busy: bool, writing: bool, loading: bool) -> None:
        """ "saving…", "loading…" or that the database is busy (told once in a notification
        too); nothing when all is stored."""
        if busy:
            text = _("Database busy: your change is waiting to be saved…")
        elif writing:
            text = _("saving…")
        elif loading:
            text = _("loading…")
        else:
            text = ""
        state = self.query_one("#day-state", Static)
        show(state, text)  # asked every second (the clock's tick)
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


class StatusPanel(Horizontal):
    """The timer of the running phase (or what comes next) and the end of the day."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._notified: set[tuple[int, datetime]] = set()

    def compose(self) -> ComposeResult:
        yield MeetingTimer(id="timer")
        yield Static(id="day-end")

    def show_day(
        self, model: DayModel, schedule: Schedule, running: RunningPhase | None, now: datetime
    ) -> None:
        """Show the day as predicted at `now`; five minutes before a meeting ends, say so."""
        self._show_timer(model, running, schedule, now)
        self._show_end(schedule)
        self._maybe_notify(model, running)

    def _show_timer(
        self, model: DayModel, running: RunningPhase | None, schedule: Schedule, now: datetime
    ) -> None:
        timer = self.query_one(MeetingTimer)
        if running is not None:
            case = _case(model, running.case_id)
            timer.show_running(running, case.position, case.citizen)
            return
        upcoming = [
            (slot, _case(model, slot.case_id))
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
        show(end, text)  # asked every second (the clock's tick)
        end.set_class(delay > 0, "-late")

    def _maybe_notify(self, model: DayModel, running: RunningPhase | None) -> None:
        """Once per meeting: five minutes left."""
        if running is None or running.phase != "meeting":
            return
        key = (running.case_id, running.started)
        if key in self._notified or not timedelta(0) < running.remaining <= FIVE_MINUTES:
            return
        self._notified.add(key)
        self.notify(
            _("Five minutes left of the meeting with {citizen}.").format(
                citizen=_case(model, running.case_id).citizen
            ),
            title=_("Time"),
            severity="warning",
            timeout=15,
            markup=False,
        )


def _case(model: DayModel, case_id: int) -> AgendaCase:
    case = model.case(case_id)
    assert case is not None
    return case
