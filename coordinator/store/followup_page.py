"""The follow-up list a page at a time (issue 19): the items of a view, filtered, sorted and
cut in the database, with the counts the screen's summary line shows.

Ten years hold some 10,000 open items in force; the screen shows the most urgent 300 of a view.
Reading every one (with its events) to keep 300 took the list a second of CPU and the memory
of every item. A page holds the view's first `limit` items in the list's order (due date,
undated last, then case, kind and item), their events, and COUNTs of the rest. A filter typed
in the screen still folds every item's text in Python (`followup_views.followup_list`): the
fold (Danish letters, accents) is not SQL's.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from coordinator.store.database import Store
from coordinator.store.followup import item_views
from coordinator.store.followup_query import (
    items_statement,
    outcomes_due_count,
    overdue_count,
)
from coordinator.store.followup_views import ME_SETTING, FollowupList
from coordinator.store.models import AgreementItem
from coordinator.store.settings import get_setting

#: The views read a page at a time ("mine" matches names by their fold, in Python).
PAGED_VIEWS = ("all", "overdue", "week")


def _count(session: Session, statement) -> int:  # noqa: ANN001 - a Select
    return int(session.scalar(select(func.count()).select_from(statement.subquery())) or 0)


def followup_page(store: Store, today: date, view: str, limit: int) -> FollowupList:
    """The first `limit` items of `view` (one of PAGED_VIEWS), with the counts of all."""
    assert view in PAGED_VIEWS, view
    with store.session() as session:
        statement = items_statement(overdue_on=today if view == "overdue" else None)
        if view == "week":  # `domain.followup.due_this_week` (closed ones are left out already)
            sunday = today + timedelta(days=6 - today.weekday())
            statement = statement.where(AgreementItem.due >= today, AgreementItem.due <= sunday)
        page = statement.subquery()
        rows = session.execute(
            select(page)
            .order_by(
                page.c.due.is_(None),
                page.c.due,
                page.c.case_id,
                page.c.kind,
                func.coalesce(page.c.lineage_id, page.c.id),
            )
            .limit(limit)
        ).all()
        matched = _count(session, statement)
        total = (
            matched
            if view == "all"
            else _count(session, items_statement(columns=[AgreementItem.id]))
        )
        overdue = overdue_count(session, today)
        outcomes = outcomes_due_count(session, today)
        items = item_views(session, rows, today)
    return FollowupList(
        items=tuple(items),
        outcomes_due=(),
        me=get_setting(store, ME_SETTING),
        view=view,
        matched=matched,
        total=total,
        overdue_count=overdue,
        outcomes_count=outcomes,
    )
