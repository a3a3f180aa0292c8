"""The live agreement screen, driven key by key as a job broker types during the meeting."""

from __future__ import annotations

import asyncio
from datetime import date

from sqlmodel import select
from textual.widgets import Input, TextArea

from coordinator.screens.agreement import AgreementScreen, SectionHeading
from coordinator.screens.agreement_readback import ReadbackPane
from coordinator.store import agreement_edits, agreements
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from coordinator.widgets.item_editor import ItemEditor
from tests.locking import held_write_lock, until
from tests.workers import workers_done


async def settle(pilot) -> None:
    """Let the screen's thread workers finish and their messages be handled (a message may
    start the next worker: a finished save, a load)."""
    for _round in range(3):
        await workers_done(pilot.app)
        await pilot.pause()


async def open_agreement(app, pilot, case_id: int) -> AgreementScreen:
    await app.push_screen(AgreementScreen(case_id))
    await settle(pilot)
    assert isinstance(app.screen, AgreementScreen)
    assert app.screen.loaded
    return app.screen


def _queued(app) -> bool:  # noqa: ANN001 - the App
    """A message (a key, an edit on its way to the autosave) still waits in a queue."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return any(node._message_queue.qsize() for node in nodes)


async def saved(pilot, screen: AgreementScreen, timeout: float = 30.0) -> None:
    """Wait until every key sent has been handled and the autosave has written everything
    (within about a second normally; the limit is generous so a loaded CI machine does not
    fail a test about correctness). Keys still queued in a field when the autosave is idle
    would be read as lost."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while (
        _queued(pilot.app)
        or screen.in_flight
        or (screen.saver is not None and screen.saver.pending)
    ):
        assert loop.time() - start < timeout, "autosave did not finish"
        await pilot.pause(0.05)
    await pilot.pause()


def new_case(store) -> int:
    day = create_day(store, DayInput(date=store.now().date()))
    return add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id


async def test_type_a_complete_agreement_key_by_key(store, make_app) -> None:
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        assert screen.focused is screen.query_one("#job-goal", Input)
        await pilot.press(*"Lagermedarbejder")
        await pilot.press("tab")
        await pilot.press(*"+3m")
        await pilot.press("tab")
        await pilot.press(*"Jeg vil gerne prøve igen.")
        await pilot.press("tab")  # the Hensyn heading
        assert isinstance(screen.focused, SectionHeading)
        await pilot.press("tab")  # the Støtte heading
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(screen.focused, TextArea)
        await pilot.press(*"Jonas følger med de første dage i praktikken.")
        await pilot.press("tab")
        await pilot.press(*"Jonas Berg")
        await pilot.press("tab")
        await pilot.press(*"+2w")
        await pilot.press("shift+tab", "shift+tab")  # back to the text, then add the next
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Borgeren ringer til Jonas dagen før.")
        await pilot.press("tab", *"Borgeren", "tab", *"15/12")
        await saved(pilot, screen)

    agreement = agreements.latest(store, case_id)
    assert agreement.job_goal == "Lagermedarbejder"
    assert agreement.goal_date == date(2027, 3, 3)
    assert agreement.citizen_words == "Jeg vil gerne prøve igen."
    stored = agreements.items(store, agreement.id)
    assert [(i.kind, i.position, i.text, i.responsible_text, i.due) for i in stored] == [
        (
            "support",
            0,
            "Jonas følger med de første dage i praktikken.",
            "Jonas Berg",
            date(2026, 12, 17),
        ),
        ("support", 1, "Borgeren ringer til Jonas dagen før.", "Borgeren", date(2026, 12, 15)),
    ]


async def test_text_is_kept_exactly_and_read_back_literally(store, make_app) -> None:
    case_id = new_case(store)
    long_paragraph = "Ærø øl å " * 1112  # 10,008 characters
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press(*"[bold]x[/bold] <b>y</b> ")
        screen.query_one("#job-goal", Input).insert_text_at_cursor("😀")  # pasted
        words = screen.query_one("#citizen-words", TextArea)
        words.focus()
        words.insert(long_paragraph)  # pasting: 10,000 key presses would take minutes
        await saved(pilot, screen)
        assert screen.query_one("#readback").display
        pane = screen.query_one(ReadbackPane)

        def shown() -> str:
            return pane.shown_text(width=20_000)  # the 10,000 characters on one line

        # The read-back follows the typing a moment later (it re-renders off the keystrokes).
        loop = asyncio.get_running_loop()
        start = loop.time()
        while "😀" not in shown() and loop.time() - start < 30:
            await pilot.pause(0.05)
        assert "[bold]x[/bold] <b>y</b> 😀" in shown(), shown()[:600]
        assert "Ærø øl å Ærø" in shown()
    agreement = agreements.latest(store, case_id)
    assert agreement.job_goal == "[bold]x[/bold] <b>y</b> 😀"
    assert agreement.citizen_words == long_paragraph


