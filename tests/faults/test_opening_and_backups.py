"""Hostile files and URLs: a password never printed, a 0-byte or foreign file never silently
turned into a database, a damaged database never copied as a good backup.

Each test reproduces a finding of the hardening issue through the real CLI (one line on stderr,
exit non-zero, no traceback) or the store function behind it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.demo import create_demo
from coordinator.store.backup import Damaged, backup, integrity_problem
from coordinator.store.database import Store
from coordinator.store.engine import display_url


def _run(*args: str):
    return CliRunner().invoke(app, ["--lang", "en", *args])


def _one_line_error(result) -> str:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://coord:coordpw@127.0.0.1:1/stepup",
        "postgresql://coord:coordpw@127.0.0.1:1/stepup?sslmode=disable",
    ],
)
def test_a_password_in_the_url_is_never_printed(url: str) -> None:
    result = _run("--db", url, "day", "list")
    line = _one_line_error(result)
    assert "coordpw" not in result.output
    assert "coord:***@" in line or "driver" in line


def test_display_url_masks_only_the_password() -> None:
    shown = display_url("postgresql+psycopg://coord:s3cr%40t@db.kommune.dk:5432/stepup")
    assert "s3cr" not in shown
    assert shown.startswith("postgresql+psycopg://coord:***@db.kommune.dk:5432/stepup")
    assert display_url("/home/anna/coordinator.db") == "/home/anna/coordinator.db"
    assert "pw" not in display_url("weird://user:pw@[not-a-host")


def test_an_empty_file_is_refused_not_turned_into_a_database(tmp_path: Path) -> None:
    empty = tmp_path / "coordinator.db"
    empty.touch()
    line = _one_line_error(_run("--db", str(empty), "day", "list"))
    assert "0 bytes" in line
    assert empty.stat().st_size == 0, "refusing must not write the file"


def test_a_new_path_still_becomes_a_new_database(tmp_path: Path) -> None:
    result = _run("--db", str(tmp_path / "new.db"), "day", "list", "--json")
    assert result.exit_code == 0, result.output
    # ... and opens again afterwards (it is not an empty file any more).
    assert _run("--db", str(tmp_path / "new.db"), "day", "list").exit_code == 0


def test_another_programs_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    line = _one_line_error(_run("--db", str(foreign), "day", "list"))
    assert "invoices" in line
    with sqlite3.connect(foreign) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}, "no alembic_version or other table may be left behind"


def test_an_empty_alembic_version_left_by_an_old_failed_open_is_healed(tmp_path: Path) -> None:
    path = tmp_path / "coordinator.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    assert _run("--db", str(path), "day", "list", "--json").exit_code == 0


def _corrupt_middle(path: Path, size: int = 8192) -> None:
    """Damage the data in the middle of the file: the pages of the audit trail's table, so
    the damage is in the data and not in the schema (which grows into the middle of the
    file as tables are added, and would then stop the database from opening at all)."""
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'auditevent'"
        ).fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + size] = b"\xa5" * min(size, len(data) - start)
    path.write_bytes(bytes(data))


def _demo_db(tmp_path: Path, clock) -> Path:
    path = tmp_path / "coordinator.db"
    store = Store.open(str(path), clock=clock, actor="test")
    create_demo(store)
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def test_a_whole_database_is_backed_up_and_the_copy_checks_out(tmp_path: Path, clock) -> None:
    path = _demo_db(tmp_path, clock)
    store = Store.open(str(path), clock=clock, actor="test")
    target = backup(store, tmp_path / "copy.db")
    assert integrity_problem(target) is None
    store.close()


def test_a_damaged_database_is_never_copied_as_a_good_backup(tmp_path: Path, clock) -> None:
    path = _demo_db(tmp_path, clock)
    assert path.stat().st_size > 40_000, "the demo must be big enough to damage its middle"
    _corrupt_middle(path)
    assert integrity_problem(path) is not None
    out = tmp_path / "backup.db"
    result = _run("--db", str(path), "backup", "--out", str(out))
    line = _one_line_error(result)
    assert "damaged" in line and "restore from a backup" in line
    assert not out.exists(), "no copy of a damaged database"


def test_check_names_the_newest_backup(tmp_path: Path, clock) -> None:
    path = _demo_db(tmp_path, clock)
    store = Store.open(str(path), clock=clock, actor="test")
    first = backup(store)
    store.close()
    _corrupt_middle(path)
    # Opened without the app's open path: this is about what `backup` checks on its own.
    url = f"sqlite:///{path}"
    store = Store(create_engine(url), url, clock)
    with pytest.raises(Damaged) as raised:
        backup(store)
    assert first.name in raised.value.message
