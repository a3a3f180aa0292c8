"""The statistics screen with real keys: from the days list (s), quick periods (k, y), a
period typed (/), the numbers beside the plots, read in a worker."""

from __future__ import annotations

from textual.widgets import Static

from coordinator.screens.days import DaysScreen
from coordinator.screens.stats import StatsScreen
from tests.ui.test_day_screen import settle
from tests.unit.stats_fixture import build


def _text(screen: StatsScreen, key: str) -> str:
    return str(screen.query_one(f"#stats-{key}", Static).render())


async def test_periods_and_figures(store, clock, make_app) -> None:
    build(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DaysScreen)
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        # The last 12 months: days A, B, C and D (2026-05-04).
        assert "Meetings held: 6" in _text(screen, "cases")
        assert "Citizen absent: 1" in _text(screen, "cases")  # small numbers shown here
        await pilot.press("k")  # this quarter: day C only
        await settle(pilot)
        assert (screen.start.isoformat(), screen.end.isoformat()) == ("2026-10-01", "2026-12-31")
        assert "Meetings held: 2" in _text(screen, "cases")
        assert "No three-month goals due" in _text(screen, "goal")  # not yet due: no data
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"2026-06-01", "enter")
        await pilot.press("ctrl+a", "ctrl+k", *"2026-12-03", "enter")
        await settle(pilot)
        assert "Meetings held: 5" in _text(screen, "cases")
        assert "Median 10.0 · p90 22.0 · worst 25.0" in _text(screen, "overrun")
        assert "Caseworker: 80 % (4/5)" in _text(screen, "attendance")
        await pilot.press("y")
        await settle(pilot)
        assert "Meetings held: 6" in _text(screen, "cases")
        await pilot.press("escape")
        assert isinstance(app.screen, DaysScreen)


async def test_a_backwards_period_is_refused(store, clock, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", "ctrl+a", "ctrl+k", *"2026-12-01", "enter")  # applied
        await settle(pilot)
        await pilot.press("ctrl+a", "ctrl+k", *"2026-01-01", "enter")  # ends before it starts
        await settle(pilot)
        assert (screen.start.isoformat(), screen.end.isoformat()) == ("2026-12-01", "2026-12-03")
        assert "No meetings held in the period." in _text(screen, "attendance")
