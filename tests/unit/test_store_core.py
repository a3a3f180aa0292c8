"""Store operations beneath the CLI: people, days, cases, audit, backup."""

from __future__ import annotations

import sqlite3
from datetime import date, time

import pytest
from sqlmodel import select

from coordinator.domain.vocab import ChallengeKind, Profession
from coordinator.store import people as people_store
from coordinator.store.audit import recent
from coordinator.store.backup import backup
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day, load_day, resolve_day
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Citizen
from coordinator.store.people import PersonInput, add_person, find_person, list_people

pytestmark = pytest.mark.both_engines

DAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def english() -> None:
    from coordinator.i18n import set_language

    set_language("en")


def test_find_person_is_case_insensitive_and_ambiguity_is_an_error(store) -> None:
    add_person(store, PersonInput("Helle Nygaard", Profession.NURSE, email="a@x.dk"))
    assert find_person(store, "helle nygaard").name == "Helle Nygaard"
    add_person(store, PersonInput("Helle Nygaard", Profession.NURSE, email="b@x.dk"))
    with pytest.raises(Invalid, match="2 people"):
        find_person(store, "Helle Nygaard")
    with pytest.raises(NotFound):
        find_person(store, "Nobody")


def test_deactivated_people_are_hidden_but_kept(store) -> None:
    person = add_person(store, PersonInput("Maria Friis", Profession.FAMILY_COUNSELLOR))
    people_store.set_active(store, person.id, False)
    assert list_people(store) == []
    assert [p.name for p in list_people(store, include_inactive=True)] == ["Maria Friis"]


def test_search_matches_name_profession_and_department(store) -> None:
    add_person(store, PersonInput("Helle Nygaard", Profession.NURSE, department="Sundhed"))
    add_person(store, PersonInput("Jonas Berg", Profession.JOBBROKER, department="Jobcenter"))
    assert [p.name for p in list_people(store, search="sundh")] == ["Helle Nygaard"]
    assert [p.name for p in list_people(store, search="jobbroker")] == ["Jonas Berg"]


def test_day_is_found_by_date_or_id_and_two_on_one_date_must_be_told_apart(store) -> None:
    first = create_day(store, DayInput(date=DAY))
    assert resolve_day(store, DAY.isoformat()).id == first.id
    second = create_day(store, DayInput(date=DAY, start=time(12, 0), location="Lokale 3"))
    with pytest.raises(Invalid, match="give the day's id"):
        resolve_day(store, DAY.isoformat())
    assert resolve_day(store, str(second.id)).location == "Lokale 3"


@pytest.mark.parametrize(
    "breaks",
    [
        ((time(8, 0), time(8, 20)),),  # before the day starts
        ((time(11, 0), time(12, 0)), (time(11, 30), time(12, 30))),  # overlapping
        ((time(12, 0), time(11, 0)),),  # ends before it starts
    ],
)
def test_invalid_breaks_are_refused_and_nothing_is_stored(store, breaks) -> None:
    with pytest.raises(Invalid):
        create_day(store, DayInput(date=DAY, breaks=breaks))
    from coordinator.store.days import list_days

    assert list_days(store) == []


def test_a_case_that_would_run_past_midnight_is_refused(store) -> None:
    day = create_day(store, DayInput(date=DAY, start=time(22, 0)))
    add_case(store, CaseInput(day_id=day.id, citizen="A"))
    add_case(store, CaseInput(day_id=day.id, citizen="B"))  # ends at midnight exactly
    with pytest.raises(Invalid):
        add_case(store, CaseInput(day_id=day.id, citizen="C"))
    assert [row.citizen.name for row in load_day(store, day.id).cases] == ["A", "B"]


def test_citizens_are_matched_by_cpr_and_cpr_is_validated(store) -> None:
    day = create_day(store, DayInput(date=DAY))
    add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen", cpr="0101901234"))
    add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen", cpr="010190-1234"))
    add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen", cpr="020290-1234"))
    with store.session() as session:
        citizens = list(session.exec(select(Citizen)))
    assert sorted(c.cpr for c in citizens) == ["010190-1234", "020290-1234"]
    with pytest.raises(Invalid, match="CPR"):
        add_case(store, CaseInput(day_id=day.id, citizen="X", cpr="310290-1234"))


def test_audit_trail_names_changes_without_personal_details(store) -> None:
    day = create_day(store, DayInput(date=DAY))
    add_case(
        store,
        CaseInput(
            day_id=day.id,
            citizen="Sara Jensen",
            cpr="0101901234",
            challenges=(ChallengeKind.FAMILY,),
            problem_statement="Sønnen sendes hjem fra skole",
        ),
    )
    events = recent(store)
    assert {e.entity for e in events} >= {"day", "case", "citizen"}
    text = " ".join(f"{e.action} {e.entity} {e.detail} {e.actor}" for e in events)
    for secret in ("Sara", "0101901234", "010190", "Sønnen"):
        assert secret not in text


@pytest.mark.sqlite_only("SQLite's online backup")
def test_backup_is_consistent_while_another_connection_writes(store, tmp_path) -> None:
    create_day(store, DayInput(date=DAY))
    writer = sqlite3.connect(store.path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE stepupday SET location = 'uncommitted'")
    copy = backup(store, tmp_path / "copy.db")
    writer.rollback()
    writer.close()
    check = sqlite3.connect(copy)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert check.execute("SELECT location FROM stepupday").fetchone() == ("",)
    check.close()


def test_a_danish_name_in_another_letter_case_is_the_same_citizen(store) -> None:
    """SQLite's lower() folds only A-Z: "ærø testesen" must still find "Ærø Testesen", or the
    citizen gets a second record that an erasure of the first would miss."""
    day = create_day(store, DayInput(date=date(2026, 12, 3)))
    first = add_case(store, CaseInput(day_id=day.id, citizen="Ærø Testesen"))
    again = add_case(store, CaseInput(day_id=day.id, citizen="ærø TESTESEN"))
    assert again.citizen_id == first.citizen_id
    with store.session() as session:
        assert len(session.exec(select(Citizen)).all()) == 1
