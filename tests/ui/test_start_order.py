"""What the app reads as it opens (issue 19): today's day first and alone; the days list under
it reads itself once, after the day is shown, and so do the palette's cases."""

from __future__ import annotations

from coordinator.app import CoordinatorApp
from coordinator.screens import day as day_screen
from coordinator.screens.day import DayScreen
from coordinator.screens.days import DaysScreen
from coordinator.store import day_model, day_pages
from tests.ui.test_day_screen import settle


async def _opened(app: CoordinatorApp, pilot) -> None:  # noqa: ANN001 - a Pilot
    await settle(pilot)
    for _ in range(100):  # the rest starts once the day is shown
        await settle(pilot)
        if app.palette_cases:
            break


async def test_the_day_opens_first_and_the_list_under_it_reads_once(
    demo_store, clock, monkeypatch
) -> None:  # noqa: ANN001
    calls: list[str] = []
    reads = {
        "day": day_screen.read_day,
        "days": day_pages.days_around,
        "cases": day_model.upcoming_cases,
    }

    def read_day(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append("day")
        return reads["day"](*args, **kwargs)

    def days_around(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append("days list")
        return reads["days"](*args, **kwargs)

    def upcoming_cases(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append("palette")
        return reads["cases"](*args, **kwargs)

    monkeypatch.setattr(day_screen, "read_day", read_day)
    monkeypatch.setattr(day_pages, "days_around", days_around)
    monkeypatch.setattr(day_model, "upcoming_cases", upcoming_cases)
    app = CoordinatorApp(opener=lambda: demo_store, clock=clock, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        assert isinstance(app.screen, DayScreen)
        days = app.screen_stack[-2]
        assert isinstance(days, DaysScreen)
        assert days.days, "the list under the day is read once the day is shown"
        assert calls[0] == "day", calls  # nothing read before today's day
        assert sorted(calls[1:]) == ["days list", "palette"]
        await pilot.press("escape")  # back on the list: it reads itself again when shown
        await settle(pilot)
        assert app.screen is days
        assert calls.count("days list") == 2


async def test_the_rest_starts_when_the_day_says_it_is_shown(
    demo_store, clock, monkeypatch
) -> None:  # noqa: ANN001
    """Not after a fixed wait, nor by asking the day screen again and again: its `DayShown`."""
    from coordinator import app as app_module

    monkeypatch.setattr(app_module, "REST_WAITS_AT_MOST", 3600.0)
    app = CoordinatorApp(opener=lambda: demo_store, clock=clock, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await _opened(app, pilot)
        assert isinstance(app.screen, DayScreen) and app.screen.settled
        assert app.palette_cases, "the palette's cases were read once the day was shown"
        assert app.screen_stack[-2].days, "and the days list under it"
