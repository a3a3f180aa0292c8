"""Erasing a citizen so that nothing of them is left, not even in the database file's bytes.

One transaction per citizen blanks or deletes what `store/personal_data.py` lists, marks the
citizen erased and writes the audit event; a crash leaves the citizen wholly erased or
untouched. Then `scrub` removes the old bytes from the files: SQLite runs with
`secure_delete` (deleted content is overwritten with zeros, store/engine.py), the WAL (which
still holds earlier page images) is checkpointed and truncated, and free pages are vacuumed
away. On PostgreSQL old row versions are vacuumed; the server's own WAL archive and backups are
the operator's to expire (README, "Privacy").
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, delete, func, or_, select, true, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, SQLModel

from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import NotFound, StoreError
from coordinator.store.models import Case, Citizen, StepUpDay
from coordinator.store.personal_data import PERSONAL, Personal

#: Cases in these states are over; a meeting today in any other state is "running today".
_OVER = (CaseStatus.DONE.value, CaseStatus.CANCELLED.value, CaseStatus.ABSENT.value)


class NeedsConfirmation(StoreError):
    """Erasing now would take data from a meeting running today: the caller must ask first."""


@dataclass(frozen=True)
class ErasurePreview:
    """What an erasure of one citizen would take, for the confirmation."""

    citizen_id: int
    name: str
    erased: bool
    #: Table -> number of the citizen's rows blanked or deleted there.
    rows: dict[str, int]
    #: Cases of the citizen on today's day that are not over.
    cases_today: tuple[int, ...]


@dataclass(frozen=True)
class Erased:
    citizen_id: int
    rows: dict[str, int]
    #: The old bytes are gone from the files too (False: another connection kept the WAL busy;
    #: the next erasure or purge scrubs again).
    scrubbed: bool


def table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def rows_of(rule: Personal, citizen_id: int) -> ColumnElement[bool]:
    """The condition selecting `rule.table`'s rows of the citizen, following `rule.via`."""
    current = table(rule.table)
    if not rule.via:
        return current.c.id == citizen_id
    return _follow(current, rule.via, citizen_id)


def _follow(current: Table, via: tuple[str, ...], citizen_id: int) -> ColumnElement[bool]:
    column = current.c[via[0]]
    if len(via) == 1:
        return column == citizen_id
    (foreign_key,) = column.foreign_keys
    target = foreign_key.column.table
    assert isinstance(target, Table)
    inner = select(foreign_key.column).where(_follow(target, via[1:], citizen_id))
    return column.in_(inner)


def _holds_something(rule: Personal) -> ColumnElement[bool]:
    """Rows with something to take: any row to delete, else a non-empty blanked column."""
    if rule.delete_rows or not rule.blank:
        return true()
    columns = table(rule.table).c
    return or_(*(func.coalesce(columns[name], "") != "" for name in rule.blank))


def _blank_values(rule: Personal) -> dict[str, object]:
    columns = table(rule.table).c
    return {name: (None if columns[name].nullable else "") for name in rule.blank}


def cases_running_today(store: Store, session: Session, citizen_id: int) -> tuple[int, ...]:
    today = store.now().date()
    statement = (
        select(Case.id)
        .join(StepUpDay, StepUpDay.id == Case.day_id)  # type: ignore[arg-type]
        .where(Case.citizen_id == citizen_id, StepUpDay.date == today)
        .where(Case.status.not_in(_OVER))  # type: ignore[attr-defined]
        .order_by(Case.position)
    )
    return tuple(session.execute(statement).scalars())


def _citizen(session: Session, citizen_id: int) -> Citizen:
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise NotFound(_("There is no citizen {id}.").format(id=citizen_id))
    return citizen


def preview(store: Store, citizen_id: int) -> ErasurePreview:
    """What `erase` would take: the rows per table, and any meeting running today."""
    with store.session() as session:
        citizen = _citizen(session, citizen_id)
        counts = {}
        for rule in PERSONAL:
            statement = select(func.count()).select_from(table(rule.table))
            statement = statement.where(rows_of(rule, citizen_id), _holds_something(rule))
            counts[rule.table] = session.execute(statement).scalar_one()
        return ErasurePreview(
            citizen_id=citizen_id,
            name=citizen.name,
            erased=citizen.erased_at is not None,
            rows={name: count for name, count in counts.items() if count},
            cases_today=cases_running_today(store, session, citizen_id),
        )


def erase_in_transaction(
    store: Store, session: Session, citizen_id: int, *, action: str = "erase"
) -> dict[str, int]:
    """Blank and delete the citizen's data inside `session` (committed by the caller as one
    transaction), mark them erased and write the audit event. Returns rows per table."""
    citizen = _citizen(session, citizen_id)
    rows: dict[str, int] = {}
    # Children before parents, so a deleted row is never still referenced.
    for rule in reversed(PERSONAL):
        rows[rule.table] = _apply_rule(session, rule, citizen_id)
    citizen.erased_at = store.now()
    citizen.updated_at = store.now()
    session.add(citizen)
    audit.record(
        store,
        session,
        action,
        "citizen",
        citizen_id,
        ",".join(f"{name}={count}" for name, count in sorted(rows.items()) if count),
        citizen_id=citizen_id,
    )
    return rows


def _apply_rule(session: Session, rule: Personal, citizen_id: int) -> int:
    where = rows_of(rule, citizen_id)
    if rule.delete_rows:
        result = session.execute(delete(table(rule.table)).where(where))
    else:
        result = session.execute(
            update(table(rule.table)).where(where).values(**_blank_values(rule))
        )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def erase(store: Store, citizen_id: int, *, confirmed_today: bool = False) -> Erased:
    """Erase one citizen (one transaction), then scrub the files.

    A meeting of theirs running today is refused with `NeedsConfirmation` unless the caller
    asked the user (`confirmed_today`)."""
    with store.session() as session:
        running = cases_running_today(store, session, citizen_id)
        if running and not confirmed_today:
            raise NeedsConfirmation(
                _(
                    "citizen {id} has a meeting today (case {cases}): confirm to erase anyway "
                    "(--yes)"
                ).format(id=citizen_id, cases=", ".join(map(str, running)))
            )
        rows = erase_in_transaction(store, session, citizen_id)
    return Erased(citizen_id, rows, scrub(store))


def scrub(store: Store) -> bool:
    """Remove erased bytes from the files: checkpoint and truncate the WAL, vacuum the free
    pages away and truncate again (SQLite); vacuum old row versions (PostgreSQL). Returns
    False when another connection kept the WAL from being emptied."""
    engine = store.engine
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            names = ", ".join(f'"{rule.table}"' for rule in PERSONAL)
            connection.exec_driver_sql(f"VACUUM {names}")
        return True
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        done = _checkpoint(connection)
        free = connection.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
        if free:
            connection.exec_driver_sql("VACUUM")
            done = _checkpoint(connection)
    return done


def _checkpoint(connection) -> bool:  # noqa: ANN001 - a SQLAlchemy Connection
    busy, _log, _done = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    return busy == 0
