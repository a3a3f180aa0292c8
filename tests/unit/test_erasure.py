"""Erasure: the citizen's personal data gone, from the rows and from the files' bytes, while
the anonymous counts of their cases stay."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from coordinator.store import erasure
from coordinator.store.audit import events_about
from coordinator.store.errors import NotFound
from tests.conftest import TEST_DAY
from tests.privacy_data import CPR, NAME, add_testesen, secrets

pytestmark = pytest.mark.both_engines

LAST_MONTH = TEST_DAY - timedelta(days=30)


def _dump(store) -> str:
    """Every text of every table, as one string (what the database holds logically)."""
    from sqlmodel import SQLModel

    parts = []
    with store.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                parts.extend(str(value) for value in row)
    return "\n".join(parts)


def _counts(store) -> dict[str, object]:
    with store.engine.connect() as connection:
        return {
            "cases": connection.execute(text('SELECT count(*) FROM "case"')).scalar(),
            "kinds": sorted(connection.execute(text("SELECT kind FROM casechallenge")).scalars()),
            "roles": sorted(
                connection.execute(text("SELECT role, attendance FROM rosterentry")).all()
            ),
            "statuses": sorted(connection.execute(text('SELECT status FROM "case"')).scalars()),
            "agreement_items": connection.execute(
                text("SELECT count(*) FROM agreementitem")
            ).scalar(),
        }


def _citizen_id(store, case_id: int) -> int:
    with store.engine.connect() as connection:
        return connection.execute(
            text('SELECT citizen_id FROM "case" WHERE id = :id'), {"id": case_id}
        ).scalar_one()


def test_erasure_removes_every_trace_and_keeps_the_counts(demo_store, tmp_path: Path) -> None:
    store = demo_store
    case_id = add_testesen(store, LAST_MONTH, tmp_path)
    citizen_id = _citizen_id(store, case_id)
    before = _counts(store)
    assert NAME in _dump(store)

    done = erasure.erase(store, citizen_id)

    dump = _dump(store)
    for secret in (NAME, "Testesen", CPR, CPR.replace("-", ""), "Ærø"):
        assert secret not in dump, secret
    assert done.rows["citizen"] == 1 and done.rows["materialitem"] >= 1
    assert _counts(store) == before, "the anonymous counts stay"
    assert "Mads Eriksen" in dump, "other citizens are untouched"
    about = events_about(store, citizen_id)
    assert about[-1].action == "erase"


def test_erasing_twice_and_unknown_citizens(store) -> None:
    with pytest.raises(NotFound):
        erasure.erase(store, 999)


def test_a_meeting_running_today_needs_confirmation(store, tmp_path: Path) -> None:
    case_id = add_testesen(store, TEST_DAY, tmp_path)
    citizen_id = _citizen_id(store, case_id)
    with pytest.raises(erasure.NeedsConfirmation, match="sag|case"):
        erasure.erase(store, citizen_id)
    assert NAME in _dump(store), "nothing changed"
    preview = erasure.preview(store, citizen_id)
    assert preview.cases_today == (case_id,) and preview.rows["case"] == 1
    erasure.erase(store, citizen_id, confirmed_today=True)
    assert NAME not in _dump(store)


@pytest.mark.sqlite_only("the bytes of the SQLite file, its WAL and shared memory")
def test_no_byte_of_the_name_or_cpr_is_left_in_the_files(demo_store, tmp_path: Path) -> None:
    store = demo_store
    case_id = add_testesen(store, LAST_MONTH, tmp_path)
    path = Path(store.path)
    everything = b"".join(
        p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()
    )
    assert NAME.encode() in everything, "the test must see the name before erasure"

    done = erasure.erase(store, _citizen_id(store, case_id))

    assert done.scrubbed
    for suffix in ("", "-wal", "-shm"):
        file = Path(f"{path}{suffix}")
        if not file.exists():
            continue
        data = file.read_bytes()
        for secret in secrets():
            assert secret not in data, (file.name, secret)


def test_the_statistics_are_the_same_before_and_after_an_erasure(store, clock) -> None:
    """What stays of an erased citizen is exactly what the steering group's figures need: the
    demo with its history (held meetings, outcomes, ratings, progress) gives the same figures
    before and after every citizen of an earlier day is erased."""
    from dataclasses import asdict

    from sqlmodel import select

    from coordinator.demo import create_demo
    from coordinator.store.models import Case, StepUpDay
    from coordinator.store.statistics import statistics

    def figures() -> dict:
        """The figures, with free-text reasons (a drop's or a cancellation's words, which
        erasure takes) counted rather than quoted."""

        def counted(value: object) -> object:
            if isinstance(value, dict):
                return {
                    key: sum(n for _reason, n in item)
                    if key.endswith("_reasons")
                    else counted(item)
                    for key, item in value.items()
                }
            return value

        return counted(asdict(statistics(store, start, end)))  # type: ignore[return-value]

    create_demo(store, history=True)
    start, end = TEST_DAY - timedelta(days=365), TEST_DAY
    before = figures()
    with store.session() as session:
        earlier = session.exec(
            select(Case.citizen_id).join(StepUpDay).where(StepUpDay.date < TEST_DAY)
        ).all()
    assert earlier, "the demo's history has held cases"
    for citizen_id in sorted(set(earlier)):
        erasure.erase(store, citizen_id)
    assert figures() == before
