"""The export dialog writes the chosen formats in a worker and shows where they went."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Static

from coordinator.demo import create_demo
from coordinator.screens.export_dialog import ExportDialog
from tests.workers import workers_done


async def test_dialog_exports_and_shows_paths(store, make_app, tmp_path: Path) -> None:
    create_demo(store)
    app = make_app()
    results: list[list[Path]] = []
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(ExportDialog("agreement", 1), results.append)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#format-docx", Checkbox).value = True
        dialog.query_one("#export-folder", Input).value = str(tmp_path / "out")
        await pilot.press("ctrl+e")
        await workers_done(app)
        await pilot.pause()
        shown = str(dialog.query_one("#export-result", Static).render())
        assert str(tmp_path / "out") in shown
        assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".html", ".pdf"]
        await pilot.press("escape")
        await pilot.pause()
    assert results and len(results[0]) == 3
