"""Concrete-time tests of the step-up day schedule (coordinator.domain.schedule)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from coordinator import i18n
from coordinator.domain.schedule import (
    Break,
    CaseTiming,
    DayPlan,
    Interval,
    ScheduleError,
    advance,
    build_schedule,
    next_slot_start,
    next_status,
    pull_forward,
    running_phase,
    validate_plan,
)
from coordinator.domain.vocab import CaseStatus

DAY = date(2026, 12, 3)
LUNCH = Break(time(11, 30), time(12, 0))
PLAN = DayPlan(date=DAY, start=time(8, 30), breaks=(LUNCH,))
NO_BREAK = DayPlan(date=DAY, start=time(8, 30))


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 3, hour, minute)


def planned(n: int = 5) -> list[CaseTiming]:
    return [CaseTiming(case_id=i, status=CaseStatus.PLANNED) for i in range(1, n + 1)]


def done(case_id: int, pre: datetime, meeting: datetime, end: datetime) -> CaseTiming:
    return CaseTiming(
        case_id, CaseStatus.DONE, pre_started_at=pre, meeting_started_at=meeting, ended_at=end
    )


def starts(schedule, kind: str = "planned") -> list[datetime]:
    return [getattr(slot, f"{kind}_start") for slot in schedule.slots]


# --- planned times ----------------------------------------------------------------------------


def test_default_day_with_lunch_break() -> None:
    schedule = build_schedule(PLAN, planned())
    assert starts(schedule) == [at(8, 30), at(9, 30), at(10, 30), at(12), at(13)]
    first = schedule.slots[0]
    assert first.planned_pre == Interval(at(8, 30), at(8, 45))
    assert first.planned_meeting == Interval(at(8, 45), at(9, 30))
    assert schedule.planned_end == schedule.predicted_end == at(14)
    assert schedule.delay == timedelta(0)
    assert schedule.breaks == (Interval(at(11, 30), at(12)),)
    assert not any(slot.moved for slot in schedule.slots)
    assert all(slot.held for slot in schedule.slots)


def test_case_ending_exactly_at_break_start_stays_before_it() -> None:
    schedule = build_schedule(PLAN, planned(3))
    assert schedule.slots[2].planned_end == at(11, 30)


def test_meeting_override_shortens_one_case() -> None:
    cases = planned()
    cases[1] = replace(cases[1], meeting_minutes=25)  # a short second conversation
    schedule = build_schedule(PLAN, cases)
    assert schedule.slots[1].planned_meeting == Interval(at(9, 45), at(10, 10))
    # case 3 now 10:10-11:10; case 4 (11:10-12:10) would overlap lunch, so it starts at 12:00
    assert starts(schedule) == [at(8, 30), at(9, 30), at(10, 10), at(12), at(13)]


def test_case_that_would_overlap_a_break_starts_after_it() -> None:
    plan = DayPlan(date=DAY, start=time(8, 30), breaks=(Break(time(11), time(11, 15)),))
    schedule = build_schedule(plan, planned(4))
    # case 3 (10:30-11:30) would be split by the break, so it starts when the break ends
    assert starts(schedule) == [at(8, 30), at(9, 30), at(11, 15), at(12, 15)]


def test_frozen_planned_start_later_than_natural_is_kept() -> None:
    cases = planned(3)
    cases[1] = replace(cases[1], planned_start=at(10))
    schedule = build_schedule(PLAN, cases)
    assert starts(schedule) == [at(8, 30), at(10), at(12)]  # case 3 would cross lunch


def test_frozen_planned_start_earlier_than_previous_end_yields_to_natural_time() -> None:
    cases = planned(3)
    cases[0] = replace(cases[0], meeting_minutes=75)  # case 1 now ends 10:00
    cases[1] = replace(cases[1], planned_start=at(9, 30))  # invited for 9:30 before that
    schedule = build_schedule(PLAN, cases)
    assert starts(schedule) == [at(8, 30), at(10), at(11) + timedelta(hours=1)]


def test_frozen_start_inside_a_break_moves_after_it() -> None:
    cases = planned(1)
    cases[0] = replace(cases[0], planned_start=at(11, 15))
    assert build_schedule(PLAN, cases).slots[0].planned_start == at(12)


def test_empty_day_ends_at_its_start() -> None:
    schedule = build_schedule(PLAN, [])
    assert schedule.slots == ()
    assert schedule.planned_end == schedule.predicted_end == at(8, 30)


def test_next_slot_start_for_case_add() -> None:
    assert next_slot_start(PLAN, []) == at(8, 30)
    assert next_slot_start(PLAN, planned(3)) == at(12)
    assert next_slot_start(PLAN, planned(5)) == at(14)


# --- predictions ------------------------------------------------------------------------------


def test_overrun_pushes_later_cases_and_the_end_of_the_day() -> None:
    cases = planned()
    cases[0] = done(1, at(8, 30), at(8, 45), at(9, 30))
    cases[1] = done(2, at(9, 30), at(9, 45), at(10, 40))  # 10 minutes over
    schedule = build_schedule(NO_BREAK, cases, now=at(10, 40))
    assert starts(schedule, "predicted") == [
        at(8, 30),
        at(9, 30),
        at(10, 40),
        at(11, 40),
        at(12, 40),
    ]
    assert [slot.moved for slot in schedule.slots] == [False, True, True, True, True]
    assert schedule.planned_end == at(13, 30)
    assert schedule.predicted_end == at(13, 40)
    assert schedule.delay == timedelta(minutes=10)


def test_overrun_before_lunch_pushes_the_next_case_past_the_break() -> None:
    cases = planned()
    cases[0] = done(1, at(8, 30), at(8, 45), at(9, 30))
    cases[1] = done(2, at(9, 30), at(9, 45), at(10, 40))
    schedule = build_schedule(PLAN, cases, now=at(10, 40))
    # 10:40-11:40 would overlap lunch, so case 3 moves to 12:00 and pushes 4 and 5 an hour
    assert starts(schedule, "predicted") == [at(8, 30), at(9, 30), at(12), at(13), at(14)]
    assert schedule.delay == timedelta(hours=1)


def test_gap_absorbs_an_overrun() -> None:
    cases = planned(3)
    cases[2] = replace(cases[2], planned_start=at(11))  # invited with a 30-minute gap before
    cases[0] = done(1, at(8, 30), at(8, 45), at(9, 30))
    cases[1] = done(2, at(9, 30), at(9, 45), at(10, 40))
    schedule = build_schedule(NO_BREAK, cases, now=at(10, 40))
    assert schedule.slots[2].predicted_start == at(11)
    assert not schedule.slots[2].moved
    assert schedule.delay == timedelta(0)


def test_early_finish_does_not_predict_anything_earlier_than_planned() -> None:
    cases = planned(3)
    cases[0] = done(1, at(8, 30), at(8, 40), at(9, 10))
    schedule = build_schedule(NO_BREAK, cases, now=at(9, 10))
    assert starts(schedule, "predicted") == [at(8, 30), at(9, 30), at(10, 30)]


def test_running_meeting_past_its_end_is_predicted_to_end_now() -> None:
    cases = planned(2)
    cases[0] = CaseTiming(
        1, CaseStatus.MEETING, pre_started_at=at(8, 30), meeting_started_at=at(8, 45)
    )
    schedule = build_schedule(NO_BREAK, cases, now=at(9, 50))
    assert schedule.slots[0].predicted_meeting == Interval(at(8, 45), at(9, 50))
    assert schedule.slots[1].predicted_start == at(9, 50)
    assert schedule.delay == timedelta(minutes=20)


def test_running_pre_meeting_predicts_its_meeting_directly_after() -> None:
    cases = [CaseTiming(1, CaseStatus.PRE_MEETING, pre_started_at=at(8, 35))]
    schedule = build_schedule(NO_BREAK, cases, now=at(8, 40))
    assert schedule.slots[0].predicted_pre == Interval(at(8, 35), at(8, 50))
    assert schedule.slots[0].predicted_meeting == Interval(at(8, 50), at(9, 35))
    assert schedule.predicted_end == at(9, 35)


def test_case_not_started_on_time_is_predicted_from_now() -> None:
    cases = planned(2)
    cases[0] = done(1, at(8, 30), at(8, 45), at(9, 30))
    schedule = build_schedule(NO_BREAK, cases, now=at(9, 40))
    assert schedule.slots[1].predicted_start == at(9, 40)


def test_now_on_another_date_does_not_push_a_day_that_never_ran() -> None:
    schedule = build_schedule(NO_BREAK, planned(2), now=datetime(2026, 12, 10, 12))
    assert schedule.delay == timedelta(0)


def test_cancelled_case_leaves_a_gap() -> None:
    cases = planned()
    cases[1] = replace(cases[1], status=CaseStatus.CANCELLED)
    schedule = build_schedule(PLAN, cases)
    assert starts(schedule) == [at(8, 30), at(9, 30), at(10, 30), at(12), at(13)]
    assert starts(schedule, "predicted") == starts(schedule)
    assert [slot.held for slot in schedule.slots] == [True, False, True, True, True]
    assert schedule.predicted_end == at(14)


def test_cancelled_last_case_ends_the_day_early() -> None:
    cases = planned()
    cases[4] = replace(cases[4], status=CaseStatus.CANCELLED)
    schedule = build_schedule(PLAN, cases)
    assert schedule.planned_end == at(14)
    assert schedule.predicted_end == at(13)
    assert schedule.delay == timedelta(hours=-1)


def test_nothing_held_predicts_the_planned_end() -> None:
    cases = [replace(c, status=CaseStatus.CANCELLED) for c in planned(2)]
    schedule = build_schedule(PLAN, cases)
    assert schedule.predicted_end == schedule.planned_end == at(10, 30)


def test_absent_citizen_after_pre_meeting() -> None:
    cases = planned(3)
    cases[0] = done(1, at(8, 30), at(8, 45), at(9, 30))
    cases[1] = CaseTiming(2, CaseStatus.ABSENT, pre_started_at=at(9, 30), ended_at=at(9, 50))
    schedule = build_schedule(NO_BREAK, cases, now=at(9, 50))
    absent = schedule.slots[1]
    assert not absent.held
    assert absent.predicted_pre == Interval(at(9, 30), at(9, 50))
    assert absent.predicted_meeting.minutes == 0
    assert schedule.slots[2].predicted_start == at(10, 30)  # keeps its time: a gap
    assert schedule.delay == timedelta(0)


def test_absent_citizens_overlong_pre_meeting_still_pushes_the_next_case() -> None:
    cases = planned(2)
    cases[0] = CaseTiming(1, CaseStatus.ABSENT, pre_started_at=at(8, 30), ended_at=at(9, 40))
    schedule = build_schedule(NO_BREAK, cases, now=at(9, 40))
    assert schedule.slots[1].predicted_start == at(9, 40)


# --- pull forward -----------------------------------------------------------------------------


def test_pull_forward_closes_a_cancelled_gap() -> None:
    cases = planned()
    cases[1] = replace(cases[1], status=CaseStatus.CANCELLED)
    moves = pull_forward(PLAN, cases)
    assert moves == {3: at(9, 30), 4: at(10, 30), 5: at(12)}
    moved = [replace(c, planned_start=moves.get(c.case_id, c.planned_start)) for c in cases]
    schedule = build_schedule(PLAN, moved)
    assert [s.planned_start for s in schedule.slots if s.held] == [
        at(8, 30),
        at(9, 30),
        at(10, 30),
        at(12),
    ]
    assert schedule.planned_end == at(13)
    assert pull_forward(PLAN, moved) == {}


def test_pull_forward_with_frozen_times() -> None:
    frozen = [
        replace(s, planned_start=t)
        for s, t in zip(planned(3), [at(8, 30), at(9, 30), at(10, 30)], strict=True)
    ]
    frozen[0] = replace(frozen[0], status=CaseStatus.CANCELLED)
    moves = pull_forward(NO_BREAK, frozen)
    assert moves == {2: at(8, 30), 3: at(9, 30)}


def test_pull_forward_nothing_to_do() -> None:
    assert pull_forward(PLAN, planned()) == {}


def test_pull_forward_respects_now_and_started_cases() -> None:
    cases = planned(4)
    cases[0] = done(1, at(8, 30), at(8, 45), at(9, 30))
    cases[1] = CaseTiming(2, CaseStatus.ABSENT, pre_started_at=at(9, 30), ended_at=at(9, 45))
    moves = pull_forward(NO_BREAK, cases, now=at(9, 50))
    assert moves == {3: at(9, 50), 4: at(10, 50)}


def test_pull_forward_does_not_move_past_cases_later() -> None:
    cases = planned(3)
    cases[0] = replace(cases[0], status=CaseStatus.CANCELLED)
    # at 11:00 nothing has started: case 2 (planned 9:30) is late already, case 3 may move up
    moves = pull_forward(NO_BREAK, cases, now=at(11))
    assert moves == {}


# --- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "fragment"),
    [
        (replace(PLAN, pre_minutes=0), "pre-meeting"),
        (replace(PLAN, meeting_minutes=-5), "meeting"),
        (replace(PLAN, breaks=(Break(time(12), time(12)),)), "must end after it starts"),
        (replace(PLAN, breaks=(Break(time(12), time(11)),)), "must end after it starts"),
        (replace(PLAN, breaks=(Break(time(8), time(8, 45)),)), "before the day starts"),
        (
            replace(PLAN, breaks=(Break(time(11), time(12)), Break(time(11, 30), time(13)))),
            "overlap",
        ),
        (replace(PLAN, breaks=(LUNCH, LUNCH)), "overlap"),
    ],
)
def test_invalid_plans_are_rejected(plan: DayPlan, fragment: str) -> None:
    i18n.set_language("en")
    with pytest.raises(ScheduleError, match=fragment):
        validate_plan(plan)
    with pytest.raises(ScheduleError):
        build_schedule(plan, planned())


def test_touching_breaks_are_allowed() -> None:
    validate_plan(replace(PLAN, breaks=(Break(time(11), time(11, 30)), LUNCH)))


def test_messages_are_translated_to_danish() -> None:
    i18n.set_language("da")
    with pytest.raises(ScheduleError, match="Pauserne 11:00–12:00 og 11:30–13:00 overlapper"):
        validate_plan(
            replace(PLAN, breaks=(Break(time(11), time(12)), Break(time(11, 30), time(13))))
        )


def test_day_past_midnight_is_rejected() -> None:
    i18n.set_language("en")
    late = DayPlan(date=DAY, start=time(21, 0))
    build_schedule(late, planned(3))  # ends exactly at midnight: allowed
    with pytest.raises(ScheduleError, match="past midnight"):
        build_schedule(late, planned(4))
    with pytest.raises(ScheduleError, match="past midnight"):
        next_slot_start(late, planned(3))


@pytest.mark.parametrize(
    ("case", "fragment"),
    [
        (CaseTiming(1, CaseStatus.PLANNED, meeting_minutes=0), "at least one minute"),
        (CaseTiming(1, CaseStatus.PLANNED, planned_start=datetime(2026, 12, 4, 9)), "not on"),
        (CaseTiming(1, CaseStatus.PRE_MEETING), "no start time"),
        (CaseTiming(1, CaseStatus.MEETING, pre_started_at=at(8, 30)), "no start time"),
        (CaseTiming(1, CaseStatus.DONE, meeting_started_at=at(8, 45)), "no meeting start or end"),
        (
            CaseTiming(1, CaseStatus.MEETING, pre_started_at=at(9), meeting_started_at=at(8, 45)),
            "out of order",
        ),
    ],
)
def test_inconsistent_cases_are_rejected(case: CaseTiming, fragment: str) -> None:
    i18n.set_language("en")
    with pytest.raises(ScheduleError, match=fragment):
        build_schedule(PLAN, [case])


def test_duplicate_case_is_rejected() -> None:
    i18n.set_language("en")
    with pytest.raises(ScheduleError, match="twice"):
        build_schedule(PLAN, [*planned(2), CaseTiming(1, CaseStatus.PLANNED)])


def test_schedule_error_is_a_value_error() -> None:
    assert issubclass(ScheduleError, ValueError)


# --- running phase and status progression -----------------------------------------------------


def test_nothing_running() -> None:
    cases = planned(2)
    assert running_phase(build_schedule(PLAN, cases), cases, at(8)) is None


def test_running_pre_meeting_counts_from_its_real_start() -> None:
    cases = planned(2)
    cases[0] = CaseTiming(1, CaseStatus.PRE_MEETING, pre_started_at=at(8, 35))
    phase = running_phase(build_schedule(PLAN, cases, at(8, 40)), cases, at(8, 40))
    assert phase is not None
    assert (phase.case_id, phase.phase, phase.started) == (1, "pre-meeting", at(8, 35))
    assert phase.planned_end == at(8, 50)
    assert phase.remaining == timedelta(minutes=10)
    assert phase.overrun == timedelta(0)
    assert not phase.is_overrun


def test_running_meeting_overrun() -> None:
    cases = planned(2)
    cases[0] = done(1, at(8, 30), at(8, 45), at(9, 30))
    cases[1] = CaseTiming(
        2,
        CaseStatus.MEETING,
        meeting_minutes=30,
        pre_started_at=at(9, 30),
        meeting_started_at=at(9, 50),
    )
    now = at(10, 27)
    phase = running_phase(build_schedule(PLAN, cases, now), cases, now)
    assert phase is not None
    assert (phase.case_id, phase.phase) == (2, "meeting")
    assert phase.planned_end == at(10, 20)
    assert phase.remaining == timedelta(minutes=-7)
    assert phase.overrun == timedelta(minutes=7)


def test_status_progression() -> None:
    assert next_status(CaseStatus.PLANNED) is CaseStatus.PRE_MEETING
    assert next_status(CaseStatus.PRE_MEETING) is CaseStatus.MEETING
    assert next_status(CaseStatus.MEETING) is CaseStatus.DONE
    for final in (CaseStatus.DONE, CaseStatus.CANCELLED, CaseStatus.ABSENT):
        assert next_status(final) is None

    case = CaseTiming(1, CaseStatus.PLANNED)
    case = advance(case, at(8, 31))
    assert (case.status, case.pre_started_at) == (CaseStatus.PRE_MEETING, at(8, 31))
    case = advance(case, at(8, 46))
    assert (case.status, case.meeting_started_at) == (CaseStatus.MEETING, at(8, 46))
    case = advance(case, at(9, 33))
    assert (case.status, case.ended_at) == (CaseStatus.DONE, at(9, 33))
    build_schedule(PLAN, [case])  # the stamped case is consistent
    with pytest.raises(ScheduleError):
        advance(case, at(9, 40))


def test_interval_helpers() -> None:
    a = Interval(at(9), at(10))
    assert a.minutes == 60
    assert a.overlaps(Interval(at(9, 59), at(11)))
    assert not a.overlaps(Interval(at(10), at(11)))  # touching is not overlapping
    assert not a.overlaps(Interval(at(9, 30), at(9, 30)))  # empty never overlaps
