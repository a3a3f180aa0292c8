"""The lists' warm-up (screens/warm_up.py, issue 19): once the first day is shown, their CSS is
in the app's stylesheet (their first push then restyles only the new screen) and their queries
have run once on (almost) no rows, which changes nothing the lists then show."""

from __future__ import annotations

from coordinator.screens.days import DaysScreen
from coordinator.screens.followup import FollowupScreen
from coordinator.screens.stats import StatsScreen
from coordinator.screens.warm_up import _compile_queries, _read_css
from tests.followup_data import hold_meeting
from tests.ui.test_day_screen import settle


async def test_the_lists_css_is_read_once_and_their_queries_run(store, clock, make_app) -> None:
    hold_meeting(store, clock)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        _read_css(app)
        for screen in (FollowupScreen(), StatsScreen()):
            assert all(app.stylesheet.has_source(str(path), "") for path in screen.css_path)
        rules = len(app.stylesheet.rules)
        _read_css(app)  # read once: a second call adds nothing
        assert len(app.stylesheet.rules) == rules
        _compile_queries(app)
        assert isinstance(app.screen, DaysScreen)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FollowupScreen)
        assert app.screen.query_one("#followup").row_count == 3, "the list shows every item"
        await pilot.press("escape", "s")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen) and app.screen.stats is not None


async def test_after_the_warm_up_the_heap_is_frozen_until_the_app_ends(
    store, clock, make_app, monkeypatch
) -> None:
    """What the start made stays: the warm-up collects once and freezes the rest
    (screens/heap.py), so no list waits for a full collection; the end releases it."""
    import asyncio
    import gc

    from coordinator.screens import warm_up

    monkeypatch.setattr(warm_up, "AFTER", 0.01)
    hold_meeting(store, clock)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        for _ in range(200):
            if gc.get_freeze_count() and not any(
                worker.group == "warm-up" for worker in app.workers
            ):
                break
            await asyncio.sleep(0.05)
        assert gc.get_freeze_count() > 0
        assert not any(held is app for held in gc.get_objects()), "no collection walks the app"
    assert gc.get_freeze_count() == 0
