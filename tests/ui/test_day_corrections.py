"""The day screen's corrections, pressing real keys: edit a case (the roster findings change),
edit the day (an invited meeting that moves asks first and is marked moved), move a case to
another day (a full day and a held case refused in one line), delete a case or the day and
undo it, and the reasons of absent, cancelled and absent-but-held."""

from __future__ import annotations

from datetime import timedelta
from typing import TypeVar

from textual.screen import Screen
from textual.widgets import Checkbox, Input, Static

from coordinator.screens.day import DayScreen
from coordinator.screens.day_corrections import (
    EditCaseDialog,
    EditDayDialog,
    MoveCaseDialog,
)
from coordinator.screens.day_dialogs import ConfirmDialog
from coordinator.screens.day_questions import ReasonDialog
from coordinator.screens.days import DaysScreen
from coordinator.store import timing
from coordinator.store.case_edits import case_details
from coordinator.store.cases import get_case
from coordinator.store.day_model import day_model, day_summaries
from coordinator.store.days import DayInput, create_day
from coordinator.store.models import InvitationState
from tests.conftest import TEST_DAY
from tests.ui.test_day_screen import at, case_ids, notifications, settle

S = TypeVar("S", bound=Screen)


async def press(pilot, *keys: str) -> Screen:
    """Press the keys, let the workers finish and the screen settle; the screen now on top."""
    await pilot.press(*keys)
    await settle(pilot)
    return pilot.app.screen


async def open_dialog(pilot, kind: type[S], *keys: str) -> S:
    """Press the keys that open a dialog; it must be the dialog on top."""
    dialog = await press(pilot, *keys)
    assert isinstance(dialog, kind), dialog
    return dialog


async def type_into(pilot, field: Input, text: str) -> None:
    """Empty a field and type `text` into it with real key presses."""
    field.focus()
    field.value = ""
    if text:
        await pilot.press(*text)


async def fill(pilot, dialog: Screen, fields: dict[str, str], save: str = "enter") -> Screen:
    """Empty each field (by id), type its text with real key presses, then press `save` and
    settle; the screen now on top."""
    for selector, text in fields.items():
        await type_into(pilot, dialog.query_one(selector, Input), text)
    return await press(pilot, save)


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
        dialog = await open_dialog(pilot, EditCaseDialog, "i")
        assert dialog.query_one("#citizen", Input).value == "Mads Eriksen"
        assert str(dialog.query_one("#jobbroker").value) == "Jonas Berg"
        dialog.query_one("#challenge-family", Checkbox).focus()
        await pilot.press("space")  # family, too
        await fill(pilot, dialog, {"#trigger": "Praktik"})
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
        dialog = await open_dialog(pilot, EditDayDialog, "down", "down", "d")
        assert dialog.query_one("#breaks", Input).value == "11:30-12:00"
        question = await fill(pilot, dialog, {"#breaks": "12:00-12:45", "#latest": "13:00"})
        assert isinstance(question, ConfirmDialog), "an invited meeting moves: asked first"
        assert "Kasper Møller" in str(question.query_one("#question", Static).render())
        await press(pilot, "n")
        assert app.screen is dialog
        assert day_model(store, 1).plan.breaks[0].start.hour == 11, "nothing changed on no"
        await press(pilot, "ctrl+s", "y")
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
        dialog = await open_dialog(pilot, EditDayDialog, "d")
        await fill(pilot, dialog, {"#start": "25:00"})
        assert app.screen is dialog
        assert dialog.query_one("#error", Static).display
        await press(pilot, "escape")
        assert isinstance(app.screen, DayScreen)


async def test_move_a_case_to_the_next_day(demo_store, make_app) -> None:
    store = demo_store
    ids = case_ids(store)
    create_day(store, DayInput(TEST_DAY + timedelta(days=1), breaks=()))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        dialog = await open_dialog(pilot, MoveCaseDialog, "down", "v")
        await fill(pilot, dialog, {"#position": "1"})
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
        await press(pilot, "v")
        assert isinstance(app.screen, DayScreen), "a held case does not open the dialog"
        assert any("can no longer move" in n for n in notifications(app))
        await select(pilot, ids[1])
        dialog = await open_dialog(pilot, MoveCaseDialog, "v")
        await press(pilot, "ctrl+s")
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
        question = await open_dialog(pilot, ConfirmDialog, "down", "delete")
        text = str(question.query_one("#question", Static).render())
        assert "Sara Jensen" in text and "roster lines" in text and "Undo with u" in text
        await press(pilot, "y")
        assert case_ids(store) == [ids[0], *ids[2:]]
        assert screen.selected_case_id() == ids[2]
        await press(pilot, "u")
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
        await press(pilot, "delete")
        assert isinstance(app.screen, DayScreen)
        assert any("only cancelled" in n for n in notifications(app))
        await press(pilot, "D")
        assert isinstance(app.screen, DayScreen)
        assert case_ids(store) == ids


async def test_delete_the_day_and_undo_it_from_the_list(demo_store, make_app) -> None:
    store = demo_store
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        question = await open_dialog(pilot, ConfirmDialog, "D")
        assert "5 cases" in str(question.query_one("#question", Static).render())
        await press(pilot, "y")
        assert isinstance(app.screen, DaysScreen)
        assert day_summaries(store) == []
        await press(pilot, "u")
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
        await open_dialog(pilot, ReasonDialog, "down", "a")
        await press(pilot, *"Syg barn", "enter")
        assert get_case(store, ids[1]).status == "absent"
        assert get_case(store, ids[1]).status_reason == "Syg barn"
        assert screen.selected_case_id() == ids[1]
        await press(pilot, "down", "c", *"Flyttet", "enter")
        assert (get_case(store, ids[2]).status, get_case(store, ids[2]).status_reason) == (
            "cancelled",
            "Flyttet",
        )
        await select(pilot, ids[0])
        await press(pilot, "m")  # the first case's meeting starts
        clock.set(at("08:40"))
        await press(pilot, "h", *"Kom ikke", "enter")
        case = get_case(store, ids[0])
        assert (case.status, case.status_reason) == ("absent-held", "Kom ikke")
        assert screen.selected_case_id() == ids[0]
        await select(pilot, ids[3])
        await press(pilot, "a", "escape")  # escape: nothing changes
        assert get_case(store, ids[3]).status == "planned"


async def test_batching_asks_before_moving_invited_cases(demo_store, make_app) -> None:
    from coordinator.screens.day_questions import InvitedChoiceDialog
    from coordinator.store.batching import propose_batch

    store = demo_store
    ids = case_ids(store)
    with store.session() as session:  # the last case's invitation went out
        session.add(InvitationState(case_id=ids[4], part="meeting", updated_at=at("07:00")))
    free = propose_batch(store, 1, keep_invited=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_dialog(pilot, InvitedChoiceDialog, "s")
        await press(pilot, "escape")  # neither: nothing happens
        assert isinstance(app.screen, DayScreen)
        await press(pilot, "s")
        # Keep their times: the proposal says so.
        question = await open_dialog(pilot, ConfirmDialog, "k")
        assert "keep their times" in str(question.query_one("#question", Static).render())
        await press(pilot, "n")
        assert case_ids(store) == ids
        await press(pilot, "s")
        await press(pilot, "m")  # let them move
        assert "marked moved" in str(app.screen.query_one("#question", Static).render())
        await press(pilot, "y")
        assert tuple(case_ids(store)) == free.order
        assert get_case(store, ids[4]).moved_from == at("13:00")
