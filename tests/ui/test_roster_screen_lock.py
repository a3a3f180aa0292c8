"""The roster never waits for the database: with another program holding a write lock, the keys
work, a change shows at once, the event loop keeps its timers, and the change is stored once
the lock goes."""

from __future__ import annotations

import asyncio
from time import monotonic

from textual.widgets import DataTable

from coordinator.screens.case_dialogs import PickPersonDialog
from coordinator.screens.roster import RosterScreen
from coordinator.store import roster
from tests.locking import StallMeter, held_write_lock
from tests.ui.test_day_screen import settle
from tests.ui.test_roster_screen import _family_case, _rows

LOCK_SECONDS = 3.0


def _attendance(store, case_id: int, name: str) -> str:
    line = next(x for x in roster.roster_lines(store, case_id) if x.display_name == name)
    return line.attendance.value


async def test_a_held_write_lock_never_freezes_the_roster(store, db_path, make_app) -> None:
    case_id = _family_case(store)
    app = make_app()
    async with app.run_test(size=(140, 35)) as pilot:
        await settle(pilot)
        await app.push_screen(RosterScreen(case_id))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RosterScreen)
        assert _rows(screen)[1][:1] + _rows(screen)[1][3:] == ["Camilla Dahl", "Invited"]

        meter = StallMeter(app)
        await asyncio.sleep(0.1)

        with held_write_lock(db_path, "UPDATE stepupday SET location = location"):
            locked_at = monotonic()
            await pilot.press("down", "t")  # the caseworker: invited -> confirmed
            await pilot.pause()
            assert _rows(screen)[1][3] == "Confirmed", "shown at once"
            await pilot.press("t")  # cycles on from what is shown: confirmed -> declined
            await pilot.pause()
            assert _rows(screen)[1][3] == "Declined"
            await pilot.press("a")  # the directory is read (readers are not locked out)
            while not isinstance(app.screen, PickPersonDialog):
                assert monotonic() - locked_at < LOCK_SECONDS, "the directory never came"
                await asyncio.sleep(0.05)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            table = screen.query_one("#roster", DataTable)
            await pilot.press("down")
            assert table.cursor_row == 2, "the cursor keys work"
            while monotonic() - locked_at < LOCK_SECONDS:
                await asyncio.sleep(0.1)
            assert not screen.settled, "the changes wait for the lock"
            assert _attendance(store, case_id, "Camilla Dahl") == "invited", "still locked out"
        await settle(pilot)
        worst = meter.stop()
        print(f"\nworst event-loop stall during a {LOCK_SECONDS:.0f} s lock: {worst * 1000:.0f} ms")
        assert worst < 2.5  # a loop blocked by the 3 s lock would stall for all of it
        assert _attendance(store, case_id, "Camilla Dahl") == "declined", "stored after the lock"
        assert _rows(screen)[1][3] == "Declined"
        # The findings were read again with the change: a required caseworker who declined.
        assert "required-absent" in str(screen.query_one("#finding-list").render())
