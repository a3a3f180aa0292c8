"""The recovery offer at start does not keep today's day from opening (defect 2 of the last
session): once the offer is answered (restore, delete or later), the app goes on to the day
it would have opened, whichever of the two (the offer, the day lookup) came first."""

from __future__ import annotations

import threading

import pytest

from coordinator.screens.day import DayScreen
from coordinator.screens.days import DaysScreen
from coordinator.screens.recovery_dialog import RestoreDialog
from coordinator.store import day_pages
from coordinator.store.recovery import FormTyping, keep, kept
from tests.conftest import TEST_NOW
from tests.ui.test_agreement_screen import settle


def _kept_typing(store) -> None:
    typing = FormTyping("agreement", 1, [("notes", "kept typing", "", "Notes")])
    assert keep(store, [typing], TEST_NOW) is not None


async def _offer_first(app, pilot, monkeypatch) -> None:
    """Hold the day lookup until the offer is on screen: the order the defect needs."""
    shown = threading.Event()
    real = day_pages.day_on

    def day_on(store, on):
        shown.wait(10)
        return real(store, on)

    monkeypatch.setattr(day_pages, "day_on", day_on)
    for _ in range(200):
        await pilot.pause(0.02)
        if isinstance(app.screen, RestoreDialog):
            break
    assert isinstance(app.screen, RestoreDialog)
    shown.set()
    await settle(pilot)
    assert isinstance(app.screen, RestoreDialog), "the offer stays until it is answered"


@pytest.mark.parametrize("key", ["r", "x", "escape"])
async def test_todays_day_opens_after_the_offer_is_answered(
    demo_store, make_app, monkeypatch, key
) -> None:
    _kept_typing(demo_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _offer_first(app, pilot, monkeypatch)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert [type(s) for s in app.screen_stack[-2:]] == [DaysScreen, DayScreen]
    assert (kept(demo_store) is None) == (key != "escape")


async def test_the_offer_over_todays_day_when_the_day_came_first(demo_store, make_app) -> None:
    _kept_typing(demo_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
