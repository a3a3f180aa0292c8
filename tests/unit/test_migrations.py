"""Migrations own the schema: an empty database upgrades to head, and head matches the models."""

import sqlite3
import stat

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from coordinator.demo import create_demo
from coordinator.store import models  # noqa: F401 - registers tables
from coordinator.store.database import Store
from coordinator.store.days import day_json, load_day
from coordinator.store.engine import make_engine
from coordinator.store.migrate import (
    DatabaseTooNew,
    current_revision,
    ensure_current,
    head_revision,
    shipped_revisions,
    upgrade,
)


def test_empty_database_upgrades_to_head(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert current_revision(engine) is None
    assert ensure_current(engine) is True
    assert current_revision(engine) == head_revision()
    assert ensure_current(engine) is False, "a second open must not migrate again"
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables


def test_head_matches_the_models(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    ensure_current(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == [], f"models and migrations disagree; write a migration: {diff}"


def test_database_file_and_pragmas(tmp_path) -> None:
    path = tmp_path / "private" / "x.db"
    engine = make_engine(f"sqlite:///{path}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_default_database_folder_is_private(isolated_environment) -> None:
    from coordinator.store.engine import default_db_path

    store = Store.open(None)
    path = default_db_path()
    assert str(isolated_environment) in str(path), "tests must never touch the real user folder"
    assert store.path == str(path)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_cheap_head_equals_alembics_head() -> None:
    known, head = shipped_revisions()
    assert head == head_revision()
    assert head in known


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path) -> None:
    import subprocess
    import sys

    path = tmp_path / "x.db"
    ensure_current(make_engine(f"sqlite:///{path}"))
    code = (
        "import sys\n"
        "from coordinator.store.database import Store\n"
        f"Store.open({str(path)!r})\n"
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_a_database_from_a_newer_app_is_refused(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    ensure_current(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    import pytest

    with pytest.raises(DatabaseTooNew):
        ensure_current(engine)


def test_a_database_with_data_from_the_first_release_upgrades_in_place(tmp_path, clock) -> None:
    """A day planned before 0002 keeps its cases; the new column starts empty."""
    from coordinator.store.database import Store

    path = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    assert "moved_from" not in {c["name"] for c in inspect(engine).get_columns("case")}
    engine.dispose()
    # Fill it as the first release would have (its tables, its columns) ...
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO citizen (id, name, email, phone, address, created_at, updated_at) VALUES"
            " (1, 'Mads Eriksen', '', '', '', '2026-12-01 10:00:00', '2026-12-01 10:00:00')"
        )
        connection.execute(
            "INSERT INTO stepupday (id, date, start_time, pre_minutes, meeting_minutes, location,"
            " status, created_at, updated_at) VALUES (1, '2026-12-03', '08:30:00', 15, 45, '',"
            " 'planned', '2026-12-01 10:00:00', '2026-12-01 10:00:00')"
        )
        connection.execute(
            'INSERT INTO "case" (id, day_id, position, citizen_id, challenges, problem_statement,'
            ' "trigger", conversation_number, status, created_at, updated_at) VALUES (1, 1, 1, 1,'
            " 'health', '', '', 1, 'planned', '2026-12-01 10:00:00', '2026-12-01 10:00:00')"
        )
    # ... and open it with this one: upgraded on open, nothing lost.
    store = Store.open(str(path), clock=clock, actor="test")
    try:
        assert current_revision(store.engine) == head_revision()
        document = day_json(load_day(store, 1))
        assert [(c["citizen"], c["meeting"]["start"]) for c in document["cases"]] == [
            ("Mads Eriksen", "08:45")
        ]
        assert "moved_from" not in document["cases"][0]
        create_demo(store)  # and the upgraded database is fully usable
    finally:
        store.close()


def _insert_0002_cases(path, challenges: list[str]) -> None:
    """Cases as the 0002 schema stored them: challenge kinds as one comma-joined string."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO citizen (id, name, email, phone, address, created_at, updated_at) VALUES"
            " (1, 'Mads Eriksen', '', '', '', '2026-12-01 10:00:00', '2026-12-01 10:00:00')"
        )
        connection.execute(
            "INSERT INTO stepupday (id, date, start_time, pre_minutes, meeting_minutes, location,"
            " status, created_at, updated_at) VALUES (1, '2026-12-03', '08:30:00', 15, 45, '',"
            " 'planned', '2026-12-01 10:00:00', '2026-12-01 10:00:00')"
        )
        for position, joined in enumerate(challenges, start=1):
            connection.execute(
                'INSERT INTO "case" (id, day_id, position, citizen_id, challenges,'
                ' problem_statement, "trigger", conversation_number, status, created_at,'
                " updated_at) VALUES (?, 1, ?, 1, ?, '', '', 1, 'planned',"
                " '2026-12-01 10:00:00', '2026-12-01 10:00:00')",
                (position, position, joined),
            )
            connection.execute(
                "INSERT INTO rosterentry (case_id, role, name, relation, part, attendance,"
                " created_at, updated_at) VALUES (?, 'citizen', 'Mads Eriksen', '', 'meeting',"
                " 'invited', '2026-12-01 10:00:00', '2026-12-01 10:00:00')",
                (position,),
            )


def test_challenges_move_from_the_string_to_their_own_table(tmp_path, clock) -> None:
    """A 0002 database holding "health,family", "" and "other" upgrades in place (0003): the
    kinds become rows, the string column goes, and no roster entry is lost on the way."""
    from sqlmodel import select

    from coordinator.domain.vocab import ChallengeKind
    from coordinator.store.models import Case

    path = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0002")
    engine.dispose()
    _insert_0002_cases(path, ["health,family", "", "other"])

    store = Store.open(str(path), clock=clock, actor="test")
    try:
        assert current_revision(store.engine) == head_revision()
        assert "challenges" not in {c["name"] for c in inspect(store.engine).get_columns("case")}
        with store.engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT case_id, kind FROM casechallenge ORDER BY case_id, kind"
            ).all()
            roster_rows = connection.exec_driver_sql("SELECT count(*) FROM rosterentry").scalar()
        assert [tuple(r) for r in rows] == [(1, "family"), (1, "health"), (3, "other")]
        assert roster_rows == 3, "the upgrade must not cascade-delete the cases' children"
        with store.session() as session:
            cases = list(session.exec(select(Case).order_by(Case.id)))
        # Read after the session closed: the kinds were loaded with the rows.
        assert [c.challenge_kinds for c in cases] == [
            (ChallengeKind.HEALTH, ChallengeKind.FAMILY),
            (),
            (ChallengeKind.OTHER,),
        ]
        assert day_json(load_day(store, 1))["cases"][0]["challenges"] == ["health", "family"]
    finally:
        store.close()


def test_downgrade_to_0002_writes_the_string_back(tmp_path, clock) -> None:
    from alembic import command

    from coordinator.domain.vocab import ChallengeKind
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import DayInput, create_day
    from coordinator.store.migrate import _config

    path = tmp_path / "x.db"
    store = Store.open(str(path), clock=clock, actor="test")
    day = create_day(store, DayInput(date=clock.now().date()))
    kinds = [(ChallengeKind.OTHER, ChallengeKind.HEALTH), (), (ChallengeKind.FAMILY,)]
    for challenges in kinds:
        add_case(store, CaseInput(day_id=day.id or 0, citizen="A", challenges=challenges))
    command.downgrade(_config(store.engine), "0002")
    try:
        assert current_revision(store.engine) == "0002"
        assert not inspect(store.engine).has_table("casechallenge")
        with store.engine.connect() as connection:
            joined = connection.exec_driver_sql('SELECT challenges FROM "case" ORDER BY id').all()
            roster_rows = connection.exec_driver_sql("SELECT count(*) FROM rosterentry").scalar()
        assert [r[0] for r in joined] == ["health,other", "", "family"]
        assert roster_rows == 3
        upgrade(store.engine)  # and up again, the kinds as rows once more
        with store.engine.connect() as connection:
            count = connection.exec_driver_sql("SELECT count(*) FROM casechallenge").scalar()
        assert count == 3
    finally:
        store.close()


def test_a_case_deleted_takes_its_challenges_along(store) -> None:
    from coordinator.domain.vocab import ChallengeKind
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import DayInput, create_day

    day = create_day(store, DayInput(date=store.now().date()))
    case = add_case(
        store, CaseInput(day_id=day.id or 0, citizen="A", challenges=(ChallengeKind.HEALTH,))
    )
    assert case.challenge_kinds == (ChallengeKind.HEALTH,)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM rosterentry")
        connection.exec_driver_sql('DELETE FROM "case"')
        assert connection.exec_driver_sql("SELECT count(*) FROM casechallenge").scalar() == 0
