"""A held meeting with a final agreement, for the follow-up tests at every level."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from coordinator.domain.vocab import ItemKind, Profession
from coordinator.store import agreements
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from coordinator.store.people import PersonInput, add_person
from tests.conftest import TEST_DAY


def hold_meeting(store, clock, days_later: int = 60) -> SimpleNamespace:
    """A meeting on the test day with a final agreement of three items (due in 14, 21 and 90
    days); the clock is then moved `days_later` days on."""
    add_person(store, PersonInput("Helle Nygaard", Profession.NURSE))
    add_person(store, PersonInput("Jonas Berg", Profession.JOBBROKER))
    day = create_day(store, DayInput(date=TEST_DAY))
    case = add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen", jobbroker="Jonas Berg"))
    agreements.ensure_draft(store, case.id)
    items = [
        agreements.add_item(
            store,
            case.id,
            ItemKind.SUPPORT,
            "Følges første dag",
            "Jonas Berg",
            TEST_DAY + timedelta(days=21),
        ),
        agreements.add_item(
            store,
            case.id,
            ItemKind.INTERVENTION,
            "Samtale om angst",
            "Helle Nygaard",
            TEST_DAY + timedelta(days=14),
        ),
        agreements.add_item(
            store,
            case.id,
            ItemKind.ACTION,
            "Søger tre jobs",
            "borger",
            TEST_DAY + timedelta(days=90),
        ),
    ]
    agreements.finalise(store, case.id)
    clock.set(clock.now() + timedelta(days=days_later))
    return SimpleNamespace(case=case.id, items=[i.id for i in items], day=day.id)