async def test_finalise_refuses_incomplete_then_accepts_and_reopens(store, make_app) -> None:
    from coordinator.screens.agreement_dialogs import FinaliseProblemsDialog

    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press("tab", "tab", "tab")  # the Hensyn heading
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Arbejdstid 9-14 de første to uger.")
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, FinaliseProblemsDialog)
        codes = [p.code for p in app.screen.problems]
        assert codes == ["item-no-responsible", "item-no-due"]
        await pilot.press("enter")  # go to the first problem: who is responsible
        await pilot.pause()
        assert app.screen is screen
        assert screen.focused is screen.query_one(".item-responsible", Input)
        assert agreements.latest(store, case_id).status == "draft"
        await pilot.press(*"Borgeren", "tab", *"uge 51")
        await pilot.press("f5")
        await settle(pilot)
        final = agreements.latest(store, case_id)
        assert final.status == "final"
        screen = app.screen
        assert screen.final and screen.saver is None
        banner = str(screen.query_one("#final-banner").render())
        assert "03.12.2026 08:00" in banner
        assert screen.query_one("#job-goal", Input).disabled
        await pilot.press("ctrl+n")  # read-only: nothing is added
        await pilot.pause()
        assert len(agreements.items(store, final.id)) == 1
        await pilot.press("f6")  # reopen
        await settle(pilot)
        assert [(v.version, v.status) for v in agreements.versions(store, case_id)] == [
            (1, "final"),
            (2, "draft"),
        ]
        assert not app.screen.final
        await pilot.press("f7")
        await settle(pilot)
        from coordinator.screens.agreement_dialogs import VersionsDialog

        assert isinstance(app.screen, VersionsDialog)
        await pilot.press("escape")


async def test_delete_undo_and_move_items(demo_store, make_app) -> None:
    store = demo_store
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, 1)
        editors = list(screen.query(ItemEditor))
        assert [e.kind.value for e in editors] == ["support", "intervention"]
        support = editors[0]
        support.focus_text()
        await pilot.press("ctrl+n")  # a second support item right after the first
        await pilot.pause()
        await pilot.press(*"Opfølgning hver uge.")
        await pilot.press("ctrl+up")  # move it first
        await pilot.pause()
        await saved(pilot, screen)
        agreement = agreements.latest(store, 1)
        texts = [i.text for i in agreements.items(store, agreement.id) if i.kind == "support"]
        assert texts == ["Opfølgning hver uge.", support.text_area.text]
        support.focus_text()
        await pilot.press("f8")  # delete the original support item
        await pilot.pause()
        await saved(pilot, screen)
        assert len(agreements.items(store, agreement.id)) == 2
        await pilot.press("f9")  # undo
        await pilot.pause()
        await saved(pilot, screen)
        stored = [i for i in agreements.items(store, agreement.id) if i.kind == "support"]
        assert [i.text for i in stored] == [
            "Opfølgning hver uge.",
            "Jonas følger med de første dage i den næste praktik.",
        ]
        assert stored[1].responsible_text == "Jonas Berg"
        assert stored[1].due is not None


async def test_warnings_while_typing_never_block(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, 1)
        editor = screen.query(ItemEditor).first()
        assert editor.kind.value == "support"
        editor.query_one(".item-due", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"1/6/2027")  # after the goal date
        await pilot.pause()
        warnings = str(screen.query_one("#warnings").render())
        assert "after the goal date" in warnings
        await saved(pilot, screen)
        await pilot.press(*"x")
        await pilot.pause()
        assert "-invalid" in editor.query_one(".item-due-shown").classes
        await saved(pilot, screen)
    # an unreadable date is not stored; the last good one stays
    items = agreements.items(demo_store, agreements.latest(demo_store, 1).id)
    assert [i.due for i in items if i.kind == "support"] == [date(2027, 6, 1)]


