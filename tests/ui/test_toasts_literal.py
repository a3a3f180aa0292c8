"""Toasts show user text literally (issue 21, item 12): Textual reads a notification as markup
by default, which ate the brackets of "Test <b>x</b> [bold]Ærø[/bold] 😀 er tilføjet"."""

from __future__ import annotations

from textual.widgets._toast import Toast

from coordinator.screens.people import PeopleScreen
from coordinator.store.people import list_people
from tests.ui.test_day_screen import settle

NAME = "Test <b>x</b> [bold]Ærø[/bold] 😀"
#: What the Pilot can type (it presses no emoji key).
TYPED = "Test <b>x</b> [bold]Ærø[/bold]"


def toast_texts(app) -> list[str]:
    """What the toasts on screen show, as drawn (not the message that was asked for)."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def test_adding_a_person_named_like_markup_toasts_the_name_verbatim(store, make_app):
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await app.push_screen(PeopleScreen())
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press(*TYPED)
        await pilot.press("tab", "enter", *"nurse", "enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [p.name for p in list_people(store)] == [TYPED]
        await pilot.pause(0.2)
        shown = toast_texts(app)
        assert any(TYPED in text for text in shown), shown


async def test_a_screen_notify_is_literal_and_shows_control_characters(store, make_app):
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        app.screen.notify(f"{NAME} \x1b]0;title\x07", title="[i]Ærø[/i]")  # markup's default
        await pilot.pause(0.2)
        (shown,) = toast_texts(app)
        assert NAME in shown and "[i]Ærø[/i]" in shown
        assert "\x1b" not in shown and "␛" in shown
