"""Short questions the day's keys ask before they change anything: the reason a citizen was
absent, a case cancelled or a referral withdrawn (`ReasonDialog`), and whether invited cases
keep their times when a batch would move them (`InvitedChoiceDialog`).

Unlike the correction forms (`day_corrections`) they store nothing themselves: they return the
answer and the screen that asked makes the change through its own queue.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from coordinator.i18n import N_, _
from coordinator.screens.base import AppModal, FormModal
from coordinator.widgets.plain import plain

CSS = ["day_dialogs.tcss", "day_questions.tcss"]


@dataclass(frozen=True)
class Reason:
    """What the reason dialog returns: the typed reason (may be empty)."""

    text: str


class ReasonDialog(FormModal[Reason | None]):
    """A question and one line for the reason (why the citizen did not come, why the case is
    cancelled, why a referral is withdrawn). Enter confirms, escape changes nothing."""

    CSS_PATH = CSS

    def __init__(self, question: str, confirm_label: str) -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reason-dialog"):
            yield Static(plain(self.question), id="question")
            yield Label(_("Reason"), classes="field-label")
            yield Input(id="reason", placeholder=_("Why? (can be added later)"))
            with Horizontal(classes="buttons"):
                yield Button(self.confirm_label, variant="warning", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def action_save(self) -> None:
        self.dismiss(Reason(self.query_one("#reason", Input).value))


class InvitedChoiceDialog(AppModal[str | None]):
    """Batching with invited cases: keep their times (k), let them move (m), or neither
    (escape). Three answers, so escape can never mean "move them"."""

    CSS_PATH = CSS
    BINDINGS = [
        Binding("k", "choose('keep')", N_("Keep times"), id="invited.keep"),
        Binding("m", "choose('move')", N_("Let them move"), id="invited.move"),
        Binding("escape", "choose('')", N_("Cancel"), id="invited.cancel"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="invited-choice"):
            yield Static(plain(self.question), id="question")
            with Horizontal(classes="buttons"):
                yield Button(_("Keep times"), variant="primary", id="keep")
                yield Button(_("Let them move"), variant="warning", id="move")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#keep").focus()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)
