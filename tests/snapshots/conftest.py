"""Snapshot tests run the app on the demo day at the fixed test time."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator.app import CoordinatorApp
from coordinator.demo import create_demo
from coordinator.domain.clock import FixedClock
from coordinator.store.database import Store
from tests.conftest import TEST_NOW


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