async def test_leaving_the_screen_saves_at_once(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, 1)
        await pilot.press("end", *" og chauffør", "escape")
        await settle(pilot)  # the app's worker writes what the screen left unsaved
        assert app.screen is not screen
    assert agreements.latest(demo_store, 1).job_goal == "Lagermedarbejder og chauffør"


async def test_quitting_saves_pending_typing(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agreement(app, pilot, 1)
        await pilot.press("end", *" (deltid)", "ctrl+q")
        await pilot.pause()
    assert agreements.latest(demo_store, 1).job_goal == "Lagermedarbejder (deltid)"


async def _until_conflict(pilot, screen: AgreementScreen) -> None:
    """Wait until a save has been refused because of the change elsewhere."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while not (screen.saver is not None and screen.saver.conflict):
        assert loop.time() - start < 30, "no conflict detected"
        await pilot.pause(0.05)


async def _typing_into_a_change_made_elsewhere(app, pilot, db_path, clock) -> AgreementScreen:
    """Open case 1's agreement; another laptop changes the job goal; the broker types on in
    it here until the save is refused."""
    from coordinator.store.database import Store

    screen = await open_agreement(app, pilot, 1)
    other = Store.open(str(db_path), clock=clock, actor="laptop-2")
    agreements.set_fields(other, 1, job_goal="Chauffør")
    other.close()
    await pilot.press("end", *" nu")
    await _until_conflict(pilot, screen)
    return screen


async def test_conflict_asks_and_keep_mine_overwrites(demo_store, db_path, clock, make_app):
    from coordinator.screens.agreement_dialogs import ConflictDialog

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _typing_into_a_change_made_elsewhere(app, pilot, db_path, clock)
        # No dialog in the way of typing: the broker goes on, then chooses with Ctrl+S.
        assert not isinstance(app.screen, ConflictDialog)
        await pilot.press(*" straks")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert agreements.latest(demo_store, 1).job_goal == "Chauffør"
        await pilot.press("m")
        await saved(pilot, screen)
    assert agreements.latest(demo_store, 1).job_goal == "Lagermedarbejder nu straks"


async def test_conflict_take_theirs_reloads(demo_store, db_path, clock, make_app):
    from coordinator.screens.agreement_dialogs import ConflictDialog

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _typing_into_a_change_made_elsewhere(app, pilot, db_path, clock)
        await pilot.press("escape")  # leaving would drop the typing: the choice comes first
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("t")
        await settle(pilot)
        assert screen.query_one("#job-goal", Input).value == "Chauffør"
        assert not screen.saver.pending
    assert agreements.latest(demo_store, 1).job_goal == "Chauffør"


async def test_quitting_with_an_unanswered_conflict_warns_first(
    demo_store, db_path, clock, make_app
):
    """Ctrl+Q names the unanswered field; a second Ctrl+Q keeps the typing in the recovery
    file (store/recovery.py) and quits; nothing is overwritten."""
    from coordinator.screens.recovery_dialog import QuitDialog
    from coordinator.store.recovery import kept

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _typing_into_a_change_made_elsewhere(app, pilot, db_path, clock)
        exits: list[object] = []
        really_exit = app.exit
        app.exit = lambda *args, **kwargs: (exits.append(args), really_exit(*args, **kwargs))
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert not exits and isinstance(app.screen, QuitDialog)  # still here, asked
        assert "Job goal" in str(app.screen.query_one("#quit-unsaved").render())
        assert screen.saver.conflict
        await pilot.press("ctrl+q")  # twice: keep it and quit
        await settle(pilot)
        assert exits
    assert agreements.latest(demo_store, 1).job_goal == "Chauffør"  # nothing overwritten
    found = kept(demo_store)
    assert found is not None and found.forms[0][:2] == ("agreement", 1)


async def test_each_finalise_problem_leads_to_the_field_that_fixes_it(store, make_app) -> None:
    from coordinator.screens.agreement_dialogs import FinaliseProblemsDialog

    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press("tab", "tab", "tab", "ctrl+n")
        await pilot.pause()
        await pilot.press(*"Sara kontakter familiebehandleren", "tab", *"Sara")
        await pilot.press("ctrl+n")  # a second item with only a date
        await pilot.pause()
        await pilot.press("tab", "tab", *"+2w")
        await saved(pilot, screen)
        await pilot.press("f5")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, FinaliseProblemsDialog)
        codes = [(p.code, p.item_index) for p in dialog.problems]
        assert codes == [("item-no-due", 0), ("item-no-text", 1), ("item-no-responsible", 1)]
        editors = screen.query(ItemEditor)

        await pilot.press("enter")
        await pilot.pause()
        assert screen.focused is editors[0].query_one(".item-due", Input)

        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.focused is editors[1].text_area

        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen.focused is editors[1].query_one(".item-responsible", Input)


async def test_f4_exports_what_was_just_typed(store, make_app, tmp_path) -> None:
    """The export dialog opens from the agreement and the file holds the last keystrokes,
    even those the autosave had not written yet."""
    from textual.widgets import Checkbox

    from coordinator.screens.export_dialog import ExportDialog

    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press("tab", "tab")
        await pilot.press(*"Jeg starter mandag")
        await pilot.press("f4")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert (dialog.kind, dialog.ref_id) == ("agreement", case_id)
        for fmt in ("html", "pdf", "docx", "md", "txt"):
            dialog.query_one(f"#format-{fmt}", Checkbox).value = fmt == "txt"
        dialog.query_one("#export-folder", Input).value = str(tmp_path / "out")
        await pilot.click("#export-run")
        await workers_done(app)
        await pilot.pause()
        (written,) = (tmp_path / "out").iterdir()
        assert "Jeg starter mandag" in written.read_text(encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_finalise_reopen_versions_and_second_conversation(demo_store, make_app) -> None:
    """The demo's drafted health agreement: final, reopened as version 2 (version 1 kept and
    viewable), then carried forward to a second conversation on a later day."""
    from datetime import timedelta

    from textual.widgets import Select

    from coordinator.screens.agreement_dialogs import VersionsDialog
    from coordinator.screens.second_conversation import SecondConversationDialog
    from coordinator.store.models import Case

    store = demo_store
    later = create_day(store, DayInput(date=store.now().date() + timedelta(days=14)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, 1)
        await pilot.press("f5")
        await settle(pilot)
        assert screen.final
        await pilot.press("f6")
        await settle(pilot)
        assert not screen.final and screen.agreement.version == 2
        await pilot.press("f7")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, VersionsDialog)
        assert [(v.version, v.status) for v in dialog.versions] == [(1, "final"), (2, "draft")]
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("f10")
        await settle(pilot)
        assert isinstance(app.screen, SecondConversationDialog)
        assert app.screen.query_one("#second-day", Select).value == later.id
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
    with store.session() as session:
        second = session.exec(select(Case).where(Case.day_id == later.id)).one()
    assert (second.conversation_number, second.previous_case_id) == (2, 1)
    carried = agreements.latest(store, second.id)
    first = agreements.latest(store, 1)
    assert carried.status == "draft" and carried.job_goal == first.job_goal
    texts = [i.text for i in agreements.items(store, carried.id)]
    assert texts == [i.text for i in agreements.items(store, first.id)] and texts


async def test_a_locked_database_is_said_once_and_the_typing_saved_after(
    db_path, clock, monkeypatch
) -> None:
    """Another writer holds the database: the broker is told once (not at every retry), keeps
    typing, and everything is written when the lock is gone."""
    import sqlite3

    from coordinator.app import CoordinatorApp
    from coordinator.store import engine
    from coordinator.store.database import Store

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    store = Store.open(str(db_path), clock=clock, actor="test")
    case_id = new_case(store)
    agreements.ensure_draft(store, case_id)
    app = CoordinatorApp(store=store, clock=clock, language="en")
    loop = asyncio.get_running_loop()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        words = screen.query_one("#citizen-words", TextArea)
        words.focus()
        await pilot.press(*"Jeg vil gerne")

        def errors() -> list[str]:
            return [
                str(n.message) for n in app._notifications if "cannot be written" in str(n.message)
            ]  # noqa: SLF001

        start = loop.time()
        while not errors() and loop.time() - start < 30:
            await pilot.pause(0.1)
        await pilot.press(*" prøve igen.")
        start = loop.time()
        while loop.time() - start < 3:  # several retries while the lock stays
            await pilot.pause(0.1)
        assert len(errors()) == 1
        assert screen.saver.pending
        other.rollback()
        other.close()
        await saved(pilot, screen)
    assert agreements.latest(store, case_id).citizen_words == "Jeg vil gerne prøve igen."
    store.close()


async def test_typing_through_a_held_write_lock_never_stalls_the_screen(
    patient_store, db_path, clock
) -> None:
    """Another program holds a write transaction, released only when the test says so, while
    the broker types: with a save waiting on the lock in its thread, more keys still show in
    the text area (the event loop runs), nothing is stored while the lock is held, and every
    character is stored once it goes."""
    from coordinator.app import CoordinatorApp

    store = patient_store
    case_id = new_case(store)
    agreements.ensure_draft(store, case_id)
    app = CoordinatorApp(store=store, clock=clock, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        area = screen.query_one("#citizen-words", TextArea)
        area.focus()
        lock = "UPDATE agreement SET notes = 'elsewhere' WHERE case_id = ?"
        typed = ""
        with held_write_lock(db_path, lock, case_id) as held:
            for word in ("abcde", "fghij", "klmno"):
                await pilot.press(*word)
                typed += word
                await until(pilot, lambda: screen.in_flight)  # a save waits on the lock
                assert area.text == typed, "the keys took effect while the lock was held"
            assert not agreements.latest(store, case_id).citizen_words, "still locked out"
            held.release()
        assert not held.gave_up, "the event loop was stuck on the lock"
        await saved(pilot, screen)
    assert agreements.latest(store, case_id).citizen_words == typed


async def test_a_slow_save_while_typing_goes_on_is_no_false_conflict(
    demo_store, make_app, monkeypatch
) -> None:
    """A save started while the previous one still writes (slowed to 1.2 s) checks against
    what that one wrote: no "changed elsewhere" for the broker's own typing."""
    import time

    really_save = agreement_edits.save_edits

    def slow_save(*args, **kwargs):
        time.sleep(1.2)
        return really_save(*args, **kwargs)

    monkeypatch.setattr(agreement_edits, "save_edits", slow_save)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, 1)
        await pilot.press("end", *" og")
        loop = asyncio.get_running_loop()
        start = loop.time()
        while not screen.saver.saving:  # the first save is writing ...
            assert loop.time() - start < 30
            await pilot.pause(0.02)
        await pilot.press(*" chauffør")  # ... while typing goes on
        await pilot.press("ctrl+s")  # and another save is asked for at once
        await saved(pilot, screen)
        assert not screen.saver.conflict
        assert "changed elsewhere" not in str(screen.save_state.render())
    assert agreements.latest(demo_store, 1).job_goal == "Lagermedarbejder og chauffør"


