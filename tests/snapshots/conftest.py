"""Snapshot tests run the app on the demo day at the fixed test time."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from coordinator.app import CoordinatorApp
from coordinator.demo import create_demo
from coordinator.domain.clock import FixedClock
from coordinator.store.database import Store
from tests.conftest import TEST_NOW


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text field starts with a steady cursor, so no snapshot catches a blink half-way.

    Set on the reactive's default rather than per widget after mounting: fields mounted later
    (a new item, a dialog) are steady too.
    """
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)


@pytest.fixture(autouse=True)
def no_live_reloads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A picture is of what the screen shows, not of when it last looked for changes made
    elsewhere (its own audit and reads can count as one): no looks during a snapshot. The
    live reload has Pilot tests of its own (tests/ui/test_changes_from_elsewhere.py)."""
    from coordinator.screens import live

    monkeypatch.setattr(live, "LOOK_EVERY", 3600.0)


@pytest.fixture
def demo_app(tmp_path: Path):
    """A factory for the app on a fresh demo database; `now` defaults to 08:00 on the day."""

    def factory(now=TEST_NOW, language: str = "da", setup=None) -> CoordinatorApp:
        clock = FixedClock(now.replace(hour=7, minute=0))
        store = Store.open(str(tmp_path / "snap.db"), clock=clock, actor="test")
        create_demo(store)
        if setup is not None:
            setup(store, clock)
        clock.set(now)
        return CoordinatorApp(store=store, clock=clock, language=language)

    return factory
