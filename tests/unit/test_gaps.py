"""The empty time of a day (domain/gaps.py): the unannounced gap before lunch, what fills it,
and a lunch eaten by an overrun (issue 21, item 16)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator.domain.breaks import BreakPolicy
from coordinator.domain.gaps import (
    busy_intervals,
    day_span,
    eaten_breaks,
    find_gaps,
    gap_candidates,
    lunch_into_gap,
    upcoming_gaps,
)
from coordinator.domain.schedule import Break, CaseTiming, DayPlan, Interval, build_schedule
from coordinator.domain.vocab import CaseStatus
from tests.unit.test_schedule_properties import Day, days, schedule_of

DAY = date(2026, 12, 3)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, time(hour, minute))


def lunch_day(policy: BreakPolicy = BreakPolicy.FIXED) -> DayPlan:
    """09:00, 15+45 minutes a case, lunch 11:00-11:30: the third case would end at 12:00 but
    ... the worked example: a case of 10:00-11:00 cancelled is not needed, see below."""
    return DayPlan(
        date=DAY,
        start=time(9, 0),
        pre_minutes=15,
        meeting_minutes=45,
        breaks=(Break(time(11, 0), time(11, 30)),),
        break_policy=policy,
    )


def planned(case_id: int, minutes: int | None = None) -> CaseTiming:
    return CaseTiming(case_id=case_id, status=CaseStatus.PLANNED, meeting_minutes=minutes)


# --- the worked example ---------------------------------------------------------------------


def test_a_case_that_does_not_fit_before_lunch_leaves_a_gap() -> None:
    # 09:00-09:30 (a 15-minute meeting), 09:30-10:30, then a 60-minute case cannot fit before
    # lunch at 11:00: it starts 11:30, and 10:30-11:00 is empty.
    plan = lunch_day()
    cases = [planned(1, 15), planned(2), planned(3)]
    schedule = build_schedule(plan, cases)
    assert find_gaps(schedule) == (Interval(at(10, 30), at(11)),)
    assert upcoming_gaps(schedule, at(8)) == (Interval(at(10, 30), at(11)),)
    assert upcoming_gaps(schedule, at(10, 50)) == (Interval(at(10, 50), at(11)),)
    assert upcoming_gaps(schedule, at(10, 56)) == ()  # under five minutes is not worth showing


def test_the_lunch_moves_into_the_gap_keeping_its_length_and_latest_start() -> None:
    plan = lunch_day(BreakPolicy.FLOATING)
    plan = DayPlan(**{**plan.__dict__, "breaks": (Break(time(11), time(11, 30), time(12)),)})
    cases = [planned(1, 15), planned(2), planned(3)]
    schedule = build_schedule(plan, cases)
    (gap,) = find_gaps(schedule)
    assert lunch_into_gap(schedule, gap) == (Break(time(10, 30), time(11), time(12)),)
    moved = build_schedule(
        DayPlan(**{**plan.__dict__, "breaks": lunch_into_gap(schedule, gap)}), cases
    )
    assert find_gaps(moved) == ()
    assert moved.slot(3).planned_start == at(11)


def test_a_gap_before_a_case_offers_no_lunch_move() -> None:
    schedule = build_schedule(lunch_day(), [planned(1, 15), planned(2), planned(3)])
    assert lunch_into_gap(schedule, Interval(at(9, 20), at(9, 30))) is None


def test_later_cases_that_fit_are_candidates() -> None:
    plan = lunch_day()
    cases = [planned(1, 15), planned(2), planned(3), planned(4, 15)]
    schedule = build_schedule(plan, cases)
    (gap,) = find_gaps(schedule)
    assert gap_candidates(plan, cases, schedule, gap) == (4,)  # case 3 (60 min) does not fit


def test_an_overrun_through_a_fixed_lunch_eats_it() -> None:
    plan = lunch_day()
    overrun = CaseTiming(
        case_id=1,
        status=CaseStatus.MEETING,
        pre_started_at=at(10),
        meeting_started_at=at(10, 15),
    )
    schedule = build_schedule(plan, [overrun, planned(2)], now=at(11, 40))
    (eaten,) = eaten_breaks(schedule)
    assert eaten.whole and eaten.brk == Interval(at(11), at(11, 30))
    partly = build_schedule(plan, [overrun, planned(2)], now=at(11, 10))
    (part,) = eaten_breaks(partly)
    assert not part.whole and part.eaten == timedelta(minutes=10)
    floating = DayPlan(**{**plan.__dict__, "break_policy": BreakPolicy.FLOATING})
    assert eaten_breaks(build_schedule(floating, [overrun, planned(2)], now=at(11, 40))) == ()


# --- properties -----------------------------------------------------------------------------


def _measure(intervals: list[Interval]) -> timedelta:
    total, cursor = timedelta(0), None
    for iv in sorted(intervals, key=lambda iv: iv.start):
        start = iv.start if cursor is None else max(iv.start, cursor)
        if iv.end > start:
            total += iv.end - start
        cursor = iv.end if cursor is None else max(cursor, iv.end)
    return total


@settings(max_examples=150, deadline=None)
@given(days(), st.booleans())
def test_gaps_never_overlap_and_fill_the_span(day: Day, started: bool) -> None:
    schedule = schedule_of(day, day.now if started else None)
    gaps = find_gaps(schedule)
    busy = busy_intervals(schedule)
    span = day_span(schedule)
    for gap in gaps:
        assert gap.end > gap.start
        assert span.start <= gap.start and gap.end <= span.end
        assert not any(gap.overlaps(iv) for iv in busy)
    for first, second in zip(gaps, gaps[1:], strict=False):
        assert first.end < second.start  # separate gaps are separated by something busy
    assert _measure(busy) + sum((g.duration for g in gaps), timedelta(0)) == span.duration


@settings(max_examples=150, deadline=None)
@given(days(started=False))
def test_before_the_day_cases_breaks_and_gaps_add_up_to_the_span(day: Day) -> None:
    """With nothing started no case overlaps a break, so the plain sum holds."""
    schedule = schedule_of(day, None)
    held = [slot.predicted for slot in schedule.slots if slot.held]
    parts = held + list(schedule.predicted_breaks) + list(find_gaps(schedule))
    assert sum((iv.duration for iv in parts), timedelta(0)) == day_span(schedule).duration
    assert eaten_breaks(schedule) == ()


@settings(max_examples=100, deadline=None)
@given(days(started=False))
def test_a_candidate_fits_its_gap_and_a_moved_lunch_keeps_its_length(day: Day) -> None:
    schedule = schedule_of(day, None)
    for gap in find_gaps(schedule):
        for case_id in gap_candidates(day.plan, day.cases, schedule, gap):
            assert schedule.slot(case_id).predicted.duration <= gap.duration
        moved = lunch_into_gap(schedule, gap)
        if moved is not None:
            old = sorted(day.plan.breaks, key=lambda b: (b.start, b.end))
            lengths = [datetime.combine(DAY, b.end) - datetime.combine(DAY, b.start) for b in old]
            assert [
                datetime.combine(DAY, b.end) - datetime.combine(DAY, b.start) for b in moved
            ] == lengths
            assert any(datetime.combine(day.plan.date, b.start) == gap.start for b in moved)
