"""Dialogs that correct a day after it was planned: its settings, a case's details, a case's
day. (The short questions the day's keys ask, a reason or what invited cases should do, are in
`day_questions`.)

They are the day dialogs' forms (`day_dialogs._FormDialog`): typing is checked on the event
loop, the store is called in a worker, and the store's refusal (a plan that no longer fits, a
full day, a person not in the directory) is shown in the dialog itself so the coordinator
fixes the field instead of starting over. The keys and what follows a save are the day
screen's (`day_corrections_actions`).
"""

from __future__ import annotations

from datetime import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label, Select, Static

from coordinator.domain.breaks import BreakPolicy
from coordinator.domain.clock_entry import (
    EntryError,
    read_breaks,
    read_clock_time,
    read_iso_date,
    read_minutes,
)
from coordinator.domain.vocab import CHALLENGE_LABELS, ChallengeKind, Profession
from coordinator.i18n import _
from coordinator.screens.day_dialogs import ConfirmDialog, PeopleRead, SaveJob, _FormDialog
from coordinator.store.case_edits import CaseDetails
from coordinator.store.database import Store
from coordinator.store.day_model import DayModel, DaySummary
from coordinator.store.errors import Invalid, StoreError
from coordinator.store.people import PersonRecord
from coordinator.store.timing import Move
from coordinator.widgets.form_scroll import FormScroll
from coordinator.widgets.plain import plain

CSS = ["day_dialogs.tcss", "day_corrections.tcss"]


class MovesInvited(Invalid):
    """Saving would move meetings whose participants were invited: the dialog asks first."""

    def __init__(self, moves: tuple[Move, ...]) -> None:
        super().__init__(_("This moves meetings participants were invited to."))
        self.moves = moves


def _times(breaks: str, latest: str) -> tuple[tuple[time, time, time | None], ...]:
    """The breaks field with the latest-starts field (one time per break, in order)."""
    read = read_breaks(breaks)
    lates: list[time | None] = [
        read_clock_time(t) for t in (part.strip() for part in latest.split(",")) if t
    ]
    if len(lates) > len(read):
        raise EntryError(_("There are more latest starts than breaks."))
    lates += [None] * (len(read) - len(lates))
    return tuple((s, e, late) for (s, e), late in zip(read, lates, strict=True))


