"""F5 names a due date before the meeting and leads to it (issue 21, item 20)."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from coordinator.domain.vocab import ItemKind
from coordinator.screens.agreement_dialogs import FinaliseProblemsDialog
from coordinator.store import agreements
from coordinator.widgets.item_editor import ItemEditor
from tests.ui.test_agreement_screen import new_case, open_agreement, saved, settle


async def test_f5_names_the_early_due_date_and_goes_to_it(store, make_app) -> None:
    case_id = new_case(store)
    agreements.set_fields(store, case_id, job_goal="Kok", goal_date=date(2027, 2, 1))
    agreements.add_item(
        store, case_id, ItemKind.SUPPORT, "Sofie følger med", "Sofie", date(2020, 1, 15)
    )
    app = make_app(language="da")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, FinaliseProblemsDialog)
        (problem,) = app.screen.problems
        assert problem.code == "due-before-meeting" and "15.01.2020" in problem.message
        await pilot.press("enter")
        await pilot.pause()
        editor = screen.query_one(ItemEditor)
        due = editor.query_one(".item-due", Input)
        assert screen.focused is due
        await pilot.press(*"15/12")
        await saved(pilot, screen)
        await pilot.press("f5")
        await settle(pilot)
        assert not isinstance(app.screen, FinaliseProblemsDialog)
    assert agreements.latest(store, case_id).status == "final"
