"""Encryption at rest: the SQLite file opened through SQLCipher (the optional `encrypt` extra).

For laptops without disk encryption. Every page of an encrypted file, its WAL included, is
encrypted with a key derived from the passphrase, so the file's bytes show neither SQLite's
header nor a citizen's name. SQLCipher is a drop-in build of SQLite: the same SQL, pragmas
(WAL, secure_delete, busy timeout) and online backup API, once `PRAGMA key` is the first
statement on every connection. This module is the one place that opens such a connection, for
the engine's pool (store/engine.py), the change watcher, backups and the integrity check.

Without the extra installed, asking for encryption is one line saying how to install it; a
plain database never needs SQLCipher.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from coordinator.i18n import _
from coordinator.store.errors import CannotOpen
from coordinator.store.health import read_only_uri

#: The first 16 bytes of every plain SQLite file; an encrypted file starts with random salt.
SQLITE_HEADER = b"SQLite format 3\x00"


class WrongKey(CannotOpen):
    """The key does not open the file: a wrong key, or a file that is not an encrypted
    database. Nothing was written to it."""


def cipher_module() -> ModuleType:
    """SQLCipher's DB-API module, or `CannotOpen` saying how to install it."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise CannotOpen(
            _("encryption needs the optional extra: pip install 'stepup-coordinator[encrypt]'")
        ) from None
    return dbapi2


@cache
def file_errors() -> tuple[type[Exception], ...]:
    """The DB-API errors a raw connection to the file can raise (sqlite3's and SQLCipher's
    are different classes)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, dbapi2.Error)


def is_plain_sqlite(path: str | Path) -> bool:
    """True when the file starts with SQLite's plain-text header (it is not encrypted)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def looks_encrypted(path: str | Path) -> bool:
    """A file with content but without SQLite's header: encrypted, or no database at all."""
    file = Path(path)
    return file.is_file() and file.stat().st_size > 0 and not is_plain_sqlite(file)


def _literal(key: str) -> str:
    """The key as an SQL string literal (PRAGMA takes no bound parameters)."""
    return "'" + key.replace("'", "''") + "'"


def connect(path: str | Path, key: str, *, readonly: bool = False, timeout: float = 8.0) -> Any:  # noqa: ANN401 - a sqlcipher3 Connection (an optional dependency)
    """A connection to the encrypted file `path`, keyed and proven to decrypt.

    The key is checked by reading the schema at once: SQLCipher accepts any key and only fails
    at the first read, and a failure here must be `WrongKey` (one line), not a driver error in
    the middle of a migration. An empty or missing file becomes a new encrypted database on
    the first write.
    """
    module = cipher_module()
    if readonly:
        connection = module.connect(
            read_only_uri(Path(path)),
            uri=True,
            timeout=timeout,
            check_same_thread=False,
        )
    else:
        connection = module.connect(str(path), timeout=timeout, check_same_thread=False)
    try:
        # SQLCipher logs a failed decryption on stderr; the user gets our one line instead.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {_literal(key)}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError:
        connection.close()
        raise wrong_key(path) from None
    return connection


def wrong_key(path: str | Path) -> WrongKey:
    if is_plain_sqlite(path):
        return WrongKey(
            _("{path} is not encrypted: encrypt it first with `coordinator db encrypt`").format(
                path=path
            )
        )
    return WrongKey(_("wrong key or not an encrypted database: {path}").format(path=path))


def connect_file(path: str | Path, key: str | None, *, readonly: bool = False) -> Any:  # noqa: ANN401
    """A raw connection to the SQLite file, through SQLCipher when there is a key: for the
    change watcher, backups and checks, which talk to the file beside the engine's pool."""
    if key is not None:
        return connect(path, key, readonly=readonly)
    if readonly:
        return sqlite3.connect(read_only_uri(Path(path)), uri=True, check_same_thread=False)
    return sqlite3.connect(str(path), check_same_thread=False)
