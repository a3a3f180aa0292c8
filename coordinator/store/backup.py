"""Backups through SQLite's online backup API: consistent even while the app is writing.

A backup is only worth having if it is whole: the source is checked before copying (a damaged
database is never copied as if it were good) and the copy after (a copy that does not check out
is deleted rather than left looking like a good one). The backup of an encrypted store is
encrypted with the same key (SQLCipher's backup API copies between two keyed connections).
"""

from __future__ import annotations

import os
from pathlib import Path

from coordinator.i18n import _
from coordinator.store.cipher import file_errors
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.health import Damaged, damaged, integrity_problem, newest_backup

__all__ = ["Damaged", "backup", "check_whole", "integrity_problem", "newest_backup"]


def check_whole(store: Store) -> None:
    """Raise `Damaged`, naming the newest backup to restore, when the database is damaged."""
    if store.path is None:
        return
    problem = store.integrity_problem()
    if problem is not None:
        raise damaged(store.path, problem)


def default_backup_path(store: Store) -> Path:
    """Beside the database file; for a server store, in the user's data folder."""
    if store.path is None:
        from coordinator.store.engine import default_db_path

        source = default_db_path().parent / f"{store.engine.url.database or 'server'}.db"
    else:
        source = Path(store.path)
    stamp = store.now().strftime("%Y%m%d-%H%M%S")
    return source.parent / "backups" / f"{source.stem}-{stamp}.db"


def backup(store: Store, out: Path | None = None) -> Path:
    """Copy the database to `out` (never over an existing file); the copy is private (0600)."""
    if store.path is None:
        return _server_backup(store, out)
    check_whole(store)
    target = (out or default_backup_path(store)).expanduser().resolve()
    if target.exists():
        raise Invalid(_("{path} exists already; choose another --out.").format(path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise Invalid(
            _("Cannot write the backup {path}: {reason}.").format(
                path=target, reason=exc.strerror or exc
            )
        ) from None
    errors = file_errors()
    source = store.connect_file(readonly=store.read_only)  # a read-only file can be backed up
    destination = store.connect_file(target)
    try:
        with destination:
            source.backup(destination)
    except errors as exc:
        destination.close()
        target.unlink(missing_ok=True)  # no half backup left looking like a good one
        raise Invalid(
            _("Cannot write the backup {path}: {reason}.").format(path=target, reason=exc)
        ) from None
    finally:
        destination.close()
        source.close()
    problem = store.integrity_problem(str(target))
    if problem is not None:
        target.unlink(missing_ok=True)
        raise Damaged(
            _("The backup {path} did not check out ({problem}); it was deleted.").format(
                path=target, problem=problem
            )
        )
    return target


def _server_backup(store: Store, out: Path | None) -> Path:
    """A server store (PostgreSQL) copied into a new SQLite file: one consistent snapshot
    (one repeatable-read transaction), every row, so a laptop can take the data offline."""
    from coordinator.store.copy import copy_to_sqlite_file

    target = (out or default_backup_path(store)).expanduser().resolve()
    if target.exists():
        raise Invalid(_("{path} exists already; choose another --out.").format(path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise Invalid(
            _("Cannot write the backup {path}: {reason}.").format(
                path=target, reason=exc.strerror or exc
            )
        ) from None
    try:
        copy_to_sqlite_file(store.engine, str(target))
    except BaseException:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)  # no half backup left looking like a good one
        raise
    problem = integrity_problem(target)
    if problem is not None:
        target.unlink(missing_ok=True)
        raise Damaged(
            _("The backup {path} did not check out ({problem}); it was deleted.").format(
                path=target, problem=problem
            )
        )
    return target
