"""The agreement editor's autosave: pending changes collected as typed, written in batches.

The screen records every change here the moment it is typed (cheap, in memory, thread-safe) and
asks `due()` a few times a second; when a save is due it calls `flush()` in a worker thread, so
typing never waits for the disk. The rule: a save starts `IDLE` seconds after the last change,
and never later than `MAX_DELAY` seconds after the first unsaved one, so a killed terminal loses
at most about a second of typing.

Writes are serialised by a lock (two flushes never interleave or reorder). A failed flush puts
its batch back under anything typed since, so nothing is lost; a `Conflict` waits for the user's
choice: `flush(force=True)` (keep mine) or `discard()` and reload (take theirs).

Items are named by the editor's own keys: `"i<id>"` for stored items, anything else for items
created in the editor and not yet stored; once stored, a new item's key maps to its id.

No Textual here: the kill-while-saving test drives this class from a bare process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from coordinator.domain.vocab import ItemKind
from coordinator.store import agreements
from coordinator.store.agreements import Changes, ItemCreate, ItemUpdate, SaveResult
from coordinator.store.database import Store
from coordinator.store.errors import Conflict

IDLE = 0.4
MAX_DELAY = 1.0


@dataclass
class _Pending:
    fields: dict[str, object] = field(default_factory=dict)
    creates: dict[str, ItemKind] = field(default_factory=dict)
    items: dict[str, dict[str, object]] = field(default_factory=dict)
    deletes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.fields or self.creates or self.items or self.deletes)


class Autosaver:
    """Pending edits of one case's agreement and the row versions they were made against."""

    def __init__(
        self,
        store: Store,
        case_id: int,
        agreement_version: int,
        item_versions: dict[int, int],
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.case_id = case_id
        self.agreement_version = agreement_version
        self.item_versions = dict(item_versions)
        self.ids: dict[str, int] = {f"i{i}": i for i in item_versions}
        self._monotonic = monotonic
        self._state = threading.Lock()
        self._write = threading.Lock()
        self._pending = _Pending()
        self._first_change: float | None = None
        self._last_change: float | None = None
        self.saving = False
        self.conflict = False

    # --- recording (UI thread) ----------------------------------------------------------------

    def _touch(self) -> None:
        now = self._monotonic()
        if self._first_change is None:
            self._first_change = now
        self._last_change = now

    def set_field(self, name: str, value: object) -> None:
        with self._state:
            self._pending.fields[name] = value
            self._touch()

    def create_item(self, key: str, kind: ItemKind, **fields: object) -> None:
        with self._state:
            self._pending.creates[key] = kind
            self._pending.items.setdefault(key, {}).update(fields)
            self._touch()

    def set_item(self, key: str, **fields: object) -> None:
        with self._state:
            self._pending.items.setdefault(key, {}).update(fields)
            self._touch()

    def delete_item(self, key: str) -> None:
        with self._state:
            self._pending.items.pop(key, None)
            if key in self._pending.creates:
                del self._pending.creates[key]  # never stored: nothing to delete
            elif key not in self._pending.deletes:
                self._pending.deletes.append(key)
            self._touch()

    # --- state ----------------------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        with self._state:
            return not self._pending.empty

    def due(self) -> bool:
        """True when a save should start now (idle long enough, or waited long enough)."""
        with self._state:
            if self._pending.empty or self.saving or self.conflict:
                return False
            now = self._monotonic()
            assert self._first_change is not None and self._last_change is not None
            return now - self._last_change >= IDLE or now - self._first_change >= MAX_DELAY

    def discard(self) -> None:
        """Forget unsaved changes (the user took the other writer's version)."""
        with self._state:
            self._pending = _Pending()
            self._first_change = self._last_change = None
            self.conflict = False

    # --- writing (worker thread) ----------------------------------------------------------------

    def _batch(self, pending: _Pending) -> Changes:
        changes = Changes(fields=dict(pending.fields), expected_version=self.agreement_version)
        for key, kind in pending.creates.items():
            changes.creates.append(ItemCreate(key, kind, dict(pending.items.get(key, {}))))
        for key, values in pending.items.items():
            if key in pending.creates:
                continue
            item_id = self.ids.get(key)
            if item_id is not None:
                changes.updates.append(
                    ItemUpdate(item_id, self.item_versions.get(item_id), dict(values))
                )
        for key in pending.deletes:
            item_id = self.ids.get(key)
            if item_id is not None:
                changes.deletes.append((item_id, self.item_versions.get(item_id)))
        return changes

    def _restore(self, taken: _Pending) -> None:
        """Put a failed batch back underneath whatever was typed since."""
        newer = self._pending
        merged = _Pending(
            fields={**taken.fields, **newer.fields},
            creates={**taken.creates, **newer.creates},
            deletes=list(dict.fromkeys([*taken.deletes, *newer.deletes])),
        )
        for key in set(taken.items) | set(newer.items):
            if key in merged.deletes and key not in merged.creates:
                continue
            merged.items[key] = {**taken.items.get(key, {}), **newer.items.get(key, {})}
        for key in newer.deletes:
            if key in taken.creates and key not in newer.creates:
                merged.creates.pop(key, None)
        self._pending = merged
        now = self._monotonic()
        self._first_change = self._first_change or now
        self._last_change = self._last_change or now

    def flush(self, force: bool = False) -> SaveResult | None:
        """Write everything pending now; safe from any thread. None when nothing was pending."""
        with self._write:
            with self._state:
                if self._pending.empty:
                    return None
                taken, self._pending = self._pending, _Pending()
                self._first_change = self._last_change = None
                self.saving = True
            try:
                result = agreements.save_changes(
                    self.store, self.case_id, self._batch(taken), force=force
                )
            except BaseException as exc:
                with self._state:
                    self._restore(taken)
                    self.saving = False
                    self.conflict = isinstance(exc, Conflict)
                raise
            with self._state:
                self.saving = False
                self.conflict = False
                self.agreement_version = result.agreement_version
                self.item_versions.update(result.item_versions)
                self.ids.update(result.created)
                for key in taken.deletes:
                    item_id = self.ids.pop(key, None)
                    if item_id is not None:
                        self.item_versions.pop(item_id, None)
            return result
