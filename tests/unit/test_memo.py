"""Figures remembered until the database changes (store/memo.py, issue 19): asked twice with
nothing written in between, the second answer is the first; any write committed since (this
store's, another connection's) makes it computed again, on both engines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coordinator.domain.followup import ProgressStatus
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from coordinator.store.followup_views import followup_counts, followup_list
from coordinator.store.memo import remembered
from coordinator.store.progress import record_progress
from coordinator.store.statistics import statistics, statistics_remembered
from tests.conftest import TEST_NOW
from tests.unit import stats_fixture

pytestmark = pytest.mark.both_engines


def _counting(store: Store, key: object = "k") -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    return calls, lambda: remembered(store, "test", key, compute)


def test_nothing_written_the_figure_is_computed_once(store) -> None:  # noqa: ANN001
    calls, ask = _counting(store)
    assert ask() == 1
    assert ask() == 1
    assert len(calls) == 1


def test_a_write_of_this_store_computes_it_again(store) -> None:  # noqa: ANN001
    calls, ask = _counting(store)
    ask()
    create_day(store, DayInput(date=date(2026, 5, 20)))
    assert ask() == 2
    assert ask() == 2


def test_a_write_of_another_connection_computes_it_again(store, db_url) -> None:  # noqa: ANN001
    calls, ask = _counting(store)
    ask()
    other = Store.open(db_url, clock=store.clock, actor="other")
    try:
        create_day(other, DayInput(date=date(2026, 5, 21)))
    finally:
        other.close()
    assert ask() == 2


def test_another_key_computes_it_again(store) -> None:  # noqa: ANN001
    calls, ask_a = _counting(store, "a")
    ask_a()
    remembered(store, "test", "b", lambda: 0)
    assert ask_a() == 2


def test_followup_counts_follow_progress_recorded(store) -> None:  # noqa: ANN001
    stats_fixture.build(store)
    today = (TEST_NOW + timedelta(days=40)).date()
    before = followup_counts(store, today)
    full = followup_list(store, today)
    assert (before.total, before.overdue, before.outcomes) == (
        len(full.items),
        full.overdue,
        full.outcomes,
    )
    record_progress(store, full.items[0].id, ProgressStatus.DONE, store.now().date(), "")
    after = followup_counts(store, today)
    assert after.total == before.total - 1


def test_remembered_statistics_are_the_statistics(store) -> None:  # noqa: ANN001
    stats_fixture.build(store)
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    first = statistics_remembered(store, start, end)
    assert first == statistics(store, start, end)
    assert statistics_remembered(store, start, end) is first
    create_day(store, DayInput(date=date(2026, 6, 1)))
    again = statistics_remembered(store, start, end)
    assert again is not first
    assert again.days_planned == first.days_planned + 1
