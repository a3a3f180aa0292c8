"""The query planner's statistics (store/planner_stats.py): made on a SQLite file that has
none, left alone while the data is about the same size, made again when the cases have grown
by more than a quarter; never on a server (PostgreSQL keeps its own), a read-only file or a
damaged one; and nothing any list or figure shows changes because of them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from coordinator.store import engine as engine_module
from coordinator.store import planner_stats
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from coordinator.store.statistics import statistics

pytestmark = pytest.mark.both_engines


def _has_statistics(store: Store) -> bool:
    with store.engine.connect() as connection:
        return (
            connection.execute(
                text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            ).first()
            is not None
        )


def _add_cases(store: Store, count: int) -> None:
    day = create_day(store, DayInput(date=date(2026, 12, 3)))
    for n in range(count):
        add_case(store, CaseInput(day_id=day.id, citizen=f"Borger {n}"))


def test_made_when_missing_then_left_while_the_data_is_the_same(demo_store) -> None:
    if demo_store.path is None:
        assert planner_stats.refresh(demo_store) is False  # a server analyzes on its own
        return
    assert not _has_statistics(demo_store)
    assert planner_stats.refresh(demo_store) is True
    assert _has_statistics(demo_store)
    assert planner_stats.refresh(demo_store) is False


def test_made_again_when_the_cases_have_grown_by_more_than_a_quarter(demo_store) -> None:
    if demo_store.path is None:
        pytest.skip("SQLite's statistics only")
    planner_stats.refresh(demo_store)
    with demo_store.engine.connect() as connection:
        cases = connection.execute(text('SELECT count(*) FROM "case"')).scalar()
    _add_cases(demo_store, int(cases * planner_stats.DRIFT))  # a quarter: not yet
    assert planner_stats.refresh(demo_store) is False
    _add_cases(demo_store, 2)
    assert planner_stats.refresh(demo_store) is True
    with demo_store.engine.connect() as connection:
        assert not planner_stats.stale(connection)


def test_an_empty_database_needs_none(store) -> None:
    if store.path is None:
        pytest.skip("SQLite's statistics only")
    planner_stats.refresh(store)
    assert planner_stats.refresh(store) is False  # no cases: nothing to make again and again


def test_the_figures_are_the_same_with_statistics(demo_store) -> None:
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    before = statistics(demo_store, start, end)
    planner_stats.refresh(demo_store)
    assert statistics(demo_store, start, end) == before


def test_a_read_only_file_is_not_written(tmp_path, clock, monkeypatch) -> None:
    path = tmp_path / "ro.db"
    Store.open(str(path), clock=clock, actor="test").close()
    monkeypatch.setattr(engine_module, "cannot_write", lambda _path: True)
    before = path.read_bytes()
    store = Store.open(str(path), clock=clock, actor="test")
    assert store.read_only
    assert planner_stats.refresh(store) is False
    store.close()
    assert path.read_bytes() == before
