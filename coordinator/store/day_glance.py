"""A first look at today's agenda, read with `sqlite3` alone while the store loads.

Importing SQLAlchemy, SQLModel and pydantic takes most of a second on a municipal laptop, and
the coordinator opens the app to see today's agenda. This reads that agenda straight from the
SQLite file, read-only, so the first frame can show it while the store loads behind it.

It is a look, not a second store: it writes nothing (the file is opened read-only), reads only
a database at the schema this app ships (any other revision is left to the store, which
migrates or refuses it), and gives up quietly (None) on anything unexpected: a server, an
encrypted or damaged file, a lock. Its day is the store's `day_model` without the readiness
(the roster rules need the store), which the day screen reads as soon as the store is open;
a test proves the two agree. The queries are the store's own (`day_pages.running_day`,
`day_pages.day_on`, `day_model`) written for SQLite by hand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

from coordinator.domain.vocab import CaseStatus
from coordinator.store.day_views import DayModel, challenge_kinds, day_of
from coordinator.store.location import plain_sqlite_file
from coordinator.store.revisions import shipped_revisions

#: How long the look waits for a write lock to pass: a busy file is left to the store.
BUSY_TIMEOUT_S = 0.2

_T = TypeVar("_T")


@dataclass(frozen=True)
class _Day:
    id: int
    date: date
    start_time: time
    pre_minutes: int
    meeting_minutes: int
    location: str
    coordinator_id: int | None
    status: str
    break_policy: str


@dataclass(frozen=True)
class _Break:
    start: time
    end: time
    latest_start: time | None


@dataclass(frozen=True)
class _Case:
    id: int
    position: int
    citizen_id: int
    status: str
    status_reason: str
    moved_from: datetime | None
    meeting_minutes: int | None
    planned_start: datetime | None
    pre_started_at: datetime | None
    meeting_started_at: datetime | None
    ended_at: datetime | None


def first_look(db: str | None, wanted: date, today: date) -> DayModel | None:
    """Today's day (a running day first, as the app opens on it) of the SQLite file `db`
    names, as the day screen shows it but without readiness; None when there is no such day
    or the file cannot be read this way (the store then opens it as always)."""
    path = plain_sqlite_file(db)
    if path is None or not path.is_file():
        return None
    try:
        with closing(_connect(path)) as connection:
            if not _at_shipped_head(connection):
                return None
            day_id = _running_day(connection) or _day_on(connection, wanted)
            return None if day_id is None else _read_day(connection, day_id, today)
    except (sqlite3.Error, ValueError, TypeError, OSError):
        return None


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
    )
    connection.execute("PRAGMA query_only = ON")
    return connection


def _at_shipped_head(connection: sqlite3.Connection) -> bool:
    (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return revision == shipped_revisions()[1]


def _running_day(connection: sqlite3.Connection) -> int | None:
    """`day_pages.running_day`: the newest day with a pre-meeting or meeting running."""
    found = connection.execute(
        'SELECT "case".day_id FROM "case" JOIN stepupday ON stepupday.id = "case".day_id '
        'WHERE "case".status IN (?, ?) ORDER BY stepupday.date DESC, stepupday.id DESC LIMIT 1',
        (CaseStatus.PRE_MEETING.value, CaseStatus.MEETING.value),
    ).fetchone()
    return found[0] if found else None


def _day_on(connection: sqlite3.Connection, wanted: date) -> int | None:
    """`day_pages.day_on`: the first day planned on `wanted`."""
    found = connection.execute(
        "SELECT id FROM stepupday WHERE date = ? ORDER BY start_time, id LIMIT 1",
        (wanted.isoformat(),),
    ).fetchone()
    return found[0] if found else None


def _read_day(connection: sqlite3.Connection, day_id: int, today: date) -> DayModel | None:
    """`day_model`'s reads, but readiness."""
    day = _one(
        connection,
        "SELECT id, date, start_time, pre_minutes, meeting_minutes, location, coordinator_id, "
        "status, break_policy FROM stepupday WHERE id = ?",
        (day_id,),
        _Day,
        (None, date.fromisoformat, time.fromisoformat),
    )
    if day is None:
        return None
    breaks = _all(
        connection,
        'SELECT start, "end", latest_start FROM daybreak WHERE day_id = ?',
        (day_id,),
        _Break,
        (time.fromisoformat, time.fromisoformat, time.fromisoformat),
    )
    cases = _all(
        connection,
        "SELECT id, position, citizen_id, status, status_reason, moved_from, meeting_minutes, "
        'planned_start, pre_started_at, meeting_started_at, ended_at FROM "case" '
        "WHERE day_id = ? ORDER BY position",
        (day_id,),
        _Case,
        (None, None, None, None, None, datetime.fromisoformat, None, *[datetime.fromisoformat] * 4),
    )
    of_day = 'IN (SELECT id FROM "case" WHERE day_id = ?)'
    kinds: dict[int, list[str]] = {}
    for case_id, kind in connection.execute(
        f"SELECT case_id, kind FROM casechallenge WHERE case_id {of_day}", (day_id,)
    ):
        kinds.setdefault(case_id, []).append(kind)
    citizens = dict(
        connection.execute(
            'SELECT id, name FROM citizen WHERE id IN (SELECT citizen_id FROM "case" '
            "WHERE day_id = ?)",
            (day_id,),
        )
    )
    sent = {
        case_id: datetime.fromisoformat(first)
        for case_id, first in connection.execute(
            f"SELECT case_id, MIN(sent_at) FROM materialsent WHERE case_id {of_day} "
            "GROUP BY case_id",
            (day_id,),
        )
    }
    coordinator = None
    if day.coordinator_id is not None:
        found = connection.execute(
            "SELECT name FROM person WHERE id = ?", (day.coordinator_id,)
        ).fetchone()
        coordinator = found[0] if found else None
    return day_of(
        day,
        breaks,
        cases,
        citizens=citizens,
        coordinator=coordinator,
        challenges={case_id: challenge_kinds(found) for case_id, found in kinds.items()},
        readiness={},
        sent=sent,
        today=today,
    )


#: How each column of a row is read (None: as SQLite gives it); missing ones are as given.
_Readers = tuple[Callable[[str], Any] | None, ...]


def _record(row: tuple[Any, ...], kind: Callable[..., _T], readers: _Readers) -> _T:
    values = [
        value
        if value is None or index >= len(readers) or readers[index] is None
        else readers[index](value)  # type: ignore[misc] - checked just before
        for index, value in enumerate(row)
    ]
    return kind(*values)


def _one(
    connection: sqlite3.Connection,
    sql: str,
    parameters: tuple[Any, ...],
    kind: Callable[..., _T],
    readers: _Readers,
) -> _T | None:
    row = connection.execute(sql, parameters).fetchone()
    return None if row is None else _record(row, kind, readers)


def _all(
    connection: sqlite3.Connection,
    sql: str,
    parameters: tuple[Any, ...],
    kind: Callable[..., _T],
    readers: _Readers,
) -> list[_T]:
    return [_record(row, kind, readers) for row in connection.execute(sql, parameters)]
