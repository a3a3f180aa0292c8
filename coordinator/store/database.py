"""The `Store`: one open database, its clock, and short-lived sessions.

Built once by the CLI (or a test) and handed to the App and to every store function: nothing
opens the user's database at import time, so tests run on throw-away databases.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from coordinator.domain.clock import Clock, SystemClock
from coordinator.i18n import _
from coordinator.store.engine import make_engine, masked_reason, opening, resolve_url, sqlite_path
from coordinator.store.errors import Conflict, Unavailable
from coordinator.store.migrate import ensure_current


class Store:
    """A handle on the database: `with store.session() as s: ...` commits on success."""

    def __init__(
        self, engine: Engine, url: str, clock: Clock | None = None, actor: str = ""
    ) -> None:
        self.engine = engine
        self.url = url
        self.clock: Clock = clock or SystemClock()
        self.actor = actor or _login_name()

    @classmethod
    def open(cls, db: str | None = None, clock: Clock | None = None, actor: str = "") -> Store:
        """Open (creating if needed) and upgrade the database named by `db`, `COORDINATOR_DB`
        or the default location."""
        url = resolve_url(db)
        with opening(str(db) if db else url):
            engine = make_engine(url)
            ensure_current(engine)
        return cls(engine, url, clock, actor)

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
        with Session(self.engine, expire_on_commit=False) as session:
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
            except OperationalError as exc:
                session.rollback()
                reason = masked_reason(exc.orig if exc.orig is not None else exc)
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
