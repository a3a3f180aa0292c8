"""A damaged or read-only SQLite file (issue 20, items 8 and 9): found, said in one line,
never written to; a read-only file can still be viewed.

SQLite files only: both are properties of the file (PostgreSQL keeps its own pages). The
read-only tests drop the right to override file permissions when they run as root
(`setpriv`), since root may write any file and the test would prove nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.demo import create_demo
from coordinator.store import engine as engine_module
from coordinator.store.database import Store
from coordinator.store.health import Damaged, ReadOnly, integrity_problem
from coordinator.store.migrate import shipped_revisions, upgrade

REPO = Path(__file__).resolve().parents[2]


def _run(db: Path, *args: str):
    return CliRunner().invoke(app, ["--db", str(db), "--lang", "en", *args])


def _one_line(result) -> str:  # noqa: ANN001 - a Click Result
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("coordinator: ")
    return lines[0]


def _demo_db(tmp_path: Path, clock) -> Path:  # noqa: ANN001
    path = tmp_path / "coordinator.db"
    store = Store.open(str(path), clock=clock, actor="test")
    create_demo(store)
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def _damage_table(path: Path, table: str) -> None:
    """Overwrite the first page of `table`'s data (not the schema) with garbage."""
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


# --- item 8: a damaged file -------------------------------------------------------------------


def test_a_write_to_a_damaged_database_is_refused_before_it_runs(tmp_path: Path, clock) -> None:
    path = _demo_db(tmp_path, clock)
    _damage_table(path, "auditevent")  # damage the writer would not even read
    before = path.read_bytes()
    line = _one_line(_run(path, "agreement", "set", "1", "--job-goal", "Butik"))
    assert "is damaged" in line and "restore from a backup (newest: none found)" in line
    assert path.read_bytes() == before, "a damaged file is never written on"


def test_a_read_that_meets_the_damage_says_so_in_one_line(tmp_path: Path, clock) -> None:
    path = _demo_db(tmp_path, clock)
    _damage_table(path, "rosterentry")
    line = _one_line(_run(path, "roster", "check", "1"))
    assert "is damaged" in line and "restore from a backup" in line


def test_the_message_names_the_newest_backup(tmp_path: Path, clock) -> None:
    path = _demo_db(tmp_path, clock)
    assert _run(path, "backup").exit_code == 0
    newest = sorted((tmp_path / "backups").glob("*.db"))[-1]
    _damage_table(path, "auditevent")
    line = _one_line(_run(path, "day", "create", "2026-12-10"))
    assert f"newest: {newest}" in line


def test_the_store_remembers_the_damage_and_refuses_every_write(tmp_path: Path, clock) -> None:
    path = _demo_db(tmp_path, clock)
    _damage_table(path, "auditevent")
    store = Store.open(str(path), clock=clock, actor="test")
    assert store.check_health() is not None
    assert "\n" not in store.check_health()
    with pytest.raises(Damaged), store.session() as session:
        session.execute(text("UPDATE setting SET value = 'x' WHERE key = 'municipality'"))
    store.close()


def test_a_whole_file_checks_out_and_writes(tmp_path: Path, clock) -> None:
    path = _demo_db(tmp_path, clock)
    assert integrity_problem(path) is None
    assert _run(path, "agreement", "set", "1", "--job-goal", "Butik").exit_code == 0


# --- item 9: a read-only file ------------------------------------------------------------------


def _judged_read_only(monkeypatch) -> None:  # noqa: ANN001
    """Make the store judge every file read-only (as for a 0444 file of a user who is not
    root): it is then opened with SQLite's mode=ro, which SQLite enforces even for root."""
    monkeypatch.setattr(engine_module, "cannot_write", lambda _path: True)


def test_a_read_only_file_can_be_viewed(tmp_path: Path, clock, monkeypatch) -> None:
    path = _demo_db(tmp_path, clock)
    _judged_read_only(monkeypatch)
    before = path.read_bytes()
    for command in (
        ["day", "list"],
        ["day", "show", "1"],
        ["agreement", "show", "1"],
        ["roster", "check", "3"],
        ["people", "list"],
        ["followup", "list"],
        ["settings", "show"],
    ):
        result = _run(path, *command)
        assert result.exit_code == 0, (command, result.output)
    assert path.read_bytes() == before


def test_a_write_to_a_read_only_file_is_one_line(tmp_path: Path, clock, monkeypatch) -> None:
    path = _demo_db(tmp_path, clock)
    _judged_read_only(monkeypatch)
    line = _one_line(_run(path, "agreement", "set", "1", "--job-goal", "Butik"))
    assert "read-only" in line and "nothing was changed" in line
    out = tmp_path / "x.md"
    line = _one_line(_run(path, "export", "agreement", "1", "--format", "md", "--out", str(out)))
    assert "read-only" in line
    assert not out.exists(), "an export that cannot be audited leaves no file"


def test_a_read_only_file_behind_the_app_is_not_upgraded(
    tmp_path: Path, clock, monkeypatch
) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    known, head = shipped_revisions()
    older = sorted(known)[-2]
    upgrade(engine, older)
    engine.dispose()
    before = path.read_bytes()
    _judged_read_only(monkeypatch)
    line = _one_line(_run(path, "day", "list"))
    assert "cannot be upgraded read-only" in line
    assert path.read_bytes() == before


def _without_override() -> list[str]:
    """The command prefix that runs a child without the right to ignore file permissions."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: root may write any file")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


@pytest.mark.parametrize("folder_too", [False, True], ids=["file-0444", "folder-0555-too"])
def test_a_0444_file_opens_read_only(tmp_path: Path, clock, folder_too: bool) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    path = _demo_db(folder, clock)
    path.chmod(0o444)
    if folder_too:
        path.parent.chmod(0o555)
    env = {**os.environ, "PYTHONPATH": str(REPO), "COORDINATOR_TODAY": "2026-12-03"}
    command = [*_without_override(), sys.executable, "-m", "coordinator", "--lang", "en"]
    command += ["--db", str(path)]
    try:
        shown = subprocess.run(
            [*command, "day", "list"], capture_output=True, text=True, env=env, timeout=120
        )
        refused = subprocess.run(
            [*command, "day", "create", "2026-12-10"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        copied = subprocess.run(
            [*command, "backup", "--out", str(tmp_path / "copy.db")],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        mode = path.stat().st_mode & 0o777
    finally:
        path.parent.chmod(0o700)
    assert shown.returncode == 0, shown.stderr
    assert "Jobcenter" in shown.stdout or shown.stdout.strip()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.count("\n") == 1 and "read-only" in refused.stderr
    assert mode == 0o400, "a read-only file is never made writable (it was chmod 0600)"
    assert copied.returncode == 0, copied.stderr
    assert integrity_problem(tmp_path / "copy.db") is None, "a read-only file can be backed up"


def test_read_only_is_said_by_the_store(tmp_path: Path, clock, monkeypatch) -> None:
    path = _demo_db(tmp_path, clock)
    _judged_read_only(monkeypatch)
    store = Store.open(str(path), clock=clock, actor="test")
    assert store.read_only
    with pytest.raises(ReadOnly), store.session() as session:
        session.execute(text("DELETE FROM setting"))
    store.close()
