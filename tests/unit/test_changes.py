"""The change watcher: another writer's commit is seen, nobody's reading is."""

from __future__ import annotations

import pytest

from coordinator.store.changes import ChangeWatcher
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day, list_days
from tests.conftest import TEST_DAY

pytestmark = pytest.mark.both_engines


def test_a_commit_elsewhere_is_seen_and_reading_is_not(store, db_url, clock) -> None:
    other = Store.open(db_url, clock=clock, actor="laptop-2")
    watcher = ChangeWatcher(store)
    try:
        assert watcher.changed() is False, "the first look only remembers"
        list_days(other)
        list_days(store)
        assert watcher.changed() is False, "reads are not changes"
        create_day(other, DayInput(date=TEST_DAY))
        assert watcher.changed() is True
        assert watcher.changed() is False, "each change is told once"
        create_day(store, DayInput(date=TEST_DAY.replace(day=TEST_DAY.day + 1)))
        assert watcher.changed() is True, "the app's own writes count as well"
    finally:
        watcher.close()
        other.close()


def test_a_database_that_cannot_be_asked_is_quiet_then_reports_a_change(store) -> None:
    watcher = ChangeWatcher(store)
    assert watcher.changed() is False
    real = watcher.token
    watcher.token = lambda: None  # type: ignore[method-assign] - the server is away
    assert watcher.changed() is False
    assert watcher.changed() is False
    watcher.token = real  # type: ignore[method-assign] - back: writes may have happened
    assert watcher.changed() is True
    assert watcher.changed() is False
    watcher.close()
