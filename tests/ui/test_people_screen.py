"""The people directory: add through the dialog, search as you type, edit, deactivate."""

from __future__ import annotations

from textual.widgets import DataTable

from coordinator.screens.people import PeopleScreen
from coordinator.store.people import list_people
from tests.ui.test_day_screen import settle


def _names(screen) -> list[str]:
    table = screen.query_one("#people", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_build_the_directory_from_empty(store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert screen.query_one("#people-hint").display
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press(*"Helle [b]Nygaard[/b]")
        await pilot.press("tab")  # to the profession select
        await pilot.press("enter", *"nurse", "enter")
        await pilot.press("tab", *"Sundhedscentret", "tab", *"heny@demo.dk")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        person = list_people(store)[0]
        assert (person.name, person.profession, person.department) == (
            "Helle [b]Nygaard[/b]",
            "nurse",
            "Sundhedscentret",
        )
        assert _names(screen) == ["Helle [b]Nygaard[/b]"]  # shown literally, not as markup


def _key_means(screen, key: str) -> str:
    """What the footer says `key` does now (the one meaning of the key that is shown)."""
    return screen.app.active_bindings[key].binding.description


def _id_of(store, name: str) -> int:
    return next(p.id for p in list_people(store, include_inactive=True) if p.name == name)


async def test_search_edit_and_deactivate(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await app.push_screen(PeopleScreen())
        await settle(pilot)
        screen = app.screen
        assert len(_names(screen)) == 11
        await pilot.press(*"sundh")
        await settle(pilot)
        assert _names(screen) == ["Helle Nygaard", "Karen Bech", "Rikke Lauridsen"]
        await pilot.press("enter")  # into the table
        await pilot.press("down")
        await pilot.press("ctrl+e")
        await settle(pilot)
        await pilot.press("end", *" Sørensen", "ctrl+s")
        await settle(pilot)
        assert "Karen Bech Sørensen" in _names(screen)
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert "Karen Bech Sørensen" not in _names(screen)
        assert "Karen Bech Sørensen" not in {p.name for p in list_people(demo_store)}
        assert _key_means(screen, "ctrl+t") == "Show inactive"
        await pilot.press("ctrl+t")  # show inactive people too
        await settle(pilot)
        assert "Karen Bech Sørensen" in _names(screen)
        assert _key_means(screen, "ctrl+t") == "Hide inactive"
        table = screen.query_one("#people", DataTable)
        table.move_cursor(row=table.get_row_index(str(_id_of(demo_store, "Karen Bech Sørensen"))))
        await settle(pilot)
        assert _key_means(screen, "ctrl+d") == "Reactivate"
        await pilot.press("ctrl+d")
        await settle(pilot)
        assert "Karen Bech Sørensen" in {p.name for p in list_people(demo_store)}
        assert _key_means(screen, "ctrl+d") == "Deactivate"
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert _key_means(screen, "ctrl+t") == "Show inactive"
        await pilot.press("escape")  # clears the search first
        await settle(pilot)
        assert len(_names(screen)) == 11
        await pilot.press("escape")
        assert not isinstance(app.screen, PeopleScreen)


async def test_a_person_needs_a_name(store, make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await app.push_screen(PeopleScreen())
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, PeopleScreen)  # the dialog stays open
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert list_people(store) == []
