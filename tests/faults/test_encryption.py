"""Encryption at rest (SQLCipher): an encrypted file shows nothing of what it holds, opens only
with its key, and a wrong key, a plain file or a missing extra is one clear line that leaves
the file as it was. Backups of an encrypted store are encrypted; a plain database can be
encrypted in place and a key changed, each checked before it replaces the file.

The raw bytes of the files are read: SQLite's header and the demo citizens' names must not be
in them.
"""

from __future__ import annotations

import gc
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.demo import create_demo
from coordinator.store.backup import backup, integrity_problem
from coordinator.store.changes import ChangeWatcher
from coordinator.store.cipher import SQLITE_HEADER, WrongKey
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day, list_days
from tests.conftest import TEST_DAY

pytest.importorskip(
    "sqlcipher3", reason="the `encrypt` extra (sqlcipher3) is not installed in this environment"
)

KEY = "korrekt hest batteri hæfteklamme"
#: Demo citizens' names, as UTF-8 in a plain file.
SECRETS = ("Sara Jensen", "Birgitte Olsen", "Kasper Møller")


def _run(*args: str, env: dict[str, str] | None = None, input: str | None = None):
    return CliRunner().invoke(app, ["--lang", "en", *args], env=env, input=input)


def _one_line_error(result) -> str:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


