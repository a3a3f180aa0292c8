"""Dialogs of the days and day screens: create a day, add a case, confirm a change.

Each dialog validates what it can, calls the store, and shows the store's `Invalid` message in
the dialog itself, so the coordinator fixes the field instead of starting over. Enter in a
field (or ctrl+s) saves; escape closes without saving.

The store is never called on the event loop: the people of the pickers are read in a worker
when the dialog opens (`PeopleRead`), and saving checks the typing on the loop, then stores it
in a worker (`SaveDone`, `SaveFailed`); the dialog closes when the store said yes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from coordinator.domain.clock_entry import (
    EntryError,
    read_breaks,
    read_clock_time,
    read_iso_date,
    read_minutes,
)
from coordinator.domain.vocab import CHALLENGE_LABELS, ChallengeKind, Profession
from coordinator.i18n import N_, _, current_language
from coordinator.screens.base import AppModal, FormModal
from coordinator.store.database import Store
from coordinator.store.errors import Invalid, StoreError
from coordinator.store.people import PersonRecord
from coordinator.widgets.form_scroll import FormScroll
from coordinator.widgets.plain import plain

#: What a dialog stores, run in a worker with the app's store; returns the new id.
SaveJob = Callable[[Store], int]


@dataclass
class PeopleRead(Message):
    """The directory, read in a worker for a dialog's pickers."""

    people: list[PersonRecord]


@dataclass
class SaveDone(Message):
    """The store took what the dialog saved; `result` is the new id."""

    result: int


@dataclass
class SaveFailed(Message):
    """The store refused what the dialog saved (shown in the dialog)."""

    error: StoreError


class DuplicateDay(Invalid):
    """A day is already planned on the date: saving again plans a second one."""

    def __init__(self, message: str, when: date) -> None:
        super().__init__(message)
        self.when = when


#: The key that answers yes, per language: Danish answers Ja with j.
YES_KEYS = {"da": "j", "en": "y"}


