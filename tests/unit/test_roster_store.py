"""Roster store: suggestions from the directory, accepting them, adding by id, the context."""

from __future__ import annotations

import pytest

from coordinator.domain.vocab import ChallengeKind, Part, Profession, RosterRole
from coordinator.store import roster, roster_checks, roster_suggestions
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from coordinator.store.people import PersonInput, add_person, set_active

pytestmark = pytest.mark.both_engines

P = Profession


def _directory(store) -> dict[str, int]:
    people = [
        PersonInput("Lene Holm", P.COORDINATOR, decision_authority=True),
        PersonInput("Jonas Berg", P.JOBBROKER),
        PersonInput("Anders Lund", P.CASEWORKER, decision_authority=True),
        PersonInput("Helle Nygaard", P.NURSE, fixed_representative=True),
        PersonInput("Karen Bech", P.HEALTH_VISITOR, fixed_representative=True),
        PersonInput("Maria Friis", P.FAMILY_COUNSELLOR, fixed_representative=True),
        PersonInput("Rikke Lauridsen", P.PSYCHOLOGIST),  # not a fixed representative
    ]
    return {p.name: add_person(store, p).id for p in people}


def _case(store, *challenges: ChallengeKind, coordinator: str | None = "Lene Holm") -> int:
    day = create_day(store, DayInput(date=store.now().date(), coordinator=coordinator))
    case = add_case(
        store,
        CaseInput(
            day_id=day.id,
            citizen="Mads Eriksen",
            challenges=challenges,
            jobbroker="Jonas Berg",
            caseworker="Anders Lund",
        ),
    )
    return case.id


def test_suggest_for_a_health_case(store) -> None:
    _directory(store)
    case_id = _case(store, ChallengeKind.HEALTH)
    names = [s.name for s in roster_suggestions.suggest(store, case_id)]
    # Citizen, caseworker and job broker are on the roster already (case add put them there).
    # One health professional: the nurse, whose profession is only a health one.
    assert names == ["Lene Holm", "Helle Nygaard"]


def test_suggest_nobody_for_a_need_the_roster_already_meets(store) -> None:
    _directory(store)
    case_id = _case(store, ChallengeKind.HEALTH)
    roster.add_people(store, case_id, ["Karen Bech"], Part.MEETING)
    assert [s.name for s in roster_suggestions.suggest(store, case_id)] == ["Lene Holm"]
    # Someone who attends only the pre-meeting does not meet the need in the meeting.
    other = _case(store, ChallengeKind.HEALTH)
    roster.add_people(store, other, ["Karen Bech"], Part.PRE)
    assert "Helle Nygaard" in [s.name for s in roster_suggestions.suggest(store, other)]


def test_suggest_for_a_family_case_offers_family_professionals(store) -> None:
    _directory(store)
    case_id = _case(store, ChallengeKind.FAMILY)
    names = {s.name for s in roster_suggestions.suggest(store, case_id)}
    assert "Maria Friis" in names  # the family counsellor before the health visitor
    assert not {"Karen Bech", "Helle Nygaard"} & names
    assert "Rikke Lauridsen" not in names


def test_suggest_skips_inactive_people_and_proposes_a_missing_citizen(store) -> None:
    ids = _directory(store)
    case_id = _case(store, ChallengeKind.HEALTH)
    set_active(store, ids["Helle Nygaard"], False)
    citizen = next(
        line for line in roster.roster_lines(store, case_id) if line.role is RosterRole.CITIZEN
    )
    roster.remove_entry(store, citizen.id)
    suggestions = roster_suggestions.suggest(store, case_id)
    assert suggestions[0].role is RosterRole.CITIZEN
    assert suggestions[0].part is Part.MEETING
    assert "Helle Nygaard" not in {s.name for s in suggestions}


def test_accept_suggestions_adds_once(store) -> None:
    _directory(store)
    case_id = _case(store, ChallengeKind.HEALTH)
    suggestions = roster_suggestions.suggest(store, case_id)
    added = roster_suggestions.accept_suggestions(store, case_id, suggestions)
    assert len(added) == len(suggestions)
    assert roster_suggestions.accept_suggestions(store, case_id, suggestions) == []
    assert roster_suggestions.suggest(store, case_id) == []
    assert [f.code for f in roster_checks.check(store, case_id)] == []


def test_add_person_by_id_is_idempotent(store) -> None:
    ids = _directory(store)
    case_id = _case(store, ChallengeKind.HEALTH)
    first = roster.add_person_by_id(store, case_id, ids["Helle Nygaard"])
    again = roster.add_person_by_id(store, case_id, ids["Helle Nygaard"], Part.MEETING)
    assert first.id == again.id
    assert len(roster.roster_lines(store, case_id)) == 4


def test_double_booking_across_days_on_the_same_date(store) -> None:
    _directory(store)
    first = _case(store, ChallengeKind.HEALTH)
    second = _case(store, ChallengeKind.HEALTH)  # a second day on the same date, same people
    codes = [f.code for f in roster_checks.check(store, second)]
    assert "double-booked" in codes
    context = roster_checks.roster_context(store, first)
    assert context.case_id == first
    assert {slot.case_id for slot in context.other_slots} == {second}


def test_no_coordinator_and_case_heading(store) -> None:
    _directory(store)
    case_id = _case(store, ChallengeKind.HEALTH, coordinator=None)
    assert "no-coordinator" in [f.code for f in roster_checks.check(store, case_id)]
    heading = roster.case_heading(store, case_id)
    assert (heading.citizen, heading.position) == ("Mads Eriksen", 1)
    assert heading.challenges == {ChallengeKind.HEALTH}
