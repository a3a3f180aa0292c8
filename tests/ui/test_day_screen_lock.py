"""The day screen never waits for the database: with another program holding a write lock
(released only when the test says so), the keys work, the meeting timer follows the clock, the
screen says the database is busy, and what was pressed is stored once the lock goes, stamped
with the time it was pressed."""

from __future__ import annotations

from textual.widgets import Digits, Static

from coordinator.app import CoordinatorApp
from coordinator.demo import create_demo
from coordinator.screens.day import DayScreen
from coordinator.store.cases import get_case
from coordinator.store.days import list_days, load_day
from tests.locking import held_write_lock, until
from tests.ui.test_day_screen import at, settle


async def test_a_held_write_lock_never_freezes_the_day_screen(
    patient_store, db_path, clock
) -> None:
    store = patient_store
    create_demo(store)
    clock.set(at("08:30"))
    ids = [row.case.id for row in load_day(store, list_days(store)[0][0].id).cases]
    app = CoordinatorApp(store=store, clock=clock, language="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DayScreen)
        await pilot.press("space")  # case 1's pre-meeting starts, before any lock
        await settle(pilot)
        assert get_case(store, ids[0]).status == "pre-meeting"

        def digits() -> str:
            return app.screen.query_one("#timer-digits", Digits).value

        def state() -> str:
            return str(screen.query_one("#day-state", Static).render())

        with held_write_lock(db_path, "UPDATE stepupday SET location = location") as held:
            clock.set(at("08:31"))
            await pilot.press("down", "m", "down")
            assert screen.selected_case_id() == ids[2], "the cursor keys work"
            # The meeting started at once on the screen: 45:00 … of the meeting.
            await until(pilot, lambda: digits().startswith("4"))
            assert "Meeting" in str(screen.query_one("#timer-title", Static).render())
            await until(pilot, lambda: "busy" in state())  # the change waits, and it says so
            shown = digits()
            clock.set(at("08:33"))
            await until(pilot, lambda: digits() != shown)  # the timer follows the clock
            assert get_case(store, ids[0]).status == "pre-meeting", "still locked out"
            held.release()
        assert not held.gave_up, "the event loop was stuck on the lock"
        await settle(pilot)
        await until(pilot, lambda: get_case(store, ids[0]).status == "meeting")
        case = get_case(store, ids[0])
        assert case.meeting_started_at == at("08:31"), (
            "stamped with the time it was pressed, not the time the lock went"
        )
        await until(pilot, lambda: screen.query_one("#day-state", Static).display is False)
