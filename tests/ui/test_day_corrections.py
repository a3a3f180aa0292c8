"""The day screen's corrections, pressing real keys: edit a case (the roster findings change),
edit the day (an invited meeting that moves asks first and is marked moved), move a case to
another day (a full day and a held case refused in one line), delete a case or the day and
undo it, and the reasons of absent, cancelled and absent-but-held."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Checkbox, Input, Static

from coordinator.screens.day import DayScreen
from coordinator.screens.day_corrections import (
    EditCaseDialog,
    EditDayDialog,
    MoveCaseDialog,
    ReasonDialog,
)
from coordinator.screens.day_dialogs import ConfirmDialog
from coordinator.screens.days import DaysScreen
from coordinator.store import timing
from coordinator.store.case_edits import case_details
from coordinator.store.cases import get_case
from coordinator.store.day_model import day_model, day_summaries
from coordinator.store.days import DayInput, create_day
from coordinator.store.models import InvitationState
from tests.conftest import TEST_DAY
from tests.ui.test_day_screen import at, case_ids, notifications, settle


async def type_into(pilot, field: Input, text: str) -> None:
    """Empty a field and type `text` into it with real key presses."""
    field.focus()
    field.value = ""
    await pilot.press(*text) if text else None


async def select(pilot, case_id: int) -> None:
    """Move the agenda's cursor onto the case with the arrow keys."""
    screen = pilot.app.screen
    ids = [c.id for c in screen.model.cases]
    for _ in range(10):
        selected = screen.selected_case_id()
        if selected == case_id:
            return
        key = "up" if selected is None or ids.index(selected) > ids.index(case_id) else "down"
        await pilot.press(key)
    raise AssertionError(f"case {case_id} not reached")


def findings(store, case_id: int) -> set[str]:
    case = day_model(store, 1).case(case_id)
    assert case is not None and case.readiness is not None
    return {f.code for f in case.readiness.findings}


async def test_edit_a_case_changes_its_challenges_and_the_findings(demo_store, make_app) -> None:
    store = demo_store
    ids = case_ids(store)
    before = findings(store, ids[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DayScreen)
        await pilot.press("i")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditCaseDialog)
        assert dialog.query_one("#citizen", Input).value == "Mads Eriksen"
        assert str(dialog.query_one("#jobbroker").value) == "Jonas Berg"
        dialog.query_one("#challenge-family", Checkbox).focus()
        await pilot.press("space")  # family, too
        await type_into(pilot, dialog.query_one("#trigger", Input), "Praktik")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        details = case_details(store, ids[0])
        assert set(details.challenges) == {"health", "family"}
        assert details.trigger == "Praktik"
        after = findings(store, ids[0])
        assert after != before, "the roster rules ran again"
        assert screen.selected_case_id() == ids[0], "the cursor stays on the case"
        assert any("Roster" in n for n in notifications(app))


async def test_edit_the_day_asks_before_moving_invited_meetings(demo_store, make_app) -> None:
    store = demo_store
    ids = case_ids(store)
    with store.session() as session:  # the last case's invitation went out
        session.add(InvitationState(case_id=ids[4], part="meeting", updated_at=at("07:00")))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("down", "down", "d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditDayDialog)
        assert dialog.query_one("#breaks", Input).value == "11:30-12:00"
        await type_into(pilot, dialog.query_one("#breaks", Input), "12:00-12:45")
        await type_into(pilot, dialog.query_one("#latest", Input), "13:00")
        await pilot.press("enter")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog), "an invited meeting moves: asked first"
        assert "Kasper Møller" in str(question.query_one("#question", Static).render())
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is dialog
        assert day_model(store, 1).plan.breaks[0].start.hour == 11, "nothing changed on no"
        await pilot.press("ctrl+s", "y")
        await settle(pilot)
        assert app.screen is screen
        plan = day_model(store, 1).plan
        assert [(f"{b.start:%H:%M}", f"{b.latest_start:%H:%M}") for b in plan.breaks] == [
            ("12:00", "13:00")
        ]
        assert get_case(store, ids[4]).moved_from is not None, "marked moved"
        assert screen.selected_case_id() == ids[2], "the cursor stays where it was"


async def test_edit_the_day_shows_a_typing_error_in_the_dialog(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        await type_into(pilot, dialog.query_one("#start", Input), "25:00")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert dialog.query_one("#error", Static).display
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)


