"""The follow-up list a page at a time (issue 19): the items of a view, filtered, sorted and
cut in the database, with the counts the screen's summary line shows.

Ten years hold some 10,000 open items in force; the screen shows the most urgent 300 of a view.
Reading every one (with its events) to keep 300 took the list a second of CPU and the memory
of every item. A page holds the view's first `limit` items in the list's order (due date,
undated last, then case, kind and item) and their events: the dated ones are walked by the
index on the due date (migration 0011) with "in force" checked per item, so the walk stops
once the page is full; then, if the page has room, the undated ones. The counts of the rest
are one pass over the open items (`followup_views.followup_counts`), remembered until the
database changes. A filter typed in the screen
still folds every item's text in Python (`followup_views.followup_list`): the fold (Danish
letters, accents) is not SQL's.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import col

from coordinator.domain.followup import end_of_week
from coordinator.store.database import Store
from coordinator.store.followup import item_views
from coordinator.store.followup_query import items_statement
from coordinator.store.followup_views import ME_SETTING, FollowupList, followup_counts
from coordinator.store.models import AgreementItem, Case
from coordinator.store.settings import get_setting

#: The views read a page at a time ("mine" matches names by their fold, in Python).
PAGED_VIEWS = ("all", "overdue", "week")

#: The items of a page the follow-up list shows at once (sorted by due date, the oldest first).
PAGE_ROWS = 300


def followup_page(store: Store, today: date, view: str, limit: int) -> FollowupList:
    """The first `limit` items of `view` (one of PAGED_VIEWS), with the counts of all."""
    assert view in PAGED_VIEWS, view
    sunday = end_of_week(today)
    with store.session() as session:
        statement = items_statement(overdue_on=today if view == "overdue" else None, by_row=True)
        if view == "week":  # (closed ones are left out already)
            statement = statement.where(AgreementItem.due >= today, AgreementItem.due <= sunday)
        then = (
            col(Case.id),
            col(AgreementItem.kind),
            func.coalesce(AgreementItem.lineage_id, AgreementItem.id),
        )
        rows = list(
            session.execute(
                statement.where(col(AgreementItem.due).is_not(None))
                .order_by(col(AgreementItem.due), *then)
                .limit(limit)
            ).all()
        )
        if len(rows) < limit and view == "all":  # undated items are never overdue or this week
            rows += session.execute(
                statement.where(col(AgreementItem.due).is_(None))
                .order_by(*then)
                .limit(limit - len(rows))
            ).all()
        items = item_views(session, rows, today)
    counts = followup_counts(store, today)  # (remembered: the days list's reminder asked them)
    matched = {"all": counts.total, "overdue": counts.overdue, "week": counts.week}[view]
    return FollowupList(
        items=tuple(items),
        outcomes_due=(),
        me=get_setting(store, ME_SETTING),
        view=view,
        matched=matched,
        total=counts.total,
        overdue_count=counts.overdue,
        outcomes_count=counts.outcomes,
    )


def followup_page_remembered(store: Store, today: date, view: str, limit: int) -> FollowupList:
    """`followup_page`, remembered until the database changes (`store/memo.py`): the days list
    reads the first page ahead (`store/lists_ahead.py`), so `f` finds it read."""
    from coordinator.store.memo import remembered

    return remembered(
        store,
        "followup-page",
        (today, view, limit),
        lambda: followup_page(store, today, view, limit),
    )
