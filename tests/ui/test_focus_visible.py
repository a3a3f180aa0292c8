"""Every Tab stop shows focus and the focused field is always in view (issue 21, item 6): typed
text never goes "nowhere" — into a container, or a field below the fold."""

from __future__ import annotations

from textual.widgets import Input, Select, TextArea
from textual.widgets._select import SelectCurrent

from coordinator.screens.agreement import SectionHeading
from tests.ui.test_agreement_screen import open_agreement, settle

#: The demo's first case has a drafted agreement with two items.
DRAFTED_CASE = 1


def in_view(screen) -> bool:
    """The focused field lies inside the agreement form's visible region."""
    form = screen.form
    region = screen.focused.region
    return bool(region.area) and form.content_region.contains_region(region)


async def test_every_tab_stop_at_80x24_is_a_field_in_view(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agreement(app, pilot, DRAFTED_CASE)
        below_the_fold = 0
        for key in ["tab"] * 20 + ["shift+tab"] * 6:
            await pilot.press(key)
            await pilot.pause()
            focused = screen.focused
            fields = (Input, TextArea, Select, SectionHeading)  # no container: it shows no focus
            assert isinstance(focused, fields), f"{key} focused {focused}"
            assert in_view(screen), f"{key}: {focused} at {focused.region} is out of view"
            below_the_fold += screen.form.scroll_offset.y > 0
        assert below_the_fold, "the form never needed to scroll: the test shows nothing"


async def test_a_new_item_and_its_growing_text_stay_in_view(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agreement(app, pilot, DRAFTED_CASE)
        screen.set_focus(screen.query_one("#heading-action"))
        for _item in range(4):
            await pilot.press("ctrl+n")
            await pilot.press(*"Ny aftale")
            await pilot.pause()
            assert isinstance(screen.focused, TextArea)
            assert in_view(screen)
        for _line in range(8):
            await pilot.press("enter", *"og en linje mere")
        await pilot.pause()
        assert screen.focused.text.endswith("og en linje mere")
        assert in_view(screen)
        await settle(pilot)


async def test_a_focused_select_box_looks_focused(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, DRAFTED_CASE)
        select = screen.query(".item-status").first(Select)
        shown = select.query_one(SelectCurrent)
        blurred = (shown.styles.background, shown.styles.text_style)
        select.focus()
        await pilot.pause()
        assert screen.focused is select
        assert (shown.styles.background, shown.styles.text_style) != blurred


async def test_the_preparation_form_at_80x24_has_no_invisible_tab_stop(store, make_app) -> None:
    from textual.containers import VerticalScroll

    from tests.ui.test_case_screen import _case, open_form

    case_id = _case(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_form(app, pilot, case_id)
        form = screen.query_one("#form")
        scrolled = 0
        for _stop in range(30):
            await pilot.press("tab")
            await pilot.pause()
            focused = screen.focused
            assert not isinstance(focused, VerticalScroll), "the form itself took the focus"
            if form in focused.ancestors:
                assert form.content_region.contains_region(focused.region), focused
                scrolled += form.scroll_offset.y > 0
        assert scrolled
        await settle(pilot)
