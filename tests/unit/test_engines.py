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


def test_head_matches_the_models_on_this_engine(store) -> None:
    """Autogenerate finds nothing to do: types, indexes and foreign keys as the models say,
    on PostgreSQL too (where types are strict and SQLite's affinities hide mistakes)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == [], f"models and migrations disagree on {store.engine.dialect.name}: {diff}"


def test_every_migration_goes_down_and_up_again(store) -> None:
    """Each revision's downgrade works on this engine, and upgrading again reaches head."""
    from alembic import command

    from coordinator.store.migrate import _config, upgrade

    _known, head = shipped_revisions()
    command.downgrade(_config(store.engine), "base")
    assert current_revision(store.engine) is None
    upgrade(store.engine)
    assert current_revision(store.engine) == head
