"""Opening the database: where it lives, how SQLite is tuned, and upgrading it on open.

The default database lives in the platform's user data folder, in a folder only its owner can
read (0700) and a file only its owner can read (0600): it holds citizens' health and family
situations. SQLite runs with WAL (readers never block the autosave), foreign keys on, a busy
timeout of several seconds (two instances may write) and synchronous=FULL (a committed
keystroke survives a power cut, not only a killed process).
"""

from __future__ import annotations

import os
import stat
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError

from coordinator.i18n import _
from coordinator.store.errors import CannotOpen
from coordinator.store.health import cannot_write, damaged, read_only_uri
from coordinator.store.location import (  # noqa: F401 - where the store's users look for them
    APP_NAME,
    default_db_path,
    resolve_url,
)

BUSY_TIMEOUT_MS = 8000


def display_url(where: str | os.PathLike[str]) -> str:
    """`where` fit to print or log: a server URL's password replaced by `***`.

    Every message that names the database goes through this, so a password given in `--db`
    or `COORDINATOR_DB` never reaches the terminal, a log or a bug report.
    """
    text = str(where)
    if "://" not in text:
        return text
    try:
        return make_url(text).render_as_string(hide_password=True)
    except ArgumentError:
        # Not a URL SQLAlchemy can read: still never show what stands between ':' and '@'.
        scheme, _sep, rest = text.partition("://")
        credentials, at, host = rest.rpartition("@")
        if not at:
            return text
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}" if ":" in credentials else text


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _protect(path: Path) -> None:
    """Create the database's folder 0700 and the file 0600, and tighten them if looser."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if folder == default_db_path().parent:
        folder.chmod(0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        # Only take rights away: a 0444 file becomes 0400, never writable (it was chmod 0600,
        # which made a file the user had made read-only writable behind their back).
        path.chmod(mode & ~0o077)


def _tune_read_only(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API types
    """A read-only file: nothing that would write (not even the journal mode), and SQLite
    itself refuses writes as well (`query_only`)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def opened_read_only(engine: Engine) -> bool:
    """True when `make_engine` opened the SQLite file read-only (the user may not write it)."""
    return engine in _READ_ONLY


#: The engines `make_engine` opened read-only.
_READ_ONLY: weakref.WeakSet[Engine] = weakref.WeakSet()


def _tune_sqlite(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API types
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    # Deleted and overwritten content is zeroed in the file, not left in free space: an
    # erased citizen's text must not be recoverable from the bytes (store/erasure.py).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _refuse_empty_file(path: Path) -> None:
    """An existing file of 0 bytes is not a database: refuse it instead of silently turning
    it into a new, empty one (it may be a backup that failed to copy, or a wrong path)."""
    if path.is_file() and path.stat().st_size == 0:
        raise CannotOpen(
            _(
                "{path} is an empty file (0 bytes), not a database: give the right path, or "
                "delete the file to start a new database there"
            ).format(path=path)
        )


def _refuse_encrypted_file(path: Path) -> None:
    """A file without SQLite's header, opened without a key: say that it may be encrypted
    instead of SQLite's bare "file is not a database"."""
    from coordinator.store.cipher import looks_encrypted

    if looks_encrypted(path):
        raise CannotOpen(
            _(
                "{path} is not a database, or an encrypted one: open an encrypted database "
                "with --encrypt (or COORDINATOR_ENCRYPT=1)"
            ).format(path=path)
        )


def make_engine(url: str, key: str | None = None) -> Engine:
    """An engine for `url`; for a SQLite file, the file is protected and SQLite tuned.

    With `key`, the file is opened through SQLCipher (store/cipher.py): every pooled
    connection is keyed before anything else, then tuned like a plain one.
    """
    path = sqlite_path(url)
    if key is not None and path is None:
        raise CannotOpen(_("--encrypt works only with a SQLite file, not a server database"))
    if path is not None:
        _refuse_empty_file(path)
        if key is None:
            _refuse_encrypted_file(path)
        else:
            from coordinator.store.cipher import cipher_module, connect

            module = cipher_module()  # before _protect: no empty file left without the extra
        _protect(path)
        read_only = cannot_write(path)
        if key is None:
            engine = create_engine(
                f"sqlite:///{read_only_uri(path)}&uri=true" if read_only else url,
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            )
        else:
            engine = create_engine(
                url,
                module=module,
                creator=lambda: connect(
                    path, key, readonly=read_only, timeout=BUSY_TIMEOUT_MS / 1000
                ),
            )
        if read_only:
            _READ_ONLY.add(engine)
        event.listen(engine, "connect", _tune_read_only if read_only else _tune_sqlite)
        # WAL and SHM side files appear on first connect; keep them private as well.
        old_umask = os.umask(0o077)
        try:
            with engine.connect():
                pass
        finally:
            os.umask(old_umask)
        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def opening(where: str) -> Iterator[None]:
    """Turn what can go wrong while opening the database named `where` into one `CannotOpen`
    that says what to fix, instead of a driver's traceback."""
    where = display_url(where)
    try:
        yield
    except OSError as exc:  # a folder that cannot be made, no permission
        raise CannotOpen(
            _("cannot open the database: {reason}: {path}").format(
                reason=exc.strerror or exc, path=exc.filename or where
            )
        ) from exc
    except ImportError as exc:  # a server URL whose driver is not installed
        raise CannotOpen(
            _("cannot open the database {url}: its driver {driver} is not installed").format(
                url=where, driver=exc.name or exc
            )
        ) from exc
    except ArgumentError as exc:
        raise CannotOpen(
            _("{url!r} is not a database path or URL (e.g. sqlite:///path/to/file.db)").format(
                url=where
            )
        ) from exc
    except DatabaseError as exc:  # not a database, a directory, a foreign schema
        reason = masked_reason(exc.orig if exc.orig is not None else exc)
        if "malformed" in reason:  # SQLite's word for a damaged file, wherever the damage is
            raise CannotOpen(damaged(where, reason).message) from exc
        raise CannotOpen(
            _("cannot open the database {path}: {reason}").format(
                path=where, reason=masked_reason(exc.orig if exc.orig is not None else exc)
            )
        ) from exc


def masked_reason(reason: object) -> str:
    """A driver's message on one line, with any URL in it masked (some drivers repeat the DSN;
    libpq adds a hint on a second line)."""
    return " ".join(display_url(word) if "://" in word else word for word in str(reason).split())
