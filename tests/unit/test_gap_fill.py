"""Pulling a later case into the day's gap, and moving the lunch into it (store, both engines;
issue 21, item 16)."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from coordinator.domain.gaps import find_gaps, lunch_into_gap
from coordinator.store.day_edits import DayChanges, edit_day
from coordinator.store.day_model import day_model
from coordinator.store.errors import Invalid
from coordinator.store.gap_fill import pull_into_gap
from coordinator.store.invitations import sequences
from tests.conftest import TEST_DAY
from tests.gap_data import gap_day as make_gap_day

pytestmark = pytest.mark.both_engines


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(TEST_DAY, time(hour, minute))


@pytest.fixture(autouse=True)
def english() -> None:
    from coordinator.i18n import set_language

    set_language("en")


@pytest.fixture
def gap_day(store):
    """The shared gap day (tests/gap_data.py), with its store."""
    day_id, ids = make_gap_day(store)
    return store, day_id, ids


def test_a_later_case_that_fits_moves_into_the_gap(gap_day) -> None:
    store, day_id, ids = gap_day
    before = day_model(store, day_id)
    (gap,) = find_gaps(before.schedule())
    assert (gap.start, gap.end) == (at(10, 30), at(11))
    preview = pull_into_gap(store, day_id, ids[3], gap.start, gap.end, apply=False)
    assert (preview.old_start, preview.new_start, preview.invited) == (
        at(12, 30),
        at(10, 30),
        False,
    )
    assert day_model(store, day_id).schedule().slot(ids[3]).planned_start == at(12, 30)
    pull_into_gap(store, day_id, ids[3], gap.start, gap.end)
    after = day_model(store, day_id)
    assert [c.id for c in after.cases] == [ids[0], ids[1], ids[3], ids[2]]
    assert after.schedule().slot(ids[3]).planned_start == at(10, 30)
    assert find_gaps(after.schedule()) == ()


def test_an_invited_case_keeps_its_frozen_time_in_the_gap_and_is_marked_moved(gap_day) -> None:
    store, day_id, ids = gap_day
    sequences(store, {(ids[3], "meeting"): "sent"})
    with store.session() as session:
        from coordinator.store.models import Case

        case = session.get(Case, ids[3])
        case.planned_start = at(12, 30)
        session.add(case)
    fill = pull_into_gap(store, day_id, ids[3], at(10, 30), at(11))
    assert fill.invited
    model = day_model(store, day_id)
    moved = model.case(ids[3])
    assert moved.timing.planned_start == at(10, 30)
    assert model.moved_from(moved, model.schedule()) == at(12, 30)


def test_a_case_that_does_not_fit_is_refused_and_nothing_changes(gap_day) -> None:
    store, day_id, ids = gap_day
    with pytest.raises(Invalid, match="does not fit"):
        pull_into_gap(store, day_id, ids[2], at(10, 30), at(11))
    assert [c.id for c in day_model(store, day_id).cases] == ids


def test_the_lunch_moves_into_the_gap_through_the_day_edit(gap_day) -> None:
    store, day_id, ids = gap_day
    model = day_model(store, day_id)
    schedule = model.schedule()
    (gap,) = find_gaps(schedule)
    breaks = lunch_into_gap(schedule, gap)
    edit_day(
        store, day_id, DayChanges(breaks=tuple((b.start, b.end, b.latest_start) for b in breaks))
    )
    after = day_model(store, day_id).schedule()
    assert after.slot(ids[2]).planned_start == at(11)
    assert find_gaps(after) == ()
