"""Today's agenda at a glance while the database opens (issue 19), with real keys.

The store's opening is held by the test (an `opener` that waits for an event), so what the
first screen shows before the store exists is looked at, not raced.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from coordinator.app import CoordinatorApp
from coordinator.screens import day as day_screen
from coordinator.screens.day import DayScreen
from coordinator.screens.day_agenda import AgendaTable
from coordinator.screens.day_glance import DayGlanceScreen
from coordinator.store.day_glance import first_look
from coordinator.store.day_model import day_model
from coordinator.store.days import list_days
from tests.conftest import TEST_DAY
from tests.ui.test_day_screen import settle

KEYS_WHILE_OPENING = ["space", "g", "a", "c", "n", "delete", "D", "escape", "enter", "x", "o"]


def _held_opener(store) -> tuple[Callable[[], object], threading.Event]:  # noqa: ANN001
    release = threading.Event()

    def opener():  # noqa: ANN202 - the Store
        assert release.wait(30), "the test never let the store open"
        return store

    return opener, release


def _app(store, db_path, clock, opener, open_date: date | None = None) -> CoordinatorApp:  # noqa: ANN001
    return CoordinatorApp(
        opener=opener,
        clock=clock,
        language="en",
        open_date=open_date,
        glance=lambda wanted, today: first_look(str(db_path), wanted, today),
    )


async def _until(pilot, ready: Callable[[], bool]) -> None:  # noqa: ANN001 - a Pilot
    for _ in range(400):
        if ready():
            return
        await pilot.pause(0.01)
    raise AssertionError("never came")


def _rows(screen) -> list[str]:  # noqa: ANN001 - a screen with an agenda
    table = screen.query_one(AgendaTable)
    return [" ".join(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)]


async def test_the_agenda_shows_before_the_store_opens_and_no_key_acts_on_it(
    demo_store, db_path, clock
) -> None:
    opener, release = _held_opener(demo_store)
    app = _app(demo_store, db_path, clock, opener)
    citizens = [c.citizen for c in day_model(demo_store, list_days(demo_store)[0][0].id).cases]
    async with app.run_test(size=(120, 40)) as pilot:
        glance = app.screen
        assert isinstance(glance, DayGlanceScreen)
        await _until(pilot, lambda: glance.model is not None and glance.query(AgendaTable))
        await pilot.pause()
        rows = _rows(glance)
        for name in citizens:
            assert any(name in row for row in rows), (name, rows)
        assert app.store is None, "all of this before the store exists"
        assert "loading…" in str(glance.query_one("#day-state").render())
        assert glance.ticking
        for key in KEYS_WHILE_OPENING:
            await pilot.press(key)
        assert app.screen is glance, "no key opened anything without a store"
        assert app.store is None
        release.set()
        await _until(pilot, lambda: isinstance(app.screen, DayScreen))
        await settle(pilot)
        day = app.screen
        assert isinstance(day, DayScreen) and day.settled
        assert all(case.readiness is not None for case in day.model.cases), "the store's read"
        assert _rows(day) and not glance.ticking, "the glance's clock stopped under the day"


async def test_the_day_screen_starts_from_the_glance_while_it_reads(
    demo_store, db_path, clock, monkeypatch
) -> None:
    """No blank agenda between the glance and the day screen's own read."""
    opener, release = _held_opener(demo_store)
    reading = threading.Event()
    read_day = day_screen.read_day

    def held_read(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        assert reading.wait(30)
        return read_day(*args, **kwargs)

    monkeypatch.setattr(day_screen, "read_day", held_read)
    app = _app(demo_store, db_path, clock, opener)
    async with app.run_test(size=(120, 40)) as pilot:
        glance = app.screen
        await _until(pilot, lambda: glance.model is not None)
        await pilot.pause()
        glanced_rows = _rows(glance)
        release.set()
        await _until(pilot, lambda: isinstance(app.screen, DayScreen))
        await pilot.pause()
        day = app.screen
        assert not day.settled, "its own read is held"
        assert _rows(day) == glanced_rows
        assert "loading…" in str(day.query_one("#day-state").render())
        reading.set()
        await settle(pilot)
        assert day.settled and day.model.cases[0].readiness is not None


async def test_without_a_day_today_it_says_the_database_opens(demo_store, db_path, clock) -> None:
    opener, release = _held_opener(demo_store)
    app = _app(demo_store, db_path, clock, opener, open_date=TEST_DAY + timedelta(days=30))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, DayGlanceScreen) and screen.model is None
        assert "Opening the database" in str(screen.query_one("#day-summary").render())
        assert not screen.query(AgendaTable)
        release.set()
        await _until(pilot, lambda: app.store is not None and app.screen is not screen)
        await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_glance_fits_the_terminal(demo_store, db_path, clock, size) -> None:  # noqa: ANN001
    opener, release = _held_opener(demo_store)
    app = _app(demo_store, db_path, clock, opener)
    async with app.run_test(size=size) as pilot:
        glance = app.screen
        await _until(pilot, lambda: glance.model is not None and glance.query(AgendaTable))
        await pilot.pause()
        table = glance.query_one(AgendaTable)
        assert table.region.width <= size[0] and table.row_count >= 5
        release.set()
        await _until(pilot, lambda: isinstance(app.screen, DayScreen))
        await settle(pilot)
