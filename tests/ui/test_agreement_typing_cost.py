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
