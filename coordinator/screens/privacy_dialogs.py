"""Dialogs of the citizen's privacy: their consent, and the confirmation of an erasure that
names what goes (and says so when a meeting of theirs runs today)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from coordinator.i18n import N_, _
from coordinator.screens.base import AppModal, FormModal
from coordinator.store.consent import ConsentView
from coordinator.store.erasure import ErasurePreview
from coordinator.store.personal_data import TABLE_LABELS
from coordinator.widgets.plain import plain


@dataclass(frozen=True)
class ConsentInput:
    given_on: date | None
    scope: str
    withdrawn_on: date | None


def _parse(text: str) -> date | None:
    text = text.strip()
    return date.fromisoformat(text) if text else None


class ConsentDialog(FormModal[ConsentInput | None]):
    """Given on, scope and withdrawn on, as dates YYYY-MM-DD."""

    CSS_PATH = "privacy_dialogs.tcss"

    def __init__(self, consent: ConsentView) -> None:
        super().__init__()
        self.consent = consent

    def compose(self) -> ComposeResult:
        consent = self.consent
        with Vertical(classes="dialog"):
            yield Label(_("The citizen's consent"), classes="dialog-title")
            yield Label(_("Given on (YYYY-MM-DD)"))
            yield Input(_iso(consent.given_on), id="consent-given", compact=True)
            yield Label(_("Scope: who may share what"))
            yield Input(consent.scope, id="consent-scope", compact=True)
            yield Label(_("Withdrawn on (YYYY-MM-DD, empty if not)"))
            yield Input(_iso(consent.withdrawn_on), id="consent-withdrawn", compact=True)
            yield Static(id="consent-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), id="save", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def action_save(self) -> None:
        try:
            given = _parse(self.query_one("#consent-given", Input).value)
            withdrawn = _parse(self.query_one("#consent-withdrawn", Input).value)
        except ValueError:
            self.query_one("#consent-error", Static).update(
                _("Write dates as YYYY-MM-DD, e.g. 2026-11-30.")
            )
            return
        if given and withdrawn and withdrawn < given:
            self.query_one("#consent-error", Static).update(
                _("Consent cannot be withdrawn before it was given.")
            )
            return
        scope = self.query_one("#consent-scope", Input).value
        self.dismiss(ConsentInput(given, scope, withdrawn))


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


class EraseDialog(AppModal[bool]):
    """Names what an erasure takes; Erase (or ctrl+e) erases, escape keeps everything."""

    CSS_PATH = "privacy_dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="erase.cancel"),
        Binding("ctrl+e", "erase", N_("Erase"), id="erase.confirm"),
    ]

    def __init__(self, preview: ErasurePreview) -> None:
        super().__init__()
        self.preview = preview

    def compose(self) -> ComposeResult:
        preview = self.preview
        with Vertical(classes="dialog"):
            title = plain(_("Erase the citizen's personal data?") + " ", "bold")
            title.append(preview.name or _("(erased)"))
            yield Static(title, classes="dialog-title")
            if preview.cases_today:
                yield Static(
                    plain(
                        _("A meeting of theirs runs today (case {cases}).").format(
                            cases=", ".join(map(str, preview.cases_today))
                        ),
                        "bold red",
                    )
                )
            yield Label(_("Goes, and cannot be brought back:"))
            for name, count in preview.rows.items():
                label = _(TABLE_LABELS[name])
                yield Static(plain(f"  • {label} ({count})"))
            yield Static(
                _(
                    "Stays, without names or text: the cases' dates, challenge kinds, times, "
                    "attendance and statuses, for the statistics."
                ),
                classes="erase-stays",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Erase"), id="erase", variant="error", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_erase(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#erase")
    def _erase(self) -> None:
        self.action_erase()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
