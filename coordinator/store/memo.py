"""Figures remembered until the database changes (issue 19).

The follow-up's counts (a pass over every item in force: 50-60 ms on ten years) are asked by
the days list's reminder at start and again by the follow-up list when `f` is pressed; the
statistics of a period are asked each time the screen opens. Between two of those asks nothing
is usually written, and asking again only repeated the same work while the screen waited.

So such a figure is remembered with the database's change token (`changes.ChangeWatcher`:
SQLite's `data_version`, PostgreSQL's snapshot horizon) read *before* it was computed: any
write committed since, by this app or another process, moves the token and the figure is
computed again. A write during the computation moves it too, so a figure that may have missed
it is never served twice. A token that cannot be read (a server restarting) remembers nothing.
Two threads asking for the same figure at once compute it once: the second waits for the first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from coordinator.store.changes import ChangeWatcher
from coordinator.store.database import Store

T = TypeVar("T")


class _Memo:
    """One store's remembered figures, by name: (key, token, value)."""

    def __init__(self, store: Store) -> None:
        self.watcher = ChangeWatcher(store)
        self.lock = threading.Lock()
        self.locks: dict[str, threading.Lock] = {}
        self.values: dict[str, tuple[Hashable, object, Any]] = {}

    def lock_of(self, name: str) -> threading.Lock:
        with self.lock:
            return self.locks.setdefault(name, threading.Lock())


_CREATING = threading.Lock()


def _memo_of(store: Store) -> _Memo:
    # On the store itself (a plain attribute): the memo lives and goes with the store, and its
    # watcher's connection with it.
    memo = store.__dict__.get("_memo")
    if memo is None:
        with _CREATING:
            memo = store.__dict__.setdefault("_memo", _Memo(store))
    return memo


def remembered(store: Store, name: str, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned for the same `name` and `key` if nothing was written
    to the database since. Call it in a worker (it may read the database)."""
    memo = _memo_of(store)
    with memo.lock_of(name):
        token = memo.watcher.token()
        kept = memo.values.get(name)
        if token is not None and kept is not None and kept[0] == key and kept[1] == token:
            return kept[2]
        value = compute()
        if token is not None:
            memo.values[name] = (key, token, value)
        return value


def forget(store: Store) -> None:
    """Forget every figure and close the watcher's connection (the store is closing)."""
    memo = store.__dict__.pop("_memo", None)
    if memo is not None:
        memo.watcher.close()
