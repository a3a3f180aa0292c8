"""The double-booking rule: a person on this case's roster booked in another case whose time
overlaps (touching is not overlapping), named with the other case; declined participants,
this case's own slot and a case with no slot never fire."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from coordinator import i18n
from coordinator.domain.roster_rules import BookedSlot, check_roster
from coordinator.domain.vocab import Attendance, Profession
from tests.roster_data import (
    BOOKED_ELSEWHERE,
    CASEWORKER,
    JOBBROKER,
    SLOT,
    citizen,
    codes,
    ctx,
    pro,
)


def _slot(start: tuple[int, int], end: tuple[int, int], ids: set[int], case_id: int = 9):
    return BookedSlot(
        case_id=case_id,
        label=f"Case {case_id}",
        start=datetime(2026, 12, 3, *start),
        end=datetime(2026, 12, 3, *end),
        person_ids=frozenset(ids),
    )


@pytest.mark.parametrize(
    ("other", "fires"),
    [
        (_slot((9, 0), (10, 0), {2}), True),  # overlaps the end of this case
        (_slot((8, 0), (8, 45), {2}), True),  # overlaps the start
        (_slot((8, 40), (9, 0), {2}), True),  # inside
        (_slot((8, 0), (11, 0), {2}), True),  # around
        (_slot((9, 30), (10, 30), {2}), False),  # back-to-back after: touching is not overlap
        (_slot((7, 30), (8, 30), {2}), False),  # back-to-back before
        (_slot((9, 0), (10, 0), {42}), False),  # overlapping, but other people
    ],
)
def test_double_booking_overlap(other: BookedSlot, fires: bool) -> None:
    assert ("double-booked" in codes(ctx(slot=SLOT, other_slots=(other,)))) is fires


def test_double_booking_on_another_date_does_not_fire() -> None:
    other = dataclasses.replace(
        BOOKED_ELSEWHERE,
        start=datetime(2026, 12, 4, 8, 30),
        end=datetime(2026, 12, 4, 9, 30),
    )
    assert "double-booked" not in codes(ctx(slot=SLOT, other_slots=(other,)))


def test_double_booking_names_the_person_and_the_other_case() -> None:
    i18n.set_language("en")
    (finding,) = check_roster(ctx(slot=SLOT, other_slots=(BOOKED_ELSEWHERE,)))
    assert finding.subject == JOBBROKER.name
    assert JOBBROKER.name in finding.message
    assert BOOKED_ELSEWHERE.label in finding.message
    assert "09:00" in finding.message and "10:00" in finding.message


def test_double_booking_ignores_this_case_own_slot_and_missing_slot() -> None:
    own = _slot((8, 30), (9, 30), {1, 2}, case_id=5)
    assert codes(ctx(slot=SLOT, other_slots=(own,), case_id=5)) == []
    assert codes(ctx(slot=None, other_slots=(BOOKED_ELSEWHERE,))) == []


def test_double_booking_ignores_declined_participants() -> None:
    declined = dataclasses.replace(JOBBROKER, attendance=Attendance.DECLINED)
    stand_in = pro("Jens, stand-in", Profession.JOBBROKER, person_id=7)
    roster = (citizen(), CASEWORKER, declined, stand_in)
    assert codes(ctx(roster, slot=SLOT, other_slots=(BOOKED_ELSEWHERE,))) == []


def test_double_booking_in_two_other_cases_gives_two_findings() -> None:
    second = dataclasses.replace(BOOKED_ELSEWHERE, case_id=10, label="Case 10")
    found = codes(ctx(slot=SLOT, other_slots=(BOOKED_ELSEWHERE, second)))
    assert found == ["double-booked", "double-booked"]


def test_slot_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        _slot((10, 0), (9, 0), {1})
    with pytest.raises(ValueError):
        ctx(slot=(SLOT[1], SLOT[0]))
