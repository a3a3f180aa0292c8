"""One autosave for every form: changes collected as typed, written field by field.

A screen records every change here the moment it is typed (cheap, in memory, thread-safe) and
asks `due()` a few times a second; when a save is due it calls `flush()` in a worker thread, so
typing never waits for the disk. The rule: a save starts `IDLE` seconds after the last change,
and never later than `MAX_DELAY` seconds after the first unsaved one, so a killed terminal loses
at most about a second of typing.

Each value is kept under a key (a field name, or `(item key, field)` for the agreement's items).
`base` holds each key's value as this editor last read or wrote it: the writer refuses to
overwrite a key whose stored value has changed since (someone else wrote it) and reports it in
`WriteOutcome.theirs`, while every other key of the same batch is written. A disputed key stays
pending, out of the following saves, until the user chooses: `keep_mine()` (it is written over
the other value on the next save) or `take_theirs()`.

One save at a time: flushes are serialised by a lock, and each starts from the `base` the one
before it left, so a save started while another writes never checks against a stale value. A
failed flush (a locked database) puts its batch back under anything typed since; nothing is lost.

No Textual here: the kill-while-saving test drives this from a bare process.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coordinator.domain.text import without_controls
from coordinator.domain.vocab import ItemKind
from coordinator.store.errors import Conflict

if TYPE_CHECKING:
    from coordinator.store.database import Store

IDLE = 0.15
MAX_DELAY = 0.3
#: How often a batch refused by the row version (another writer committed in between) is
#: checked and written again before the refusal is shown. Generous: the retries run in the
#: saving thread, never on the event loop, and on PostgreSQL with a third writer committing every
#: few milliseconds ten were seen to lose every time (a false "changed elsewhere").
RACE_RETRIES = 30
#: The longest pause between two of those tries (they start at a few milliseconds).
RACE_PAUSE_MAX = 0.05

Key = Hashable


class _Deleted:
    """The value of a key whose row someone else deleted."""

    def __repr__(self) -> str:
        return "DELETED"


DELETED = _Deleted()


@dataclass(frozen=True)
class WriteOutcome:
    """What one save did: the values now stored for the keys written, and for each key not
    written because someone else changed it, their value."""

    written: Mapping[Key, object] = field(default_factory=dict)
    theirs: Mapping[Key, object] = field(default_factory=dict)


#: `writer(changes, base)`: write `changes` in one transaction, each key unless its stored value
#: differs from `base[key]` (and from the new value); report what was written and what was not.
Writer = Callable[[Mapping[Key, object], Mapping[Key, object]], WriteOutcome]

_UNSET = object()


class Autosave:
    """Pending changes of one form, the values they were made against, and the disputed keys."""

    def __init__(
        self,
        writer: Writer,
        base: Mapping[Key, object],
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._writer = writer
        self._base: dict[Key, object] = dict(base)
        self._monotonic = monotonic
        self._state = threading.Lock()
        self._write = threading.Lock()
        self._pending: dict[Key, object] = {}
        self._in_flight: dict[Key, object] = {}
        self._conflicts: dict[Key, object] = {}
        self._first_change: float | None = None
        self._last_change: float | None = None
        self.saving = False

    # --- recording (UI thread) ----------------------------------------------------------------

    def _touch(self) -> None:
        now = self._monotonic()
        if self._first_change is None:
            self._first_change = now
        self._last_change = now

    def set(self, key: Key, value: object) -> None:
        """Record a typed value (a value equal to the stored one, with nothing pending or
        being written for the key, is no change).

        Text is kept as the store will hold it (`without_controls`, what the store's edge
        does to every row): a pasted control character would otherwise be written cleaned,
        and the next save would find the stored text unlike the one it wrote, "changed
        elsewhere" by nobody."""
        if isinstance(value, str):
            value = without_controls(value)
        with self._state:
            unchanged = self._base.get(key, _UNSET) == value
            if key not in self._pending and key not in self._in_flight and unchanged:
                return
            self._pending[key] = value
            if key not in self._conflicts:
                self._touch()

    def forget(self, keys: Iterable[Key]) -> None:
        """Drop pending values (a row removed in the editor before they were written)."""
        with self._state:
            for key in keys:
                self._pending.pop(key, None)

    # --- state ----------------------------------------------------------------------------------

    def _undisputed(self) -> dict[Key, object]:
        return {k: v for k, v in self._pending.items() if k not in self._conflicts}

    @property
    def pending(self) -> bool:
        """Anything typed and not yet written (disputed keys included, and a write under way:
        a save blocked by a lock holds its values in flight, still unwritten)."""
        with self._state:
            return bool(self._pending or self._in_flight)

    @property
    def unsaved(self) -> bool:
        """Anything the next save would write (disputed keys excluded)."""
        with self._state:
            return bool(self._undisputed())

    @property
    def conflict(self) -> bool:
        with self._state:
            return bool(self._conflicts)

    @property
    def conflicts(self) -> dict[Key, object]:
        """Each disputed key with the other writer's value."""
        with self._state:
            return dict(self._conflicts)

    def pending_keys(self) -> list[Key]:
        with self._state:
            return list(self._pending)

    def unsaved_values(self) -> list[tuple[Key, object, object]]:
        """Every value typed and not written (disputed ones too, and one being written now),
        each with the value it was typed against: what a recovery file keeps
        (`store/recovery.py`), so restoring it later goes through the same conflict rule."""
        with self._state:
            values = {**self._in_flight, **self._pending}
            return [(key, value, self._base.get(key)) for key, value in values.items()]

    def due(self) -> bool:
        """True when a save should start now (idle long enough, or waited long enough)."""
        with self._state:
            if self.saving or not self._undisputed() or self._first_change is None:
                return False
            assert self._last_change is not None
            now = self._monotonic()
            return now - self._last_change >= IDLE or now - self._first_change >= MAX_DELAY

    # --- the user's choice ------------------------------------------------------------------------

    def keep_mine(self) -> None:
        """Overwrite the other values deliberately: the disputed keys go into the next save,
        checked against the value the user has now seen."""
        with self._state:
            for key, theirs in self._conflicts.items():
                self._base[key] = theirs
            self._conflicts.clear()
            if self._pending:
                self._touch()

    def take_theirs(self) -> dict[Key, object]:
        """Drop the typing of the disputed keys; returns the other writer's values."""
        with self._state:
            theirs = dict(self._conflicts)
            for key, value in theirs.items():
                self._pending.pop(key, None)
                self._base[key] = value
            self._conflicts.clear()
            return theirs

    def rebase(self, values: Mapping[Key, object]) -> None:
        """Values read from the store again: the new base of keys with nothing pending."""
        with self._state:
            for key, value in values.items():
                if key not in self._pending and key not in self._in_flight:
                    self._base[key] = value

    def discard(self) -> None:
        """Forget everything unsaved and every dispute (the form is reloaded)."""
        with self._state:
            self._pending.clear()
            self._conflicts.clear()
            self._first_change = self._last_change = None

    # --- writing (worker thread) ----------------------------------------------------------------

    def flush(self) -> WriteOutcome | None:
        """Write every undisputed pending value now; safe from any thread, one at a time.
        None when there was nothing to write."""
        with self._write:
            with self._state:
                taken = self._undisputed()
                if not taken:
                    return None
                for key in taken:
                    del self._pending[key]
                self._in_flight = dict(taken)
                base = dict(self._base)
                self._first_change = self._last_change = None
                self.saving = True
            try:
                outcome = self._writer(taken, base)
            except BaseException:
                with self._state:
                    self._pending = {**taken, **self._pending}  # newer typing wins
                    self._in_flight = {}
                    self.saving = False
                    self._touch()
                raise
            with self._state:
                self._in_flight = {}
                self.saving = False
                self._base.update(outcome.written)
                for key, theirs in outcome.theirs.items():
                    self._conflicts[key] = theirs
                    self._pending.setdefault(key, taken[key])
            return outcome


