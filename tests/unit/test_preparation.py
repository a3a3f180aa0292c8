"""The preparation form in the store: fields as typed, and two writers never overwriting each
other silently (field by field, so two people in different fields never conflict)."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator.store import preparation
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from coordinator.store.errors import Invalid

pytestmark = pytest.mark.both_engines

NASTY = "[bold]Ærø[/bold] <b>øl</b> 😀\n" + "å" * 10_000


@pytest.fixture
def case_id(store) -> int:
    day = create_day(store, DayInput(date=store.now().date()))
    return add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id


def test_fields_are_stored_exactly_as_typed(store, case_id) -> None:
    preparation.update_preparation(store, case_id, tried=NASTY, decided_on=date(2026, 11, 10))
    stored = preparation.get_preparation(store, case_id)
    assert (stored.tried, stored.decided_on) == (NASTY, date(2026, 11, 10))


def test_an_unknown_field_is_refused(store, case_id) -> None:
    with pytest.raises(Invalid):
        preparation.update_preparation(store, case_id, tired="typo")


def test_a_field_changed_elsewhere_is_not_overwritten(store, case_id) -> None:
    preparation.update_preparation(store, case_id, main_problem="He locks up")
    # Another laptop changes the field after this one read "He locks up".
    preparation.update_preparation(store, case_id, main_problem="Anxiety before day one")
    with pytest.raises(preparation.PreparationConflict) as raised:
        preparation.update_preparation(
            store, case_id, {"main_problem": "He locks up"}, main_problem="He locks up, often"
        )
    assert raised.value.theirs == {"main_problem": "Anxiety before day one"}
    assert preparation.get_preparation(store, case_id).main_problem == "Anxiety before day one"


def test_different_fields_and_equal_values_do_not_conflict(store, case_id) -> None:
    preparation.update_preparation(store, case_id, main_problem="A", job_goal="Lager")
    preparation.update_preparation(store, case_id, job_goal="Lager og logistik")  # elsewhere
    # This screen read job_goal="Lager" but writes only main_problem: no conflict.
    preparation.update_preparation(store, case_id, {"main_problem": "A"}, main_problem="B")
    # Both wrote the same new value: nothing to choose between.
    preparation.update_preparation(
        store, case_id, {"job_goal": "Lager"}, job_goal="Lager og logistik"
    )
    stored = preparation.get_preparation(store, case_id)
    assert (stored.main_problem, stored.job_goal) == ("B", "Lager og logistik")
