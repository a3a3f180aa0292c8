"""The preparation form: typed text is autosaved, dates are checked, materials ticked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from coordinator.screens.case import CaseScreen
from coordinator.screens.roster import RosterScreen
from coordinator.store import preparation
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from tests.workers import workers_done


def _case(store) -> int:
    day = create_day(store, DayInput(date=store.now().date()))
    return add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id


async def settle(pilot) -> None:
    """Let the screen's thread workers finish and their messages be handled."""
    for _round in range(3):
        await workers_done(pilot.app)
        await pilot.pause()


async def open_form(app, pilot, case_id: int) -> CaseScreen:
    await app.push_screen(CaseScreen(case_id))
    await settle(pilot)
    assert isinstance(app.screen, CaseScreen)
    return app.screen


async def _autosave(app, pilot, timeout: float = 30.0) -> None:
    """Wait until the autosave has written everything it may (disputed fields wait)."""
    import asyncio

    screen = app.screen
    loop = asyncio.get_running_loop()
    start = loop.time()
    while screen.save_state.in_flight or screen.saver.unsaved:
        assert loop.time() - start < timeout, "autosave did not finish"
        await pilot.pause(0.05)
    await settle(pilot)


def save_text(screen) -> str:
    return str(screen.save_state.render())


async def test_typing_is_autosaved_without_leaving(store, make_app) -> None:
    case_id = _case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        assert "Mads Eriksen" in str(screen.query_one("#case-title", Static).render())
        # Focus starts in "what has been tried"; type two lines.
        await pilot.press(*"Two internships", "enter", *"[bold]no show[/bold]")
        await _autosave(app, pilot)
        saved = preparation.get_preparation(store, case_id)
        assert saved.tried == "Two internships\n[bold]no show[/bold]"
        assert "Saved 08:00:00" in save_text(screen)
        await pilot.press("tab", *"Jonas, team leader, Mads", "tab", *"20/")
        await _autosave(app, pilot)
        saved = preparation.get_preparation(store, case_id)
        assert saved.decided_by == "Jonas, team leader, Mads"
        assert saved.decided_on is None  # not a date yet: not saved, the field is marked
        assert screen.query_one("#field-decided_on").has_class("-invalid")
        assert "20/" in str(screen.query_one("#decided-on-shown", Static).render())
        await pilot.press("1", "1")  # 20/11: the latest 20 November, this year's
        await _autosave(app, pilot)
        assert preparation.get_preparation(store, case_id).decided_on == date(2026, 11, 20)
        assert "20 Nov 2026" in str(screen.query_one("#decided-on-shown", Static).render())
        # The main problem, then leave with Escape right away: nothing typed is lost.
        await pilot.press("tab", *"He locks up")
        await pilot.press("escape")
        await settle(pilot)  # the app's worker writes what the form left unsaved
        assert not isinstance(app.screen, CaseScreen)
        assert preparation.get_preparation(store, case_id).main_problem == "He locks up"


async def test_materials_and_roster_key(store, make_app, tmp_path: Path) -> None:
    case_id = _case(store)
    cv = tmp_path / "cv.pdf"
    cv.write_text("cv")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        table = screen.query_one("#materials", DataTable)
        table.focus()
        await pilot.press("space")  # tick the preparation form
        await settle(pilot)
        assert preparation.materials(store, case_id)[0].ready
        await pilot.press("down", "down", "f")  # the CV: give its file
        await pilot.pause()
        await pilot.press(*str(tmp_path / "missing.pdf"), "enter")
        await settle(pilot)
        assert not preparation.materials(store, case_id)[2].file_ref  # refused: no such file
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("ctrl+u", *str(cv), "shift+tab", "space", "tab", "enter")
        await settle(pilot)
        item = preparation.materials(store, case_id)[2]
        assert (item.kind, item.ready, item.file_ref) == ("cv", True, str(cv))
        assert str(cv) in str(table.get_row_at(2)[2])
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # Back and forth between the form and the roster never piles up screens.
        depth = len(app.screen_stack)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is screen and len(app.screen_stack) == depth


