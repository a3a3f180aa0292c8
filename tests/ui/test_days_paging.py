"""The days list a window at a time (issue 19): Ctrl+Home and Ctrl+End reach the first and the
last day, a second Ctrl+Home reads nothing, scrolling down from the first day through the page
joins shows every day once and in order, and coming back to the list unchanged keeps the rows."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import DataTable

from coordinator.screens.days import DaysScreen
from coordinator.store import day_pages
from coordinator.store.days import DayInput, create_day
from tests.ui.test_day_screen import settle

#: More than two pages of days (day_pages.PAGE), all before the test day (2026-12-03).
DAYS = 2 * day_pages.PAGE + 30


def _days(store) -> list[int]:  # noqa: ANN001 - a Store
    first = date(2026, 1, 1)
    return [
        create_day(store, DayInput(date=first + timedelta(days=i))).id or 0 for i in range(DAYS)
    ]


def _cursor_day(table: DataTable) -> int:
    return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or 0)


async def test_first_and_last_day_and_back_without_a_read(store, make_app, monkeypatch) -> None:
    ids = _days(store)
    reads: list[str] = []
    for name in ("first_days", "last_days"):
        real = getattr(day_pages, name)
        monkeypatch.setattr(
            day_pages, name, lambda *a, _real=real, _name=name: reads.append(_name) or _real(*a)
        )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DaysScreen)
        table = screen.query_one("#days", DataTable)
        assert table.row_count <= 2 * day_pages.PAGE  # a window, never every day
        await pilot.press("ctrl+home")
        await settle(pilot)
        assert _cursor_day(table) == ids[0] and reads == ["first_days"]
        assert table.row_count == screen.JUMP_DAYS  # the jump reads a screenful, not a page
        await pilot.press("down", "down", "ctrl+home")  # the first day is in the window
        await settle(pilot)
        assert _cursor_day(table) == ids[0] and reads == ["first_days"]
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert _cursor_day(table) == ids[-1] and reads == ["first_days", "last_days"]


async def test_scrolling_down_shows_every_day_once_in_order(store, make_app) -> None:
    ids = _days(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#days", DataTable)
        await pilot.press("ctrl+home")
        await settle(pilot)
        seen = [_cursor_day(table)]
        while seen[-1] != ids[-1] and len(seen) < 2 * DAYS:
            await pilot.press("down")
            await settle(pilot)
            seen.append(_cursor_day(table))
        assert seen == ids
        assert table.row_count <= screen.WINDOW_PAGES * day_pages.PAGE


async def test_the_list_shown_again_unchanged_keeps_its_rows(store, make_app) -> None:
    """Shown again, the list is read again around the selected day; if that window is what
    the table shows, the rows stay (no refill, no redraw) and so does the cursor."""
    _days(store)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#days", DataTable)
        await pilot.press("up", "up")
        for _ in range(2):  # the first time the window centres on the selected day
            await pilot.press("f")  # the follow-up list, then back
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            if _ == 0:
                row, key, first_row = table.cursor_row, _cursor_day(table), table.ordered_rows[0]
        assert app.screen.query_one("#days", DataTable) is table
        assert (table.cursor_row, _cursor_day(table)) == (row, key)
        assert table.ordered_rows[0] is first_row
