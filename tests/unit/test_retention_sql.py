"""Retention's last activity is grouped in the database (issue 19): on a generated history,
`due` lists exactly what the former reading of every dated row in Python listed, and
`due_count` counts it, on both engines, for several periods and days."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select, text

from coordinator.domain.clock import FixedClock
from coordinator.store import retention
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.consent import set_consent
from coordinator.store.days import DayInput, create_day
from coordinator.store.models import Citizen
from tests.conftest import TEST_NOW

pytestmark = pytest.mark.both_engines


def _reference(store, months: int) -> list[tuple[int, str, date, int]]:  # noqa: ANN001
    """The former `due`: every dated row read, the latest kept per citizen in Python."""
    cutoff = retention.months_before(store.now().date(), months)
    latest: dict[int, date] = {}
    cases: dict[int, int] = {}
    with store.session() as session:
        for statement in retention._ACTIVITY:  # noqa: SLF001 - the sources it reads
            for citizen_id, when in session.execute(statement):
                if when is None:
                    continue
                day = when.date() if isinstance(when, datetime) else when
                latest[citizen_id] = max(day, latest.get(citizen_id, day))
        for (citizen_id,) in session.execute(text('SELECT citizen_id FROM "case"')):
            cases[citizen_id] = cases.get(citizen_id, 0) + 1
        citizens = session.execute(
            select(Citizen.id, Citizen.name).where(Citizen.erased_at.is_(None))  # type: ignore[union-attr]
        ).all()
    return [
        (citizen_id, name, latest[citizen_id], cases.get(citizen_id, 0))
        for citizen_id, name in sorted(citizens)
        if citizen_id in latest and latest[citizen_id] < cutoff
    ]


def _history(store, seed: int) -> None:  # noqa: ANN001
    """Days over three years, cases of 25 citizens (some twice), consents, and every row's
    change time moved to a random moment of the history (some late in the evening)."""
    chance = random.Random(seed)
    first = TEST_NOW.date() - timedelta(days=3 * 365)
    days = [
        create_day(store, DayInput(date=first + timedelta(days=offset))).id
        for offset in sorted(chance.sample(range(3 * 365), 12))
    ]
    case_ids = []
    for n in range(40):
        case = add_case(store, CaseInput(day_id=chance.choice(days), citizen=f"Borger {n % 25}"))
        case_ids.append(case.id)
    for case_id in chance.sample(case_ids, 8):
        set_consent(store, case_id, first + timedelta(days=chance.randrange(3 * 365)))
    with store.session() as session:
        for table in ("citizen", '"case"', "consent"):
            ids = [row[0] for row in session.execute(text(f"SELECT id FROM {table}"))]
            for row_id in ids:
                moment = datetime.combine(
                    first + timedelta(days=chance.randrange(3 * 365)),
                    time(chance.choice((0, 9, 23)), chance.randrange(60), chance.randrange(60)),
                )
                session.execute(
                    text(f"UPDATE {table} SET updated_at = :at WHERE id = :id"),
                    {"at": moment, "id": row_id},
                )
        session.execute(
            text("UPDATE citizen SET erased_at = :at WHERE name = 'Borger 3'"), {"at": TEST_NOW}
        )


@pytest.mark.parametrize("seed", [1, 2])
def test_due_and_its_count_match_the_python_reading(store, clock, seed: int) -> None:  # noqa: ANN001
    _history(store, seed)
    for today in (TEST_NOW, TEST_NOW + timedelta(days=200), TEST_NOW + timedelta(days=900)):
        store.clock = FixedClock(today)
        for months in (1, 6, 12, 24):
            expected = _reference(store, months)
            found = [
                (c.citizen_id, c.name, c.last_activity, c.cases)
                for c in retention.due(store, months)
            ]
            assert found == expected
            assert retention.due_count(store, months) == len(expected)
    assert any(_reference(store, 12)), "the history leaves someone due"
