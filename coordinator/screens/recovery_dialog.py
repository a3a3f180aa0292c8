"""The two questions about unsaved typing: quitting with some, and restoring it at the next start.

Both only appear after a deliberate key (Ctrl+Q) or at start, never while typing.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from coordinator.i18n import N_, _
from coordinator.screens.base import AppModal
from coordinator.store.errors import StoreError
from coordinator.store.recovery import Kept, Restored, discard, restore
from coordinator.widgets.plain import plain


class QuitDialog(AppModal[str | None]):
    """Quitting with typing that could not be saved: keep it in the recovery file and quit,
    quit without it, or stay. Dismissed with "keep", "quit" or None."""

    CSS_PATH = "agreement_dialogs.tcss"

    BINDINGS = [
        Binding("r", "choose('keep')", N_("Keep and quit"), id="quit.keep"),
        Binding("x", "choose('quit')", N_("Quit without it"), id="quit.drop"),
        Binding("escape", "choose(None)", N_("Stay"), id="quit.stay"),
    ]

    def __init__(self, unsaved: str, path: Path) -> None:
        super().__init__(classes="agreement-dialog")
        self.unsaved = unsaved
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(_("Not saved"), classes="dialog-title")
            yield Static(plain(_("What you typed here is not saved in the database:")))
            yield Static(plain(self.unsaved), id="quit-unsaved")
            yield Static(
                plain(
                    _(
                        "R (or Ctrl+Q): keep it in a recovery file ({path}) and quit; the next "
                        "start offers to restore it · X: quit and lose it · Esc: stay"
                    ).format(path=self.path)
                ),
                classes="dialog-hint",
            )

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class RestoreDialog(AppModal[None]):
    """At start: typing kept in the recovery file by an earlier run; restore it, delete it,
    or decide at the next start."""

    CSS_PATH = "agreement_dialogs.tcss"

    BINDINGS = [
        Binding("r", "restore", N_("Restore"), id="recovery.restore"),
        Binding("x", "discard", N_("Delete it"), id="recovery.discard"),
        Binding("escape", "later", N_("Later"), id="recovery.later"),
    ]

    def __init__(self, found: Kept) -> None:
        super().__init__(classes="agreement-dialog")
        self.found = found

    def compose(self) -> ComposeResult:
        names = {"agreement": _("Agreement"), "preparation": _("Preparation")}
        lines = []
        for form, ref, labels in self.found.forms:
            what = _("{form} of case {id}").format(form=names.get(form, form), id=ref)
            fields = ", ".join(dict.fromkeys(f"“{label}”" for label in labels))
            lines.append(f"{what}: {fields}")
        with Vertical(classes="dialog-box"):
            yield Static(_("Unsaved typing was kept"), classes="dialog-title")
            yield Static(
                plain(
                    _(
                        "When the app closed on {when}, this was not saved; it is kept in {path}:"
                    ).format(when=f"{self.found.kept_at:%d.%m.%Y %H:%M}", path=self.found.path)
                )
            )
            yield Static(plain("\n".join(lines)), id="recovery-forms")
            yield Static(
                _(
                    "R: restore it (a field changed elsewhere since is not overwritten) · "
                    "X: delete it · Esc: decide at the next start"
                ),
                classes="dialog-hint",
            )

    def action_restore(self) -> None:
        store = self.store

        def run() -> None:
            try:
                result = restore(store)
            except StoreError as exc:
                self.app.call_from_thread(self._told, exc.message, "error")
                return
            self.app.call_from_thread(self._restored, result)

        self.run_worker(run, thread=True, group="recovery", exit_on_error=False)

    def _restored(self, result: Restored) -> None:
        parts = []
        if result.written:
            parts.append(
                _("Restored: {fields}.").format(fields=", ".join(dict.fromkeys(result.written)))
            )
        if result.left:
            parts.append(
                _("Not restored, kept in the recovery file: {fields}.").format(
                    fields=", ".join(dict.fromkeys(result.left))
                )
            )
        parts += result.problems
        self._told(" ".join(parts), "warning" if result.left else "information")

    def _told(self, message: str, severity: str) -> None:
        self.app.notify(message, severity=severity, timeout=20, markup=False)  # type: ignore[arg-type]
        self.dismiss(None)

    def action_discard(self) -> None:
        store = self.store

        def run() -> None:
            discard(store)
            self.app.call_from_thread(
                self._told, _("The recovery file was deleted."), "information"
            )

        self.run_worker(run, thread=True, group="recovery", exit_on_error=False)

    def action_later(self) -> None:
        self.dismiss(None)
