"""The follow-up screen on the demo with its history, two months after the demo day."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coordinator.app import CoordinatorApp
from coordinator.demo import create_demo
from coordinator.domain.clock import FixedClock
from coordinator.store.database import Store
from tests.conftest import TEST_NOW
from tests.snapshots.test_day_snapshots import settled


@pytest.fixture
def later_app(tmp_path):
    clock = FixedClock(TEST_NOW.replace(hour=7))
    store = Store.open(str(tmp_path / "snap.db"), clock=clock, actor="test")
    create_demo(store, history=True)
    clock.set(TEST_NOW + timedelta(days=61))
    return CoordinatorApp(store=store, clock=clock, language="da")


def test_followup_screen_two_months_on(snap_compare, later_app) -> None:
    async def open_followup(pilot) -> None:
        await settled(pilot)
        await pilot.press("f")
        await settled(pilot)
        # The days list's one-time reminder toast is in the picture only if taken before it
        # times out, and the table draws its measured column widths on its next refresh:
        # take the picture without the toast, after that refresh, every time.
        pilot.app.clear_notifications()
        await pilot.pause(0.2)
        pilot.app.screen.query_one("#followup").refresh(layout=True)
        await pilot.pause(0.2)

    assert snap_compare(later_app, terminal_size=(120, 30), run_before=open_followup)