async def test_move_a_case_to_the_next_day(demo_store, make_app) -> None:
    store = demo_store
    ids = case_ids(store)
    create_day(store, DayInput(TEST_DAY + timedelta(days=1), breaks=()))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("down", "v")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MoveCaseDialog)
        await type_into(pilot, dialog.query_one("#position", Input), "1")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert case_ids(store) == [ids[0], *ids[2:]]
        assert get_case(store, ids[1]).day_id == 2
        assert screen.selected_case_id() == ids[2], "the cursor goes to the next case"


async def test_a_move_onto_a_full_day_or_of_a_held_case_is_refused(
    demo_store, make_app, clock
) -> None:
    store = demo_store
    ids = case_ids(store)
    create_day(store, DayInput(TEST_DAY + timedelta(days=1), start=at("15:20").time(), breaks=()))
    timing.start_meeting(store, ids[0])
    timing.end_meeting(store, ids[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await select(pilot, ids[0])
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen), "a held case does not open the dialog"
        assert any("can no longer move" in n for n in notifications(app))
        await select(pilot, ids[1])
        await pilot.press("v")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MoveCaseDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog
        error = str(dialog.query_one("#error", Static).render())
        assert "full" in error and "\n" not in error
        assert get_case(store, ids[1]).day_id == 1


async def test_delete_a_case_and_undo_it(demo_store, make_app) -> None:
    store = demo_store
    ids = case_ids(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("down", "delete")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        text = str(question.query_one("#question", Static).render())
        assert "Sara Jensen" in text and "roster lines" in text and "Undo with u" in text
        await pilot.press("y")
        await settle(pilot)
        assert case_ids(store) == [ids[0], *ids[2:]]
        assert screen.selected_case_id() == ids[2]
        await pilot.press("u")
        await settle(pilot)
        assert case_ids(store) == ids
        assert screen.selected_case_id() == ids[1], "the cursor is on the case put back"


async def test_a_held_meeting_cannot_be_deleted(demo_store, make_app) -> None:
    store = demo_store
    ids = case_ids(store)
    timing.start_meeting(store, ids[0])
    timing.end_meeting(store, ids[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await select(pilot, ids[0])
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert any("only cancelled" in n for n in notifications(app))
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert case_ids(store) == ids


async def test_delete_the_day_and_undo_it_from_the_list(demo_store, make_app) -> None:
    store = demo_store
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "5 cases" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DaysScreen)
        assert day_summaries(store) == []
        await pilot.press("u")
        await settle(pilot)
        assert [d.cases for d in day_summaries(store)] == [5]


async def test_absent_cancelled_and_held_carry_the_reason_typed(
    demo_store, make_app, clock
) -> None:
    store = demo_store
    ids = case_ids(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("down", "a")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"Syg barn", "enter")
        await settle(pilot)
        assert get_case(store, ids[1]).status == "absent"
        assert get_case(store, ids[1]).status_reason == "Syg barn"
        assert screen.selected_case_id() == ids[1]
        await pilot.press("down", "c", *"Flyttet", "enter")
        await settle(pilot)
        assert (get_case(store, ids[2]).status, get_case(store, ids[2]).status_reason) == (
            "cancelled",
            "Flyttet",
        )
        await select(pilot, ids[0])
        await pilot.press("m")  # the first case's meeting starts
        await settle(pilot)
        clock.set(at("08:40"))
        await pilot.press("h", *"Kom ikke", "enter")
        await settle(pilot)
        case = get_case(store, ids[0])
        assert (case.status, case.status_reason) == ("absent-held", "Kom ikke")
        assert screen.selected_case_id() == ids[0]
        await select(pilot, ids[3])
        await pilot.press("a", "escape")  # escape: nothing changes
        await settle(pilot)
        assert get_case(store, ids[3]).status == "planned"


async def test_batching_asks_before_moving_invited_cases(demo_store, make_app) -> None:
    from coordinator.screens.day_corrections import InvitedChoiceDialog
    from coordinator.store.batching import propose_batch

    store = demo_store
    ids = case_ids(store)
    with store.session() as session:  # the last case's invitation went out
        session.add(InvitationState(case_id=ids[4], part="meeting", updated_at=at("07:00")))
    free = propose_batch(store, 1, keep_invited=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, InvitedChoiceDialog)
        await pilot.press("escape")  # neither: nothing happens
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("k")  # keep their times: the proposal says so
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "keep their times" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("n")
        await settle(pilot)
        assert case_ids(store) == ids
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("m")  # let them move
        await settle(pilot)
        assert "marked moved" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("y")
        await settle(pilot)
        assert tuple(case_ids(store)) == free.order
        assert get_case(store, ids[4]).moved_from == at("13:00")
