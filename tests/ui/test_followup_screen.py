"""The follow-up screen with real keys: from the days list, filter as you type, views, mark
items started/done/dropped, open the agreement; the case's ratings and outcome from F3."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from coordinator.domain.followup import OutcomeCategory, ProgressStatus
from coordinator.screens.agreement import AgreementScreen
from coordinator.screens.case_followup import CaseFollowupDialog
from coordinator.screens.days import DaysScreen
from coordinator.screens.followup import FollowupScreen
from coordinator.store.followup import followup_items
from coordinator.store.outcomes import outcome_of
from coordinator.store.progress import item_history
from coordinator.store.ratings import ratings_of
from tests.conftest import TEST_DAY
from tests.followup_data import hold_meeting
from tests.ui.test_day_screen import settle


def _texts(screen) -> list[str]:
    table = screen.query_one("#followup", DataTable)
    return [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]


async def _open_followup(app, pilot) -> FollowupScreen:
    await settle(pilot)
    assert isinstance(app.screen, DaysScreen)
    assert "items overdue" in str(app.screen.query_one("#days-reminder").render())
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(app.screen, FollowupScreen)
    return app.screen


async def test_filter_views_and_progress(store, clock, make_app) -> None:
    held = hold_meeting(store, clock)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_followup(app, pilot)
        assert _texts(screen) == ["Samtale om angst", "Følges første dag", "Søger tre jobs"]
        # Filter as you type: "/" goes to the filter, Enter back to the list.
        await pilot.press("slash", *"helle")
        assert _texts(screen) == ["Samtale om angst"]
        await pilot.press("ctrl+a", "ctrl+k", *"intervention")  # by kind
        assert _texts(screen) == ["Samtale om angst"]
        await pilot.press("ctrl+a", "ctrl+k", "enter")
        assert screen.query_one("#followup", DataTable).has_focus
        await pilot.press("v")  # overdue
        assert _texts(screen) == ["Samtale om angst", "Følges første dag"]
        # Started, with the date it actually started.
        await pilot.press("s")
        await pilot.press("ctrl+a", "ctrl+k", *"10/12", "enter")
        await settle(pilot)
        history = item_history(store, held.items[1])
        assert history.status is ProgressStatus.STARTED
        assert history.started_on == TEST_DAY + timedelta(days=7)
        assert _texts(screen) == ["Følges første dag"], "started is no longer overdue"
        # Dropped needs a reason; the reason is shown literally.
        await pilot.press("x", "enter")
        assert app.screen is not screen, "the dialog stays open without a reason"
        await pilot.press(*"[b]flyttet[/b]", "enter")  # the reason field has the focus
        await settle(pilot)
        assert item_history(store, held.items[0]).status is ProgressStatus.DROPPED
        assert _texts(screen) == []
        await pilot.press("v", "v")  # mine: asks who, once
        await settle(pilot)
        await pilot.press(*"Jonas Berg", "enter")
        await settle(pilot)
        assert screen.view == "mine"
        await pilot.press("v")  # all
        assert _texts(screen) == ["Samtale om angst", "Søger tre jobs"]
        await pilot.press("d")
        await pilot.press("enter")
        await settle(pilot)
        assert [i.text for i in followup_items(store, clock.now().date())] == ["Søger tre jobs"]
        # Enter opens the case's agreement, read-only since it is final.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgreementScreen) and app.screen.case_id == held.case


async def test_a_note_with_markup_is_shown_literally(store, clock, make_app) -> None:
    hold_meeting(store, clock)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_followup(app, pilot)
        await pilot.press("n", *"[red]ring[/red] først", "enter")
        await settle(pilot)
        detail = str(screen.query_one("#followup-detail").render())
        assert "[red]ring[/red] først" in detail


async def test_ratings_and_outcome_from_the_case(store, clock, make_app) -> None:
    held = hold_meeting(store, clock, days_later=91)
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await _open_followup(app, pilot)
        await pilot.press("f3")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CaseFollowupDialog)
        await pilot.press("r", *"9", "tab", *"8", "tab", *"9", "tab", *"8,5", "enter")
        await settle(pilot)
        await pilot.press("e", *"5", "tab", *"6", "tab", *"6", "tab", *"5", "enter")
        await settle(pilot)
        ratings = ratings_of(store, held.case)
        assert [(r.kind.value, r.total) for r in ratings] == [("session", 34.5), ("outcome", 22)]
        assert "below 36" in str(dialog.query_one("#case-flag").render())
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("enter", "down", "down", "down", "down", "enter")  # Internship
        await pilot.press("tab", "enter", "down", "down", "enter")  # Partly
        await pilot.press("ctrl+s")
        await settle(pilot)
        outcome = outcome_of(store, held.case)
        assert outcome.category is OutcomeCategory.INTERNSHIP and outcome.at_workplace
        assert outcome.problem_solved.value == "partly"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_a_rating_out_of_range_is_refused_in_the_dialog(store, clock, make_app) -> None:
    held = hold_meeting(store, clock)
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await _open_followup(app, pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("r", *"11", "tab", *"8", "tab", *"9", "tab", *"8", "enter")
        await settle(pilot)
        assert "11" in str(app.screen.query_one(".dialog-error").render())
        await pilot.press("escape")
        await settle(pilot)
        assert ratings_of(store, held.case) == []
        assert isinstance(app.screen, CaseFollowupDialog)


async def test_the_filter_searches_what_is_shown_initials_or_names(store, clock, make_app) -> None:
    """The filter finds what `matches` finds, with the citizen's initials or (after `c`) the
    name: the folded text of every item is prepared in the read thread, one for each."""
    from coordinator.screens.followup_filter import matches

    hold_meeting(store, clock)
    items = followup_items(store, clock.now().date())
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await _open_followup(app, pilot)
        shown_first = _texts(screen)

        def expected(word: str, names: bool) -> list[str]:
            return [
                t
                for t in shown_first
                if any(i.text == t and matches(i, [word], names) for i in items)
            ]

        for names in (False, True):
            for word in ("eriksen", "me", "angst"):
                await pilot.press("slash", "ctrl+a", "ctrl+k", *word)
                await settle(pilot)
                assert _texts(screen) == expected(word, names), (word, names)
            await pilot.press("ctrl+a", "ctrl+k", "enter", "c")
            await settle(pilot)
        assert expected("eriksen", True) != expected("eriksen", False), "the test tells them apart"
