"""The `both_engines` fixture really gives each engine: a test that passes on SQLite alone
would say nothing about the municipality's PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from coordinator.store.migrate import current_revision, shipped_revisions

pytestmark = pytest.mark.both_engines


def test_the_store_runs_on_the_engine_asked_for(store, request) -> None:
    expected = request.node.callspec.params["db_url"]
    assert store.engine.dialect.name == expected
    with store.engine.connect() as connection:
        if expected == "postgresql":
            version = connection.execute(text("SHOW server_version")).scalar()
            assert version and int(str(version).split(".")[0]) >= 14
        else:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_migrations_bring_a_new_database_to_head(store) -> None:
    _known, head = shipped_revisions()
    assert current_revision(store.engine) == head


def test_each_test_gets_a_database_of_its_own(store) -> None:
    """Nothing a previous test wrote is visible (run twice by the parametrisation)."""
    from coordinator.store.days import list_days

    assert list_days(store) == []
    from coordinator.store.days import DayInput, create_day
    from tests.conftest import TEST_DAY

    create_day(store, DayInput(date=TEST_DAY))
    assert len(list_days(store)) == 1