async def test_unknown_case_is_reported_not_crashed(store, make_app) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        start = app.screen
        await app.push_screen(CaseScreen(999))
        await settle(pilot)
        assert app.screen is start  # told, and back where we were
        await app.push_screen(RosterScreen(999))
        await pilot.pause()
        assert app.screen is start


async def test_a_locked_database_keeps_the_preparation_text_and_saves_it_later(
    db_path, clock, monkeypatch
) -> None:
    import asyncio
    import sqlite3

    from coordinator.app import CoordinatorApp
    from coordinator.store import engine
    from coordinator.store.database import Store

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    store = Store.open(str(db_path), clock=clock, actor="test")
    case_id = _case(store)
    app = CoordinatorApp(store=store, clock=clock, language="en")
    loop = asyncio.get_running_loop()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        await pilot.press(*"Two internships")

        def errors() -> list[str]:
            return [
                str(n.message)
                for n in app._notifications  # noqa: SLF001
                if "cannot be written" in str(n.message)
            ]

        # Saving starts while typing goes on, so wait for a failed save after the last key.
        start = loop.time()
        while not (errors() and "Not saved" in save_text(screen)) and loop.time() - start < 30:
            await pilot.pause(0.1)
        assert "Not saved" in save_text(screen)
        other.rollback()
        other.close()
        start = loop.time()  # the retry writes it without another keystroke
        # Pending is empty as soon as a save *starts*; wait for it to be stored as well.
        while (screen.saver.pending or screen.save_state.in_flight) and loop.time() - start < 30:
            await pilot.pause(0.1)
        assert len(errors()) == 1
    assert preparation.get_preparation(store, case_id).tried == "Two internships"
    store.close()


async def _edited_elsewhere(store, make_app, choice: str) -> str:
    """Open the form, let another writer change the main problem, type into it here, answer
    the question with `choice`; returns what the field shows afterwards."""
    from textual.widgets import TextArea

    from coordinator.screens.agreement_dialogs import ConflictDialog

    case_id = _case(store)
    preparation.update_preparation(store, case_id, main_problem="He locks up")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        preparation.update_preparation(store, case_id, main_problem="Anxiety")  # elsewhere
        field = screen.query_one("#field-main_problem", TextArea)
        field.focus()
        await pilot.press("end", *", often")
        await _autosave(app, pilot)
        # Told, but no dialog in the way: the next keys still go into the field.
        assert screen.saver.conflicts == {"main_problem": "Anxiety"}
        assert not isinstance(app.screen, ConflictDialog)
        await pilot.press(*" at the start")
        await _autosave(app, pilot)
        assert field.text == "He locks up, often at the start"
        assert any("Changed by someone else" in n.message for n in app._notifications)
        # Other fields are saved meanwhile; only the disputed one waits for the choice.
        screen.query_one("#field-job_goal").focus()
        await pilot.press(*"Lager")
        await _autosave(app, pilot)
        assert preparation.get_preparation(store, case_id).job_goal == "Lager"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert "“Which problem is the most important one" in str(app.screen.message)
        await pilot.press(choice)
        await _autosave(app, pilot)
        assert isinstance(app.screen, CaseScreen)
        # Answered: the "changed elsewhere" toast does not linger or follow to other screens.
        assert not any("Changed by someone else" in n.message for n in app._notifications)
        return field.text


async def test_a_field_changed_elsewhere_asks_and_take_theirs_shows_it(store, make_app) -> None:
    shown = await _edited_elsewhere(store, make_app, "t")
    assert shown == "Anxiety"
    case_id = preparation.get_preparation(store, 1).case_id
    assert preparation.get_preparation(store, case_id).main_problem == "Anxiety"


async def test_a_field_changed_elsewhere_keep_mine_overwrites_deliberately(store, make_app) -> None:
    shown = await _edited_elsewhere(store, make_app, "m")
    assert shown == "He locks up, often at the start"
    assert preparation.get_preparation(store, 1).main_problem == "He locks up, often at the start"


