"""The app shell: opens on today's day, lists days, quits, offers bindings in the palette."""

from __future__ import annotations

from textual.widgets import DataTable

from coordinator.demo import create_demo
from coordinator.screens.day import DayScreen
from coordinator.screens.days import DaysScreen


async def test_opens_on_todays_day_with_the_real_agenda(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        table = app.screen.query_one("#agenda", DataTable)
        cells = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert [c for c in cells if c] == [
            "Mads Eriksen",
            "Sara Jensen",
            "Ali Hassan",
            "Birgitte Olsen",
            "Kasper Møller",
        ]
        assert "Break" in [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        await pilot.press("escape")
        assert isinstance(app.screen, DaysScreen)
        assert app.screen.query_one("#days", DataTable).row_count == 1
        await pilot.press("enter")
        assert isinstance(app.screen, DayScreen)


async def test_opens_on_days_list_when_nothing_today(store, make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        hint = app.screen.query_one("#days-hint")
        assert hint.display


async def test_user_text_is_not_markup(store, make_app) -> None:
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import DayInput, create_day

    day = create_day(store, DayInput(date=store.now().date()))
    add_case(store, CaseInput(day_id=day.id, citizen="<script>x</script> [bold]Ærø[/bold] Ødegård"))
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#agenda", DataTable)
        assert str(table.get_row_at(0)[3]) == "<script>x</script> [bold]Ærø[/bold] Ødegård"


async def test_danish_by_default(demo_store, store, clock) -> None:
    from coordinator.app import CoordinatorApp

    app = CoordinatorApp(store=store, clock=clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.title == "Step up-dage"


async def test_bindings_are_palette_commands(demo_store, make_app) -> None:
    from coordinator.commands import binding_commands

    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        titles = {command.title for command in binding_commands(app, app.screen)}
        assert {"All days", "Refresh"} <= titles


async def test_quit(store, make_app) -> None:
    create_demo(store)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
