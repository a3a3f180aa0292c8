"""Encrypting an existing database file, and changing its key: one mechanism for both.

SQLCipher's `sqlcipher_export` writes every table, index and row into a new file under the
new key. The new file is checked (SQLite's quick check, and the row count of every table equal
to the source's) before it replaces the old one with one atomic rename, so an interruption at
any moment leaves either the old file or the new one at the path, never half of each. The old
file's bytes are then overwritten with zeros before its last name goes, so a plain copy of
the citizens' data is not left in the file system's free space (best effort: an SSD or a
copy-on-write file system may keep old blocks; only full-disk encryption guarantees that).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coordinator.i18n import _
from coordinator.store.cipher import (
    _literal,
    cipher_module,
    connect,
    is_plain_sqlite,
    looks_encrypted,
)
from coordinator.store.errors import Invalid, NotFound

#: Suffixes of the files this module leaves beside the database while it works.
NEW_SUFFIX = ".encrypting"
OLD_SUFFIX = ".replaced"


@dataclass(frozen=True)
class Reencrypted:
    """What was written: the path, and the rows of every table (all checked in the copy)."""

    path: Path
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def encrypt_file(path: str | Path, new_key: str) -> Reencrypted:
    """Encrypt the plain SQLite database at `path` with `new_key`, in place."""
    file = Path(path)
    _must_exist(file)
    if not is_plain_sqlite(file):
        raise Invalid(
            _(
                "{path} is already encrypted (or not a database): change its key with `db rekey`"
            ).format(path=file)
        )
    return _rewrite(file, None, new_key)


def rekey_file(path: str | Path, old_key: str, new_key: str) -> Reencrypted:
    """Re-encrypt the encrypted database at `path` from `old_key` to `new_key`, in place."""
    file = Path(path)
    _must_exist(file)
    if not looks_encrypted(file):
        raise Invalid(_("{path} is not encrypted: encrypt it with `db encrypt`").format(path=file))
    return _rewrite(file, old_key, new_key)


def _must_exist(file: Path) -> None:
    if not file.is_file() or file.stat().st_size == 0:
        raise NotFound(_("{path} is not a database file").format(path=file))


def _rewrite(file: Path, old_key: str | None, new_key: str) -> Reencrypted:
    if not new_key:
        raise Invalid(_("the key must not be empty"))
    clean_leftovers(file)
    if old_key is None:
        source = cipher_module().connect(str(file), timeout=2.0, check_same_thread=False)
    else:
        source = connect(file, old_key, timeout=2.0)
    staged = Path(f"{file}{NEW_SUFFIX}")
    try:
        _quiesce(source)
        rows = _counts(source)
        fd = os.open(staged, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        source.execute(f"ATTACH DATABASE ? AS staged KEY {_literal(new_key)}", (str(staged),))
        source.execute("SELECT sqlcipher_export('staged')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA staged.user_version = {int(version)}")
        source.execute("DETACH DATABASE staged")
        _verify(staged, new_key, rows)
        _swap(file, staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    _shred(Path(f"{file}{OLD_SUFFIX}"))
    return Reencrypted(file, rows)


def _quiesce(source: Any) -> None:  # noqa: ANN401 - a SQLCipher connection
    """Fold the write-ahead log into the file and leave WAL mode, so no side file with old
    pages stays beside the new file (only possible when no other process has the file open),
    then hold the file exclusively until the swap: nobody writes a row into it that the new
    file would miss (in exclusive locking mode the lock is kept until the connection closes).
    """
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        mode = source.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        source.execute("PRAGMA main.locking_mode = EXCLUSIVE")
        source.execute("BEGIN EXCLUSIVE")
        source.execute("COMMIT")
    except cipher_module().OperationalError:
        mode = "busy"
    if str(mode).lower() != "delete":
        raise Invalid(
            _(
                "the database is in use (the app or another command has it open): close it "
                "and try again; nothing was changed"
            )
        )


def _counts(connection: Any) -> dict[str, int]:  # noqa: ANN401 - a DB-API connection
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
    }


def _verify(staged: Path, key: str, rows: dict[str, int]) -> None:
    """The new file opens with the new key, is whole, and holds every row of the old one."""
    copy = connect(staged, key)
    try:
        check = [row[0] for row in copy.execute("PRAGMA quick_check")]
        copied = _counts(copy)
    finally:
        copy.close()
    if check != ["ok"] or copied != rows:
        raise Invalid(
            _("the encrypted copy did not check out ({problem}); nothing was changed").format(
                problem="; ".join(map(str, check[:3])) if check != ["ok"] else _("row counts")
            )
        )


def _swap(file: Path, staged: Path) -> None:
    """Put the new file at the path in one rename, keeping a second name for the old one
    (so its bytes can be overwritten after); sync the folder so the rename is durable."""
    old = Path(f"{file}{OLD_SUFFIX}")
    old.unlink(missing_ok=True)
    os.link(file, old)
    with open(staged, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(staged, file)
    for side in ("-wal", "-shm", "-journal"):
        Path(f"{file}{side}").unlink(missing_ok=True)
    folder = os.open(file.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _shred(old: Path) -> None:
    """Overwrite the old file with zeros, sync, and remove its last name."""
    if not old.exists():
        return
    size = old.stat().st_size
    with open(old, "rb+") as handle:
        chunk = b"\0" * 65536
        written = 0
        while written < size:
            written += handle.write(chunk[: min(len(chunk), size - written)])
        handle.flush()
        os.fsync(handle.fileno())
    old.unlink()


def clean_leftovers(file: Path) -> None:
    """Tidy what an interrupted run left: a half-written new file is removed; a second name of
    the old file is shredded once the new file is in place (removed only, if the swap never
    happened and it is still the database itself)."""
    Path(f"{file}{NEW_SUFFIX}").unlink(missing_ok=True)
    old = Path(f"{file}{OLD_SUFFIX}")
    if not old.exists():
        return
    if file.exists() and os.path.samefile(old, file):
        old.unlink()
    else:
        _shred(old)
