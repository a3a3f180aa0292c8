"""The second conversation's carry-over (issue 21, item 18), on SQLite and PostgreSQL: the
first case's roster as a proposal checked by the roster rules, its meeting length, nothing
written until confirmed, and a new day made when no later day exists."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlmodel import func, select

from coordinator.domain.roster_rules import MISSING_HEALTH_PROFESSIONAL
from coordinator.store import agreements
from coordinator.store.day_model import day_model
from coordinator.store.days import DayInput, create_day, list_days
from coordinator.store.errors import Invalid
from coordinator.store.models import Case, RosterEntry, StepUpDay
from coordinator.store.roster import roster_lines
from coordinator.store.second_conversation import (
    create_second,
    new_day_warning,
    propose_second,
)
from tests.conftest import TEST_DAY
from tests.second_conversation_data import first_case

pytestmark = pytest.mark.both_engines


@pytest.fixture(autouse=True)
def english() -> None:
    from coordinator.i18n import set_language

    set_language("en")


@pytest.fixture
def first(store) -> int:
    """The shared first case (tests/second_conversation_data.py)."""
    return first_case(store)


def counts(store) -> tuple[int, int, int]:
    with store.session() as session:
        return tuple(
            session.exec(select(func.count()).select_from(table)).one()
            for table in (StepUpDay, Case, RosterEntry)
        )


def test_the_proposal_carries_the_roster_and_durations_and_writes_nothing(store, first) -> None:
    before = counts(store)
    proposal = propose_second(store, first)
    assert counts(store) == before
    assert sorted(line.display_name for line in proposal.roster) == [
        "Anders Lund",
        "Helle Nygaard",
        "Jonas Berg",
        "Mads Eriksen",
    ]
    assert (proposal.pre_minutes, proposal.meeting_minutes) == (20, 30)
    assert proposal.later_days == ()
    assert proposal.findings() == []
    without_nurse = [line.id for line in proposal.roster if line.display_name != "Helle Nygaard"]
    assert MISSING_HEALTH_PROFESSIONAL in {f.code for f in proposal.findings(without_nurse)}


def test_with_no_later_day_a_new_one_is_made_with_the_first_days_settings(store, first) -> None:
    proposal = propose_second(store, first)
    when = date(2027, 1, 7)
    assert new_day_warning(proposal, when) is None
    assert "weekend" in (new_day_warning(proposal, date(2027, 1, 9)) or "")
    assert "later day" in (new_day_warning(proposal, TEST_DAY) or "")
    chosen = [line.id for line in proposal.roster if line.display_name != "Anders Lund"]
    second = create_second(store, proposal, chosen, 30, new_date=when)
    days = {day.date: day for day, _count in list_days(store)}
    new_day = days[when]
    assert (new_day.start_time, new_day.pre_minutes, new_day.location) == (
        time(9),
        20,
        "Lokale 2",
    )
    model = day_model(store, new_day.id)
    assert model.case(second.id).timing.meeting_minutes == 30
    slot = model.schedule().slot(second.id)
    assert (slot.planned_pre.minutes, slot.planned_meeting.minutes) == (20, 30)
    assert sorted(line.display_name for line in roster_lines(store, second.id)) == [
        "Helle Nygaard",
        "Jonas Berg",
        "Mads Eriksen",
    ]
    assert agreements.latest(store, second.id) is not None  # the agreement carried forward
    with pytest.raises(Invalid, match="already scheduled"):
        propose_second(store, first)


def test_an_existing_later_day_is_offered_and_a_bad_date_changes_nothing(store, first) -> None:
    later = create_day(store, DayInput(date=date(2027, 1, 14), meeting_minutes=30))
    proposal = propose_second(store, first)
    assert [d.id for d in proposal.later_days] == [later.id]
    before = counts(store)
    with pytest.raises(Invalid, match="later day"):
        create_second(store, proposal, [], 30, new_date=TEST_DAY)
    with pytest.raises(Invalid, match="at least one minute"):
        create_second(store, proposal, [], 0, day_id=later.id)
    assert counts(store) == before
    second = create_second(store, proposal, [line.id for line in proposal.roster], 30, later.id)
    model = day_model(store, later.id or 0)
    assert model.case(second.id).timing.meeting_minutes is None  # the day's own length
    assert len(roster_lines(store, second.id)) == 4
