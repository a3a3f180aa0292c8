"""Is the database whole, and may it be written? One place that answers both.

A damaged SQLite file reads fine until a query touches the damaged pages, and a write to it can
spread the damage: so the file is checked (`PRAGMA quick_check`) before the first write of a
process and in the background after the app opens, and once it is known to be damaged every
write is refused with a message that names the newest backup to restore.

A file the user may not write (a 0444 file, a read-only folder or file system) is opened
read-only, so it can still be viewed; each write is then refused with one line saying so,
before SQLite is even asked. Both refusals come from one guard on the engine (`guard_writes`),
so no store function can slip a write past them.
"""

from __future__ import annotations

import os
import re
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, event

from coordinator.i18n import _
from coordinator.store.errors import StoreError


class Damaged(StoreError):
    """The database file is damaged (SQLite's integrity check fails): restore a backup."""


class ReadOnly(StoreError):
    """The database was opened read-only (no permission to write it): nothing can be saved."""


#: What a statement that changes the database starts with (SQLite's and PostgreSQL's words).
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


def one_line(text: object) -> str:
    """A driver's (multi-line) finding on one line: the CLI's contract is one line."""
    return " ".join(str(text).split())


def side_files(path: Path) -> tuple[Path, Path]:
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def cannot_write(path: Path) -> bool:
    """True when this process may not write the existing file `path`: the file itself is not
    writable, or its folder is not and SQLite's WAL side files are not there writable already
    (WAL needs them). Effective ids, so a process without the right to override permissions is
    judged by the permission bits."""
    if not path.is_file():
        return False
    if not _writable(path):
        return True
    if _writable(path.parent):
        return False
    return not all(side.exists() and _writable(side) for side in side_files(path))


def _writable(target: Path) -> bool:
    return os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens `path` read-only. When its folder is not writable and no WAL file
    is there, nobody can be writing it: `immutable` lets SQLite read it without the shared-memory
    file it could not create (else a read-only WAL database cannot be opened at all)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    wal, _shm = side_files(path)
    if not _writable(path.parent) and not wal.exists():
        uri += "&immutable=1"
    return uri


def integrity_problem(path: str | Path, key: str | None = None) -> str | None:
    """What SQLite's `quick_check` finds wrong with the file (on one line), or None when it is
    whole; `key` for an encrypted file.

    Opened read-only, so checking never changes the file (nor creates one that is missing).
    """
    from coordinator.store.cipher import WrongKey, connect_file, file_errors

    errors = file_errors()
    try:
        connection = connect_file(path, key, readonly=True)
    except errors as exc:
        return one_line(exc)
    except WrongKey as exc:
        return exc.message
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except errors as exc:
        return one_line(exc)
    finally:
        connection.close()
    findings = [one_line(str(row[0]).replace("*** in database main ***", "")) for row in rows]
    return None if findings == ["ok"] else one_line("; ".join(findings[:3]))[:300]


def newest_backup(folder: Path) -> Path | None:
    """The most recent backup in `folder` (by modification time), if there is one."""
    if not folder.is_dir():
        return None
    candidates = sorted(folder.glob("*.db"), key=lambda path: path.stat().st_mtime)
    return candidates[-1] if candidates else None


def damaged(path: str | Path, problem: str) -> Damaged:
    """The one message of a damaged file: what is wrong, and the newest backup to restore."""
    newest = newest_backup(Path(path).parent / "backups")
    return Damaged(
        _(
            "The database {path} is damaged ({problem}): restore from a backup (newest: {newest})."
        ).format(path=path, problem=one_line(problem), newest=newest or _("none found"))
    )


def read_only(path: str | Path) -> ReadOnly:
    return ReadOnly(
        _(
            "The database {path} is open read-only (no permission to write it): nothing was "
            "changed."
        ).format(path=path)
    )


def is_damage(reason: object) -> bool:
    """SQLite's words for a damaged file, wherever the damage is found."""
    text = str(reason)
    return "malformed" in text or "file is not a database" in text


class FileHealth:
    """What is known about one database's file, shared by every `Store` on the same engine:
    read-only or not, and what quick_check found (checked once, when first needed)."""

    def __init__(self, path: str | None, key: str | None, read_only: bool) -> None:
        self.path, self.read_only = path, read_only
        self._key = key
        self._problem: str | None = None
        self._checked = path is None  # a server database has no file to check
        self._lock = threading.Lock()

    def check(self) -> str | None:
        """What is wrong with the file, or None when it is whole (quick_check, once)."""
        with self._lock:
            if not self._checked:
                self._problem = integrity_problem(self.path or "", self._key)
                self._checked = True
            return self._problem

    @property
    def known_damage(self) -> str | None:
        """What a check (or a read) found wrong so far, without checking now."""
        return self._problem

    def found(self, reason: str) -> Damaged:
        """A read met the damage: remember it (no later write runs) and say so."""
        with self._lock:
            if self._problem is None:
                self._problem, self._checked = one_line(reason), True
        return damaged(self.path or "", reason)

    def refusal(self) -> StoreError | None:
        """Why a write may not run now: the file is read-only, or damaged."""
        if self.read_only:
            return read_only(self.path or "")
        problem = self.check()
        return damaged(self.path or "", problem) if problem is not None else None


_HEALTH: weakref.WeakKeyDictionary[Engine, FileHealth] = weakref.WeakKeyDictionary()
_HEALTH_LOCK = threading.Lock()


def health_of(engine: Engine, path: str | None, key: str | None, read_only: bool) -> FileHealth:
    """The engine's one `FileHealth`; made, with the write guard on the engine, the first
    time (a store made for a moment over the same engine shares it, and adds no guard)."""
    with _HEALTH_LOCK:
        health = _HEALTH.get(engine)
        if health is None:
            health = _HEALTH[engine] = FileHealth(path, key, read_only)
            guard_writes(engine, health.refusal)
        return health


def guard_writes(engine: Engine, refusal: Callable[[], StoreError | None]) -> None:
    """Before each statement that would change the database, ask `refusal` (the store's state:
    read-only, or found damaged) and raise what it returns instead of running the statement."""

    @event.listens_for(engine, "before_cursor_execute")
    def _refuse(_conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        if _WRITE.match(statement):
            error = refusal()
            if error is not None:
                raise error
