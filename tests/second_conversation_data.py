"""A first case ready for a second conversation, for the tests at every level (store and
dialog; issue 21, item 18)."""

from __future__ import annotations

from datetime import time

from coordinator.domain.vocab import ChallengeKind, Profession
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from coordinator.store.people import PersonInput, add_person
from coordinator.store.roster import add_people
from tests.conftest import TEST_DAY


def first_case(store) -> int:
    """A health case of 30 minutes with job broker, caseworker and a nurse, on the test day
    (09:00, 20-minute pre-meetings, lunch 11:30-12:00, in "Lokale 2"). Returns the case's id."""
    for name, profession in (
        ("Jonas Berg", Profession.JOBBROKER),
        ("Anders Lund", Profession.CASEWORKER),
        ("Helle Nygaard", Profession.NURSE),
    ):
        add_person(
            store,
            PersonInput(name, profession, decision_authority=profession is Profession.CASEWORKER),
        )
    day = create_day(
        store,
        DayInput(
            date=TEST_DAY,
            start=time(9),
            pre_minutes=20,
            breaks=((time(11, 30), time(12)),),
            location="Lokale 2",
        ),
    )
    case = add_case(
        store,
        CaseInput(
            day.id or 0,
            "Mads Eriksen",
            challenges=(ChallengeKind.HEALTH,),
            jobbroker="Jonas Berg",
            caseworker="Anders Lund",
            meeting_minutes=30,
        ),
    )
    add_people(store, case.id or 0, ["Helle Nygaard"])
    return case.id or 0
