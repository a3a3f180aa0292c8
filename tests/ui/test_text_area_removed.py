"""A text area drawn after it was removed is blank, not a crash (Textual issue #6528).

The sequence is the one F8 (delete the focused agreement item) takes: the focused text area is
removed, the focus moving away restyles it (which drops its cached styles), and a frame drawn
before the screen's layout has caught up asks it for its lines. Textual's own TextArea then
raises KeyError for its gutter style, and the app ends mid-meeting (Textual 8.2.8's TextArea
does, in `_lines_after_removal` below).
"""

from __future__ import annotations

from textual.app import App
from textual.geometry import Region
from textual.widgets import TextArea

from coordinator.widgets.text_area import StepUpTextArea


async def _lines_after_removal(text_area: TextArea) -> list:
    app = App()
    async with app.run_test() as pilot:
        await app.screen.mount(text_area)
        text_area.focus()
        await pilot.pause()
        assert text_area.render_lines(Region(0, 0, 10, 2))  # drawn once, styles cached
        await text_area.remove()
        text_area.notify_style_update()  # what the focus leaving it does
        return text_area.render_lines(Region(0, 0, 10, 2))


async def test_a_removed_text_area_draws_blank_lines() -> None:
    lines = await _lines_after_removal(StepUpTextArea("Jonas følger med", compact=True))
    assert len(lines) == 2
    assert all(line.text == " " * 10 for line in lines)


async def test_an_attached_text_area_draws_its_text() -> None:
    app = App()
    async with app.run_test() as pilot:
        text_area = StepUpTextArea("Jonas", compact=True)
        await app.screen.mount(text_area)
        await pilot.pause()
        assert "Jonas" in text_area.render_lines(Region(0, 0, 10, 1))[0].text
