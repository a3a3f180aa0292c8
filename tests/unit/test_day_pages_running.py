"""`running_day`: the day a restart reopens, whatever today's date."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from coordinator.store.cases import CaseInput, add_case
from coordinator.store.day_pages import running_day
from coordinator.store.days import DayInput, create_day
from coordinator.store.timing import end_meeting, start_meeting, start_pre_meeting

pytestmark = pytest.mark.both_engines


def test_only_a_day_with_a_pre_meeting_or_meeting_running_is_found(store, clock) -> None:
    first = create_day(store, DayInput(date=date(2026, 12, 3)))
    later = create_day(store, DayInput(date=date(2026, 12, 10)))
    case = add_case(store, CaseInput(day_id=first.id, citizen="Mads Eriksen"))
    add_case(store, CaseInput(day_id=later.id, citizen="Sara Jensen"))
    assert running_day(store) is None

    clock.set(datetime(2026, 12, 3, 8, 30))
    start_pre_meeting(store, case.id)
    assert running_day(store) == first.id
    clock.set(datetime(2026, 12, 3, 8, 45))
    start_meeting(store, case.id)
    assert running_day(store) == first.id
    clock.set(datetime(2026, 12, 3, 9, 30))
    end_meeting(store, case.id)
    assert running_day(store) is None
