"""Property tests of the day schedule: for random plans and random, internally consistent
agendas (a prefix of cases has had its turn, at most one is running, the rest wait), the
invariants the day screen relies on always hold."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from coordinator import i18n
from coordinator.domain.schedule import (
    Break,
    CaseTiming,
    DayPlan,
    Interval,
    Schedule,
    ScheduleError,
    build_schedule,
    next_slot_start,
    pull_forward,
    running_phase,
)
from coordinator.domain.vocab import CaseStatus

DAY = date(2026, 12, 3)
MIDNIGHT = 24 * 60


def clock_time(minute_of_day: int) -> time:
    return time(minute_of_day // 60, minute_of_day % 60)


@st.composite
def plans(draw: st.DrawFn) -> DayPlan:
    """A valid plan: start 06:00-10:00, durations 5-120, 0-3 disjoint breaks in any order."""
    start = draw(st.integers(6 * 60, 10 * 60))
    breaks: list[Break] = []
    cursor = start
    for _ in range(draw(st.integers(0, 3))):
        begin = cursor + draw(st.integers(0, 240))
        end = begin + draw(st.integers(5, 90))
        if end >= MIDNIGHT:
            break
        breaks.append(Break(clock_time(begin), clock_time(end)))
        cursor = end
    return DayPlan(
        date=DAY,
        start=clock_time(start),
        pre_minutes=draw(st.integers(5, 120)),
        meeting_minutes=draw(st.integers(5, 120)),
        breaks=tuple(draw(st.permutations(breaks))),
    )


@dataclass(frozen=True)
class Day:
    plan: DayPlan
    cases: tuple[CaseTiming, ...]
    now: datetime


def minutes(draw: st.DrawFn, low: int, high: int) -> timedelta:
    return timedelta(minutes=draw(st.integers(low, high)))


@st.composite
def days(draw: st.DrawFn, started: bool = True) -> Day:
    """A plan and an agenda whose actual times are consistent with the agenda order."""
    plan = draw(plans())
    count = draw(st.integers(0, 6))
    had_turn = draw(st.integers(0, count)) if started else 0
    last_running = had_turn > 0 and draw(st.booleans())
    clock = plan.start_at + minutes(draw, -15, 60)  # the room's real time as the day unfolds
    cases: list[CaseTiming] = []
    for index in range(count):
        case = CaseTiming(
            case_id=index + 1,
            status=CaseStatus.PLANNED,
            meeting_minutes=draw(st.none() | st.integers(5, 120)),
            planned_start=draw(
                st.none()
                | st.integers(0, 12 * 60).map(lambda m: plan.start_at + timedelta(minutes=m))
            ),
        )
        if index < had_turn:
            running = last_running and index == had_turn - 1
            choices = (
                [CaseStatus.PRE_MEETING, CaseStatus.MEETING]
                if running
                else [CaseStatus.DONE, CaseStatus.ABSENT, CaseStatus.CANCELLED]
            )
            status = draw(st.sampled_from(choices))
            pre = clock + minutes(draw, 0, 30)
            if status is CaseStatus.PRE_MEETING:
                case = replace(case, status=status, pre_started_at=pre)
                clock = pre
            elif status is CaseStatus.MEETING:
                meeting = pre + minutes(draw, 0, 150)
                case = replace(case, status=status, pre_started_at=pre, meeting_started_at=meeting)
                clock = meeting
            elif status is CaseStatus.DONE:
                meeting = pre + minutes(draw, 0, 150)
                end = meeting + minutes(draw, 1, 200)
                skipped_pre = draw(st.booleans())
                case = replace(
                    case,
                    status=status,
                    pre_started_at=None if skipped_pre else pre,
                    meeting_started_at=meeting,
                    ended_at=end,
                )
                clock = end
            elif status is CaseStatus.ABSENT and draw(st.booleans()):
                end = pre + minutes(draw, 1, 120)  # the pre-meeting ran, the citizen never came
                case = replace(case, status=status, pre_started_at=pre, ended_at=end)
                clock = end
            else:
                case = replace(case, status=status)
        elif draw(st.integers(0, 3)) == 0:
            case = replace(case, status=CaseStatus.CANCELLED)
        cases.append(case)
    now = clock + minutes(draw, 0, 120) if started else plan.start_at - timedelta(hours=1)
    return Day(plan, tuple(cases), now)


def schedule_of(day: Day, now: datetime | None) -> Schedule:
    """Build the schedule, discarding agendas too long for the day (the one rejection that
    random agendas can legitimately hit)."""
    i18n.set_language("en")
    try:
        return build_schedule(day.plan, day.cases, now)
    except ScheduleError as error:
        assert "past midnight" in str(error)
        assume(False)
        raise


def overlapping_pairs(intervals: list[Interval]) -> list[tuple[Interval, Interval]]:
    return [(a, b) for i, a in enumerate(intervals) for b in intervals[i + 1 :] if a.overlaps(b)]


@given(days())
def test_schedule_invariants(day: Day) -> None:
    schedule = schedule_of(day, day.now)
    breaks = list(schedule.breaks)
    slots = schedule.slots
    held = [slot for slot in slots if slot.held]
    waiting = [
        slot
        for slot, case in zip(slots, day.cases, strict=True)
        if slot.held and case.status is CaseStatus.PLANNED
    ]

    # agenda order is kept
    assert [slot.case_id for slot in slots] == [case.case_id for case in day.cases]
    for attr in ("planned_start", "predicted_start"):
        values = [getattr(slot, attr) for slot in held]
        assert values == sorted(values)

    # a pre-meeting is followed directly by its meeting, with the right lengths
    for slot, case in zip(slots, day.cases, strict=True):
        assert slot.planned_pre.end == slot.planned_meeting.start
        assert slot.planned_pre.minutes == day.plan.pre_minutes
        expected = case.meeting_minutes or day.plan.meeting_minutes
        assert slot.planned_meeting.minutes == expected

    # no two held slots overlap, planned or predicted
    assert not overlapping_pairs([slot.planned for slot in held])
    assert not overlapping_pairs([slot.predicted for slot in held])

    # no planned slot overlaps a break; nor a predicted one that has not started
    for brk in breaks:
        assert not any(slot.planned.overlaps(brk) for slot in slots)
        assert not any(slot.predicted.overlaps(brk) for slot in waiting)

    # nothing that has not started is predicted earlier than planned (or than now, on the day)
    for slot in waiting:
        assert slot.predicted_start >= slot.planned_start
        assert slot.predicted_start >= day.now

    # the end of the day is the end of the last held meeting
    if held:
        assert schedule.predicted_end == held[-1].predicted_meeting.end
    else:
        assert schedule.predicted_end == schedule.planned_end
    assert schedule.delay == schedule.predicted_end - schedule.planned_end


@given(days())
def test_running_phase_matches_the_running_case(day: Day) -> None:
    schedule = schedule_of(day, day.now)
    phase = running_phase(schedule, day.cases, day.now)
    running = [c for c in day.cases if c.status in (CaseStatus.PRE_MEETING, CaseStatus.MEETING)]
    if not running:
        assert phase is None
        return
    assert phase is not None
    assert phase.case_id == running[0].case_id
    assert phase.remaining == phase.planned_end - day.now
    assert phase.overrun >= timedelta(0)
    assert phase.started <= day.now


@given(days(), st.booleans())
def test_pull_forward_only_moves_waiting_cases_earlier(day: Day, with_now: bool) -> None:
    now = day.now if with_now else None
    before = schedule_of(day, now)
    moves = pull_forward(day.plan, day.cases, now)
    by_id = {slot.case_id: slot for slot in before.slots}
    statuses = {case.case_id: case.status for case in day.cases}
    for case_id, start in moves.items():
        assert statuses[case_id] is CaseStatus.PLANNED
        assert start < by_id[case_id].planned_start
        if now is not None:
            assert start >= now

    moved = tuple(
        replace(case, planned_start=moves.get(case.case_id, case.planned_start))
        for case in day.cases
    )
    after = build_schedule(day.plan, moved, now)
    for slot in after.slots:
        if slot.case_id in moves:
            assert slot.planned_start == moves[slot.case_id]
    held = [slot for slot in after.slots if slot.held]
    assert not overlapping_pairs([slot.planned for slot in held])
    assert not overlapping_pairs([slot.predicted for slot in held])


@given(days(started=False))
def test_pull_forward_compacts_a_day_not_yet_started(day: Day) -> None:
    schedule_of(day, None)
    moves = pull_forward(day.plan, day.cases)
    moved = [
        replace(case, planned_start=moves.get(case.case_id, case.planned_start))
        for case in day.cases
    ]
    held = [case for case in moved if case.status is not CaseStatus.CANCELLED]
    # the held cases sit exactly where they would if the cancelled ones had never been there
    compact = build_schedule(day.plan, [replace(case, planned_start=None) for case in held])
    after = build_schedule(day.plan, moved)
    assert [s.planned_start for s in after.slots if s.held] == [
        s.planned_start for s in compact.slots
    ]
    assert pull_forward(day.plan, moved) == {}


@given(days(started=False))
def test_next_slot_start_is_where_an_appended_case_lands(day: Day) -> None:
    schedule = schedule_of(day, None)
    try:
        start = next_slot_start(day.plan, day.cases)
    except ScheduleError:
        return  # the appended case would run past midnight
    assert start >= schedule.planned_end
