"""The referral queue screen: opened from the days list, a referral planned onto a day with
room, a new referral added, and a referral planned meanwhile refused in the dialog."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from coordinator.domain.vocab import ChallengeKind
from coordinator.screens.days import DaysScreen
from coordinator.screens.queue import QueueScreen
from coordinator.screens.queue_dialogs import AddReferralDialog, PlanReferralDialog
from coordinator.store.days import DayInput, create_day
from coordinator.store.referrals import ReferralInput, add_referral, list_referrals, plan_referral
from tests.conftest import TEST_DAY
from tests.ui.test_day_screen import settle


def fill(store) -> None:
    create_day(store, DayInput(TEST_DAY + timedelta(days=5)))
    today = store.now().date()
    add_referral(store, ReferralInput("Lone Skov", (ChallengeKind.HEALTH,), reason="Sygemeldt"))
    add_referral(
        store, ReferralInput("Ib Holm", urgent=True, referred_on=today - timedelta(days=12))
    )


async def open_queue(pilot) -> QueueScreen:
    await settle(pilot)
    assert isinstance(pilot.app.screen, DaysScreen)
    await pilot.press("k")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, QueueScreen)
    return screen


async def test_plan_the_urgent_referral_and_add_one(store, make_app) -> None:
    fill(store)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_queue(pilot)
        table = screen.query_one("#queue", DataTable)
        assert table.row_count == 2
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[0] == "Ib Holm" and first[3] == "urgent" and first[5] == "12"
        assert "room for" not in str(screen.query_one("#queue-days", Static).render())
        assert "08.12 Tue (7 places free)" in str(screen.query_one("#queue-days", Static).render())

        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PlanReferralDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        assert [r.citizen for r in list_referrals(store)] == ["Lone Skov"]
        assert table.row_count == 1

        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, AddReferralDialog)
        await pilot.press("ctrl+s")  # no name: refused in the dialog
        await settle(pilot)
        assert "citizen's name" in str(app.screen.query_one("#error", Static).render())
        await pilot.press(*"Ole Bak")
        await pilot.click("#challenge-family")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
        added = [r for r in list_referrals(store) if r.citizen == "Ole Bak"]
        assert added and added[0].challenges == (ChallengeKind.FAMILY,)
        assert table.row_count == 2


async def test_a_referral_planned_meanwhile_is_refused_in_the_dialog(store, make_app) -> None:
    fill(store)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_queue(pilot)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PlanReferralDialog)
        plan_referral(store, dialog.referral.id, dialog.days[0].id)  # from another program
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        assert "not waiting" in str(dialog.query_one("#error", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, QueueScreen)