async def test_a_slow_save_while_typing_goes_on_is_no_false_conflict(
    store, make_app, monkeypatch
) -> None:
    """The old form's race: a save started while the previous one still wrote (slowed to
    1.2 s) checked against a stale value and said "changed elsewhere" of the user's own typing.
    """
    import asyncio
    import time

    case_id = _case(store)
    really_save = preparation.save_fields

    def slow_save(*args, **kwargs):
        time.sleep(1.2)
        return really_save(*args, **kwargs)

    monkeypatch.setattr(preparation, "save_fields", slow_save)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        await pilot.press(*"Two")
        loop = asyncio.get_running_loop()
        start = loop.time()
        while not screen.saver.saving:  # the first save is writing ...
            assert loop.time() - start < 30
            await pilot.pause(0.02)
        await pilot.press(*" internships")  # ... while typing goes on
        await pilot.press("ctrl+s")
        await _autosave(app, pilot)
        assert not screen.saver.conflict
        assert "changed elsewhere" not in save_text(screen)
    assert preparation.get_preparation(store, case_id).tried == "Two internships"


async def test_typing_through_a_held_write_lock_never_stalls_the_form(
    patient_store, db_path, clock
) -> None:
    """The preparation form under another program's write lock, released only when the test
    says so: with a save waiting on the lock, more keys still show in the field (the event loop
    runs), nothing is stored meanwhile, and all of it is once the lock goes."""
    from textual.widgets import Input, TextArea

    from coordinator.app import CoordinatorApp
    from tests.locking import held_write_lock, until

    store = patient_store
    case_id = _case(store)
    preparation.get_preparation(store, case_id)
    app = CoordinatorApp(store=store, clock=clock, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        field = app.focused
        assert isinstance(field, Input | TextArea)
        typed = ""
        with held_write_lock(db_path) as held:
            for word in ("abcde", "fghij", "klmno"):
                await pilot.press(*word)
                typed += word
                await until(pilot, lambda: screen.save_state.in_flight)  # waits on the lock
                shown = field.value if isinstance(field, Input) else field.text
                assert shown == typed, "the keys took effect while the lock was held"
            assert not preparation.get_preparation(store, case_id).tried, "still locked out"
            held.release()
        assert not held.gave_up, "the event loop was stuck on the lock"
        await _autosave(app, pilot)
        assert screen.saver is not None
    assert preparation.get_preparation(store, case_id).tried == typed


async def test_a_burst_of_keys_with_tabs_lands_in_the_fields_it_was_typed_for(
    store, make_app
) -> None:
    """Keys arriving faster than the form handles them (a fast typist, a paste, a text
    expander) go to the field that had focus when they were pressed: Tab moves focus before
    the next key is handed on, not after the previous field has worked through its queue."""
    from textual import events

    case_id = _case(store)
    app = make_app()
    typed = {
        "main_problem": "Alfa1 han låser, ofte ved opstart",
        "answer_reason": "Bravo2 vi talte om praktik",
        "answer_situations": "Charlie3 morgener er svære",
        "answer_goals": "Delta4 lager",
    }
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        screen.query_one("#field-main_problem").focus()
        await pilot.pause()
        burst: list[events.Key] = []
        for index, text in enumerate(typed.values()):
            if index:
                burst.append(events.Key("tab", None))
            burst.extend(events.Key("space" if c == " " else c, c) for c in text)
        for key in burst:  # all queued at once: none waits for the one before
            app.post_message(key)
        await settle(pilot)
        await _autosave(app, pilot)
        assert app.focused is screen.query_one("#field-answer_goals")
    form = preparation.get_preparation(store, case_id)
    assert {name: getattr(form, name) for name in typed} == typed


async def test_tab_into_a_filled_line_adds_to_it_and_wipes_nothing(store, make_app) -> None:
    """A one-line field entered by Tab keeps its text; what is typed goes after it (a
    selected line would be replaced by the first key: the text someone wrote, gone)."""
    case_id = _case(store)
    preparation.update_preparation(store, case_id, decided_by="Jobformidler")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        assert screen.query_one("#field-decided_by", Input).value == "Jobformidler"
        await pilot.press("tab", *" og teamleder")  # from "what has been tried", no pause
        await _autosave(app, pilot)
    assert preparation.get_preparation(store, case_id).decided_by == "Jobformidler og teamleder"
