"""The roster never waits for the database: with another program holding a write lock (released
only when the test says so), the keys work, a change shows at once, the directory opens, and
the change is stored once the lock goes."""

from __future__ import annotations

from textual.widgets import DataTable

from coordinator.screens.case_dialogs import PickPersonDialog
from coordinator.screens.roster import RosterScreen
from coordinator.store import roster
from tests.locking import held_write_lock, until
from tests.ui.test_day_screen import settle
from tests.ui.test_roster_screen import _family_case, _rows


def _attendance(store, case_id: int, name: str) -> str:
    line = next(x for x in roster.roster_lines(store, case_id) if x.display_name == name)
    return line.attendance.value


async def test_a_held_write_lock_never_freezes_the_roster(patient_store, db_path, clock) -> None:
    from coordinator.app import CoordinatorApp

    store = patient_store
    case_id = _family_case(store)
    app = CoordinatorApp(store=store, clock=clock, language="en")
    async with app.run_test(size=(140, 35)) as pilot:
        await settle(pilot)
        await app.push_screen(RosterScreen(case_id))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RosterScreen)
        assert _rows(screen)[1][:1] + _rows(screen)[1][3:] == ["Camilla Dahl", "Invited"]

        with held_write_lock(db_path, "UPDATE stepupday SET location = location") as held:
            await pilot.press("down", "t")  # the caseworker: invited -> confirmed
            await pilot.pause()
            assert _rows(screen)[1][3] == "Confirmed", "shown at once"
            await pilot.press("t")  # cycles on from what is shown: confirmed -> declined
            await pilot.pause()
            assert _rows(screen)[1][3] == "Declined"
            await pilot.press("a")  # the directory is read (readers are not locked out)
            await until(pilot, lambda: isinstance(app.screen, PickPersonDialog))
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            table = screen.query_one("#roster", DataTable)
            await pilot.press("down")
            assert table.cursor_row == 2, "the cursor keys work"
            assert not screen.settled, "the changes wait for the lock"
            assert _attendance(store, case_id, "Camilla Dahl") == "invited", "still locked out"
            held.release()
        assert not held.gave_up, "the event loop was stuck on the lock"
        await settle(pilot)
        await until(pilot, lambda: screen.settled)
        assert _attendance(store, case_id, "Camilla Dahl") == "declined", "stored after the lock"
        assert _rows(screen)[1][3] == "Declined"
        # The findings were read again with the change: a required caseworker who declined.
        await until(
            pilot, lambda: "required-absent" in str(screen.query_one("#finding-list").render())
        )