class ConfirmDialog(AppModal[bool]):
    """A yes/no question; the language's yes key (j for Ja, y for Yes) or enter on the focused
    Yes button confirms, n or escape declines.

    The class binds y (the keymap catalogue's default); a Danish dialog moves that binding to
    j when it is built and keeps y as a silent alias: y means nothing else here, and a hand
    used to English answers as meant."""

    CSS_PATH = "day_dialogs.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
        self.yes_key = YES_KEYS.get(current_language(), "y")
        self._language_keys()

    def _language_keys(self) -> None:
        """Bind yes to the language's key, and name n (not escape) for no in the footer."""
        keys = self._bindings.key_to_bindings  # noqa: SLF001 - the per-instance copy Textual reads
        keys["escape"] = [replace(b, show=False) for b in keys.get("escape", [])]
        if self.yes_key == "y":
            return
        ordered = dict(keys)  # rebuilt in place: the footer shows the keys in this order
        keys.clear()
        for key, entries in ordered.items():
            if key != "y":
                keys[key] = entries
                continue
            keys[self.yes_key] = [replace(b, key=self.yes_key) for b in entries]
            keys["y"] = [replace(b, show=False, id=None) for b in entries]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), id="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{_('Yes')} ({self.yes_key})", variant="warning", id="yes")
                yield Button(f"{_('No')} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class _FormDialog(FormModal[int | None]):
    """A form that saves on enter or ctrl+s and shows the store's complaint in place."""

    CSS_PATH = "day_dialogs.tcss"
    #: The pickers (Select id to profession) filled from the directory once it is read.
    PICKERS: dict[str, Profession] = {}

    def __init__(self) -> None:
        super().__init__()
        #: A save is being stored by the worker: saving again waits for its answer.
        self.saving = False

    def on_mount(self) -> None:
        self.query("Input, Select").first().focus()  # a dialog may have only a picker
        if self.PICKERS:
            self._read_people(self.store)

    @work(thread=True, exclusive=True, group="dialog-people")
    def _read_people(self, store: Store) -> None:
        from coordinator.store.people import list_people

        try:
            people = list_people(store)
        except StoreError as exc:
            self.post_message(SaveFailed(exc))
            return
        self.post_message(PeopleRead(people))

    @on(PeopleRead)
    def _people_read(self, message: PeopleRead) -> None:
        for field_id, profession in self.PICKERS.items():
            self.query_one(f"#{field_id}", Select).set_options(
                _people_options(message.people, profession)
            )

    def show_error(self, message: str) -> None:
        error = self.query_one("#error", Static)
        error.update(plain(message))
        error.display = bool(message)

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def prepare(self) -> SaveJob:
        """Read the form (on the event loop, no store call): what to store, or an
        `EntryError` / `StoreError` for a field typed wrong."""
        raise NotImplementedError

    def action_save(self) -> None:
        if self.saving:
            return
        try:
            job = self.prepare()
        except StoreError as exc:
            self.show_error(exc.message)
            return
        except EntryError as exc:  # a date, time, break or length typed wrong
            self.show_error(str(exc))
            return
        self.saving = True
        self.query_one("#save", Button).disabled = True
        self._store_it(self.store, job)

    @work(thread=True, exclusive=True, group="dialog-save")
    def _store_it(self, store: Store, job: SaveJob) -> None:
        try:
            result = job(store)
        except StoreError as exc:
            self.post_message(SaveFailed(exc))
            return
        self.post_message(SaveDone(result))

    @on(SaveDone)
    def _save_done(self, message: SaveDone) -> None:
        self.saving = False
        self.dismiss(message.result)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self.saving = False
        self.query_one("#save", Button).disabled = False
        self.refused(message.error)
        self.show_error(message.error.message)

    def refused(self, error: StoreError) -> None:
        """The store refused the save (a subclass may remember why)."""

    def buttons(self, save_label: str) -> ComposeResult:
        error = Static(id="error", classes="dialog-error")
        error.display = False
        yield error
        with Horizontal(classes="buttons"):
            yield Button(save_label, variant="primary", id="save")
            yield Button(_("Cancel"), id="cancel")


def _people_options(people: list[PersonRecord], profession: Profession) -> list[tuple[Text, str]]:
    return [(plain(p.name), p.name) for p in people if p.profession is profession]


class CreateDayDialog(_FormDialog):
    """A new step-up day: date, start, durations, breaks, place and coordinator."""

    PICKERS = {"coordinator": Profession.COORDINATOR}

    def __init__(self, default_date: date) -> None:
        super().__init__()
        self.default_date = default_date
        #: A date the user was told already has a day, and confirmed by saving again.
        self._duplicate_ok: date | None = None

    def compose(self) -> ComposeResult:
        with FormScroll(classes="dialog"):
            yield Label(_("New step-up day"), classes="dialog-title")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(_("Date (YYYY-MM-DD)"), classes="field-label")
                    yield Input(self.default_date.isoformat(), id="date")
                with Vertical():
                    yield Label(_("Start (HH:MM)"), classes="field-label")
                    yield Input("08:30", id="start")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(_("Pre-meeting minutes"), classes="field-label")
                    yield Input("15", id="pre", type="integer")
                with Vertical():
                    yield Label(_("Meeting minutes"), classes="field-label")
                    yield Input("45", id="meeting", type="integer")
            yield Label(
                _("Breaks (HH:MM-HH:MM, several separated by commas)"), classes="field-label"
            )
            yield Input("11:30-12:00", id="breaks")
            yield Label(_("Location"), classes="field-label")
            yield Input(id="location")
            yield Label(_("Coordinator"), classes="field-label")
            yield Select([], prompt=_("(none)"), id="coordinator")
            yield from self.buttons(_("Create day"))

    def prepare(self) -> SaveJob:
        from coordinator.store.day_model import day_summaries
        from coordinator.store.days import DayInput, create_day

        coordinator = self.query_one("#coordinator", Select).value
        when = read_iso_date(self.value("date"))
        data = DayInput(
            date=when,
            start=read_clock_time(self.value("start")),
            pre_minutes=read_minutes(self.value("pre"), _("The pre-meeting")),
            meeting_minutes=read_minutes(self.value("meeting"), _("The meeting")),
            breaks=read_breaks(self.value("breaks")),
            location=self.value("location"),
            coordinator=coordinator if isinstance(coordinator, str) else None,
        )
        second_ok = when == self._duplicate_ok

        def create(store: Store) -> int:
            taken = any(day.date == when for day in day_summaries(store))
            if taken and not second_ok:
                raise DuplicateDay(
                    _(
                        "There is already a step-up day on {date}. Save again to plan a second "
                        "one that day, or change the date."
                    ).format(date=f"{when:%d.%m.%Y}"),
                    when,
                )
            return create_day(store, data).id or 0

        return create

    def refused(self, error: StoreError) -> None:
        if isinstance(error, DuplicateDay):
            self._duplicate_ok = error.when


class AddCaseDialog(_FormDialog):
    """A citizen's case at the end of the day's agenda."""

    PICKERS = {"jobbroker": Profession.JOBBROKER, "caseworker": Profession.CASEWORKER}

    def __init__(self, day_id: int) -> None:
        super().__init__()
        self.day_id = day_id

    def compose(self) -> ComposeResult:
        with FormScroll(classes="dialog"):
            yield Label(_("Add a case"), classes="dialog-title")
            yield Label(_("Citizen's name"), classes="field-label")
            yield Input(id="citizen")
            yield Label(_("Challenges"), classes="field-label")
            with Horizontal(classes="row"):
                for kind in ChallengeKind:
                    yield Checkbox(_(CHALLENGE_LABELS[kind]), id=f"challenge-{kind.value}")
            yield Label(_("Job broker"), classes="field-label")
            yield Select([], prompt=_("(none)"), id="jobbroker")
            yield Label(_("Caseworker"), classes="field-label")
            yield Select([], prompt=_("(none)"), id="caseworker")
            yield from self.buttons(_("Add case"))

    def prepare(self) -> SaveJob:
        from coordinator.store.cases import CaseInput, add_case

        challenges = tuple(
            kind
            for kind in ChallengeKind
            if self.query_one(f"#challenge-{kind.value}", Checkbox).value
        )
        people = {}
        for field_id in ("jobbroker", "caseworker"):
            value = self.query_one(f"#{field_id}", Select).value
            people[field_id] = value if isinstance(value, str) else None
        data = CaseInput(
            day_id=self.day_id,
            citizen=self.value("citizen"),
            challenges=challenges,
            jobbroker=people["jobbroker"],
            caseworker=people["caseworker"],
        )
        return lambda store: add_case(store, data).id or 0


def next_weekday(today: date) -> date:
    """The default date of a new day: the next working day."""
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
