"""The app shell: opens on today's day, lists days, quits, offers every binding in the palette,
and takes its keys from the keymap setting."""

from __future__ import annotations

from textual.actions import parse as parse_action
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import DataTable

from coordinator.demo import create_demo
from coordinator.screens.day import DayScreen
from coordinator.screens.days import DaysScreen
from tests.ui.test_day_screen import settle


async def test_opens_on_todays_day_with_the_real_agenda(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
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
        await settle(pilot)
        assert isinstance(app.screen, DaysScreen)
        hint = app.screen.query_one("#days-hint")
        assert hint.display


async def test_user_text_is_not_markup(store, make_app) -> None:
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import DayInput, create_day

    day = create_day(store, DayInput(date=store.now().date()))
    add_case(store, CaseInput(day_id=day.id, citizen="<script>x</script> [bold]Ærø[/bold] Ødegård"))
    name = "<script>x</script> [bold]Ærø[/bold] Ødegård"
    for size in ((120, 30), (80, 24)):  # at 80 columns the name is cut with "…" (item 15)
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            table = app.screen.query_one("#agenda", DataTable)
            shown = table.get_row_at(0)[3]
            literal = shown.plain.removesuffix("…")
            assert literal.startswith("<script>x") and name.startswith(literal)
            assert not shown.spans or all("bold" not in str(s.style) for s in shown.spans)
            if size == (120, 30):
                assert shown.plain == name  # room for all of it: nothing cut


async def test_danish_by_default(demo_store, store, clock) -> None:
    from coordinator.app import CoordinatorApp

    app = CoordinatorApp(store=store, clock=clock)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.title == "Step up-dage"


def _missing_from_palette(app, screen: Screen) -> set[str]:
    """Our described bindings on the screen's binding chain (the App, the screen, the focused
    widgets: as declared on their classes, not as Textual filtered them) whose action is
    enabled now but has no command-palette entry."""
    titles = {command.title for command in app.get_system_commands(screen)}
    missing = set()
    for node, _bindings in screen._modal_binding_chain:
        for klass in type(node).__mro__:
            if not klass.__module__.startswith("coordinator."):
                continue
            for binding in klass.__dict__.get("BINDINGS", []):
                namespace, name, parameters = parse_action(binding.action)
                if not binding.description or name in {"quit", "command_palette"}:
                    continue
                target = {"app": app, "screen": screen}.get(namespace, node)
                if target.check_action(name, parameters) and binding.description not in titles:
                    missing.add(f"{type(screen).__name__}: {binding.description} ({binding.id})")
    return missing


async def test_every_binding_of_every_screen_is_in_the_palette(demo_store, make_app) -> None:
    """Walk the app by its keys, as a coordinator would, and on each screen and dialog compare
    the palette with the bindings the classes declare."""
    app = make_app()
    seen: list[str] = []
    missing: set[str] = set()

    async def check() -> None:
        await settle(pilot)
        seen.append(type(app.screen).__name__)
        missing.update(_missing_from_palette(app, app.screen))

    async with app.run_test(size=(120, 34)) as pilot:
        await check()  # the day
        for there_and_back in (("o", "escape"), ("r", "escape"), ("g", "escape")):
            await pilot.press(there_and_back[0])
            await check()
            await pilot.press(there_and_back[1])
            await pilot.pause()
        for there_and_back in (
            ("x", "escape"),
            ("a", "escape"),
            ("delete", "n"),
            ("d", "escape"),
            ("i", "escape"),
            ("n", "escape"),
            ("f2", "escape"),
        ):
            await pilot.press(there_and_back[0])
            await check()
            await pilot.press(there_and_back[1])
            await pilot.pause()
        await pilot.press("escape")
        await check()  # all days
        await pilot.press("n")
        await check()  # new day
    assert seen == [
        "DayScreen",
        "CaseScreen",
        "RosterScreen",
        "AgreementScreen",
        "ExportDialog",
        "ReasonDialog",
        "ConfirmDialog",
        "EditDayDialog",
        "EditCaseDialog",
        "AddCaseDialog",
        "PeopleScreen",
        "DaysScreen",
        "CreateDayDialog",
    ]
    assert missing == set()


async def test_ctrl_p_opens_the_palette_and_runs_the_chosen_command(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"all days")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)


async def test_a_remapped_key_runs_the_action_and_the_old_key_does_not(store, make_app) -> None:
    from coordinator.commands import binding_commands
    from coordinator.store.settings import change_setting

    create_demo(store)
    change_setting(store, "keymap", '{"day.back": "b", "app.people": "f3"}')
    app = make_app()
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        shown = {c.title: c.help for c in binding_commands(app, app.screen)}
        assert shown["All days"] == "b"
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        await pilot.press("f3")
        await pilot.pause()
        assert type(app.screen).__name__ == "PeopleScreen"


async def test_quit(store, make_app) -> None:
    create_demo(store)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_offers_coming_cases_read_in_a_worker(demo_store, make_app) -> None:
    """The palette's case entries come from a read made in a worker (at start and each time the
    palette opens); listing them never touches the database on the event loop."""
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import list_days

    app = make_app()
    async with app.run_test(size=(120, 34)) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Prepare case: 2026-12-03 #1 Mads Eriksen" in titles
        assert "Roster: 2026-12-03 #1 Mads Eriksen" in titles
        day_id = list_days(demo_store)[0][0].id
        add_case(demo_store, CaseInput(day_id=day_id, citizen="Nina Holm"))  # elsewhere
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)

        def no_database(*args, **kwargs):
            raise AssertionError("the palette read the database on the event loop")

        real_session = demo_store.session
        demo_store.session = no_database
        try:
            titles = {command.title for command in app.get_system_commands(app.screen)}
        finally:
            demo_store.session = real_session
        assert "Prepare case: 2026-12-03 #6 Nina Holm" in titles
