"""The schedule of a step-up day: planned and predicted times of every pre-meeting and meeting.

A case is a pre-meeting (professionals only) followed directly by its meeting (with the
citizen). Cases run back to back from the day's start, in agenda order, and a case is never
split by a break: if it would not end by the start of a break it begins when the break ends.

Two sets of times are computed, because the room needs both:

* **Planned** times are what the participants were told. Once a case is invited its start is
  frozen (`CaseTiming.planned_start`); a frozen start is honoured when it is later than where the
  case would naturally fall, and ignored (the natural time wins) when it is earlier than the end
  of the previous *held* case, since two meetings cannot share the room.
* **Predicted** times follow what really happens: started slots use their actual times, overruns
  push the rest of the day later, and nothing is predicted earlier than planned.

Cancelled cases and absent citizens leave a gap: later cases keep their (invited) times until
the coordinator explicitly pulls them forward (`pull_forward`), which is shown as a change.

Everything here is pure: plain dataclasses in, plain dataclasses out; times are naive local
wall-clock datetimes (see `coordinator.domain.clock`). The data going in and out, and the
checks that refuse what cannot be scheduled, are `schedule_model` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, time, timedelta

from coordinator.domain.breaks import BreakPlacer, fit
from coordinator.domain.schedule_model import (
    NOT_HELD,
    RUNNING,
    Break,
    BreakPolicy,
    CaseTiming,
    DayPlan,
    Interval,
    Phase,
    RunningPhase,
    Schedule,
    ScheduleError,
    SlotTimes,
    hhmm,
    plan_breaks,
    validate_cases,
    validate_plan,
)
from coordinator.domain.vocab import CASE_STATUS_LABELS, CaseStatus
from coordinator.i18n import _

__all__ = [
    "Break",
    "BreakPolicy",
    "CaseTiming",
    "DayPlan",
    "Interval",
    "Phase",
    "RunningPhase",
    "Schedule",
    "ScheduleError",
    "SlotTimes",
    "advance",
    "build_schedule",
    "case_minutes",
    "next_slot_start",
    "next_status",
    "pull_forward",
    "running_phase",
    "validate_plan",
]

#: The normal progression of a case, pressed through by the coordinator during the day.
_PROGRESSION: dict[CaseStatus, CaseStatus] = {
    CaseStatus.PLANNED: CaseStatus.PRE_MEETING,
    CaseStatus.PRE_MEETING: CaseStatus.MEETING,
    CaseStatus.MEETING: CaseStatus.DONE,
}


# --- planning -------------------------------------------------------------------------------


def case_minutes(plan: DayPlan, case: CaseTiming) -> tuple[int, int]:
    """(pre-meeting minutes, meeting minutes) of one case: the day's, or the case's override."""
    meeting = case.meeting_minutes if case.meeting_minutes is not None else plan.meeting_minutes
    return plan.pre_minutes, meeting


def _split(start: datetime, pre: int, meeting: int) -> tuple[Interval, Interval]:
    middle = start + timedelta(minutes=pre)
    return Interval(start, middle), Interval(middle, middle + timedelta(minutes=meeting))


def _planned(plan: DayPlan, cases: Sequence[CaseTiming]) -> list[tuple[Interval, Interval]]:
    """Planned (pre-meeting, meeting) of every case, in agenda order.

    Two cursors: `natural` is the end of every slot so far (cancelled ones included, so that
    cancelling a case does not move un-invited later cases either), and `floor` is the end of
    the last *held* slot. A frozen planned start may reach back into a cancelled gap (that is
    what `pull_forward` stores), but never before `floor`; an unfrozen case starts at `natural`.
    """
    breaks = plan_breaks(plan)
    natural = floor = plan.start_at
    result: list[tuple[Interval, Interval]] = []
    for case in cases:
        pre, meeting = case_minutes(plan, case)
        length = timedelta(minutes=pre + meeting)
        earliest = natural if case.planned_start is None else max(case.planned_start, floor)
        start = fit(earliest, length, breaks)
        pre_iv, meeting_iv = _split(start, pre, meeting)
        result.append((pre_iv, meeting_iv))
        natural = max(natural, meeting_iv.end)
        if case.status not in NOT_HELD:
            floor = meeting_iv.end
    return result


def _check_midnight(
    plan: DayPlan, cases: Sequence[CaseTiming], planned: list[tuple[Interval, Interval]]
) -> None:
    midnight = datetime.combine(plan.date + timedelta(days=1), time(0))
    for case, (_pre, meeting) in zip(cases, planned, strict=True):
        if meeting.end > midnight:
            raise ScheduleError(
                _(
                    "The day runs past midnight: case {case_id} would end at {end} the next day."
                ).format(case_id=case.case_id, end=hhmm(meeting.end))
            )


# --- prediction -----------------------------------------------------------------------------


def _actual(
    plan: DayPlan, case: CaseTiming, now: datetime | None
) -> tuple[Interval, Interval] | None:
    """What really happened in a started case (running phases end no earlier than `now`);
    None when nothing happened. Cases without a meeting get an empty meeting interval."""
    pre_len, meeting_len = (timedelta(minutes=m) for m in case_minutes(plan, case))

    def running_end(expected: datetime) -> datetime:
        return expected if now is None else max(expected, now)

    status = case.status
    if status is CaseStatus.PLANNED:
        return None
    if status in NOT_HELD:
        if case.pre_started_at is None and case.meeting_started_at is None:
            return None
        if case.meeting_started_at is None:  # the pre-meeting ran; the meeting was not held
            assert case.pre_started_at is not None
            end = case.ended_at or case.pre_started_at + pre_len
            return Interval(case.pre_started_at, end), Interval(end, end)
    if status is CaseStatus.PRE_MEETING:
        assert case.pre_started_at is not None
        pre_end = running_end(case.pre_started_at + pre_len)
        return Interval(case.pre_started_at, pre_end), Interval(pre_end, pre_end + meeting_len)
    # MEETING, DONE, or a not-held case whose meeting had started
    meeting_start = case.meeting_started_at
    assert meeting_start is not None
    pre_iv = Interval(case.pre_started_at or meeting_start, meeting_start)
    if case.ended_at is not None:
        end = case.ended_at
    elif status is CaseStatus.MEETING:
        end = running_end(meeting_start + meeting_len)
    else:
        end = meeting_start + meeting_len
    return pre_iv, Interval(meeting_start, end)


def build_schedule(
    plan: DayPlan, cases: Sequence[CaseTiming], now: datetime | None = None
) -> Schedule:
    """Planned and predicted times of every case (given in agenda order).

    Prediction: a started slot uses its actual times (a running phase ends no earlier than
    `now`); a slot not yet started begins at the latest of its planned start, the predicted end
    of the slots before it and -- on the day itself -- `now` (it cannot start in the past), and
    then after any break it would overlap. Cancelled slots take no time; an absent citizen's
    slot takes only the pre-meeting that really ran.

    Raises ScheduleError for an invalid plan or agenda, or planned times past midnight.
    """
    validate_plan(plan)
    validate_cases(plan, cases)
    planned = _planned(plan, cases)
    _check_midnight(plan, cases, planned)
    placer = BreakPlacer(plan.date, plan.breaks, plan.break_policy)
    not_before = now if now is not None and now.date() == plan.date else None

    slots: list[SlotTimes] = []
    cursor = plan.start_at  # predicted end of everything so far
    for case, (planned_pre, planned_meeting) in zip(cases, planned, strict=True):
        held = case.status not in NOT_HELD
        actual = _actual(plan, case, now)
        if actual is not None:
            predicted_pre, predicted_meeting = actual
            placer.note_started(cursor, predicted_pre.start, planned_pre.start)
            cursor = max(cursor, predicted_meeting.end)
        elif held:
            pre, meeting = case_minutes(plan, case)
            free_from = cursor if not_before is None else max(cursor, not_before)
            earliest = max(planned_pre.start, free_from)
            length = timedelta(minutes=pre + meeting)
            start = placer.place_case(free_from, earliest, length, planned_pre.start)
            predicted_pre, predicted_meeting = _split(start, pre, meeting)
            cursor = predicted_meeting.end
        else:
            predicted_pre, predicted_meeting = planned_pre, planned_meeting
        slots.append(
            SlotTimes(
                case_id=case.case_id,
                status=case.status,
                held=held,
                planned_pre=planned_pre,
                planned_meeting=planned_meeting,
                predicted_pre=predicted_pre,
                predicted_meeting=predicted_meeting,
            )
        )

    planned_end = max((m.end for _p, m in planned), default=plan.start_at)
    held_ends = [slot.predicted_end for slot in slots if slot.held]
    predicted_end = held_ends[-1] if held_ends else planned_end
    return Schedule(
        plan=plan,
        slots=tuple(slots),
        planned_end=planned_end,
        predicted_end=predicted_end,
        predicted_breaks=placer.predicted(cursor),
    )


def next_slot_start(plan: DayPlan, cases: Sequence[CaseTiming]) -> datetime:
    """Where a case appended to the agenda (default length, no frozen start) would start.

    Used by `case add` to freeze the new case's time; it equals the planned start that
    `build_schedule` gives such a case. Raises ScheduleError if it would run past midnight.
    """
    new_id = max((case.case_id for case in cases), default=0) + 1
    probe = CaseTiming(case_id=new_id, status=CaseStatus.PLANNED)
    return build_schedule(plan, [*cases, probe]).slots[-1].planned_start


def pull_forward(
    plan: DayPlan, cases: Sequence[CaseTiming], now: datetime | None = None
) -> dict[int, datetime]:
    """New planned starts that close the gaps left by cancelled cases and absent citizens.

    Held cases that have not started move to the earliest time after the previous held case
    (and after any break they would overlap); cases only ever move earlier, never before `now`
    when given, and never into a slot that a started case really occupies. Started cases stay.
    Returns case_id -> new planned_start for the cases that move; the caller stores them and
    shows the change (participants must be told).
    """
    schedule = build_schedule(plan, cases, now)
    breaks = plan_breaks(plan)
    cursor = plan.start_at
    moves: dict[int, datetime] = {}
    for case, slot in zip(cases, schedule.slots, strict=True):
        if not slot.held:
            if case.pre_started_at is not None or case.meeting_started_at is not None:
                cursor = max(cursor, slot.predicted_end)  # its pre-meeting really used the room
            continue
        if case.status is not CaseStatus.PLANNED:
            cursor = max(cursor, slot.planned_end, slot.predicted_end)
            continue
        pre, meeting = case_minutes(plan, case)
        earliest = cursor if now is None else max(cursor, now)
        start = fit(earliest, timedelta(minutes=pre + meeting), breaks)
        if start < slot.planned_start:
            moves[case.case_id] = start
        else:
            start = slot.planned_start
        cursor = start + timedelta(minutes=pre + meeting)
    return moves


# --- the running day ------------------------------------------------------------------------


def running_phase(
    schedule: Schedule, cases: Sequence[CaseTiming], now: datetime
) -> RunningPhase | None:
    """The case and phase running at `now`, with the time left (negative = overrun).

    A phase's planned end is its actual start plus its length, so the timer counts from when it
    really began. If the data has more than one running case, the first on the agenda wins.
    """
    for case in cases:
        if case.status not in RUNNING:
            continue
        schedule.slot(case.case_id)  # the case must be on this schedule
        pre, meeting = case_minutes(schedule.plan, case)
        phase: Phase
        if case.status is CaseStatus.PRE_MEETING:
            phase, started, length = "pre-meeting", case.pre_started_at, pre
        else:
            phase, started, length = "meeting", case.meeting_started_at, meeting
        if started is None:
            raise ScheduleError(
                _("Case {case_id} is running but has no start time.").format(case_id=case.case_id)
            )
        planned_end = started + timedelta(minutes=length)
        return RunningPhase(
            case_id=case.case_id,
            phase=phase,
            started=started,
            planned_end=planned_end,
            remaining=planned_end - now,
        )
    return None


def next_status(status: CaseStatus) -> CaseStatus | None:
    """The status a case moves to when the coordinator presses "next" (None: it cannot)."""
    return _PROGRESSION.get(status)


def advance(case: CaseTiming, now: datetime) -> CaseTiming:
    """The case moved one step along planned -> pre-meeting -> meeting -> done, stamped `now`.

    Starting the meeting ends the pre-meeting at the same moment. Raises ScheduleError for a
    case that is done, cancelled or absent.
    """
    target = next_status(case.status)
    if target is None:
        raise ScheduleError(
            _("Case {case_id} cannot move on from “{status}”.").format(
                case_id=case.case_id, status=_(CASE_STATUS_LABELS[case.status])
            )
        )
    if target is CaseStatus.PRE_MEETING:
        return replace(case, status=target, pre_started_at=now)
    if target is CaseStatus.MEETING:
        return replace(case, status=target, meeting_started_at=now)
    return replace(case, status=target, ended_at=now)