def _assert_unreadable(path: Path) -> None:
    """No plain SQLite header and no demo name in the file or its side files."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if not file.exists():
            continue
        data = file.read_bytes()
        assert SQLITE_HEADER not in data, file
        for secret in SECRETS:
            assert secret.encode("utf-8") not in data, (file, secret)
            assert secret.encode("utf-16-le") not in data, (file, secret)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _encrypted_demo(path: Path, clock) -> Path:
    store = Store.open(str(path), clock=clock, actor="test", key=KEY)
    create_demo(store)
    store.close()
    return path


def _names(store: Store) -> set[str]:
    with store.connect_file(readonly=True) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM citizen")}


def test_an_encrypted_database_is_created_written_and_reopened(tmp_path: Path, clock) -> None:
    path = tmp_path / "coordinator.db"
    store = Store.open(str(path), clock=clock, actor="test", key=KEY)
    create_demo(store)
    # While open, the WAL holds the latest pages: encrypted as well.
    _assert_unreadable(path)
    store.close()
    _assert_unreadable(path)
    assert path.stat().st_mode & 0o777 == 0o600
    again = Store.open(str(path), clock=clock, actor="test", key=KEY)
    try:
        assert set(SECRETS) <= _names(again)
        create_day(again, DayInput(date=TEST_DAY.replace(day=20)))
        assert len(list_days(again)) == 2
    finally:
        again.close()


def test_a_wrong_key_is_one_line_and_the_file_is_unchanged(tmp_path: Path, clock) -> None:
    path = _encrypted_demo(tmp_path / "coordinator.db", clock)
    before = _digest(path)
    result = _run("--db", str(path), "--encrypt", "day", "list", env={"COORDINATOR_KEY": "nej"})
    assert _one_line_error(result) == (
        f"coordinator: wrong key or not an encrypted database: {path}"
    )
    assert _digest(path) == before
    with pytest.raises(WrongKey):
        Store.open(str(path), clock=clock, key="nej")
    assert _digest(path) == before


def test_an_encrypted_file_opened_without_a_key_says_so(tmp_path: Path, clock) -> None:
    path = _encrypted_demo(tmp_path / "coordinator.db", clock)
    before = _digest(path)
    line = _one_line_error(_run("--db", str(path), "day", "list"))
    assert "--encrypt" in line and "not a database" in line
    assert _digest(path) == before


def test_a_plain_file_opened_with_encrypt_says_how_to_encrypt_it(tmp_path: Path, clock) -> None:
    path = tmp_path / "coordinator.db"
    Store.open(str(path), clock=clock).close()
    line = _one_line_error(
        _run("--db", str(path), "--encrypt", "day", "list", env={"COORDINATOR_KEY": KEY})
    )
    assert "not encrypted" in line and "db encrypt" in line
    assert path.read_bytes().startswith(SQLITE_HEADER)


def test_the_cli_opens_an_encrypted_database_with_the_key_from_the_environment(
    tmp_path: Path,
) -> None:
    path = tmp_path / "coordinator.db"
    env = {"COORDINATOR_KEY": KEY, "COORDINATOR_ENCRYPT": "1"}
    assert _run("--db", str(path), "demo", "--no-open", env=env).exit_code == 0
    listed = _run("--db", str(path), "day", "list", env=env)
    assert listed.exit_code == 0, listed.output
    _assert_unreadable(path)


def test_a_passphrase_is_asked_once_and_kept_in_the_keyring(tmp_path: Path) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.entries: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.entries.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.entries[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.entries.pop((service, username), None)

    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        path = tmp_path / "coordinator.db"
        created = _run("--db", str(path), "--encrypt", "day", "list", input=f"{KEY}\n{KEY}\n")
        assert created.exit_code == 0, created.output
        assert list(memory.entries.values()) == [KEY]
        # The next start asks nothing: no input is given, and it opens.
        assert _run("--db", str(path), "--encrypt", "day", "list").exit_code == 0
        # A key change updates the keyring (the commands above left their engines to the
        # garbage collector, with a connection each: close them as their processes would).
        gc.collect()
        changed = _run("--db", str(path), "db", "rekey", input="ny nøgle\nny nøgle\n")
        assert changed.exit_code == 0, changed.output
        assert list(memory.entries.values()) == ["ny nøgle"]
        assert _run("--db", str(path), "--encrypt", "day", "list").exit_code == 0
    finally:
        keyring.set_keyring(previous)


def test_the_backup_of_an_encrypted_store_is_encrypted(tmp_path: Path, clock) -> None:
    path = _encrypted_demo(tmp_path / "coordinator.db", clock)
    store = Store.open(str(path), clock=clock, actor="test", key=KEY)
    try:
        target = backup(store, tmp_path / "copy.db")
    finally:
        store.close()
    _assert_unreadable(target)
    assert integrity_problem(target, KEY) is None
    assert integrity_problem(target) is not None, "without the key it is not a database"
    copy = Store.open(str(target), clock=clock, key=KEY)
    try:
        assert set(SECRETS) <= _names(copy)
    finally:
        copy.close()


def test_the_cli_backup_of_an_encrypted_store_is_encrypted(tmp_path: Path, clock) -> None:
    path = _encrypted_demo(tmp_path / "coordinator.db", clock)
    out = tmp_path / "backup.db"
    env = {"COORDINATOR_KEY": KEY}
    result = _run("--db", str(path), "--encrypt", "backup", "--out", str(out), env=env)
    assert result.exit_code == 0, result.output
    _assert_unreadable(out)
    assert integrity_problem(out, KEY) is None


def test_an_encrypted_store_is_watched_for_changes(tmp_path: Path, clock) -> None:
    path = _encrypted_demo(tmp_path / "coordinator.db", clock)
    store = Store.open(str(path), clock=clock, actor="test", key=KEY)
    other = Store.open(str(path), clock=clock, actor="laptop-2", key=KEY)
    watcher = ChangeWatcher(store)
    try:
        assert watcher.token() is not None, "the watcher's own connection needs the key"
        assert watcher.changed() is False
        create_day(other, DayInput(date=TEST_DAY.replace(day=21)))
        assert watcher.changed() is True
    finally:
        watcher.close()
        other.close()
        store.close()


def _plain_demo(path: Path, clock) -> dict[str, int]:
    store = Store.open(str(path), clock=clock, actor="test")
    create_demo(store)
    store.close()
    return _plain_counts(path)


def _plain_counts(path: Path) -> dict[str, int]:
    """The rows of every table of a plain file (which must still be one)."""
    assert path.read_bytes().startswith(SQLITE_HEADER)
    connection = sqlite3.connect(path)
    try:
        names = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        return {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for (name,) in names
        }
    finally:
        connection.close()


def test_an_existing_database_is_encrypted_in_place(tmp_path: Path, clock) -> None:
    path = tmp_path / "coordinator.db"
    counts = _plain_demo(path, clock)
    assert SECRETS[0].encode() in path.read_bytes()
    result = _run("--db", str(path), "db", "encrypt", env={"COORDINATOR_KEY": KEY})
    assert result.exit_code == 0, result.output
    assert f"{sum(counts.values())} rows checked" in result.output
    _assert_unreadable(path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coordinator.db"], "no leftovers"
    store = Store.open(str(path), clock=clock, key=KEY)
    try:
        assert set(SECRETS) <= _names(store)
    finally:
        store.close()
    again = _run("--db", str(path), "db", "encrypt", env={"COORDINATOR_KEY": KEY})
    assert "already encrypted" in _one_line_error(again)


def test_a_database_in_use_is_not_encrypted(tmp_path: Path, clock) -> None:
    path = tmp_path / "coordinator.db"
    counts = _plain_demo(path, clock)
    # The app on another terminal: a process with the file open, idle.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            " c.execute('SELECT count(*) FROM citizen').fetchall(); print('open', flush=True);"
            " sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = _run("--db", str(path), "db", "encrypt", env={"COORDINATOR_KEY": KEY})
        assert "in use" in _one_line_error(result)
    finally:
        holder.communicate("")
    assert _plain_counts(path) == counts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coordinator.db"]


def test_a_copy_that_does_not_check_out_leaves_the_plain_file(
    tmp_path: Path, clock, monkeypatch
) -> None:
    from coordinator.store import encryption

    path = tmp_path / "coordinator.db"
    counts = _plain_demo(path, clock)
    monkeypatch.setattr(encryption, "_counts", _wrong_counts(encryption._counts))
    result = _run("--db", str(path), "db", "encrypt", env={"COORDINATOR_KEY": KEY})
    assert "did not check out" in _one_line_error(result)
    assert _plain_counts(path) == counts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coordinator.db"]


def _wrong_counts(real):
    calls = []

    def counts(connection):
        calls.append(1)
        found = real(connection)
        if len(calls) == 2:  # the copy's counts: one row short
            found["citizen"] -= 1
        return found

    return counts


def test_the_key_is_changed(tmp_path: Path, clock) -> None:
    path = _encrypted_demo(tmp_path / "coordinator.db", clock)
    env = {"COORDINATOR_KEY": KEY, "COORDINATOR_NEW_KEY": "en helt anden"}
    result = _run("--db", str(path), "db", "rekey", env=env)
    assert result.exit_code == 0, result.output
    _assert_unreadable(path)
    with pytest.raises(WrongKey):
        Store.open(str(path), clock=clock, key=KEY)
    store = Store.open(str(path), clock=clock, key="en helt anden")
    try:
        assert set(SECRETS) <= _names(store)
    finally:
        store.close()
    wrong = _run("--db", str(path), "db", "rekey", env=env)
    assert "wrong key" in _one_line_error(wrong)


def test_without_the_extra_the_app_says_how_to_install_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # import fails as if not installed
    path = tmp_path / "coordinator.db"
    line = _one_line_error(
        _run("--db", str(path), "--encrypt", "day", "list", env={"COORDINATOR_KEY": KEY})
    )
    assert "pip install 'stepup-coordinator[encrypt]'" in line
    assert not path.exists(), "nothing is created without the extra"
    assert "pip install" in _one_line_error(_run("--db", str(path), "db", "encrypt"))
