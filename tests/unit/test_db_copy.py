"""`db copy` and a server store's backup: every row to the other engine, ids and versions kept,
checked, all or nothing, and never into a database that holds data already."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import SQLModel
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.store import copy as copying
from coordinator.store.agreements import agreement_json, latest
from coordinator.store.backup import backup
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day, day_json, list_days, load_day
from coordinator.store.errors import Invalid
from tests.conftest import TEST_DAY

pytestmark = pytest.mark.both_engines


@pytest.fixture(autouse=True)
def english() -> None:
    """The messages are asserted in English (the app's default is Danish)."""
    from coordinator.i18n import set_language

    set_language("en")


@pytest.fixture
def other_url(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty database on the *other* engine: PostgreSQL for a SQLite source, a new SQLite
    file for a PostgreSQL source. Each test thus copies across engines, both ways."""
    if db_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'copy.db'}"
        return
    import psycopg
    from sqlalchemy.engine import make_url

    server = request.getfixturevalue("postgres_server")
    name = f"copy_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = make_url(server.get_uri()).set(drivername="postgresql+psycopg", database=name)
    yield url.render_as_string(hide_password=False)
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def counts(engine) -> dict[str, int]:  # noqa: ANN001 - an Engine
    with engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


def test_every_row_arrives_with_its_ids(demo_store, other_url, clock) -> None:
    report = copying.copy_store(demo_store.engine, other_url)
    copy = Store.open(other_url, clock=clock, actor="test")
    try:
        assert counts(copy.engine) == counts(demo_store.engine) == report.rows
        assert report.total > 50, "the demo day has people, cases, rosters and agreements"
        day_id = list_days(demo_store)[0][0].id
        assert day_json(load_day(copy, day_id)) == day_json(load_day(demo_store, day_id))
        case_ids = [row.case.id for row in load_day(demo_store, day_id).cases]
        with_agreement = [c for c in case_ids if latest(demo_store, c) is not None]
        assert with_agreement, "the demo has at least one agreement to compare"
        for case_id in with_agreement:
            assert agreement_json(copy, case_id) == agreement_json(demo_store, case_id)
        # The copy goes on: a new row takes the next free id, never a copied one.
        added = create_day(copy, DayInput(date=TEST_DAY.replace(year=TEST_DAY.year + 1)))
        assert added.id not in {day.id for day, _count in list_days(demo_store)}
    finally:
        copy.close()


def test_a_filled_target_is_refused_and_left_alone(demo_store, other_url, clock) -> None:
    copying.copy_store(demo_store.engine, other_url)
    copy = Store.open(other_url, clock=clock, actor="test")
    before = counts(copy.engine)
    with pytest.raises(Invalid, match="already holds data"):
        copying.copy_store(demo_store.engine, other_url)
    assert counts(copy.engine) == before
    copy.close()


def test_a_copy_that_fails_halfway_leaves_the_target_empty(
    demo_store, other_url, clock, monkeypatch
) -> None:
    real = copying._copy_table
    tables = SQLModel.metadata.sorted_tables

    def failing(reading, writing, table):  # noqa: ANN001, ANN202
        if table is tables[-1]:
            raise RuntimeError("the cable was pulled")
        return real(reading, writing, table)

    monkeypatch.setattr(copying, "_copy_table", failing)
    with pytest.raises(RuntimeError):
        copying.copy_store(demo_store.engine, other_url)
    monkeypatch.undo()
    copy = Store.open(other_url, clock=clock, actor="test")
    assert set(counts(copy.engine).values()) == {0}
    copy.close()
    copying.copy_store(demo_store.engine, other_url)  # and it can be done again


def test_a_backup_of_either_engine_is_a_sqlite_file_with_every_row(
    demo_store, tmp_path, clock
) -> None:
    target = backup(demo_store, tmp_path / "offline" / "day.db")
    assert target.stat().st_mode & 0o077 == 0
    copy = Store.open(str(target), clock=clock, actor="test")
    assert copy.engine.dialect.name == "sqlite"
    assert counts(copy.engine) == counts(demo_store.engine)
    copy.close()


def test_db_copy_on_the_command_line(db_url, other_url, clock) -> None:
    runner = CliRunner()

    def cli(*args: str):  # noqa: ANN202
        return runner.invoke(app, ["--db", db_url, "--lang", "en", *args], obj=None)

    assert cli("demo", "--no-open").exit_code == 0
    result = cli("db", "copy", "--to", other_url, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    source = Store.open(db_url, clock=clock, actor="test")
    assert document["rows"] == counts(source.engine)
    source.close()
    assert document["rows"]["case"] >= 5, "the demo day and its history"
    assert document["total"] == sum(document["rows"].values())
    again = cli("db", "copy", "--to", other_url)
    assert again.exit_code == 1
    assert again.stderr.startswith("coordinator: ") and again.stderr.count("\n") == 1
    assert "already holds data" in again.stderr


def test_a_password_in_the_target_url_is_never_printed(store, clock) -> None:
    secret = "hemmeligt-kodeord"
    url = f"postgresql+psycopg://coordinator:{secret}@127.0.0.1:1/nowhere?connect_timeout=1"
    result = CliRunner().invoke(app, ["--db", store.url, "db", "copy", "--to", url])
    assert result.exit_code == 1
    assert secret not in result.stdout + result.stderr
    assert result.stderr.startswith("coordinator: ") and result.stderr.count("\n") == 1
