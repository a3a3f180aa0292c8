"""Copy every row of one coordinator database into another: the step from one laptop to the
municipality's server (`db copy --to URL`), and back (`backup` of a server store into a SQLite
file a laptop can take offline).

The copy is driven by the models' own metadata, so a table added by a later migration is copied
without anyone remembering to list it. It keeps ids, row versions and the audit trail as they
are: the copy is the same store, not an import of it.

Why one transaction on each side: the source is read in one (repeatable-read on PostgreSQL, the
WAL snapshot of one read transaction on SQLite), so a coordinator typing meanwhile cannot give
the copy half a change; the target is written in one, and the counts are checked before it
commits, so a copy that fails halfway leaves the target as empty as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import Connection, Engine, Integer, Table, func, select, text
from sqlmodel import SQLModel

from coordinator.i18n import _
from coordinator.store import models  # noqa: F401 - registers every table on the metadata
from coordinator.store.engine import display_url, make_engine, opening, sqlite_path
from coordinator.store.errors import Invalid
from coordinator.store.migrate import ensure_current

#: Rows inserted per statement: few round trips to a server, bounded memory for a large store.
CHUNK = 500


@dataclass(frozen=True)
class CopyReport:
    """What a copy moved: rows per table (in the order they were copied), and where to."""

    target: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_store(source: Engine, target_url: str) -> CopyReport:
    """Copy every row of `source` into the empty database at `target_url`.

    The target's schema is made by the migrations (never `create_all`), so it is at the same
    revision as the source's app. A target that already holds rows of ours is refused: a copy
    must never merge two stores by accident.
    """
    where = display_url(target_url)
    with opening(target_url):
        target = make_engine(target_url)
        ensure_current(target)
        _refuse_filled(target, where)
        tables = list(SQLModel.metadata.sorted_tables)  # parents before children
        with source.connect() as reading, target.begin() as writing:
            _start_consistent_read(reading)
            rows = {table.name: _copy_table(reading, writing, table) for table in tables}
            _check_counts(writing, tables, rows)
            if writing.dialect.name == "postgresql":
                _advance_sequences(writing, tables)
    target.dispose()
    return CopyReport(target=where, rows=rows)


def copy_to_sqlite_file(source: Engine, path: str) -> CopyReport:
    """A consistent SQLite file of a (server) store: the offline copy a laptop takes along."""
    url = f"sqlite:///{path}"
    assert sqlite_path(url) is not None
    return copy_store(source, url)


def _refuse_filled(target: Engine, where: str) -> None:
    with target.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            if connection.execute(select(func.count()).select_from(table)).scalar_one():
                raise Invalid(
                    _(
                        "{url} already holds data (table {table}); copy only into an empty database"
                    ).format(url=where, table=table.name)
                )


def _start_consistent_read(connection: Connection) -> None:
    """Make every later SELECT of `connection` see one moment of the source."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
    else:
        # A SQLite read transaction holds its WAL snapshot from its first read to its end.
        connection.exec_driver_sql("BEGIN")
    connection.execute(text("SELECT 1"))


def _copy_table(reading: Connection, writing: Connection, table: Table) -> int:
    """Copy one table in primary-key order (a case that continues an earlier case comes after
    it, so a table's reference to itself is satisfied row by row)."""
    query = select(table).order_by(*table.primary_key.columns)
    result = reading.execute(query).mappings()
    copied = 0
    for chunk in _chunks(result, CHUNK):
        writing.execute(table.insert(), chunk)
        copied += len(chunk)
    return copied


def _chunks(rows: Iterator, size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while chunk := [dict(row) for row in islice(iterator, size)]:
        yield chunk


def _check_counts(writing: Connection, tables: list[Table], expected: dict[str, int]) -> None:
    for table in tables:
        found = writing.execute(select(func.count()).select_from(table)).scalar_one()
        if found != expected[table.name]:
            raise Invalid(
                _(
                    "the copy of table {table} has {found} rows, not {expected}; nothing was copied"
                ).format(table=table.name, found=found, expected=expected[table.name])
            )


def _advance_sequences(writing: Connection, tables: list[Table]) -> None:
    """Rows were inserted with their ids, so move each id sequence past the highest id, or the
    next row added on the server would collide with a copied one."""
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue  # a composite key (a case's challenges) has no sequence
        column = keys[0].name
        # pg_get_serial_sequence is NULL for a column without a sequence; setval(NULL) is NULL.
        writing.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, :column), "
                f'COALESCE((SELECT MAX("{column}") FROM "{table.name}"), 0) + 1, false)'
            ),
            {"table": f'"{table.name}"', "column": column},
        )
