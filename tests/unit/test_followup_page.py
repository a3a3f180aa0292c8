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


def test_undated_items_come_last_and_ties_keep_the_lists_order(store) -> None:  # noqa: ANN001
    """The page walks the dated items by due date, then the undated ones (issue 19): the same
    order as the full list, also across two items due on one day and items without a date."""
    from datetime import date

    from coordinator.domain.vocab import ChallengeKind
    from coordinator.store.days import DayInput, create_day
    from coordinator.store.models import AgreementItem

    stats_fixture.build(store)
    day = create_day(store, DayInput(date=date(2026, 5, 20))).id or 0
    case = stats_fixture._case(store, day, "Lis Lund", [ChallengeKind.HEALTH])
    undated = stats_fixture._agree(
        store,
        case,
        date(2026, 9, 2),
        [
            ("Uden 1", date(2026, 7, 1)),
            ("Samme dag", date(2026, 6, 30)),
            ("Uden 2", date(2026, 7, 1)),
        ],
    )
    with store.session() as session:  # (a final agreement has dates: these come from older data)
        for item_id in (undated[0], undated[2]):
            item = session.get(AgreementItem, item_id)
            item.due = None
            session.add(item)
        session.commit()
    today = TEST_NOW.date()
    full = followup_list(store, today)
    assert any(item.due is None for item in full.items)
    for limit in (1, 5, 8, 9, 300):
        page = followup_page(store, today, "all", limit)
        assert page.items == full.items[:limit], limit
