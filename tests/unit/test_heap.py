"""screens/heap.py: what is frozen is left out of full collections until `tidy`, which
collects what died meanwhile; `release` freezes nothing."""

from __future__ import annotations

import gc
import weakref

from coordinator.screens import heap


class _Node:
    """An object in a cycle: only the collector (not reference counting) frees it."""

    def __init__(self) -> None:
        self.me = self


def test_what_dies_while_frozen_waits_for_tidy_and_tidy_freezes_what_lives() -> None:
    kept, dying = _Node(), _Node()
    gone = weakref.ref(dying)
    heap.freeze()
    try:
        del dying
        gc.collect()
        assert gone() is not None, "a full collection does not walk what is frozen"
        heap.tidy()
        assert gone() is None, "tidy collected it"
        assert gc.get_freeze_count() > 0
        assert not any(held is kept for held in gc.get_objects()), "what lives is frozen again"
    finally:
        heap.release()
    assert gc.get_freeze_count() == 0
    assert any(held is kept for held in gc.get_objects())


def test_settle_collects_only_when_nothing_is_frozen(monkeypatch) -> None:
    """The warm-up's settle must not collect under an agreement opened early (it is frozen)."""
    collections = []
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(args) or 0)
    try:
        heap.settle()
        assert len(collections) == 1 and gc.get_freeze_count() > 0
        heap.settle()
        assert len(collections) == 1, "frozen already: a freeze, no collection"
    finally:
        heap.release()
