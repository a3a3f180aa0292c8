"""Small SQL spellings the statistics share, where SQLite and PostgreSQL differ (time
arithmetic, month names), so each query is written once; and the period as bound parameters,
so each query is built once.

Building the statistics' statements (SQLAlchemy expressions, aliases, subqueries) took more
Python than SQLite took to run them: some 10 ms of the 35 of a year's figures on the ten-year
database, and in the app that Python waits for the event loop's GIL while the screen is drawn
(issue 19). So each statement is built once per kind of engine (`per_engine`), with the
period's bounds and today as parameters (`START`, `END`, `TODAY`) given when it runs
(`period`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import TypeVar

from sqlalchemy import Date, and_, bindparam, cast, func
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col

from coordinator.domain.vocab import CaseStatus
from coordinator.store.models import StepUpDay

HELD = (CaseStatus.DONE.value, CaseStatus.ABSENT_HELD.value)
WITH_REASON = (CaseStatus.ABSENT.value, CaseStatus.CANCELLED.value, CaseStatus.ABSENT_HELD.value)


def minutes_between(session: Session, end: ColumnElement, start: ColumnElement) -> ColumnElement:
    """end - start in minutes, as each engine spells it."""
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", end - start) / 60.0
    return (func.julianday(end) - func.julianday(start)) * 1440.0


def days_between(session: Session, end: ColumnElement, start: ColumnElement) -> ColumnElement:
    """end - start in whole days, for two DATE columns."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(end, Date) - cast(start, Date)
    return func.julianday(end) - func.julianday(start)


def month_of(session: Session, day: ColumnElement) -> ColumnElement:
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(day, "YYYY-MM")
    return func.strftime("%Y-%m", day)


START = bindparam("start", type_=Date)
END = bindparam("end", type_=Date)
TODAY = bindparam("today", type_=Date)


def period(start: date, end: date, today: date) -> dict[str, date]:
    """The parameters of a statement built with `START`, `END` and `TODAY`."""
    return {"start": start, "end": end, "today": today}


def in_period() -> ColumnElement[bool]:
    """The day lies in the period (`START`..`END`, both included)."""
    return and_(col(StepUpDay.date) >= START, col(StepUpDay.date) <= END)


T = TypeVar("T")


def per_engine(build: Callable[[Session], T]) -> Callable[[Session], T]:
    """`build(session)` once per kind of engine (its SQL spellings differ), then kept: a
    statement is immutable, and one built with bound parameters serves every period."""
    kept: dict[str, T] = {}

    @wraps(build)
    def built(session: Session) -> T:
        dialect = session.get_bind().dialect.name
        if dialect not in kept:  # (two threads may both build it: the same statement)
            kept[dialect] = build(session)
        return kept[dialect]

    return built
