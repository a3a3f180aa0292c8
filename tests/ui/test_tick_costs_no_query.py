"""The day screen's clock (issue 19): its tick every second re-predicts the day from what was
read and asks the store nothing, whether nothing runs, a meeting runs or it runs over time;
and a tick that changes nothing on the screen updates no widget (each update lays the screen
out again, every second). Every statement on the store's engine is watched meanwhile."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Static

from coordinator.screens.day import DayScreen
from coordinator.store.cases import get_case
from coordinator.store.days import list_days, load_day
from tests.conftest import TEST_DAY
from tests.statements import statements
from tests.ui.test_day_screen import settle


def at(hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return datetime(TEST_DAY.year, TEST_DAY.month, TEST_DAY.day, int(hours), int(minutes))


async def test_ticks_ask_the_store_nothing(demo_store, make_app, clock) -> None:
    day, _count = list_days(demo_store)[0]
    first = load_day(demo_store, day.id).cases[0].case.id
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DayScreen)
        with statements(demo_store) as seen:  # nothing runs yet: the clock of the day
            for _second in range(30):
                clock.advance(seconds=1)
                screen.tick()
        assert seen == []

        clock.set(at("08:30"))
        await pilot.press("space")  # the first pre-meeting starts
        await settle(pilot)
        assert get_case(demo_store, first).status == "pre-meeting"
        with statements(demo_store) as seen:  # it runs, then runs over time
            for _second in range(40 * 60):
                clock.advance(seconds=1)
                screen.tick()
        assert seen == []
        assert "OVER TIME" in str(screen.query_one("#timer-hint", Static).render())


async def test_a_tick_that_changes_nothing_updates_no_text(demo_store, make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DayScreen)
        updated: list[str] = []
        for static in screen.query(Static):
            original = static.update

            def spy(*args, _original=original, _id=static.id, **kwargs) -> None:  # noqa: ANN002, ANN003
                updated.append(str(_id))
                _original(*args, **kwargs)

            static.update = spy  # type: ignore[method-assign]
        clock.advance(timedelta(seconds=1))  # within the same minute: the digits show 08:00
        screen.tick()
        screen.tick()
        assert updated == []
