"""F2 cycles the read-back's layouts; each lays out as named, every time (issue 21, item 14):
the mode filling the screen shows no editor beside it, and after cycling the item text boxes
are as wide as when the screen opened."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea

from coordinator.screens.agreement_readback import ReadbackPane
from tests.ui.test_agreement_screen import open_agreement, settle

#: The demo's first case has a drafted agreement with two items.
DRAFTED_CASE = 1


def layout(screen) -> tuple[str, int | None, int | None, int]:
    """(mode, editor width or None when hidden, read-back width or None, item text width)."""
    editor = screen.form
    pane = screen.query_one(ReadbackPane)
    item_text = screen.query(".item-text").first(TextArea)
    return (
        screen.readback_mode,
        editor.outer_size.width if editor.display else None,
        pane.outer_size.width if pane.display else None,
        item_text.size.width,
    )


@pytest.mark.parametrize("size", [(120, 40), (200, 50)])
async def test_each_readback_mode_lays_out_as_named_every_time(demo_store, make_app, size):
    app = make_app()
    width = size[0]
    async with app.run_test(size=size) as pilot:
        screen = await open_agreement(app, pilot, DRAFTED_CASE)
        typing_in = screen.focused
        first = {screen.readback_mode: layout(screen)}
        for _press in range(2):
            await pilot.press("f2")
            await pilot.pause()
            first[screen.readback_mode] = layout(screen)
        assert set(first) == {"side", "wide", "hidden"}

        _mode, editor, pane, _item = first["side"]
        assert editor and pane and abs(editor - pane) <= 4  # beside each other, half each
        _mode, editor, pane, _item = first["wide"]
        assert editor is None and pane == width  # the read-back alone fills the screen
        _mode, editor, pane, item = first["hidden"]
        assert pane is None and editor == width and item >= width - 6

        for _press in range(6):  # twice round: every mode again, laid out the same
            await pilot.press("f2")
            await pilot.pause()
            assert layout(screen) == first[screen.readback_mode]
        assert screen.readback_mode == "hidden"
        await pilot.press("f2")  # back beside: the typing goes on where it was
        await pilot.pause()
        assert screen.focused is typing_in
        await settle(pilot)


async def test_filling_the_screen_at_80x24_and_back(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agreement(app, pilot, DRAFTED_CASE)
        fresh = layout(screen)
        assert fresh[0] == "hidden" and fresh[1] == 80
        await pilot.press("f2")
        await pilot.pause()
        assert layout(screen)[1:3] == (None, 80)
        assert screen.focused is screen.query_one(ReadbackPane)  # PgDn scrolls what is read
        await pilot.press("f2")
        await pilot.pause()
        assert layout(screen) == fresh
        assert screen.focused is screen.query_one("#job-goal")


async def test_filling_the_screen_says_how_to_get_back_to_typing(demo_store, make_app) -> None:
    """Typing goes nowhere while the read-back fills the screen: a line at its foot says which
    key brings the form back; beside the form it is not shown."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, DRAFTED_CASE)
        hint = screen.query_one("#readback-hint", Static)
        assert screen.readback_mode == "side" and not hint.display
        await pilot.press("f2")
        await pilot.pause()
        assert screen.readback_mode == "wide" and hint.display
        assert str(hint.render()) == "f2: back to the form to type"  # the key as in the footer
        assert hint.region.bottom == screen.query_one(ReadbackPane).region.bottom
        await pilot.press("f2")
        await pilot.pause()
        assert not hint.display


async def test_a_terminal_made_narrow_puts_the_read_back_away_and_back(demo_store, make_app):
    """The laptop taken off the projector mid-meeting: from 200 to 80 columns the read-back
    beside the form goes (both squeezed into 40 columns helps no one) and the form takes the
    width; at 200 again it comes back beside. The typing stays where it was."""
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_agreement(app, pilot, DRAFTED_CASE)
        typing_in = screen.focused
        beside = layout(screen)
        assert beside[0] == "side"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        mode, editor, pane, item = layout(screen)
        assert (mode, editor, pane) == ("hidden", 80, None) and item >= 70  # not half of 80
        assert screen.focused is typing_in
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert layout(screen) == beside
        assert screen.focused is typing_in
        await settle(pilot)


async def test_a_mode_chosen_by_key_stays_through_a_resize(demo_store, make_app):
    """F2 at 80 columns to fill the screen for the citizen: a resize keeps that choice, and
    the read-back put away by a narrow terminal stays away once F2 chose again."""
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_agreement(app, pilot, DRAFTED_CASE)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("f2")  # fill the screen
        await pilot.pause()
        assert screen.readback_mode == "wide"
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert screen.readback_mode == "wide"
        await pilot.press("f2")  # hidden: chosen, not squeezed out
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert screen.readback_mode == "hidden"
        await settle(pilot)
