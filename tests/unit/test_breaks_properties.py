"""A lunch that moves: concrete cases and hypothesis properties of the break policies.

The properties reuse the random days of test_schedule_properties (consistent agendas with
started, running and waiting cases) under both policies and with random latest starts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from coordinator import i18n
from coordinator.domain.breaks import Break, BreakPolicy
from coordinator.domain.schedule import (
    CaseTiming,
    DayPlan,
    ScheduleError,
    build_schedule,
)
from coordinator.domain.vocab import CaseStatus
from tests.unit.test_schedule_properties import DAY, Day, days

LUNCH = Break(time(11, 30), time(12, 0))


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 3, hour, minute)


def overrun_day(policy: BreakPolicy, latest: time | None = None) -> DayPlan:
    return DayPlan(
        date=DAY,
        start=time(8, 30),
        breaks=(replace(LUNCH, latest_start=latest),),
        break_policy=policy,
    )


def first_case_over_by(minutes: int) -> list[CaseTiming]:
    """Five cases of an hour from 08:30; the first ended `minutes` late."""
    done = CaseTiming(
        1,
        CaseStatus.DONE,
        pre_started_at=at(8, 30),
        meeting_started_at=at(8, 45),
        ended_at=at(9, 30) + timedelta(minutes=minutes),
    )
    return [done, *(CaseTiming(i, CaseStatus.PLANNED) for i in range(2, 6))]


def test_fixed_lunch_pushes_the_day_an_hour_for_ten_minutes_over() -> None:
    schedule = build_schedule(overrun_day(BreakPolicy.FIXED), first_case_over_by(10))
    assert schedule.slots[2].predicted_start == at(12)  # case 3 no longer fits before lunch
    assert schedule.delay == timedelta(minutes=60)
    assert schedule.predicted_breaks == (build_schedule(overrun_day(BreakPolicy.FIXED), []).breaks)


def test_floating_lunch_moves_with_the_overrun() -> None:
    schedule = build_schedule(overrun_day(BreakPolicy.FLOATING), first_case_over_by(10))
    assert schedule.slots[2].predicted_start == at(10, 40)
    assert schedule.predicted_breaks[0].start == at(11, 40)
    assert schedule.predicted_breaks[0].minutes == 30
    assert schedule.slots[3].predicted_start == at(12, 10)
    assert schedule.delay == timedelta(minutes=10)


def test_floating_lunch_stops_at_its_latest_start() -> None:
    # latest start 11:35: case 3 (10:40-11:40) would keep lunch past it, so lunch comes first
    schedule = build_schedule(
        overrun_day(BreakPolicy.FLOATING, time(11, 35)), first_case_over_by(10)
    )
    assert schedule.predicted_breaks[0].start == at(11, 30)
    assert schedule.slots[2].predicted_start == at(12)


def test_planned_times_do_not_depend_on_the_policy() -> None:
    cases = first_case_over_by(0)
    fixed = build_schedule(overrun_day(BreakPolicy.FIXED), cases)
    floating = build_schedule(overrun_day(BreakPolicy.FLOATING), cases)
    assert [s.planned for s in fixed.slots] == [s.planned for s in floating.slots]
    assert floating.predicted_breaks == floating.breaks


def test_latest_start_before_the_break_is_refused() -> None:
    i18n.set_language("en")
    plan = overrun_day(BreakPolicy.FLOATING, time(11, 0))
    try:
        build_schedule(plan, [])
    except ScheduleError as error:
        assert "latest start" in str(error)
    else:
        raise AssertionError("a latest start before the break must be refused")


# --- properties -------------------------------------------------------------------------------


@st.composite
def policy_days(draw: st.DrawFn) -> Day:
    """A random day (see test_schedule_properties) with a random policy and latest starts."""
    day = draw(days())
    policy = draw(st.sampled_from(list(BreakPolicy)))
    breaks = tuple(
        replace(
            b,
            latest_start=draw(
                st.none()
                | st.integers(0, 180).map(
                    lambda m, b=b: min(
                        (datetime.combine(DAY, b.start) + timedelta(minutes=m)).time(),
                        time(23, 59),
                    )
                )
            ),
        )
        for b in day.plan.breaks
    )
    return replace(day, plan=replace(day.plan, breaks=breaks, break_policy=policy))


def schedule_or_skip(plan: DayPlan, cases, now):  # noqa: ANN001, ANN201
    i18n.set_language("en")
    try:
        return build_schedule(plan, cases, now)
    except ScheduleError as error:
        assert "past midnight" in str(error)
        assume(False)
        raise


@given(policy_days())
def test_no_waiting_case_overlaps_a_break_and_no_break_is_shortened(day: Day) -> None:
    schedule = schedule_or_skip(day.plan, day.cases, day.now)
    planned, predicted = schedule.breaks, schedule.predicted_breaks
    assert [b.duration for b in predicted] == [b.duration for b in planned]
    assert all(p.start >= b.start for p, b in zip(predicted, planned, strict=True))
    if day.plan.break_policy is BreakPolicy.FIXED:
        assert predicted == planned
    assert all(a.end <= b.start for a, b in zip(predicted, predicted[1:], strict=False))
    waiting = [
        slot
        for slot, case in zip(schedule.slots, day.cases, strict=True)
        if slot.held and case.status is CaseStatus.PLANNED
    ]
    for brk in predicted:
        assert not any(slot.predicted.overlaps(brk) for slot in waiting)
    for brk in planned:
        assert not any(slot.planned.overlaps(brk) for slot in schedule.slots)


@st.composite
def overruns(draw: st.DrawFn) -> tuple[DayPlan, list[CaseTiming], int]:
    """A floating day whose breaks may float far enough, its first case over by N minutes."""
    day = draw(days(started=False))
    overrun = draw(st.integers(0, 120))
    breaks = tuple(
        replace(
            b,
            latest_start=draw(
                st.none()
                | st.integers(overrun, overrun + 60).map(
                    lambda m, b=b: (
                        (datetime.combine(DAY, b.start) + timedelta(minutes=m)).time()
                        if b.start.hour * 60 + b.start.minute + m < 24 * 60
                        else None
                    )
                )
            ),
        )
        for b in day.plan.breaks
    )
    plan = replace(day.plan, breaks=breaks, break_policy=BreakPolicy.FLOATING)
    cases = [replace(c, status=CaseStatus.PLANNED, planned_start=None) for c in day.cases]
    assume(cases)
    return plan, cases, overrun


@given(overruns())
def test_an_overrun_of_n_minutes_moves_the_end_by_at_most_n(example) -> None:  # noqa: ANN001
    plan, cases, overrun = example
    before = schedule_or_skip(plan, cases, None)
    first = before.slots[0]
    ended = replace(
        cases[0],
        status=CaseStatus.DONE,
        pre_started_at=first.planned_pre.start,
        meeting_started_at=first.planned_meeting.start,
        ended_at=first.planned_meeting.end + timedelta(minutes=overrun),
    )
    after = schedule_or_skip(plan, [ended, *cases[1:]], None)
    assert after.predicted_end - before.predicted_end <= timedelta(minutes=overrun)
