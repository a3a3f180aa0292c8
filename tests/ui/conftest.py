"""Pilot tests: the real App on a temporary database with the fixed clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator.app import CoordinatorApp


@pytest.fixture
def make_app(store, clock):
    """Build the app on the test store; keyword arguments go to CoordinatorApp."""

    def factory(**kwargs) -> CoordinatorApp:
        kwargs.setdefault("language", "en")
        return CoordinatorApp(store=store, clock=clock, **kwargs)

    return factory


@pytest.fixture
def patient_store(db_path: Path, clock, monkeypatch):  # noqa: ANN001 - the FixedClock fixture
    """The test's SQLite store, waiting on a lock far longer than a `HeldLock` holds it, so a
    write on the event loop would hang the test until the holder gives up (tests/locking.py)."""
    from coordinator.store import engine
    from coordinator.store.database import Store
    from tests.locking import PATIENT_BUSY_TIMEOUT_MS

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", PATIENT_BUSY_TIMEOUT_MS)
    opened = Store.open(str(db_path), clock=clock, actor="test")
    yield opened
    opened.close()
