"""A database locked by another writer (or otherwise unwritable) is a user-facing error that
changes nothing, and the autosave keeps what was typed and writes it once the lock is gone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coordinator.store import agreements, engine
from coordinator.store.autosave import Autosaver
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from coordinator.store.errors import Unavailable


@pytest.fixture
def impatient_store(db_path: Path, clock, monkeypatch):
    """A store that gives up on a lock after 0.2 s instead of the app's several seconds."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    store = Store.open(str(db_path), clock=clock, actor="test")
    yield store
    store.close()


def _lock(db_path: Path) -> sqlite3.Connection:
    """Another process's write transaction, held open."""
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_locked_database_is_an_error_that_changes_nothing(impatient_store, db_path) -> None:
    store = impatient_store
    day = create_day(store, DayInput(date=store.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id
    agreements.ensure_draft(store, case_id)
    other = _lock(db_path)
    try:
        with pytest.raises(Unavailable, match="locked"):
            agreements.set_fields(store, case_id, job_goal="Lager")
    finally:
        other.rollback()
        other.close()
    assert agreements.latest(store, case_id).job_goal == ""
    agreements.set_fields(store, case_id, job_goal="Lager")
    assert agreements.latest(store, case_id).job_goal == "Lager"


def test_the_autosave_keeps_typing_through_a_lock(impatient_store, db_path) -> None:
    store = impatient_store
    day = create_day(store, DayInput(date=store.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id
    saver = Autosaver(store, case_id)
    saver.set_field("citizen_words", "Jeg vil gerne")
    other = _lock(db_path)
    try:
        with pytest.raises(Unavailable):
            saver.flush()
        assert saver.pending
        saver.set_field("citizen_words", "Jeg vil gerne prøve igen.")  # typing goes on
    finally:
        other.rollback()
        other.close()
    assert saver.flush() is not None
    assert not saver.pending
    assert agreements.latest(store, case_id).citizen_words == "Jeg vil gerne prøve igen."
