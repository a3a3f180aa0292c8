"""Fixtures every test gets: no user data, no user config, no wall clock.

Autouse fixtures point HOME and the XDG folders at a temporary directory and clear
`COORDINATOR_DB`, so nothing a test does can touch the user's real database; the language is
reset to Danish (the default) after each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from coordinator import i18n
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
    monkeypatch.delenv("COORDINATOR_DB", raising=False)
    monkeypatch.delenv("COORDINATOR_LANG", raising=False)
    yield home
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def clock() -> FixedClock:
    """A clock frozen at 08:00 on the test day; tests advance it explicitly."""
    return FixedClock(TEST_NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "coordinator.db"


@pytest.fixture
def store(db_path: Path, clock: FixedClock):
    """A fresh, migrated database in a temporary folder, with the fixed clock."""
    from coordinator.store.database import Store

    opened = Store.open(str(db_path), clock=clock, actor="test")
    yield opened
    opened.close()


@pytest.fixture
def demo_store(store):
    """The store filled with the demo day (on the test day)."""
    from coordinator.demo import create_demo

    create_demo(store)
    return store
