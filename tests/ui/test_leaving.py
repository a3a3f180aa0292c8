"""Quitting with typing that cannot be saved names it and keeps it in the recovery file; the
next start offers it back; an error in a worker never ends the app."""

from __future__ import annotations

import stat

from textual.widgets import TextArea

from coordinator.screens.recovery_dialog import QuitDialog, RestoreDialog
from coordinator.store import agreement_edits, agreements
from coordinator.store.errors import Unavailable
from coordinator.store.recovery import kept, recovery_path
from tests.ui.test_agreement_screen import open_agreement, settle

FULL_DISK = "The database cannot be written just now (database or disk is full)."


async def test_quitting_on_a_full_disk_keeps_the_typing_for_the_next_start(
    demo_store, make_app, monkeypatch
) -> None:
    def full(*_args, **_kwargs):
        raise Unavailable(FULL_DISK)

    monkeypatch.setattr(agreement_edits, "save_edits", full)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, 1)
        screen.query_one("#citizen-words", TextArea).focus()
        await pilot.press(*"Jeg vil gerne køre truck")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, QuitDialog), "one Ctrl+Q never drops unsaved typing"
        assert "The citizen's own words" in str(app.screen.query_one("#quit-unsaved").render())
        await pilot.press("r")
        await settle(pilot)
    path = recovery_path(demo_store)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "truck" not in (agreements.latest(demo_store, 1).citizen_words or "")

    monkeypatch.undo()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RestoreDialog)
        await pilot.press("r")
        await settle(pilot)
        assert not isinstance(app.screen, RestoreDialog)
    assert "Jeg vil gerne køre truck" in agreements.latest(demo_store, 1).citizen_words
    assert kept(demo_store) is None and not path.exists()


async def test_quitting_with_everything_saved_asks_nothing(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agreement(app, pilot, 1)
        await pilot.press("end", *" nu", "ctrl+q")
        await settle(pilot)
    assert agreements.latest(demo_store, 1).job_goal == "Lagermedarbejder nu"
    assert not recovery_path(demo_store).exists()


async def test_an_error_in_a_worker_is_one_line_and_the_app_goes_on(
    demo_store, make_app, monkeypatch, isolated_environment
) -> None:
    """The PDF export's crash (issue 20, item 5) must not end the meeting: the worker's error
    is told in one line and logged without the citizen's data."""
    from coordinator.crash import log_path
    from coordinator.export import jobs
    from coordinator.screens.export_dialog import ExportDialog

    secret = "Mads Eriksen 010190-1234"

    def broken(*_args, **_kwargs):
        raise ValueError(f"The row with index 1 is too high: {secret}")

    monkeypatch.setattr(jobs, "export", broken)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(ExportDialog(kind="agreement", ref_id=1))
        await settle(pilot)
        dialog = app.screen
        worker = dialog.run_export(("pdf",), None)
        while not worker.is_finished:
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.is_running and app.screen is dialog
        told = [str(n.message) for n in app._notifications]  # noqa: SLF001
        assert any("ValueError" in m and "the app goes on" in m for m in told), told
        assert all(secret not in m for m in told)
    log = log_path().read_text()
    assert "ValueError" in log and "export_dialog.py" in log and secret not in log
