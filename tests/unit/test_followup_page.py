"""The follow-up list a page at a time (issue 19): a page of a view is exactly the first items
of that view in the full list, with the same counts, on both engines."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coordinator.domain.clock import FixedClock
from coordinator.store.followup_page import PAGED_VIEWS, followup_page
from coordinator.store.followup_views import followup_list
from tests.conftest import TEST_NOW
from tests.unit import stats_fixture

pytestmark = pytest.mark.both_engines


def _in_view(item, view: str) -> bool:  # noqa: ANN001 - a FollowupItem
    return {"all": True, "overdue": item.overdue > 0, "week": item.this_week}[view]


def test_a_page_is_the_first_items_of_its_view(store) -> None:  # noqa: ANN001
    stats_fixture.build(store)
    for days in (-200, 0, 3, 40, 120):
        today = (TEST_NOW + timedelta(days=days)).date()
        store.clock = FixedClock(TEST_NOW + timedelta(days=days))
        full = followup_list(store, today)
        assert full.items, "the history has open items"
        for view in PAGED_VIEWS:
            wanted = [item for item in full.items if _in_view(item, view)]
            for limit in (1, 2, 3, 300):
                page = followup_page(store, today, view, limit)
                assert page.items == tuple(wanted[:limit]), (days, view, limit)
                assert page.matched == len(wanted)
                assert page.all_items == len(full.items)
                assert page.overdue == full.overdue
                assert page.outcomes == full.outcomes
                assert page.me == full.me
