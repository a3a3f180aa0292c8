"""Withdrawing a referral from the queue screen with a reason (w, the reason, enter); escape
leaves it waiting."""

from __future__ import annotations

from coordinator.screens.day_questions import ReasonDialog
from coordinator.store.referrals import list_referrals
from tests.ui.test_day_screen import settle
from tests.ui.test_queue_screen import fill, open_queue


async def test_withdraw_a_referral_with_a_reason(store, make_app) -> None:
    fill(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        queue = await open_queue(pilot)
        first = queue.selected_id()
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert first in {r.id for r in list_referrals(store)}, "escape: still waiting"
        await pilot.press("w", *"Fik job", "enter")
        await settle(pilot)
        assert app.screen is queue
        waiting = {r.id for r in list_referrals(store)}
        assert first not in waiting
        withdrawn = [r for r in list_referrals(store, everything=True) if r.id == first]
        assert withdrawn[0].status == "withdrawn"
        assert len(queue.referrals) == len(waiting)
