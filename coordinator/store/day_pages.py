"""The days list a page at a time, and the day on a date: queries whose cost does not grow with
the years of history (ten years are 2,500 days; the list shows a window of them).

Pages are cut by the list's own order, (date, start, id), so two days on one date are never
split wrongly or shown twice; each page costs two queries (the days, then their case counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, or_
from sqlmodel import col, func, select

from coordinator.domain.vocab import CaseStatus, DayStatus
from coordinator.store.database import Store
from coordinator.store.day_model import DaySummary
from coordinator.store.models import Case, StepUpDay

#: How many days a page holds: a few screens of the list.
PAGE = 100


@dataclass(frozen=True)
class DayPage:
    """Consecutive days of the list, oldest first, and whether there are more either side."""

    days: tuple[DaySummary, ...]
    older: bool
    newer: bool


def _before(day: DaySummary):  # noqa: ANN202 - a SQL condition
    """Strictly before `day` in the list's order (written out: not every engine compares
    row values the same way)."""
    return or_(
        col(StepUpDay.date) < day.date,
        and_(col(StepUpDay.date) == day.date, col(StepUpDay.start_time) < day.start),
        and_(
            col(StepUpDay.date) == day.date,
            col(StepUpDay.start_time) == day.start,
            col(StepUpDay.id) < day.id,
        ),
    )


def _after(day: DaySummary):  # noqa: ANN202 - a SQL condition
    return or_(
        col(StepUpDay.date) > day.date,
        and_(col(StepUpDay.date) == day.date, col(StepUpDay.start_time) > day.start),
        and_(
            col(StepUpDay.date) == day.date,
            col(StepUpDay.start_time) == day.start,
            col(StepUpDay.id) > day.id,
        ),
    )


def _read(store: Store, where, newest_first: bool, limit: int) -> list[DaySummary]:  # noqa: ANN001
    """Up to `limit` days matching `where`, oldest first, with their case counts."""
    order = (
        (col(StepUpDay.date).desc(), col(StepUpDay.start_time).desc(), col(StepUpDay.id).desc())
        if newest_first
        else (col(StepUpDay.date), col(StepUpDay.start_time), col(StepUpDay.id))
    )
    statement = select(
        StepUpDay.id, StepUpDay.date, StepUpDay.start_time, StepUpDay.status, StepUpDay.location
    )
    if where is not None:
        statement = statement.where(where)
    with store.session() as session:
        rows = session.exec(statement.order_by(*order).limit(limit)).all()
        ids = [row[0] for row in rows]
        counts = dict(
            session.exec(
                select(Case.day_id, func.count(col(Case.id)))
                .where(col(Case.day_id).in_(ids))
                .group_by(Case.day_id)
            ).all()
        )
    days = [
        DaySummary(
            id=day_id,
            date=on,
            start=start,
            status=DayStatus(status),
            location=location,
            cases=counts.get(day_id, 0),
        )
        for day_id, on, start, status, location in rows
    ]
    return days[::-1] if newest_first else days


def days_around(store: Store, anchor: date, page: int = PAGE) -> DayPage:
    """The page of days before `anchor` and the page from `anchor` on."""
    older = _read(store, col(StepUpDay.date) < anchor, True, page + 1)
    newer = _read(store, col(StepUpDay.date) >= anchor, False, page + 1)
    return DayPage(tuple(older[-page:] + newer[:page]), len(older) > page, len(newer) > page)


def days_before(store: Store, first: DaySummary, page: int = PAGE) -> DayPage:
    """The page of days just before `first` (scrolling up past the window's top)."""
    found = _read(store, _before(first), True, page + 1)
    return DayPage(tuple(found[-page:]), len(found) > page, True)


def days_after(store: Store, last: DaySummary, page: int = PAGE) -> DayPage:
    """The page of days just after `last` (scrolling down past the window's bottom)."""
    found = _read(store, _after(last), False, page + 1)
    return DayPage(tuple(found[:page]), True, len(found) > page)


def first_days(store: Store, page: int = PAGE) -> DayPage:
    found = _read(store, None, False, page + 1)
    return DayPage(tuple(found[:page]), False, len(found) > page)


def last_days(store: Store, page: int = PAGE) -> DayPage:
    found = _read(store, None, True, page + 1)
    return DayPage(tuple(found[-page:]), len(found) > page, False)


def day_on(store: Store, on: date) -> int | None:
    """The id of the (first) day planned on `on`, or None: one indexed query."""
    with store.session() as session:
        return session.exec(
            select(StepUpDay.id)
            .where(StepUpDay.date == on)
            .order_by(col(StepUpDay.start_time), col(StepUpDay.id))
            .limit(1)
        ).first()


def running_day(store: Store) -> int | None:
    """The day with a pre-meeting or meeting running, or None. A day run past midnight, or
    started on another date, must reopen where it is after a restart, whatever today is."""
    running = [CaseStatus.PRE_MEETING.value, CaseStatus.MEETING.value]
    with store.session() as session:
        return session.exec(
            select(Case.day_id)
            .join(StepUpDay, col(StepUpDay.id) == col(Case.day_id))
            .where(col(Case.status).in_(running))
            .order_by(col(StepUpDay.date).desc(), col(StepUpDay.id).desc())
            .limit(1)
        ).first()


def day_date(store: Store, day_id: int) -> date | None:
    """The date of a day (where the list opens when it is to show that day)."""
    with store.session() as session:
        return session.exec(select(StepUpDay.date).where(StepUpDay.id == day_id)).first()
