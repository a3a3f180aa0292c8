"""Readiness of a case: preparation complete and no error findings."""

from __future__ import annotations

import pytest

from coordinator.domain.findings import Severity
from coordinator.domain.vocab import ChallengeKind, MaterialKind, Profession
from coordinator.store import preparation, roster
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from coordinator.store.people import PersonInput, add_person
from coordinator.store.readiness import case_readiness

pytestmark = pytest.mark.both_engines


def _health_case(store) -> int:
    for person in (
        PersonInput("Lene Holm", Profession.COORDINATOR, decision_authority=True),
        PersonInput("Jonas Berg", Profession.JOBBROKER),
        PersonInput("Anders Lund", Profession.CASEWORKER),
        PersonInput("Helle Nygaard", Profession.NURSE, fixed_representative=True),
    ):
        add_person(store, person)
    day = create_day(store, DayInput(date=store.now().date(), coordinator="Lene Holm"))
    return add_case(
        store,
        CaseInput(
            day_id=day.id,
            citizen="Mads Eriksen",
            challenges=(ChallengeKind.HEALTH,),
            jobbroker="Jonas Berg",
            caseworker="Anders Lund",
        ),
    ).id


def _prepare(store, case_id: int) -> None:
    preparation.update_preparation(
        store, case_id, **{name: "x" for name in preparation.REQUIRED_FIELDS}
    )
    for kind in MaterialKind:
        if kind is not MaterialKind.OTHER:
            preparation.set_material(store, case_id, kind, True)


def test_a_new_case_is_not_ready(store) -> None:
    case_id = _health_case(store)
    readiness = case_readiness(store, case_id)
    assert not readiness.ready
    assert not readiness.preparation_complete
    assert "main_problem" in readiness.missing
    assert "material:cv" in readiness.missing
    # Said by name, so the coordinator knows what to fill in (Danish by default).
    assert readiness.missing_text().startswith("det vigtigste problem, hvorfor matchet")
    assert readiness.missing_text().endswith(
        "jobmålet; materiale: Forberedelsesskema, Min Plan, CV, Jobmål"
    )
    assert readiness.counts[Severity.ERROR] == 1  # no health professional yet
    assert set(readiness.counts) == set(Severity)


def test_prepared_but_an_error_finding_is_not_ready(store) -> None:
    case_id = _health_case(store)
    _prepare(store, case_id)
    readiness = case_readiness(store, case_id)
    assert readiness.preparation_complete and readiness.missing == []
    assert not readiness.ready
    errors = [f.code for f in readiness.findings if f.severity is Severity.ERROR]
    assert errors == ["missing-health-professional"]


def test_prepared_with_the_nurse_is_ready(store) -> None:
    case_id = _health_case(store)
    _prepare(store, case_id)
    roster.add_people(store, case_id, ["Helle Nygaard"])
    readiness = case_readiness(store, case_id)
    assert readiness.ready
    assert readiness.counts[Severity.ERROR] == 0


def test_warnings_do_not_block_readiness(store) -> None:
    case_id = _health_case(store)
    _prepare(store, case_id)
    roster.add_people(store, case_id, ["Helle Nygaard"])
    for index in range(6):
        roster.add_network_person(store, case_id, f"Relative {index}", "family")
    readiness = case_readiness(store, case_id)
    assert readiness.counts[Severity.WARNING] >= 1
    assert readiness.ready
    assert preparation.is_complete(store, case_id)
