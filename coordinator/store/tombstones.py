"""Deleting a case or a day so that it can be undone while the app is open.

A delete first copies every row that goes with it -- the case, and every row of any table that
refers to it (roster, preparation, materials, agreements and their items, and whatever tables
other features add later), found from the schema's foreign keys rather than a hand list that
would go stale -- into a `Tombstone`. Undo inserts the same rows again with their own ids, so
everything that pointed at them points at them again. Rows that only *mention* a deleted case
through a nullable link (a referral that became the case) are unlinked, not deleted, and linked
again on undo.

The tombstone lives in memory only: once the app closes the delete is final, as the
confirmation says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlmodel import Session, SQLModel

from coordinator.store import models  # noqa: F401 - registers every table


@dataclass(frozen=True)
class Tombstone:
    """The rows a delete removed (parents first) and the links it cut, for undo."""

    what: str
    entity_id: int
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    #: (table, column, primary keys of the rows whose link was set to NULL, old value)
    unlinked: tuple[tuple[str, str, tuple[Any, ...], Any], ...] = field(default=())

    def count(self, table: str) -> int:
        return sum(len(rows) for name, rows in self.rows if name == table)


def _referrers(table: Table) -> list[tuple[Table, str, bool]]:
    """(table, column, nullable link) for every foreign key that points at `table`'s id."""
    found = []
    for other in SQLModel.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                column = fk.parent
                cascades = (fk.ondelete or "").upper() == "CASCADE"
                found.append((other, column.name, bool(column.nullable) and not cascades))
    return found


def _primary_key(table: Table, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def bury(session: Session, table_name: str, ids: list[int], what: str, entity_id: int) -> Tombstone:
    """Delete the rows `ids` of `table_name` with everything that refers to them; return what
    was removed. Runs in the caller's transaction."""
    tables = SQLModel.metadata.tables
    collected: list[tuple[str, list[dict[str, Any]]]] = []
    unlinked: list[tuple[str, str, tuple[Any, ...], Any]] = []

    def collect(table: Table, column: str, values: list[Any]) -> None:
        if not values:
            return
        rows = [
            dict(r._mapping)
            for r in session.execute(select(table).where(table.c[column].in_(values)))
        ]
        if not rows:
            return
        collected.append((table.name, rows))
        if "id" not in table.c:
            return
        child_ids = [row["id"] for row in rows]
        for other, other_column, nullable in _referrers(table):
            if nullable:
                linked = session.execute(
                    select(other).where(other.c[other_column].in_(child_ids))
                ).all()
                for row in linked:
                    mapping = dict(row._mapping)
                    unlinked.append(
                        (
                            other.name,
                            other_column,
                            _primary_key(other, mapping),
                            mapping[other_column],
                        )
                    )
            else:
                collect(other, other_column, child_ids)

    collect(tables[table_name], "id", ids)
    for name, column, key, _old in unlinked:
        table = tables[name]
        condition = [c == v for c, v in zip(table.primary_key.columns, key, strict=True)]
        session.execute(update(table).where(*condition).values({column: None}))
    for name, rows in reversed(collected):
        table = tables[name]
        for row in rows:
            condition = [
                c == v
                for c, v in zip(table.primary_key.columns, _primary_key(table, row), strict=True)
            ]
            session.execute(delete(table).where(*condition))
    return Tombstone(
        what=what,
        entity_id=entity_id,
        rows=tuple((name, tuple(rows)) for name, rows in collected),
        unlinked=tuple(unlinked),
    )


def raise_from(session: Session, tombstone: Tombstone) -> None:
    """Insert the buried rows again (parents first) and restore the cut links."""
    tables = SQLModel.metadata.tables
    for name, rows in tombstone.rows:
        if rows:
            session.execute(insert(tables[name]), [dict(row) for row in rows])
    for name, column, key, old in tombstone.unlinked:
        table = tables[name]
        condition = [c == v for c, v in zip(table.primary_key.columns, key, strict=True)]
        session.execute(update(table).where(*condition).values({column: old}))