class Autosaver(Autosave):
    """The agreement editor's autosave: the agreement's fields under their names, its items'
    fields under `(key, field)`, where `key` is `"i<id>"` for a stored item and anything else
    for an item created in the editor (its `"kind"` key creates it; `"deleted"` deletes it).
    Loaded from the store when no `view` (an `agreement_views.AgreementView`) is given."""

    def __init__(
        self,
        store: Store,
        case_id: int,
        view: object | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        from coordinator.store import agreements
        from coordinator.store.agreement_views import AgreementView

        self.store = store
        self.case_id = case_id
        if view is None:
            view = agreements.open_for_editing(store, case_id)
        assert isinstance(view, AgreementView)
        #: The stored id of each item key (new items get theirs when first written).
        self.ids: dict[str, int] = {item.key: item.id for item in view.items}
        super().__init__(self._write_batch, view.base(), monotonic)

    def _write_batch(self, changes: Mapping[Key, object], base: Mapping[Key, object]):
        """Write through the field-level check. The row version refuses a batch when another
        writer committed between this batch's read and its write (`Conflict`, nothing
        written): that is no dispute about a field yet, so the batch is read and checked again
        at once, field by field, instead of telling the user "changed elsewhere"."""
        from coordinator.store import agreement_edits

        for attempt in range(RACE_RETRIES + 1):
            try:
                outcome, created = agreement_edits.save_edits(
                    self.store, self.case_id, changes, base, dict(self.ids)
                )
                break
            except Conflict:
                if attempt == RACE_RETRIES:
                    raise
                pause = min(RACE_PAUSE_MAX, 0.005 * (attempt + 1))
                time.sleep(random.uniform(0, pause))  # let the other writer finish
        self.ids.update(created)  # only after the transaction committed
        return outcome

    def set_field(self, name: str, value: object) -> None:
        self.set(name, value)

    def create_item(self, key: str, kind: ItemKind, **fields: object) -> None:
        self.set((key, "kind"), ItemKind(kind))
        self.set_item(key, **fields)

    def set_item(self, key: str, **fields: object) -> None:
        for name, value in fields.items():
            self.set((key, name), value)

    def delete_item(self, key: str) -> None:
        self.forget([k for k in self.pending_keys() if isinstance(k, tuple) and k[0] == key])
        self.set((key, "deleted"), True)
