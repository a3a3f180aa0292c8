"""The export dialog: pick formats and a folder, export in a worker, show where files went.

Pushed by the day screen (`ExportDialog("day", day_id)`) and the agreement screen
(`ExportDialog("agreement", case_id)`); returns the written paths (empty when cancelled).

Nothing touches the disk on the event loop: the export runs in a worker, and so does finding
the default folder (platformdirs may read the user's `user-dirs.dirs`), which fills the folder
field when it arrives unless something was typed there first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Static

from coordinator.i18n import N_, _, current_language
from coordinator.screens.base import AppModal
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.plain import plain

ExportKind = Literal["agreement", "day", "material"]

TITLES = {
    "agreement": N_("Export the agreement"),
    "day": N_("Export the day's agenda"),
    "material": N_("Export the meeting material"),
}
FORMAT_LABELS = {
    "html": N_("HTML (for printing)"),
    "pdf": N_("PDF"),
    "docx": N_("Word (DOCX)"),
    "md": N_("Markdown"),
    "txt": N_("Plain text"),
    "ics": N_("Calendar (ICS)"),
}


@dataclass
class DefaultFolder(Message):
    """The default export folder, found in a worker."""

    folder: Path


class ExportDialog(AppModal[list[Path]]):
    """Choose formats and a target folder for one document, and export it."""

    CSS_PATH = "export_dialog.tcss"
    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="export.close"),
        Binding("ctrl+e", "export", N_("Export"), id="export.run"),
    ]

    def __init__(self, kind: ExportKind, ref_id: int) -> None:
        super().__init__()
        self.kind: ExportKind = kind
        self.ref_id = ref_id
        self.written: list[Path] = []

    def compose(self) -> ComposeResult:
        from coordinator.export.jobs import DEFAULT_FORMATS, FORMATS

        with Vertical(id="export-box"):
            yield Label(plain(_(TITLES[self.kind])), id="export-title")
            with Vertical(id="export-formats"):
                for fmt in FORMATS[self.kind]:
                    yield Checkbox(
                        plain(_(FORMAT_LABELS[fmt])),
                        value=fmt in DEFAULT_FORMATS[self.kind],
                        id=f"format-{fmt}",
                    )
            yield Label(plain(_("Folder")))
            yield Input(id="export-folder")
            yield Static(id="export-result")
            with Horizontal(id="export-buttons"):
                yield Button(plain(_("Export")), variant="primary", id="export-run")
                yield Button(plain(_("Close")), id="export-close")
        yield StepUpFooter()

    def on_mount(self) -> None:
        self._find_default_folder()

    @work(thread=True, exclusive=True, group="export-folder")
    def _find_default_folder(self) -> None:
        from coordinator.export.files import default_folder

        self.post_message(DefaultFolder(default_folder()))

    @on(DefaultFolder)
    def _default_folder(self, message: DefaultFolder) -> None:
        field = self.query_one("#export-folder", Input)
        if not field.value:
            field.value = str(message.folder)

    def chosen_formats(self) -> tuple[str, ...]:
        from coordinator.export.jobs import FORMATS

        return tuple(
            fmt for fmt in FORMATS[self.kind] if self.query_one(f"#format-{fmt}", Checkbox).value
        )

    @on(Button.Pressed, "#export-run")
    def action_export(self) -> None:
        formats = self.chosen_formats()
        result = self.query_one("#export-result", Static)
        if not formats:
            result.update(plain(_("Choose at least one format.")))
            return
        folder = self.query_one("#export-folder", Input).value.strip()
        result.update(plain(_("Exporting…")))
        self.query_one("#export-run", Button).disabled = True
        self.run_export(formats, Path(folder).expanduser() if folder else None)

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.dismiss(self.written)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, formats: tuple[str, ...], folder: Path | None) -> None:
        from coordinator.export.jobs import Options, export
        from coordinator.store.errors import StoreError

        options = Options(language=current_language(), out=folder)
        try:
            paths = export(self.store, self.kind, self.ref_id, formats, options)
        except StoreError as exc:
            self.app.call_from_thread(self._show_error, exc.message)
            return
        self.app.call_from_thread(self._show_paths, paths)

    def _show_error(self, message: str) -> None:
        self.query_one("#export-run", Button).disabled = False
        self.query_one("#export-result", Static).update(plain(message, style="bold red"))

    def _show_paths(self, paths: list[Path]) -> None:
        self.written.extend(paths)
        self.query_one("#export-run", Button).disabled = False
        lines: list[str] = []
        for folder in dict.fromkeys(path.parent for path in paths):
            lines.append(_("Saved in {folder}:").format(folder=folder))
            lines += [f"  {path.name}" for path in paths if path.parent == folder]
        self.query_one("#export-result", Static).update(plain("\n".join(lines)))
        self.query_one("#export-box").scroll_end(animate=False)
