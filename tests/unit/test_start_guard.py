"""Space asks before starting a case just after a meeting ended, or on a day that is not today."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from coordinator.domain.schedule import CaseTiming
from coordinator.domain.start_guard import StartSlip, start_slip
from coordinator.domain.vocab import CaseStatus

DAY = date(2026, 12, 3)
GUARD = timedelta(seconds=10)


def at(hour: int, minute: int, second: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second)


def planned(case_id: int) -> CaseTiming:
    return CaseTiming(case_id, CaseStatus.PLANNED)


def done(case_id: int, ended: datetime) -> CaseTiming:
    return CaseTiming(
        case_id,
        CaseStatus.DONE,
        pre_started_at=ended - timedelta(hours=1),
        meeting_started_at=ended - timedelta(minutes=45),
        ended_at=ended,
    )


def test_a_day_that_is_not_today_asks_before_its_first_start() -> None:
    tomorrow_morning = at(6, 15, day=DAY - timedelta(days=1))
    assert start_slip(DAY, [planned(1), planned(2)], tomorrow_morning, GUARD) is StartSlip.NOT_TODAY


def test_a_day_already_under_way_on_another_date_does_not_ask_again() -> None:
    """A day run late into the night, or reopened the day after to finish: it was meant."""
    begun = [done(1, at(9, 30)), planned(2)]
    assert start_slip(DAY, begun, at(10, 0, day=DAY + timedelta(days=1)), GUARD) is None


def test_seconds_after_a_meeting_ended_space_asks() -> None:
    timings = [done(1, at(9, 30)), planned(2)]
    assert start_slip(DAY, timings, at(9, 30, 4), GUARD) is StartSlip.JUST_ENDED
    assert start_slip(DAY, timings, at(9, 30, 10), GUARD) is None


def test_today_with_nothing_ended_just_now_does_not_ask() -> None:
    assert start_slip(DAY, [planned(1)], at(8, 30), GUARD) is None


@given(
    seconds=st.integers(min_value=0, max_value=3600),
    other_day=st.integers(min_value=-3, max_value=3),
)
def test_it_asks_exactly_inside_the_guard_or_off_the_date(seconds: int, other_day: int) -> None:
    ended = at(9, 30)
    now = ended + timedelta(seconds=seconds)
    day = DAY + timedelta(days=other_day)
    slip = start_slip(day, [done(1, ended), planned(2)], now, GUARD)
    assert (slip is StartSlip.JUST_ENDED) == (seconds < GUARD.total_seconds())
    assert slip is not StartSlip.NOT_TODAY  # a meeting was held: the day is under way
