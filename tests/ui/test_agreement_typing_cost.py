"""What a keystroke in the agreement costs, counted rather than timed (issue 19): the read-back
is rendered when the typing pauses, not at every save; a change to one item re-checks that item
only; and a pasted control character is saved cleaned without looking like someone else's
change (the store cleans it, the autosave must compare with what the store holds)."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from coordinator.domain import agreement_rules
from coordinator.screens.agreement_readback import QUIET, ReadbackPane
from coordinator.store import agreements
from tests.ui.test_agreement_screen import new_case, open_agreement, saved, settle


async def test_a_pasted_control_character_is_saved_cleaned_without_a_conflict(
    store, make_app
) -> None:
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        words = screen.query_one("#citizen-words", TextArea)
        words.focus()
        await pilot.pause()
        app.post_message(events.Paste("Jeg vil\x07 gerne"))  # as the terminal sends it
        await pilot.pause()
        await saved(pilot, screen)
        await pilot.press(*" igen")  # typed after the save: the field's text still holds \x07
        await saved(pilot, screen)
        assert not screen.has_unanswered_conflict
        assert not screen.saver.conflict
        assert "Not saved" not in str(screen.save_state.render())
    assert agreements.latest(store, case_id).citizen_words == "Jeg vil gerne igen"


async def test_typing_in_one_item_checks_that_item_only(store, make_app, monkeypatch) -> None:
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        form = screen.form
        for _n in range(3):  # three items with a text each
            await form.insert_item(form.current_kind, None)
            await pilot.press(*"Tekst")
        await saved(pilot, screen)
        checked: list[str] = []
        real = agreement_rules.item_warnings

        def counting(index, number, item, goal_date, today):  # noqa: ANN001, ANN202
            checked.append(item.text)
            return real(index, number, item, goal_date, today)

        monkeypatch.setattr("coordinator.screens.agreement_form.item_warnings", counting)
        await pilot.press(*" mere")  # into the third item, which has the focus
        assert checked == ["Tekst ", "Tekst m", "Tekst me", "Tekst mer", "Tekst mere"]
        assert screen.query_one("#warnings").display  # its gaps (who, when) are still shown
        await saved(pilot, screen)


async def test_typing_in_the_citizens_words_checks_no_item(store, make_app, monkeypatch) -> None:
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await screen.form.insert_item(screen.form.current_kind, None)
        await pilot.press(*"Tekst")
        checked: list[object] = []
        monkeypatch.setattr(
            "coordinator.screens.agreement_form.item_warnings",
            lambda *args: checked.append(args) or [],
        )
        screen.query_one("#citizen-words", TextArea).focus()
        await pilot.pause()
        await pilot.press(*"Jeg vil")
        assert checked == []
        await saved(pilot, screen)


async def test_the_read_back_is_rendered_at_the_pause_not_at_each_save(store, make_app) -> None:
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        pane = screen.query_one(ReadbackPane)
        renders = pane.renders
        words = screen.query_one("#citizen-words", TextArea)
        words.focus()
        await pilot.pause()
        # Saves written while the typing goes on: each marks the read-back stale, none renders.
        for word in ("Jeg ", "vil ", "gerne"):
            words.insert(word)
            pane.typing()  # what each keystroke does (the form's Edited message)
            screen.saver.flush()
            pane.stale()  # what each written save does (SaveState.Saved)
            assert pane.renders == renders
        assert pane.pending
        await pilot.pause(QUIET)  # the pause: one rendering, of everything saved
        await settle(pilot)
        while pane.pending:
            await pilot.pause(0.05)
            await settle(pilot)
        assert pane.renders == renders + 1
        assert "Jeg vil gerne" in pane.shown_text()
        await saved(pilot, screen)


async def test_no_full_collection_walks_the_loaded_screen_and_leaving_tidies(
    store, make_app, monkeypatch
) -> None:
    """The objects alive when the agreement is loaded are frozen (screens/heap.py): a full
    collection between two keystrokes took up to 340 ms. Leaving tidies once the screen below
    is drawn (what died meanwhile is collected), and the app's end leaves nothing frozen."""
    import gc

    from coordinator.screens import heap

    tidied = []
    monkeypatch.setattr(heap, "tidy", lambda: tidied.append(gc.get_freeze_count()))
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        assert gc.get_freeze_count() > 0
        assert not any(held is screen for held in gc.get_objects()), "no collection walks it"
        await pilot.press(*"Jeg")
        await saved(pilot, screen)
        assert tidied == []
        await pilot.press("escape")
        await settle(pilot)
        await pilot.pause()
        assert app.screen is not screen
        assert len(tidied) == 1 and tidied[0] > 0
    assert gc.get_freeze_count() == 0
