"""F10 on the agreement with no later day (issue 21, item 18): the dialog carries the first
case's roster over as a proposal (unticking a line re-checks the roster rules), the meeting
length, and makes the new day from a date, warning of a weekend."""

from __future__ import annotations

from datetime import date

from sqlmodel import select
from textual.widgets import Input, SelectionList, Static

from coordinator.screens.second_conversation import SecondConversationDialog
from coordinator.store import agreements
from coordinator.store.models import Case, StepUpDay
from coordinator.store.roster import roster_lines
from tests.second_conversation_data import first_case as make_first_case
from tests.ui.test_agreement_screen import open_agreement, settle


def first_case(store) -> int:
    """The shared first case (tests/second_conversation_data.py) with a draft agreement to
    open."""
    case_id = make_first_case(store)
    agreements.ensure_draft(store, case_id)
    return case_id


def text_of(dialog, selector: str) -> str:
    return str(dialog.query_one(selector, Static).render())


async def test_no_later_day_the_dialog_makes_one_with_the_roster_proposed(store, make_app) -> None:
    case_id = first_case(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press("f10")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SecondConversationDialog)
        roster = dialog.query_one(SelectionList)
        assert roster.option_count == 4 and len(roster.selected) == 4
        assert dialog.query_one("#second-minutes", Input).value == "30"
        assert "nothing missing" in text_of(dialog, "#second-findings")
        # Untick the nurse (the last line): the health professional is missing now.
        await pilot.press("end", "space")
        await pilot.pause()
        assert len(roster.selected) == 3
        assert "health" in text_of(dialog, "#second-findings").lower()
        date_field = dialog.query_one("#second-date", Input)
        date_field.focus()
        await pilot.press("ctrl+u", *"2027-01-09")  # a Saturday
        await pilot.pause()
        assert "weekend" in text_of(dialog, "#second-date-warning")
        await pilot.press("ctrl+u", *"2027-01-07")
        await pilot.pause()
        assert text_of(dialog, "#second-date-warning") == ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
    with store.session() as session:
        day = session.exec(select(StepUpDay).where(StepUpDay.date == date(2027, 1, 7))).one()
        second = session.exec(select(Case).where(Case.day_id == day.id)).one()
    assert (second.previous_case_id, second.meeting_minutes) == (case_id, 30)
    names = sorted(line.display_name for line in roster_lines(store, second.id))
    assert names == ["Anders Lund", "Jonas Berg", "Mads Eriksen"]


async def test_escape_writes_nothing(store, make_app) -> None:
    case_id = first_case(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agreement(app, pilot, case_id)
        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, SecondConversationDialog)
        await pilot.press("escape")
        await settle(pilot)
    with store.session() as session:
        assert len(session.exec(select(StepUpDay)).all()) == 1
        assert session.exec(select(Case).where(Case.previous_case_id == case_id)).first() is None
