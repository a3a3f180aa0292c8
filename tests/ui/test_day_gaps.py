"""The day screen shows the empty time a case that no longer fits before lunch leaves, and `l`
uses it: the lunch moves earlier or a later case is pulled in (issue 21, item 16). An overrun
through a fixed lunch says so."""

from __future__ import annotations

from datetime import time

from textual.widgets import DataTable, OptionList, Static

from coordinator.screens.day import DayScreen
from coordinator.screens.day_dialogs import ConfirmDialog
from coordinator.screens.day_gaps import GapDialog
from coordinator.store import timing
from coordinator.store.day_model import day_model
from tests.gap_data import gap_day
from tests.ui.test_day_screen import at, settle


def agenda_text(app) -> str:
    """The agenda's words, lines joined (a narrow agenda wraps a gap's or break's words)."""
    table = app.screen.query_one("#agenda", DataTable)
    cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
    return " ".join(" ".join(cells).split())


async def open_gap_dialog(pilot) -> GapDialog:
    await pilot.press("l")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, GapDialog)
    return dialog


async def test_the_gap_is_a_row_and_a_later_case_is_pulled_into_it(store, make_app) -> None:
    day_id, ids = gap_day(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert "Gap 10:30–11:00 (30 min)" in agenda_text(app)
        dialog = await open_gap_dialog(pilot)
        options = dialog.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels == [
            "Move the lunch earlier, into the gap",
            "Pull the case of Dina (12:30) into the gap",
        ]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question", Static).render())
        assert "Move the case of Dina from 12:30 to 10:30?" in question
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        model = day_model(store, day_id)
        assert [c.id for c in model.cases] == [ids[0], ids[1], ids[3], ids[2]]
        assert model.schedule().slot(ids[3]).planned_start == at("10:30")
        assert "Gap" not in agenda_text(app)
        assert app.screen.selected_case_id() == ids[3]


async def test_the_lunch_moves_into_the_gap_on_yes_only(store, make_app) -> None:
    day_id, ids = gap_day(store)
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await open_gap_dialog(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question", Static).render())
        assert "Move the lunch to 10:30?" in question
        assert "Carl: 11:30 → 11:00" in question
        await pilot.press("n")
        await settle(pilot)
        assert day_model(store, day_id).plan.breaks[0].start == time(11)
        await open_gap_dialog(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        model = day_model(store, day_id)
        assert (model.plan.breaks[0].start, model.plan.breaks[0].end) == (time(10, 30), time(11))
        assert model.schedule().slot(ids[2]).planned_start == at("11:00")
        assert "Gap" not in agenda_text(app)


async def test_escape_leaves_the_day_as_it_was(store, make_app) -> None:
    day_id, ids = gap_day(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_gap_dialog(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert [c.id for c in day_model(store, day_id).cases] == ids


async def test_an_overrun_through_the_lunch_says_it_ate_it(store, make_app, clock) -> None:
    _day_id, ids = gap_day(store)
    clock.set(at("10:00"))
    timing.start_pre_meeting(store, ids[0])
    timing.start_meeting(store, ids[0])
    clock.set(at("11:40"))  # Anna's 15-minute meeting has run through the whole lunch
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert "The overrun has eaten the lunch" in agenda_text(app)
