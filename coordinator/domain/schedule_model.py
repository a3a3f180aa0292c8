"""The data of a step-up day's schedule, and the checks that reject data it cannot schedule.

Split from `schedule` so that module keeps to one job -- computing the planned and predicted
times -- while this one holds what goes in and comes out (plain frozen dataclasses: the day's
settings, one case's timing, the computed slots and the whole day) and why an input is refused
(`validate_plan`, and the agenda checks `build_schedule` runs first). Everything here is pure.
`schedule` re-exports the public names, so callers import them from there as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from coordinator.domain.breaks import Break, BreakPolicy, Interval, break_intervals
from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import _

Phase = Literal["pre-meeting", "meeting"]

#: Statuses whose slot is not held: the citizen's meeting does not take place.
NOT_HELD = frozenset({CaseStatus.CANCELLED, CaseStatus.ABSENT})
#: Statuses of a case that is running right now.
RUNNING = frozenset({CaseStatus.PRE_MEETING, CaseStatus.MEETING})


class ScheduleError(ValueError):
    """A day or agenda that cannot be scheduled; the message is translated and meant for users."""


@dataclass(frozen=True)
class DayPlan:
    """The settings of one step-up day that decide its timetable."""

    date: date
    start: time
    pre_minutes: int = 15
    meeting_minutes: int = 45
    breaks: tuple[Break, ...] = ()
    #: What an overrun does to the breaks (see `coordinator.domain.breaks`).
    break_policy: BreakPolicy = BreakPolicy.FIXED

    @property
    def start_at(self) -> datetime:
        """The day's start as a datetime on the day's date."""
        return datetime.combine(self.date, self.start)


@dataclass(frozen=True)
class CaseTiming:
    """One agenda slot as the store knows it: status, optional overrides and actual times."""

    case_id: int
    status: CaseStatus
    meeting_minutes: int | None = None
    planned_start: datetime | None = None
    pre_started_at: datetime | None = None
    meeting_started_at: datetime | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True)
class SlotTimes:
    """The computed times of one case.

    For a slot that is not held (cancelled, citizen absent) the predicted intervals are
    informational: what actually happened (an absent citizen's pre-meeting may have run; its
    meeting is then an empty interval at the pre-meeting's end), otherwise the planned times.
    """

    case_id: int
    status: CaseStatus
    held: bool
    planned_pre: Interval
    planned_meeting: Interval
    predicted_pre: Interval
    predicted_meeting: Interval

    @property
    def planned_start(self) -> datetime:
        return self.planned_pre.start

    @property
    def planned_end(self) -> datetime:
        return self.planned_meeting.end

    @property
    def predicted_start(self) -> datetime:
        return self.predicted_pre.start

    @property
    def predicted_end(self) -> datetime:
        return self.predicted_meeting.end

    @property
    def planned(self) -> Interval:
        return Interval(self.planned_start, self.planned_end)

    @property
    def predicted(self) -> Interval:
        return Interval(self.predicted_start, self.predicted_end)

    @property
    def moved(self) -> bool:
        """True when the prediction differs from what participants were told."""
        return (
            self.predicted_pre != self.planned_pre or self.predicted_meeting != self.planned_meeting
        )


@dataclass(frozen=True)
class Schedule:
    """The whole day: every slot in agenda order, and when the day ends."""

    plan: DayPlan
    slots: tuple[SlotTimes, ...]
    planned_end: datetime
    predicted_end: datetime
    #: The breaks where the day really pauses: the planned ones for a fixed policy; for a
    #: floating one, moved with the overrun (never shortened).
    predicted_breaks: tuple[Interval, ...] = ()

    @property
    def delay(self) -> timedelta:
        """How much later than planned the day ends (negative: it ends early, e.g. the last
        case was cancelled)."""
        return self.predicted_end - self.planned_end

    @property
    def breaks(self) -> tuple[Interval, ...]:
        return plan_breaks(self.plan)

    @property
    def start(self) -> datetime:
        return self.plan.start_at

    def slot(self, case_id: int) -> SlotTimes:
        """The slot of one case; KeyError when it is not on the agenda."""
        for slot in self.slots:
            if slot.case_id == case_id:
                return slot
        raise KeyError(case_id)


@dataclass(frozen=True)
class RunningPhase:
    """The phase running now, for the live timer: "time left" counts from the real start."""

    case_id: int
    phase: Phase
    started: datetime
    planned_end: datetime
    remaining: timedelta

    @property
    def overrun(self) -> timedelta:
        """How far past its length the phase has run; zero while it is within it."""
        return max(-self.remaining, timedelta(0))

    @property
    def is_overrun(self) -> bool:
        return self.remaining < timedelta(0)


# --- validation -----------------------------------------------------------------------------


def hhmm(moment: time | datetime) -> str:
    return moment.strftime("%H:%M")


def validate_plan(plan: DayPlan) -> None:
    """Reject a day that cannot be planned, with a reason the coordinator can act on.

    Checked: positive durations, every break ends after it starts and not before the day starts,
    and no two breaks overlap (touching breaks are fine). Whether the cases fit before midnight
    depends on the agenda and is checked by `build_schedule`.
    """
    if plan.pre_minutes <= 0:
        raise ScheduleError(_("The pre-meeting must last at least one minute."))
    if plan.meeting_minutes <= 0:
        raise ScheduleError(_("The meeting must last at least one minute."))
    for item in plan.breaks:
        if item.end <= item.start:
            raise ScheduleError(
                _("The break {start}–{end} must end after it starts.").format(
                    start=hhmm(item.start), end=hhmm(item.end)
                )
            )
        if item.latest_start is not None and item.latest_start < item.start:
            raise ScheduleError(
                _(
                    "The break {start}–{end} cannot have its latest start {latest} before it "
                    "starts."
                ).format(start=hhmm(item.start), end=hhmm(item.end), latest=hhmm(item.latest_start))
            )
        if item.start < plan.start:
            raise ScheduleError(
                _("The break {start}–{end} starts before the day starts at {day_start}.").format(
                    start=hhmm(item.start), end=hhmm(item.end), day_start=hhmm(plan.start)
                )
            )
    ordered = sorted(plan.breaks, key=lambda b: (b.start, b.end))
    for first, second in zip(ordered, ordered[1:], strict=False):
        if second.start < first.end:
            raise ScheduleError(
                _("The breaks {first} and {second} overlap.").format(
                    first=f"{hhmm(first.start)}–{hhmm(first.end)}",
                    second=f"{hhmm(second.start)}–{hhmm(second.end)}",
                )
            )


def validate_cases(plan: DayPlan, cases: Sequence[CaseTiming]) -> None:
    """Reject agenda data the store should never produce, rather than guess at it."""
    seen: set[int] = set()
    for case in cases:
        cid = case.case_id
        if cid in seen:
            raise ScheduleError(_("Case {case_id} is on the agenda twice.").format(case_id=cid))
        seen.add(cid)
        if case.meeting_minutes is not None and case.meeting_minutes <= 0:
            raise ScheduleError(
                _("Case {case_id}: the meeting must last at least one minute.").format(case_id=cid)
            )
        if case.planned_start is not None and case.planned_start.date() != plan.date:
            raise ScheduleError(
                _("Case {case_id}: its planned start {planned} is not on the day {day}.").format(
                    case_id=cid,
                    planned=case.planned_start.strftime("%Y-%m-%d %H:%M"),
                    day=plan.date.isoformat(),
                )
            )
        if case.status is CaseStatus.PLANNED:
            continue  # nothing happened yet; stale actual times are ignored
        if case.status is CaseStatus.PRE_MEETING and case.pre_started_at is None:
            raise ScheduleError(
                _("Case {case_id} is in its pre-meeting but has no start time.").format(case_id=cid)
            )
        if case.status is CaseStatus.MEETING and case.meeting_started_at is None:
            raise ScheduleError(
                _("Case {case_id} is in its meeting but has no start time.").format(case_id=cid)
            )
        if case.status in (CaseStatus.DONE, CaseStatus.ABSENT_HELD) and (
            case.meeting_started_at is None or case.ended_at is None
        ):
            raise ScheduleError(
                _("Case {case_id} is done but has no meeting start or end time.").format(
                    case_id=cid
                )
            )
        stamps = [
            stamp
            for stamp in (case.pre_started_at, case.meeting_started_at, case.ended_at)
            if stamp is not None
        ]
        if stamps != sorted(stamps):
            raise ScheduleError(
                _("Case {case_id}: its recorded times are out of order.").format(case_id=cid)
            )


def plan_breaks(plan: DayPlan) -> tuple[Interval, ...]:
    """The day's planned breaks as intervals on its date, in time order."""
    return break_intervals(plan.date, plan.breaks)
