"""Retention: citizens whose last activity is older than the municipality's period are due
for erasure, and `purge` erases them, one transaction each, only when asked.

The last activity of a citizen is the latest of their cases' days and of the changes to their
case, preparation, agreement and consent; a citizen without cases counts from when they were
added. A new table with a date worth counting (an outcome, a follow-up) joins `_ACTIVITY`.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, cast, func, select, union_all
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session

from coordinator.store import audit, erasure
from coordinator.store.audit import ExportedFile
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.models import Agreement, Case, Citizen, Consent, Preparation, StepUpDay
from coordinator.store.settings import get_setting

DEFAULT_MONTHS = 12

#: (citizen id, a date of activity) for each source of activity.
_ACTIVITY: tuple[Select, ...] = (
    select(Citizen.id, Citizen.updated_at),
    select(Case.citizen_id, StepUpDay.date).join(StepUpDay, StepUpDay.id == Case.day_id),  # type: ignore[arg-type]
    select(Case.citizen_id, Case.updated_at),
    select(Case.citizen_id, Preparation.updated_at).join(
        Preparation, Preparation.case_id == Case.id
    ),  # type: ignore[arg-type]
    select(Case.citizen_id, Agreement.updated_at).join(Agreement, Agreement.case_id == Case.id),  # type: ignore[arg-type]
    select(Consent.citizen_id, Consent.updated_at),
)


@dataclass(frozen=True)
class DueCitizen:
    citizen_id: int
    name: str
    last_activity: date
    cases: int

    def as_json(self) -> dict[str, object]:
        return {
            "citizen_id": self.citizen_id,
            "name": self.name,
            "last_activity": self.last_activity.isoformat(),
            "cases": self.cases,
        }


@dataclass(frozen=True)
class Purged:
    erased: tuple[int, ...]
    scrubbed: bool
    #: Exported files the audit trail knows of that are still on disk (to delete by hand).
    files: tuple[ExportedFile, ...]


def months_setting(store: Store) -> int:
    value = get_setting(store, "retention_months").strip()
    return int(value) if value.isdigit() and int(value) >= 1 else DEFAULT_MONTHS


def months_before(day: date, months: int) -> date:
    """`day` moved back by whole months (the 31st becomes the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _day_of(session: Session, when: ColumnElement) -> ColumnElement:
    """The date of a DATE or TIMESTAMP column (`_as_date` in SQL), as each engine spells it."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(when, Date)
    return func.date(when, type_=Date)


def _last_activity(session: Session) -> Select:
    """(citizen_id, last) of every citizen with any activity: the latest day over
    `_ACTIVITY`, grouped in the database (ten years are some 100,000 dated rows)."""
    sources = [statement.subquery() for statement in _ACTIVITY]
    days = union_all(
        *(
            select(
                list(source.c)[0].label("citizen_id"),
                _day_of(session, list(source.c)[1]).label("day"),
            )
            for source in sources
        )
    ).subquery()
    return (
        select(days.c.citizen_id, func.max(days.c.day).label("last"))
        .where(days.c.day.is_not(None))
        .group_by(days.c.citizen_id)
    )


def _due_statement(session: Session, cutoff: date) -> Select:
    """(id, name, last activity) of the citizens not yet erased whose last activity is
    before `cutoff`, by id."""
    last = _last_activity(session).subquery()
    return (
        select(Citizen.id, Citizen.name, last.c.last)
        .join(last, last.c.citizen_id == Citizen.id)
        .where(Citizen.erased_at.is_(None), last.c.last < cutoff)  # type: ignore[union-attr]
        .order_by(Citizen.id)
    )


def _cutoff(store: Store, months: int | None) -> date:
    months = months_setting(store) if months is None else months
    if months < 1:
        raise Invalid("--older-than must be at least 1 month")
    return months_before(store.now().date(), months)


def due(store: Store, months: int | None = None) -> list[DueCitizen]:
    """Citizens (not yet erased) whose last activity is more than `months` ago."""
    cutoff = _cutoff(store, months)
    counts = (
        select(Case.citizen_id, func.count().label("cases")).group_by(Case.citizen_id).subquery()
    )
    with store.session() as session:
        statement = (
            _due_statement(session, cutoff)
            .add_columns(func.coalesce(counts.c.cases, 0))
            .outerjoin(counts, counts.c.citizen_id == Citizen.id)
        )
        found = session.execute(statement).all()
    return [
        DueCitizen(citizen_id, name, _as_date(last), cases)
        for citizen_id, name, last, cases in found
    ]


def due_count(store: Store, months: int | None = None) -> int:
    """How many citizens `due` lists (one COUNT: the days screen's reminder asks at start)."""
    cutoff = _cutoff(store, months)
    with store.session() as session:
        inner = _due_statement(session, cutoff).order_by(None).subquery()
        return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def purge(
    store: Store,
    months: int | None = None,
    on_erased: Callable[[int], None] | None = None,
) -> Purged:
    """Erase every citizen due, each in its own transaction (a crash leaves each one wholly
    erased or untouched), then scrub the files once."""
    months = months_setting(store) if months is None else months
    chosen = due(store, months)
    files = audit.exported_files_still_there(store, [c.citizen_id for c in chosen])
    erased = []
    for citizen in chosen:
        with store.session() as session:
            erasure.erase_in_transaction(store, session, citizen.citizen_id, action="purge")
        erased.append(citizen.citizen_id)
        if on_erased is not None:
            on_erased(citizen.citizen_id)
    with store.session() as session:
        audit.record(
            store, session, "purge", "retention", None, f"months={months},citizens={len(erased)}"
        )
    scrubbed = erasure.scrub(store)
    others = audit.exported_files_still_there(store)
    known = {file.path for file in files}
    return Purged(
        tuple(erased), scrubbed, tuple(files) + tuple(f for f in others if f.path not in known)
    )
