"""What the days list reads ahead for `f` and `s` (store/lists_ahead.py, issue 19): after it,
the follow-up's first page and the year's statistics are served without reading again, are
what a read of their own gives, and a write (here, progress recorded) makes them read again;
on both engines."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coordinator.domain.followup import ProgressStatus
from coordinator.domain.statistics import last_twelve_months
from coordinator.store import followup_page as page_module
from coordinator.store import statistics as statistics_module
from coordinator.store.followup_page import PAGE_ROWS, followup_page, followup_page_remembered
from coordinator.store.lists_ahead import read_lists_ahead
from coordinator.store.progress import record_progress
from coordinator.store.statistics import statistics, statistics_remembered
from tests.conftest import TEST_NOW
from tests.unit import stats_fixture

pytestmark = pytest.mark.both_engines


def _counted(monkeypatch, module, name: str) -> list[int]:  # noqa: ANN001
    calls: list[int] = []
    real = getattr(module, name)

    def counting(*args):  # noqa: ANN002, ANN202
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_read_ahead_is_what_the_lists_then_get_without_reading(store, monkeypatch) -> None:  # noqa: ANN001
    stats_fixture.build(store)
    today = (TEST_NOW + timedelta(days=40)).date()
    year = last_twelve_months(today)
    pages = _counted(monkeypatch, page_module, "followup_page")
    figures = _counted(monkeypatch, statistics_module, "statistics")

    read_lists_ahead(store, today)
    assert (len(pages), len(figures)) == (1, 1)
    page = followup_page_remembered(store, today, "all", PAGE_ROWS)
    year_figures = statistics_remembered(store, *year)
    assert (len(pages), len(figures)) == (1, 1), "the keys found them read"
    assert page.items and page == followup_page(store, today, "all", PAGE_ROWS)
    assert year_figures == statistics(store, *year)

    pages.clear()
    figures.clear()
    record_progress(store, page.items[0].id, ProgressStatus.DONE, store.now().date(), "")
    read_lists_ahead(store, today)
    assert (len(pages), len(figures)) == (1, 1), "a write: read again"
    after = followup_page_remembered(store, today, "all", PAGE_ROWS)
    assert page.items[0].id not in {item.id for item in after.items}
    assert after.total == page.total - 1
