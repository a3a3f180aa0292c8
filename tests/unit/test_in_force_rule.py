""" "In force" written twice (issue 19): the CTE over every case (`in_force`) and the per-row
conditions the statistics use for one period (`in_force_row`) pick the same agreements, also
where a newer version, a reopened draft or a later conversation decides, on both engines."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from coordinator.domain.vocab import ItemKind
from coordinator.store import agreements
from coordinator.store.days import DayInput, create_day
from coordinator.store.models import Agreement
from coordinator.store.second_conversation import schedule_second_conversation
from coordinator.store.statistics_followup import in_force, in_force_row
from tests.unit import stats_fixture

pytestmark = pytest.mark.both_engines


def _both(store) -> tuple[set[int], set[int]]:  # noqa: ANN001 - a Store
    with store.session() as session:
        by_row = set(session.exec(select(Agreement.id).where(in_force_row())).all())
        force = in_force()
        by_cte = set(session.exec(select(force.c.id)).all())
    return by_row, by_cte


def test_the_per_row_rule_is_the_cte(store) -> None:  # noqa: ANN001
    cases = stats_fixture.build(store)
    a1, a2, c1 = cases["a1"], cases["a2"], cases["c1"]
    # a1: a second final version (the first is no longer in force)
    agreements.reopen(store, a1)
    agreements.add_item(store, a1, ItemKind.SUPPORT, "Ny", "Jonas Berg", date(2026, 7, 1))
    agreements.finalise(store, a1)
    # a2: reopened, the draft not final (the final version stays in force)
    agreements.reopen(store, a2)
    # c1: a second conversation whose agreement is final (c1's is no longer in force)
    later = create_day(store, DayInput(date=date(2026, 12, 2))).id or 0
    second = schedule_second_conversation(store, c1, later).id or 0
    agreements.finalise(store, second)

    by_row, by_cte = _both(store)
    assert by_row == by_cte
    with store.session() as session:
        rows = session.exec(select(Agreement.case_id, Agreement.version, Agreement.id)).all()
    version = {(case_id, v): agreement_id for case_id, v, agreement_id in rows}
    assert version[(a1, 2)] in by_row and version[(a1, 1)] not in by_row
    assert version[(a2, 1)] in by_row and version[(a2, 2)] not in by_row
    assert version[(second, 1)] in by_row and version[(c1, 1)] not in by_row


def test_an_empty_database(store) -> None:  # noqa: ANN001
    assert _both(store) == (set(), set())
