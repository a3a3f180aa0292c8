"""The yes/no question answers to the keys of the app's language (defect 4 of the last
session): in Danish j (Ja) and n (Nej), shown in the footer and on the buttons, with y kept as
a silent alias (it means nothing else there, so it is harmless); in English y and n."""

from __future__ import annotations

from textual.widgets import Button

from coordinator.screens.day_dialogs import ConfirmDialog
from tests.ui.test_day_corrections import case_ids
from tests.ui.test_day_screen import settle


def _shown_keys(app) -> dict[str, str]:
    return {
        key: active.binding.description
        for key, active in app.active_bindings.items()
        if active.binding.show and active.binding.action.startswith("answer")
    }


async def _ask_to_delete_the_second_case(app, pilot, move: bool = True) -> ConfirmDialog:
    """Delete on the second case (the cursor moves there first, or is there already)."""
    await settle(pilot)
    await pilot.press(*(["down"] if move else []), "delete")
    await settle(pilot)
    question = app.screen
    assert isinstance(question, ConfirmDialog)
    return question


async def test_danish_answers_with_j_and_n(demo_store, make_app) -> None:
    ids = case_ids(demo_store)
    app = make_app(language="da")
    async with app.run_test(size=(80, 24)) as pilot:
        question = await _ask_to_delete_the_second_case(app, pilot)
        assert list(_shown_keys(app).items()) == [("j", "Ja"), ("n", "Nej")], "in this order"
        assert "j" in str(question.query_one("#yes", Button).label).lower()
        assert "n" in str(question.query_one("#no", Button).label).lower()
        await pilot.press("n")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert case_ids(demo_store) == ids, "Nej changes nothing"
        await _ask_to_delete_the_second_case(app, pilot, move=False)
        await pilot.press("j")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert case_ids(demo_store) == [ids[0], *ids[2:]], "Ja deletes"


async def test_danish_keeps_y_as_a_silent_alias(demo_store, make_app) -> None:
    ids = case_ids(demo_store)
    app = make_app(language="da")
    async with app.run_test(size=(80, 24)) as pilot:
        await _ask_to_delete_the_second_case(app, pilot)
        await pilot.press("y")
        await settle(pilot)
        assert case_ids(demo_store) == [ids[0], *ids[2:]]


async def test_english_answers_with_y_and_n(demo_store, make_app) -> None:
    ids = case_ids(demo_store)
    app = make_app(language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        question = await _ask_to_delete_the_second_case(app, pilot)
        assert _shown_keys(app) == {"y": "Yes", "n": "No"}
        assert "y" in str(question.query_one("#yes", Button).label).lower()
        await pilot.press("j")
        await settle(pilot)
        assert app.screen is question, "j means nothing in English"
        await pilot.press("y")
        await settle(pilot)
        assert case_ids(demo_store) == [ids[0], *ids[2:]]
