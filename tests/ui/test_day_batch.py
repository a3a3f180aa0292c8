"""The day screen's batching key: the proposal with the professionals' minutes, applied on
yes, left alone on no."""

from __future__ import annotations

from textual.widgets import Static

from coordinator.screens.day import DayScreen
from coordinator.screens.day_dialogs import ConfirmDialog
from coordinator.store.batching import propose_batch
from tests.ui.test_day_screen import case_ids, settle


async def test_s_shows_the_proposal_and_applies_it_on_yes(demo_store, make_app) -> None:
    store = demo_store
    before = case_ids(store)
    view = propose_batch(store, 1)
    assert view.changes
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = str(app.screen.query_one("#question", Static).render())
        assert f"{view.now_minutes} min now, {view.proposed_minutes} min" in text
        assert "Jonas Berg: 330 → 180 min" in text
        await pilot.press("n")
        await settle(pilot)
        assert case_ids(store) == before
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert tuple(case_ids(store)) == view.order
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert any("already the best" in str(n.message) for n in app._notifications)  # noqa: SLF001
