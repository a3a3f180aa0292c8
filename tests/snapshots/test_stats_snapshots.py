"""The statistics screen on the demo with its history (Danish, the last 12 months)."""

from __future__ import annotations

from coordinator.app import CoordinatorApp
from coordinator.demo import create_demo
from coordinator.domain.clock import FixedClock
from coordinator.store.database import Store
from tests.conftest import TEST_NOW
from tests.snapshots.test_day_snapshots import settled


def test_stats_screen_on_the_demo(snap_compare, tmp_path) -> None:
    clock = FixedClock(TEST_NOW.replace(hour=7))
    store = Store.open(str(tmp_path / "snap.db"), clock=clock, actor="test")
    create_demo(store, history=True)
    app = CoordinatorApp(store=store, clock=clock, language="da")

    async def open_stats(pilot) -> None:
        await settled(pilot)
        await pilot.press("escape")  # from today's demo day to the days list
        await settled(pilot)
        await pilot.press("s")
        await settled(pilot)
        pilot.app.clear_notifications()  # the follow-up reminder's toast times out anyway
        await pilot.pause()

    assert snap_compare(app, terminal_size=(110, 40), run_before=open_stats)
