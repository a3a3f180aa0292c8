"""The lists' warm-up (screens/warm_up.py, issue 19): once the first day is shown, their CSS is
in the app's stylesheet (their first push then restyles only the new screen) and what they open
is read ahead, which changes nothing the lists then show; the heap is frozen after it."""

from __future__ import annotations

from coordinator.screens.days import DaysScreen
from coordinator.screens.followup import FollowupScreen
from coordinator.screens.stats import StatsScreen
from coordinator.screens.warm_up import _read_css, _read_lists_ahead
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
        _read_lists_ahead(app)
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


async def test_the_days_list_shown_reads_what_f_and_s_open_ahead(
    store, clock, make_app, monkeypatch
) -> None:
    """store/lists_ahead.py: once the days list has been shown, `s` and `f` find their
    first read done (nothing written since) and show it."""
    import asyncio

    from coordinator.store import followup_page as page_module
    from coordinator.store import statistics as statistics_module

    reads: list[str] = []
    real_page, real_statistics = page_module.followup_page, statistics_module.statistics

    def page(*args):  # noqa: ANN002, ANN202
        reads.append("page")
        return real_page(*args)

    def figures(*args):  # noqa: ANN002, ANN202
        reads.append("stats")
        return real_statistics(*args)

    monkeypatch.setattr(page_module, "followup_page", page)
    monkeypatch.setattr(statistics_module, "statistics", figures)
    hold_meeting(store, clock)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DaysScreen)
        for _ in range(200):  # the days list's worker reads them after its own page
            if {"page", "stats"} <= set(reads) and not any(w.is_running for w in app.workers):
                break
            await asyncio.sleep(0.02)
        assert sorted(reads) == ["page", "stats"]
        reads.clear()
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen) and app.screen.stats is not None
        await pilot.press("escape", "f")
        await settle(pilot)
        assert isinstance(app.screen, FollowupScreen)
        assert app.screen.query_one("#followup").row_count == 3
        assert reads == [], "both were read ahead"
