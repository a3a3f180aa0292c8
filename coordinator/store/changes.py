"""Has anybody written to the database since I last looked? One cheap question, asked about
once a second by the screens that show shared data (the day, the roster, the follow-up), so a
change made on another laptop appears within two seconds without a key press.

The answer is an opaque token that changes whenever a write transaction committed:
- SQLite: `PRAGMA data_version` on a connection of the watcher's own. It changes when any
  *other* connection commits, and the watcher's connection never writes, so every commit of
  this app or another process counts. It reads no table and takes no lock.
- PostgreSQL: the horizon of the current snapshot (`pg_snapshot_xmax`), the next transaction
  id to be handed out. Only writing transactions take an id, so reading screens asking this
  question do not wake each other (asking NOTIFY on every commit would: reads commit too),
  and it needs no trigger on any table, so a table added later is covered without a
  migration. A write in another database of the same server also moves it: that costs a
  spare reload, never a missed change.

A spare "changed" is harmless (the screen reloads what it shows and keeps its cursor); a missed
one is what the watcher must never give.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from coordinator.store.cipher import file_errors
from coordinator.store.database import Store
from coordinator.store.errors import CannotOpen


class ChangeWatcher:
    """Tells whether the database changed since the previous call of `changed()`."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._connection: Any = None  # sqlite3's or SQLCipher's DB-API connection
        self._last: object = None
        self._lost = False
        # The screen's read thread and its look thread may ask at the same moment, and the
        # screen may close the watcher while a look runs: a connection closed under a running
        # statement crashes the process (SQLite's C library), so all of it goes through one lock.
        self._lock = threading.RLock()
        self._closed = False

    def token(self) -> object:
        """The current change token (None when the database cannot be asked just now)."""
        path = self._store.path
        with self._lock:
            if self._closed:
                return None
            try:
                if path is not None:
                    return self._sqlite_token(path)
                with self._store.engine.connect() as connection:
                    return connection.execute(
                        text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")
                    ).scalar_one()
            except (*file_errors(), SQLAlchemyError, CannotOpen):
                self._drop_connection()
                return None

    def changed(self) -> bool:
        """True when a write committed since the last call (the first call only remembers).

        A database that cannot be asked (a server restarting) is "not changed" until it answers
        again; the first answer after that counts as a change, since writes may have happened.
        """
        with self._lock:
            return self._changed()

    def _changed(self) -> bool:
        if self._closed:
            return False
        current = self.token()
        if current is None:
            self._lost = self._lost or self._last is not None
            self._last = None
            return False
        if self._last is None:
            self._last, lost, self._lost = current, self._lost, False
            return lost
        changed = current != self._last
        self._last = current
        return changed

    def _sqlite_token(self, path: str) -> int:
        if self._connection is None:
            # Read-only, and keyed when the file is encrypted (the store knows the key).
            self._connection = self._store.connect_file(path, readonly=True)
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Stop watching: waits for a look under way, then closes the watcher's connection;
        a look asked for after this answers "not changed" and opens nothing."""
        with self._lock:
            self._closed = True
            self._drop_connection()

    def _drop_connection(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