class EditDayDialog(_FormDialog):
    """The day's date, start, durations, breaks (fixed or floating), place and coordinator.

    Saving first asks the store what would move; when meetings participants were invited to
    move, a confirmation names them, and yes stores the change with those cases marked moved
    (the agenda and the invitations say "moved from ..." until they are re-sent)."""

    CSS_PATH = CSS
    PICKERS = {"coordinator": Profession.COORDINATOR}

    def __init__(self, day: DayModel) -> None:
        super().__init__()
        self.day = day
        #: The invited cases the coordinator agreed to move (asked again if others move).
        self._moves_ok: frozenset[int] = frozenset()
        #: The picker shows the day's coordinator: before that, saving leaves it as it is.
        self._people_shown = False

    def compose(self) -> ComposeResult:
        plan = self.day.plan
        breaks = ", ".join(f"{b.start:%H:%M}-{b.end:%H:%M}" for b in plan.breaks)
        latest = ", ".join(
            f"{b.latest_start:%H:%M}" for b in plan.breaks if b.latest_start is not None
        )
        with FormScroll(classes="dialog", id="edit-day"):
            yield Label(_("Edit the day"), classes="dialog-title")
            # three fields a row, so the whole form and its buttons fit 80x24
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(_("Date (YYYY-MM-DD)"), classes="field-label")
                    yield Input(self.day.date.isoformat(), id="date")
                with Vertical():
                    yield Label(_("Start (HH:MM)"), classes="field-label")
                    yield Input(f"{plan.start:%H:%M}", id="start")
                with Vertical():
                    yield Label(_("Location"), classes="field-label")
                    yield Input(self.day.location, id="location")
            warning = Static(id="date-warning", classes="dialog-warning")
            warning.display = False
            yield warning
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(_("Pre-meeting minutes"), classes="field-label")
                    yield Input(str(plan.pre_minutes), id="pre", type="integer")
                with Vertical():
                    yield Label(_("Meeting minutes"), classes="field-label")
                    yield Input(str(plan.meeting_minutes), id="meeting", type="integer")
                with Vertical():
                    yield Label(_("Coordinator"), classes="field-label")
                    yield Select([], prompt=_("(none)"), id="coordinator")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(_("Breaks (HH:MM-HH:MM, …)"), classes="field-label")
                    yield Input(breaks, id="breaks")
                with Vertical():
                    yield Label(_("Latest break start"), classes="field-label")
                    yield Input(latest, id="latest")
                with Vertical():
                    yield Label(_("Breaks on overrun"), classes="field-label")
                    yield Select(
                        [
                            (_("Floating"), BreakPolicy.FLOATING.value),
                            (_("Fixed"), BreakPolicy.FIXED.value),
                        ],
                        value=plan.break_policy.value,
                        allow_blank=False,
                        id="policy",
                    )
            yield from self.buttons(_("Save"))

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()
        self._warn_of_date()

    @on(Input.Changed, "#date")
    def _warn_of_date(self) -> None:
        """A weekend or a public holiday is said under the date as it is typed (as `day edit`
        says it): a warning, the coordinator may mean it."""
        from coordinator.domain.series import day_warning

        try:
            when = read_iso_date(self.value("date"))
        except EntryError:
            warning = None  # half a date: nothing to say yet (saving says what is wrong)
        else:
            warning = day_warning(when)
        line = self.query_one("#date-warning", Static)
        line.update(plain(warning or ""))
        line.display = warning is not None

    @on(PeopleRead)
    def _choose_coordinator(self, message: PeopleRead) -> None:
        self.call_after_refresh(self._preselect, message.people)

    def _preselect(self, people: list[PersonRecord]) -> None:
        name = self.day.coordinator
        self._people_shown = True
        if not name:
            return
        picker = self.query_one("#coordinator", Select)
        names = [p.name for p in people if p.profession is Profession.COORDINATOR]
        if name not in names:
            picker.set_options([(plain(n), n) for n in [*names, name]])
        picker.value = name

    def prepare(self) -> SaveJob:
        from coordinator.store.day_edits import DayChanges, edit_day

        picked = self.query_one("#coordinator", Select).value
        coordinator = (picked if isinstance(picked, str) else "") if self._people_shown else None
        changes = DayChanges(
            date=read_iso_date(self.value("date")),
            start=read_clock_time(self.value("start")),
            pre_minutes=read_minutes(self.value("pre"), _("The pre-meeting")),
            meeting_minutes=read_minutes(self.value("meeting"), _("The meeting")),
            breaks=_times(self.value("breaks"), self.value("latest")),
            break_policy=BreakPolicy(str(self.query_one("#policy", Select).value)),
            location=self.value("location"),
            coordinator=coordinator,
        )
        day_id, agreed = self.day.id, self._moves_ok

        def save(store: Store) -> int:
            preview = edit_day(store, day_id, changes, apply=False)
            invited = tuple(m for m in preview.moves if m.case_id in preview.invited)
            if any(m.case_id not in agreed for m in invited):
                raise MovesInvited(invited)
            edit_day(store, day_id, changes)
            return day_id

        return save

    def refused(self, error: StoreError) -> None:
        if not isinstance(error, MovesInvited):
            return
        moves = error.moves
        lines = [f"{m.citizen}: {m.old_start:%H:%M} → {m.new_start:%H:%M}" for m in moves]
        question = (
            _(
                "These meetings move, and their participants were invited. Move them and mark "
                "them moved until the invitations are sent again?"
            )
            + "\n\n"
            + "\n".join(lines)
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._moves_ok = frozenset(m.case_id for m in moves)
                self.action_save()
            else:
                self.show_error(_("Nothing changed."))

        self.app.push_screen(ConfirmDialog(question), answered)

    @on(Input.Changed)
    def _typed(self) -> None:
        self._moves_ok = frozenset()  # a new change asks again


class EditCaseDialog(_FormDialog):
    """A case's citizen, CPR, challenges, job broker, caseworker, problem and trigger.
    Changed challenges re-run the roster rules at once: the dialog returns the case id and the
    screen shows the findings the day's fresh read brings."""

    CSS_PATH = CSS
    PICKERS = {"jobbroker": Profession.JOBBROKER, "caseworker": Profession.CASEWORKER}

    def __init__(self, case: CaseDetails) -> None:
        super().__init__()
        self.case = case
        #: The pickers show the case's people: before that, saving leaves them as they are.
        self._people_shown = False

    def compose(self) -> ComposeResult:
        case = self.case
        with FormScroll(classes="dialog", id="edit-case"):
            yield Label(_("Edit the case"), classes="dialog-title")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(_("Citizen's name"), classes="field-label")
                    yield Input(case.citizen, id="citizen")
                with Vertical():
                    yield Label(_("CPR number"), classes="field-label")
                    hint = _("on file; type to replace") if case.has_cpr else "DDMMYY-SSSS"
                    yield Input(id="cpr", placeholder=hint)
            yield Label(_("Challenges"), classes="field-label")
            with Horizontal(classes="row"):
                for kind in ChallengeKind:
                    yield Checkbox(
                        _(CHALLENGE_LABELS[kind]),
                        kind in case.challenges,
                        id=f"challenge-{kind.value}",
                    )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(_("Job broker"), classes="field-label")
                    yield Select([], prompt=_("(none)"), id="jobbroker")
                with Vertical():
                    yield Label(_("Caseworker"), classes="field-label")
                    yield Select([], prompt=_("(none)"), id="caseworker")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(_("Problem statement"), classes="field-label")
                    yield Input(case.problem_statement, id="problem")
                with Vertical():
                    yield Label(_("Trigger"), classes="field-label")
                    yield Input(case.trigger, id="trigger")
            yield from self.buttons(_("Save"))

    @on(PeopleRead)
    def _choose_people(self, message: PeopleRead) -> None:
        # after the form has filled the pickers (its own handler runs in the same dispatch)
        self.call_after_refresh(self._preselect, message.people)

    def _preselect(self, people: list[PersonRecord]) -> None:
        for field_id, name, profession in (
            ("jobbroker", self.case.jobbroker, Profession.JOBBROKER),
            ("caseworker", self.case.caseworker, Profession.CASEWORKER),
        ):
            if not name:
                continue
            picker = self.query_one(f"#{field_id}", Select)
            names = [p.name for p in people if p.profession is profession]
            if name not in names:  # someone since deactivated stays who they are
                picker.set_options([(plain(n), n) for n in [*names, name]])
            picker.value = name
        self._people_shown = True

    def prepare(self) -> SaveJob:
        from coordinator.store.case_edits import CaseChanges, edit_case

        people: dict[str, str | None] = {}
        for field_id in ("jobbroker", "caseworker"):
            value = self.query_one(f"#{field_id}", Select).value
            shown = value if isinstance(value, str) else ""
            people[field_id] = shown if self._people_shown else None
        changes = CaseChanges(
            citizen=self.value("citizen"),
            challenges=tuple(
                kind
                for kind in ChallengeKind
                if self.query_one(f"#challenge-{kind.value}", Checkbox).value
            ),
            jobbroker=people["jobbroker"],
            caseworker=people["caseworker"],
            cpr=self.value("cpr").strip() or None,
            problem_statement=self.value("problem"),
            trigger=self.value("trigger"),
        )
        if not changes.citizen or not changes.citizen.strip():
            raise Invalid(_("A case needs the citizen's name."))
        case_id = self.case.id

        def save(store: Store) -> int:
            edit_case(store, case_id, changes)
            return case_id

        return save


class MoveCaseDialog(_FormDialog):
    """A planned case onto another day, at a position (empty: last). The store refuses a full
    day or a case that has started, and says so in the dialog."""

    CSS_PATH = CSS

    def __init__(self, case_id: int, citizen: str, days: list[DaySummary]) -> None:
        super().__init__()
        self.case_id = case_id
        self.citizen = citizen
        self.days = days

    def compose(self) -> ComposeResult:
        from coordinator.screens.days import WEEKDAYS

        with FormScroll(classes="dialog", id="move-case"):
            yield Label(_("Move a case to another day"), classes="dialog-title")
            yield Static(plain(self.citizen))
            yield Label(_("Day"), classes="field-label")
            yield Select(
                [
                    (
                        _("{date} {weekday}: {cases} cases").format(
                            date=f"{d.date:%d.%m.%Y}",
                            weekday=_(WEEKDAYS[d.date.weekday()]),
                            cases=d.cases,
                        ),
                        d.id,
                    )
                    for d in self.days
                ],
                value=self.days[0].id,
                allow_blank=False,
                id="day",
            )
            yield Label(_("Position (empty: last)"), classes="field-label")
            yield Input(id="position", type="integer")
            yield from self.buttons(_("Move"))

    def on_mount(self) -> None:
        self.query_one("#day", Select).focus()

    def prepare(self) -> SaveJob:
        from coordinator.store.case_edits import move_case_to_day

        day_id = int(self.query_one("#day", Select).value)  # type: ignore[arg-type]
        typed = self.value("position").strip()
        position = int(typed) if typed else None
        if position is not None and position < 1:
            raise Invalid(_("The position is 1 or more."))
        case_id = self.case_id

        def move(store: Store) -> int:
            move_case_to_day(store, case_id, day_id, position)
            return day_id

        return move
