"""The day screen never waits for the database: with another program holding a write lock, the
keys work, the timer runs, and what was pressed is stored once the lock goes."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from time import monotonic

import pytest
from textual.widgets import Digits, Static

from coordinator.app import CoordinatorApp
from coordinator.demo import create_demo
from coordinator.screens.day import DayScreen
from coordinator.store.cases import get_case
from coordinator.store.database import Store
from coordinator.store.days import list_days, load_day
from tests.conftest import TEST_DAY
from tests.locking import StallMeter, held_write_lock
from tests.ui.test_day_screen import settle

LOCK_SECONDS = 3.0


class RunningClock:
    """The test day's 08:30, moving on with the real clock (so the timer visibly runs)."""

    def __init__(self) -> None:
        self.start = datetime(TEST_DAY.year, TEST_DAY.month, TEST_DAY.day, 8, 30)
        self.started = monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=monotonic() - self.started)


@pytest.fixture
def running_store(db_path: Path):
    store = Store.open(str(db_path), clock=RunningClock(), actor="test")
    create_demo(store)
    yield store
    store.close()


async def test_a_held_write_lock_never_freezes_the_day_screen(running_store, db_path) -> None:
    store = running_store
    ids = [row.case.id for row in load_day(store, list_days(store)[0][0].id).cases]
    app = CoordinatorApp(store=store, clock=store.clock, language="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DayScreen)
        await pilot.press("space")  # case 1's pre-meeting starts, before any lock
        await settle(pilot)
        assert get_case(store, ids[0]).status == "pre-meeting"

        meter = StallMeter(app)
        await asyncio.sleep(0.1)

        with held_write_lock(db_path, "UPDATE stepupday SET location = location"):
            locked_at = monotonic()
            await pilot.press("down", "m", "down")
            assert screen.selected_case_id() == ids[2], "the cursor keys work"
            seen: list[str] = []
            busy = False
            while monotonic() - locked_at < LOCK_SECONDS:
                seen.append(app.screen.query_one("#timer-digits", Digits).value)
                busy = busy or "busy" in str(screen.query_one("#day-state", Static).render())
                await asyncio.sleep(0.1)
            assert get_case(store, ids[0]).status == "pre-meeting", "still locked out"
        await settle(pilot)
        worst = meter.stop()
        print(f"\nworst event-loop stall during a {LOCK_SECONDS:.0f} s lock: {worst * 1000:.0f} ms")
        assert worst < 2.5  # a loop blocked by the 3 s lock would stall for all of it
        # The meeting started at once on the screen, and its timer ran during the lock.
        assert seen[0].startswith("4"), seen[0]  # 45:00 … of the meeting, not the pre-meeting
        assert len(set(seen)) >= 2, seen
        assert busy, "the screen said the database was busy"
        case = get_case(store, ids[0])
        assert case.status == "meeting", "the key pressed during the lock was stored after it"
        assert case.meeting_started_at is not None
        assert case.meeting_started_at - store.clock.start < timedelta(seconds=LOCK_SECONDS), (
            "stamped with the time it was pressed, not the time the lock went"
        )
        assert "Meeting" in str(screen.query_one("#timer-title", Static).render())
        assert screen.query_one("#day-state", Static).display is False
