"""The `Store`: one open database, its clock, and short-lived sessions.

Built once by the CLI (or a test) and handed to the App and to every store function: nothing
opens the user's database at import time, so tests run on throw-away databases.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from coordinator.domain.clock import Clock, SystemClock
from coordinator.i18n import _
from coordinator.store.bounds import BoundedSession
from coordinator.store.engine import (
    make_engine,
    masked_reason,
    opened_read_only,
    opening,
    resolve_url,
    sqlite_path,
)
from coordinator.store.errors import Conflict, Unavailable
from coordinator.store.health import health_of, integrity_problem, is_damage, read_only
from coordinator.store.migrate import ensure_current


class Store:
    """A handle on the database: `with store.session() as s: ...` commits on success."""

    def __init__(
        self,
        engine: Engine,
        url: str,
        clock: Clock | None = None,
        actor: str = "",
        key: str | None = None,
    ) -> None:
        self.engine = engine
        self.url = url
        self.clock: Clock = clock or SystemClock()
        self.actor = actor or _login_name()
        # The SQLCipher key of an encrypted file (store/cipher.py), for the connections made
        # beside the engine's pool: the change watcher's, a backup's.
        self._key = key
        #: Read-only or damaged: shared by every Store on this engine (store/health.py).
        self._health = health_of(engine, self.path, key, opened_read_only(engine))

    @classmethod
    def open(
        cls,
        db: str | None = None,
        clock: Clock | None = None,
        actor: str = "",
        key: str | None = None,
    ) -> Store:
        """Open (creating if needed) and upgrade the database named by `db`, `COORDINATOR_DB`
        or the default location; with `key`, an encrypted SQLite file (SQLCipher)."""
        url = resolve_url(db)
        with opening(str(db) if db else url):
            engine = make_engine(url, key)
            ensure_current(engine)
        return cls(engine, url, clock, actor, key)

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def connect_file(  # noqa: ANN201 - a DB-API connection (sqlite3's or SQLCipher's)
        self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False
    ):
        """A raw DB-API connection of its own to the SQLite file, or to `path` (a backup of
        it), keyed with the store's key when it is encrypted."""
        from coordinator.store.cipher import connect_file

        target = path or self.path
        assert target is not None, "a server database has no file"
        return connect_file(target, self._key, readonly=readonly)

    def integrity_problem(self, path: str | None = None) -> str | None:
        """What SQLite's quick_check finds wrong with the file (or a copy of it made with the
        same key), or None when whole."""
        return integrity_problem(path or self.path or "", self._key)

    @property
    def read_only(self) -> bool:
        """Opened read-only: the user may not write the file."""
        return self._health.read_only

    def check_health(self) -> str | None:
        """What is wrong with the database file (quick_check), or None when it is whole or a
        server's; checked once per process and remembered (a damaged file stays damaged)."""
        return self._health.check()

    @property
    def damage(self) -> str | None:
        """What a check found wrong so far (None: whole, or not checked yet)."""
        return self._health.known_damage

    @property
    def path(self) -> str | None:
        """The SQLite file, for messages and backups; None for a server database."""
        path = sqlite_path(self.url)
        return str(path) if path else None

    def now(self) -> datetime:
        return self.clock.now()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose objects stay readable after commit (the UI shows them later)."""
        with BoundedSession(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except StaleDataError as exc:
                session.rollback()
                raise Conflict(
                    _(
                        "Someone else changed this in the meantime; nothing was overwritten. "
                        "Look again and redo the change."
                    )
                ) from exc
            except DatabaseError as exc:
                session.rollback()
                reason = masked_reason(exc.orig if exc.orig is not None else exc)
                if self.path is not None and is_damage(reason):
                    raise self._health.found(reason) from None
                if self.path is not None and "readonly database" in reason:
                    raise read_only(self.path) from None
                if not isinstance(exc, OperationalError):
                    raise
                if self.path is None and _server_unreachable(exc):
                    raise Unavailable(
                        _("Not saved: the server cannot be reached ({reason}).").format(
                            reason=reason
                        )
                    ) from exc
                raise Unavailable(
                    _(
                        "The database cannot be written just now ({reason}); nothing was "
                        "changed: try again in a moment."
                    ).format(reason=reason)
                ) from exc
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        from coordinator.store.memo import forget

        forget(self)
        self.engine.dispose()


def _server_unreachable(exc: OperationalError) -> bool:
    """A server that went away or cannot be connected to (as opposed to a lock or a deadlock):
    the connection was dropped, the client could not connect (no SQLSTATE), or the server says
    so itself (class 08 connection exception, 57P shutting down or not accepting yet)."""
    if exc.connection_invalidated:
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(("08", "57P"))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers; audit says "unknown"
        return "unknown"
