"""Backups through SQLite's online backup API: consistent even while the app is writing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from coordinator.i18n import _
from coordinator.store.database import Store
from coordinator.store.errors import Invalid


def default_backup_path(store: Store) -> Path:
    source = Path(store.path or "coordinator.db")
    stamp = store.now().strftime("%Y%m%d-%H%M%S")
    return source.parent / "backups" / f"{source.stem}-{stamp}.db"


def backup(store: Store, out: Path | None = None) -> Path:
    """Copy the database to `out` (never over an existing file); the copy is private (0600)."""
    if store.path is None:
        raise Invalid(
            _("Backups are for SQLite databases; back up a server database with its own tools.")
        )
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
    source = sqlite3.connect(store.path)
    destination = sqlite3.connect(target)
    try:
        with destination:
            source.backup(destination)
    except sqlite3.Error as exc:
        destination.close()
        target.unlink(missing_ok=True)  # no half backup left looking like a good one
        raise Invalid(
            _("Cannot write the backup {path}: {reason}.").format(path=target, reason=exc)
        ) from None
    finally:
        destination.close()
        source.close()
    return target
