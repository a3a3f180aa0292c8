"""A day with an empty half hour before a fixed lunch, for the gap tests at every level
(store and screen; issue 21, item 16)."""

from __future__ import annotations

from datetime import time

from coordinator.domain.breaks import BreakPolicy
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from tests.conftest import TEST_DAY


def gap_day(store) -> tuple[int, list[int]]:
    """09:00, 15+45, a fixed lunch 11:00-11:30: Anna's 15 minutes, Bo's hour ending 10:30,
    Carl's hour that no longer fits before lunch (so 10:30-11:00 is empty), Dina's 15 minutes
    last. Returns the day's id and the four cases' ids in that order."""
    day = create_day(
        store,
        DayInput(
            date=TEST_DAY,
            start=time(9),
            breaks=((time(11), time(11, 30)),),
            break_policy=BreakPolicy.FIXED,
        ),
    )
    ids = [
        add_case(store, CaseInput(day.id or 0, name, meeting_minutes=minutes)).id or 0
        for name, minutes in (("Anna", 15), ("Bo", None), ("Carl", None), ("Dina", 15))
    ]
    return day.id or 0, ids
