"""Small SQL spellings the statistics share, where SQLite and PostgreSQL differ (time
arithmetic, month names), so each query is written once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, and_, cast, func
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


def in_period(start: date, end: date) -> ColumnElement[bool]:
    return and_(col(StepUpDay.date) >= start, col(StepUpDay.date) <= end)