async def test_a_conflict_on_one_field_lets_another_field_save(
    demo_store, db_path, clock, make_app
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _typing_into_a_change_made_elsewhere(app, pilot, db_path, clock)
        words = screen.query_one("#citizen-words", TextArea)
        words.focus()
        await pilot.press(*"Jeg vil gerne ")
        loop = asyncio.get_running_loop()
        start = loop.time()
        while screen.in_flight or screen.saver.unsaved:
            assert loop.time() - start < 30
            await pilot.pause(0.05)
        stored = agreements.latest(demo_store, 1)
        assert stored.citizen_words == words.text and words.text.startswith("Jeg vil gerne J")
        assert stored.job_goal == "Chauffør"  # disputed: waits for the choice
        assert screen.saver.conflicts == {"job_goal": "Chauffør"}


async def test_a_goal_far_off_asks_for_its_reason_which_is_saved(store, make_app) -> None:
    """A goal date more than three months after the meeting warns live until the reason is
    written, and the reason is saved with the agreement (it goes into the documents)."""
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        box = screen.query_one("#warnings")
        await pilot.press(*"Pædagogmedhjælper", "tab", "end", "ctrl+u", *"+5m")
        await pilot.pause()
        assert "more than 3 months" in str(box.render())
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#goal-reason", Input)
        await pilot.press(*"Uddannelse først")
        await pilot.pause()
        assert "more than 3 months" not in str(box.render())
        await saved(pilot, screen)
    assert agreements.latest(store, case_id).goal_reason == "Uddannelse først"
