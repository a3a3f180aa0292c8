"""A change made on another laptop shows on the coordinator's screen by itself, without a key
press, and without moving the cursor: the day's agenda and the roster, on SQLite and on the real
PostgreSQL. The issue's "within two seconds" is the screens' look interval (asserted as a
setting, not timed: a loaded machine makes any measured delay meaningless)."""

from __future__ import annotations

import time

import pytest
from textual.widgets import DataTable

from coordinator.screens.day import DayScreen
from coordinator.screens.live import LOOK_EVERY
from coordinator.screens.roster import RosterScreen
from coordinator.store import roster, timing
from coordinator.store.database import Store
from tests.ui.test_day_screen import case_ids, settle

pytestmark = pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)

#: The issue's promise: a change made elsewhere shows within this many seconds.
WITHIN_SECONDS = 2.0


async def wait_until(pilot, seen, limit: float = 10.0) -> None:
    """Let the app run, pressing no key, until `seen()` is true; the limit only bounds the
    wait (a screen that never follows fails instead of hanging)."""
    start = time.monotonic()
    while not seen():
        assert time.monotonic() - start < limit, "the change never showed"
        await pilot.pause(0.05)


async def test_the_agenda_shows_a_change_made_elsewhere(demo_store, db_url, clock, make_app):
    # A change is seen at the next look and shown by the read that follows: looking every
    # LOOK_EVERY seconds leaves the rest of the promise for that read.
    assert LOOK_EVERY <= WITHIN_SECONDS / 2
    laptop = Store.open(db_url, clock=clock, actor="laptop-2")
    ids = case_ids(demo_store)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DayScreen), "the app opens on today's day"
        table = app.screen.query_one("#agenda", DataTable)
        table.move_cursor(row=2)

        def row() -> str:
            return " ".join(str(c) for c in table.get_row(str(ids[3])))

        before = row()
        timing.mark_absent(laptop, ids[3])
        await wait_until(pilot, lambda: row() != before)
        assert table.cursor_row == 2, "the cursor stays where the coordinator left it"
    laptop.close()


async def test_the_roster_shows_a_person_added_elsewhere(demo_store, db_url, clock, make_app):
    laptop = Store.open(db_url, clock=clock, actor="laptop-2")
    case_id = case_ids(demo_store)[0]
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await app.push_screen(RosterScreen(case_id))
        await settle(pilot)
        table = app.screen.query_one("#roster", DataTable)
        rows = table.row_count
        table.move_cursor(row=1)
        roster.add_network_person(laptop, case_id, "Birthe Kjær", "mor")
        await wait_until(pilot, lambda: table.row_count == rows + 1)
        assert table.cursor_row == 1
    laptop.close()


async def test_the_followup_list_shows_progress_recorded_elsewhere(store, db_url, clock, make_app):
    from coordinator.domain.followup import ProgressStatus
    from coordinator.screens.followup import FollowupScreen
    from coordinator.store.progress import record_progress
    from tests.followup_data import hold_meeting

    held = hold_meeting(store, clock)
    laptop = Store.open(db_url, clock=clock, actor="laptop-2")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FollowupScreen)
        table = app.screen.query_one("#followup", DataTable)

        def contents() -> str:
            return "|".join(
                " ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)
            )

        before = contents()
        record_progress(laptop, held.items[1], ProgressStatus.STARTED)
        await wait_until(pilot, lambda: contents() != before)
    laptop.close()
