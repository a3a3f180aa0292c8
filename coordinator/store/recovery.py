"""The recovery file: typing that could not be saved when the app closed, kept for the next start.

When the app must close with typing still unsaved (a full disk, a locked database, a change
made elsewhere not yet answered, a closed terminal), each form's unsaved values are written to
a small SQLite file next to the database (`<database>.recovery`; for a server database, in the
user's data folder), readable and writable by the user only (0600), and encrypted with the
database's key when the database is. The next start offers to restore it.

Restoring goes through the form's own autosave writer, each value checked against the value it
was typed over: a field someone changed since is not overwritten (the one conflict rule), and
its text stays in the file. Values are stored as JSON: text, numbers, dates, and the marker of
a deleted item.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import partial
from pathlib import Path

from coordinator.store.autosave import DELETED, Autosave, Autosaver, Key
from coordinator.store.database import Store
from coordinator.store.errors import StoreError

#: The forms whose typing can be recovered, by the name a screen gives its SaveState.
AGREEMENT = "agreement"
PREPARATION = "preparation"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS unsaved ("
    " id INTEGER PRIMARY KEY, form TEXT NOT NULL, ref INTEGER NOT NULL,"
    " kept_at TEXT NOT NULL, entry TEXT NOT NULL)"
)


@dataclass(frozen=True)
class FormTyping:
    """One form's unsaved typing: `values` is (key, value typed, value typed over, label)."""

    form: str
    ref: int
    values: Sequence[tuple[Key, object, object, str]]
    #: The agreement editor's stored ids of items it created (their keys are its own).
    ids: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Kept:
    """What a recovery file holds, for the offer at start."""

    path: Path
    kept_at: datetime
    forms: list[tuple[str, int, list[str]]]  # form, ref, the labels of its fields


@dataclass(frozen=True)
class Restored:
    """What restoring did: the labels written, and those left in the file (changed elsewhere
    since, or the form could not be written: `problems`)."""

    written: list[str]
    left: list[str]
    problems: list[str]


def recovery_path(store: Store) -> Path:
    """Next to the database file; for a server database, in the user's data folder."""
    if store.path is not None:
        return Path(store.path + ".recovery")
    from coordinator.store.engine import default_db_path

    digest = hashlib.sha256(store.url.encode()).hexdigest()[:12]
    return default_db_path().parent / f"server-{digest}.recovery"


# --- values as JSON -------------------------------------------------------------------------


def _encode(value: object) -> object:
    if value is DELETED:
        return {"deleted": True}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return {"key": [_encode(v) for v in value]}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if value.get("deleted"):
            return DELETED
        if "datetime" in value:
            return datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return date.fromisoformat(value["date"])
        if "key" in value:
            return tuple(_decode(v) for v in value["key"])
    return value


# --- the file -------------------------------------------------------------------------------


def _connect(store: Store, path: Path):  # noqa: ANN202 - a DB-API connection
    from coordinator.store.cipher import connect_file

    return connect_file(path, store._key)  # noqa: SLF001 - the database's own key


def keep(store: Store, typing: Sequence[FormTyping], now: datetime) -> Path | None:
    """Add the forms' unsaved typing to the recovery file (made 0600 before anything is
    written to it); its path, or None when there was nothing to keep."""
    typing = [t for t in typing if t.values]
    if not typing:
        return None
    path = recovery_path(store)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    path.chmod(0o600)
    connection = _connect(store, path)
    try:
        connection.execute(_SCHEMA)
        for form in typing:
            entry = {
                "values": [
                    [_encode(key), _encode(value), _encode(base), label]
                    for key, value, base, label in form.values
                ],
                "ids": form.ids,
            }
            connection.execute(
                "INSERT INTO unsaved (form, ref, kept_at, entry) VALUES (?, ?, ?, ?)",
                (form.form, form.ref, now.isoformat(), json.dumps(entry, ensure_ascii=False)),
            )
        connection.commit()
    finally:
        connection.close()
    return path


def _entries(store: Store, path: Path) -> list[tuple[int, str, int, str, dict]]:
    connection = _connect(store, path)
    try:
        rows = connection.execute(
            "SELECT id, form, ref, kept_at, entry FROM unsaved ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    return [(i, form, ref, at, json.loads(entry)) for i, form, ref, at, entry in rows]


def kept(store: Store) -> Kept | None:
    """What the recovery file holds, or None when there is none (or it cannot be read: it is
    left alone, never deleted unread)."""
    path = recovery_path(store)
    if not path.is_file():
        return None
    try:
        entries = _entries(store, path)
    except Exception:  # noqa: BLE001 - sqlite3's or SQLCipher's error: left alone, unread
        return None
    if not entries:
        return None
    forms = [(form, ref, [v[3] for v in entry["values"]]) for _i, form, ref, _at, entry in entries]
    return Kept(path, datetime.fromisoformat(entries[-1][3]), forms)


def discard(store: Store) -> None:
    """Delete the recovery file (the user chose so)."""
    recovery_path(store).unlink(missing_ok=True)


def _saver(store: Store, form: str, ref: int, ids: dict[str, int]) -> Autosave:
    """The form's own autosave, on what the store holds now."""
    if form == AGREEMENT:
        saver = Autosaver(store, ref)
        saver.ids.update(ids)
        return saver
    if form == PREPARATION:
        from coordinator.store import preparation

        view = preparation.read_preparation(store, ref)
        return Autosave(partial(preparation.save_fields, store, ref), view.base())
    raise ValueError(form)


def restore(store: Store, saver_for: Callable[..., Autosave] = _saver) -> Restored:
    """Write the kept typing through each form's writer; what is written leaves the file,
    what someone changed since (or what cannot be written) stays in it."""
    path = recovery_path(store)
    written: list[str] = []
    left: list[str] = []
    problems: list[str] = []
    done: list[int] = []
    for entry_id, form, ref, _at, entry in _entries(store, path):
        values = [(_decode(k), _decode(v), _decode(b), label) for k, v, b, label in entry["values"]]
        labels = {key: label for key, _v, _b, label in values}
        try:
            saver = saver_for(store, form, ref, entry.get("ids", {}))
            saver.rebase({key: base for key, _v, base, _l in values})
            for key, value, _base, _label in values:
                saver.set(key, value)
            outcome = saver.flush()
        except StoreError as exc:
            problems.append(exc.message)
            left += labels.values()
            continue
        theirs = outcome.theirs if outcome is not None else {}
        written += [labels[key] for key in labels if key not in theirs]
        if theirs:
            kept_values = [v for v in entry["values"] if _decode(v[0]) in theirs]
            _rewrite(store, path, entry_id, {**entry, "values": kept_values})
            left += [labels[key] for key in theirs]
        else:
            done.append(entry_id)
    _delete(store, path, done)
    return Restored(written, left, problems)


def _rewrite(store: Store, path: Path, entry_id: int, entry: dict) -> None:
    connection = _connect(store, path)
    try:
        connection.execute(
            "UPDATE unsaved SET entry = ? WHERE id = ?",
            (json.dumps(entry, ensure_ascii=False), entry_id),
        )
        connection.commit()
    finally:
        connection.close()


def _delete(store: Store, path: Path, entry_ids: list[int]) -> None:
    connection = _connect(store, path)
    try:
        connection.executemany("DELETE FROM unsaved WHERE id = ?", [(i,) for i in entry_ids])
        connection.commit()
        empty = connection.execute("SELECT count(*) FROM unsaved").fetchone()[0] == 0
    finally:
        connection.close()
    if empty:
        path.unlink(missing_ok=True)
