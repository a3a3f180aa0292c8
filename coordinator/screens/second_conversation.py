"""The second conversation's dialog (issue 21, item 18): the first case's roster as a
proposal to confirm or edit, its meeting length, and the day -- a later one, or a new one made
here when none exists (a date with the weekend/holiday warning the CLI gives).

The proposal is read before the dialog opens (`store/second_conversation.propose_second`, in
the agreement screen's worker); the dialog only shows it, re-checks the roster rules on the
ticked lines as they change (pure, `SecondProposal.findings`), and returns what was confirmed.
The agreement screen stores it in a worker (`create_second`); nothing is written before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from coordinator.domain.clock_entry import EntryError, read_iso_date
from coordinator.domain.roster_rules import Severity
from coordinator.domain.vocab import PART_LABELS
from coordinator.i18n import N_, _
from coordinator.screens.base import AppModal
from coordinator.store.second_conversation import SecondProposal, new_day_warning
from coordinator.widgets.plain import plain

#: The day choice that makes a new day from the date field.
NEW_DAY = -1


@dataclass(frozen=True)
class SecondChoice:
    """What the coordinator confirmed: roster line ids, meeting minutes, and a day (an existing
    one's id, or a new day's date)."""

    roster: tuple[int, ...]
    meeting_minutes: int
    day_id: int | None
    new_date: date | None


class SecondConversationDialog(AppModal[SecondChoice | None]):
    """Confirm the carried-over roster and length and choose (or create) the day."""

    CSS_PATH = ["agreement_dialogs.tcss", "second_conversation.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Schedule"), id="agreement.second.save"),
        Binding("escape", "close", N_("Cancel"), id="agreement.second.cancel"),
    ]

    def __init__(self, proposal: SecondProposal, today: date) -> None:
        super().__init__(classes="agreement-dialog")
        self.proposal = proposal
        self.today = today

    def compose(self) -> ComposeResult:
        proposal = self.proposal
        with VerticalScroll(classes="dialog-box", id="second-box"):
            yield Static(
                plain(_("Second conversation with {citizen}").format(citizen=proposal.citizen)),
                classes="dialog-title",
            )
            yield Static(
                _("Roster, carried over from the first conversation (untick to leave out)")
            )
            yield SelectionList[int](
                *[
                    (
                        Text(f"{line.display_name} ({_(PART_LABELS[line.part])})"),
                        line.id,
                        True,
                    )
                    for line in proposal.roster
                ],
                id="second-roster",
            )
            yield Static(id="second-findings")
            with Horizontal(classes="second-row"):
                yield Label(_("Meeting minutes"))
                yield Input(str(proposal.meeting_minutes), id="second-minutes", type="integer")
            yield Static(
                plain(
                    _("Pre-meeting {minutes} min on the first day.").format(
                        minutes=proposal.pre_minutes
                    )
                ),
                classes="dialog-hint",
            )
            days = [
                (f"{day.date:%d.%m.%Y} {day.location}".strip(), day.id)
                for day in proposal.later_days
            ]
            days.append((_("A new day (the first day's settings)"), NEW_DAY))
            yield Label(_("Day"))
            yield Select(days, value=days[0][1], allow_blank=False, id="second-day")
            yield Label(_("New day's date (YYYY-MM-DD)"), id="second-date-label")
            yield Input(self._suggested_date().isoformat(), id="second-date")
            yield Static(id="second-date-warning")
            if not proposal.later_days:
                yield Static(
                    _("There is no later step-up day yet: the date above creates one."),
                    classes="dialog-hint",
                )
            yield Static(id="second-error")
            with Horizontal(classes="buttons"):
                yield Button(_("Schedule"), variant="primary", id="second-save")
                yield Button(_("Cancel"), id="second-cancel")

    def _suggested_date(self) -> date:
        """Two weeks after the first day, on a weekday."""
        when = self.proposal.first_date + timedelta(weeks=2)
        while when.weekday() >= 5:
            when += timedelta(days=1)
        return when

    def on_mount(self) -> None:
        self._show_findings()
        self._show_day()
        self.query_one(SelectionList).focus()

    # --- live feedback ----------------------------------------------------------------------

    @on(SelectionList.SelectedChanged)
    def _show_findings(self) -> None:
        chosen = self.query_one(SelectionList).selected
        text = Text()
        for finding in self.proposal.findings(chosen):
            style = "bold red" if finding.severity is Severity.ERROR else "yellow"
            text.append(("\n" if text.plain else "") + finding.message, style=style)
        if not text.plain:
            text.append(_("The roster rules find nothing missing."), style="green")
        self.query_one("#second-findings", Static).update(text)

    @on(Select.Changed, "#second-day")
    def _show_day(self) -> None:
        new = self.query_one("#second-day", Select).value == NEW_DAY
        for widget_id in ("#second-date-label", "#second-date", "#second-date-warning"):
            self.query_one(widget_id).display = new
        self._date_warning()

    @on(Input.Changed, "#second-date")
    def _date_warning(self) -> None:
        box = self.query_one("#second-date-warning", Static)
        try:
            when = read_iso_date(self.query_one("#second-date", Input).value)
        except EntryError as exc:
            box.update(plain(str(exc), "red"))
            return
        warning = new_day_warning(self.proposal, when)
        box.update(plain(warning or "", "bold yellow"))

    # --- the answer -------------------------------------------------------------------------

    def _choice(self) -> SecondChoice:
        """What was confirmed; `EntryError` (one line) when a field cannot be read."""
        text = self.query_one("#second-minutes", Input).value.strip()
        if not text.isdigit() or int(text) < 1:
            raise EntryError(_("The meeting must last at least one minute."))
        day = self.query_one("#second-day", Select).value
        new_date = None
        if day == NEW_DAY:
            new_date = read_iso_date(self.query_one("#second-date", Input).value)
            if new_date <= self.proposal.first_date:
                raise EntryError(_("A second conversation must be on a later day than the first."))
        return SecondChoice(
            roster=tuple(self.query_one(SelectionList).selected),
            meeting_minutes=int(text),
            day_id=None if day == NEW_DAY else int(day),  # type: ignore[arg-type]
            new_date=new_date,
        )

    @on(Button.Pressed, "#second-save")
    def action_save(self) -> None:
        try:
            choice = self._choice()
        except EntryError as exc:
            self.query_one("#second-error", Static).update(plain(str(exc), "bold red"))
            return
        self.dismiss(choice)

    @on(Button.Pressed, "#second-cancel")
    def action_close(self) -> None:
        self.dismiss(None)
