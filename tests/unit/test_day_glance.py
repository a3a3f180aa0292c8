"""The first look at today's agenda (issue 19): `sqlite3` alone, read-only, and the same day as
the store's `day_model` but its readiness, or nothing at all.

SQLite only, by design: a server database is left to the store, which a test here shows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from coordinator.domain.vocab import CaseStatus
from coordinator.store import timing
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.day_glance import first_look
from coordinator.store.day_model import DayModel, day_model
from coordinator.store.days import DayInput, create_day, list_days
from coordinator.store.material_sent import record_sent
from tests.conftest import TEST_DAY, TEST_NOW


def _without_readiness(model: DayModel) -> DayModel:
    return dataclasses.replace(
        model, cases=tuple(dataclasses.replace(c, readiness=None) for c in model.cases)
    )


def _glance(path: Path | str, wanted: date = TEST_DAY) -> DayModel | None:
    return first_look(str(path), wanted, TEST_NOW.date())


def _demo_day(store) -> int:  # noqa: ANN001 - a Store
    return list_days(store)[0][0].id


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_glance_is_the_store_s_day_but_its_readiness(demo_store, db_path) -> None:
    """Every kind of case the agenda shows: running, cancelled with a reason, pulled forward,
    material sent or late, with challenges, beside the day's breaks and coordinator."""
    store = demo_store
    day_id = _demo_day(store)
    add_case(store, CaseInput(day_id=day_id, citizen="Eva Dahl"))  # its material not sent yet
    cases = [c.id for c in day_model(store, day_id).cases]
    timing.cancel_case(store, cases[1], reason="Syg; ringer selv")
    assert timing.pull_forward(store, day_id), "the later cases moved up"
    record_sent(store, cases[2], ["Lene Holm"], at=TEST_NOW - timedelta(days=5))  # and again
    timing.start_pre_meeting(store, cases[0], at=time(8, 30))

    full = day_model(store, day_id, TEST_NOW)
    glanced = _glance(db_path)

    assert glanced == _without_readiness(full)
    shown = {c.id: c for c in glanced.cases}
    assert shown[cases[0]].status is CaseStatus.PRE_MEETING
    assert shown[cases[1]].reason == "Syg; ringer selv"
    assert any(c.moved_from is not None for c in glanced.cases)
    assert glanced.plan.breaks and glanced.coordinator == "Lene Holm"
    assert any(c.challenges for c in glanced.cases)
    assert shown[cases[-1]].material_late and not shown[cases[2]].material_late
    assert all(c.readiness is None for c in glanced.cases), "readiness is the store's"


def test_a_running_day_comes_first_whatever_its_date(demo_store, db_path) -> None:
    """As the app opens on it: a meeting still running yesterday reopens, not today's day."""
    store = demo_store
    yesterday = create_day(store, DayInput(date=TEST_DAY - timedelta(days=1), start=time(9)))
    case = add_case(store, CaseInput(day_id=yesterday.id, citizen="Eva Dahl"))
    timing.start_pre_meeting(store, case.id, at=time(9))
    glanced = _glance(db_path)
    assert glanced is not None and glanced.id == yesterday.id
    assert [c.citizen for c in glanced.cases] == ["Eva Dahl"]


def test_no_day_on_the_date_is_no_glance(demo_store, db_path) -> None:
    assert _glance(db_path, TEST_DAY + timedelta(days=1)) is None


def test_a_database_at_another_revision_is_left_to_the_store(demo_store, db_path) -> None:
    """The store migrates an older database (or refuses a newer one); the glance reads only the
    schema it was written for."""
    demo_store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0009'")
    connection.close()
    assert _glance(db_path) is None


@pytest.mark.parametrize("content", [None, b"", b"not a database at all" * 100])
def test_a_missing_empty_or_foreign_file_is_no_glance(tmp_path, content) -> None:  # noqa: ANN001
    path = tmp_path / "coordinator.db"
    if content is not None:
        path.write_bytes(content)
    assert _glance(path) is None
    assert (path.read_bytes() if path.exists() else None) == content, "nothing was written"


@pytest.mark.parametrize(
    "db",
    [
        "postgresql://coordinator:secret@localhost/stepup",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite+pysqlcipher://:key@/coordinator.db",
    ],
)
def test_servers_memory_and_driver_urls_are_left_to_the_store(db) -> None:  # noqa: ANN001
    assert first_look(db, TEST_DAY, TEST_DAY) is None


def test_the_glance_writes_nothing_to_the_file(demo_store, db_path) -> None:
    demo_store.close()
    before = _digest(db_path)
    assert _glance(db_path) is not None
    assert _digest(db_path) == before
    wal = Path(f"{db_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "no page was written"


def test_a_locked_file_is_no_glance_and_no_wait(demo_store, db_path) -> None:
    """Another program holding an exclusive lock: the glance gives up at once (the store then
    opens the file and says the database is busy, as it always did)."""
    demo_store.close()
    holder = sqlite3.connect(db_path)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert _glance(db_path) is None
    finally:
        holder.rollback()
        holder.close()


def test_the_glance_loads_no_orm() -> None:
    """Its point: the first frame's agenda needs neither SQLAlchemy, SQLModel nor pydantic."""
    code = (
        "import sys\n"
        "import coordinator.store.day_glance, coordinator.screens.day_glance\n"
        "import coordinator.screens.day_view\n"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic', 'typer')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_day_at_midnight_edge_reads_its_times(demo_store, db_path) -> None:
    """Times and datetimes as SQLite stores them (text with microseconds) read back exactly."""
    store = demo_store
    late = create_day(store, DayInput(date=TEST_DAY + timedelta(days=2), start=time(22, 45)))
    add_case(store, CaseInput(day_id=late.id, citizen="Åse Øster-Ærø"))
    glanced = _glance(db_path, TEST_DAY + timedelta(days=2))
    assert glanced is not None
    assert glanced.start == time(22, 45)
    assert glanced == _without_readiness(day_model(store, late.id, TEST_NOW))
    assert glanced.cases[0].citizen == "Åse Øster-Ærø"
    assert isinstance(glanced.cases[0].timing.planned_start, datetime | None)
