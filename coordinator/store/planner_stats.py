"""SQLite's query-planner statistics, made when missing and made again when the data has grown.

Without statistics (`sqlite_stat1`) SQLite guesses how many rows an index will give, and for
the lists' and statistics' joins it guessed wrong on a ten-year database: it walked every held
case through the status index, or every agreement, instead of the period's few hundred days
through the date index. The statistics of a year took 88 ms of SQL; with statistics, 50 ms
(issue 19). SQLite does not keep them by itself (PostgreSQL's autovacuum does, so a server is
left alone), and the SQLite this app runs on (3.40) has no `PRAGMA optimize` mode that makes
them on a connection that has not run the queries yet.

So at start, once the day is shown, `refresh` runs ANALYZE when there are no statistics or
the cases table has grown or shrunk by a quarter since they were made. `analysis_limit` bounds
it to a sample of each index: a few milliseconds even on the ten-year database. A read-only
or damaged file is not written; a locked one is left for the next start.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from coordinator.store.database import Store
from coordinator.store.errors import StoreError

#: Rows of each index ANALYZE looks at (SQLite's recommended bound for `PRAGMA optimize`).
ANALYSIS_LIMIT = 400
#: The statistics are made again when the cases table's size is off by more than this share.
DRIFT = 0.25
#: The table whose size says how much the data has changed: every list joins through it.
MEASURED_TABLE = "case"


def stale(connection: Connection) -> bool:
    """No statistics, or the measured table's size has drifted from theirs by over DRIFT."""
    has_table = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
    ).first()
    if has_table is None:
        return True
    stat = connection.execute(
        text("SELECT stat FROM sqlite_stat1 WHERE tbl = :table LIMIT 1"),
        {"table": MEASURED_TABLE},
    ).scalar()
    counted = connection.execute(text(f'SELECT count(*) FROM "{MEASURED_TABLE}"')).scalar() or 0
    if stat is None:
        return counted > 0  # an empty table has no row in the statistics
    estimated = int(str(stat).split()[0])
    return abs(counted - estimated) > DRIFT * max(estimated, 1)


def refresh(store: Store) -> bool:
    """ANALYZE the SQLite file if its statistics are missing or stale; True if it did. Call it
    in a worker: it reads the database and may write to it."""
    if store.path is None or store.read_only or store.damage is not None:
        return False
    try:
        with store.engine.begin() as connection:
            if not stale(connection):
                return False
            connection.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            connection.exec_driver_sql("ANALYZE")
    except (SQLAlchemyError, StoreError):
        return False  # locked, or refused: the next start tries again
    return True
