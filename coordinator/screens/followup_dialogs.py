"""Dialogs of the follow-up: an item's progress (when, and a note or reason), the person
"mine" means, the three-month outcome, and a F.I.T. rating. Each returns a plain value (None
= cancelled); the screens store it in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static

from coordinator.domain.followup import (
    OUTCOME_LABELS,
    PROBLEM_SOLVED_LABELS,
    PROGRESS_LABELS,
    RATING_KIND_LABELS,
    SCALE_LABELS,
    SCALES,
    OutcomeCategory,
    ProblemSolved,
    ProgressStatus,
    RatingKind,
    scores_problem,
)
from coordinator.domain.quickdates import QuickDateError, parse_past_date
from coordinator.i18n import _
from coordinator.screens.base import FormModal
from coordinator.widgets.plain import plain


@dataclass(frozen=True)
class ProgressInput:
    status: ProgressStatus
    on: date
    note: str


@dataclass(frozen=True)
class OutcomeInput:
    category: OutcomeCategory
    on: date
    problem_solved: ProblemSolved | None
    note: str


@dataclass(frozen=True)
class RatingInput:
    kind: RatingKind
    on: date
    scores: tuple[float, float, float, float]


def _date(dialog: FormModal, field: str, today: date) -> date | None:
    """The date typed in `field` ("i dag", 10/12, 2026-12-10), or None after saying why."""
    try:
        return parse_past_date(dialog.query_one(f"#{field}", Input).value, today) or today
    except QuickDateError as exc:
        dialog.query_one(".dialog-error", Static).update(plain(str(exc)))
        return None


#: Tab and Shift+Tab move the focus the moment they arrive (priority bindings, as on the
#: agreement screen): the four scores typed in one burst ("9 Tab 8 Tab ...") each land in
#: their own field.
FAST_TAB = [
    Binding("tab", "app.focus_next", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", show=False, priority=True),
]


class ProgressDialog(FormModal[ProgressInput | None]):
    """Started / done / dropped / a note: when it happened, and why (a drop needs a reason)."""

    CSS_PATH = "followup.tcss"
    BINDINGS = FAST_TAB

    def __init__(self, status: ProgressStatus, item_text: str, today: date, note_only=False):
        super().__init__()
        self.status = status
        self.item_text = item_text
        self.today = today
        self.note_only = note_only

    def compose(self) -> ComposeResult:
        title = _("Note") if self.note_only else _(PROGRESS_LABELS[self.status])
        with Vertical(classes="dialog"):
            yield Label(title, classes="dialog-title")
            yield Static(plain(self.item_text), classes="dialog-hint")
            yield Label(_("When (e.g. today, 10/12)"))
            yield Input(_("today"), id="progress-on", compact=True)
            yield Label(
                _("Reason (required)")
                if self.status is ProgressStatus.DROPPED and not self.note_only
                else _("Note")
            )
            yield Input(id="progress-note", compact=True)
            yield Static(classes="dialog-error")

    def on_mount(self) -> None:
        self.query_one("#progress-note" if self.note_only else "#progress-on", Input).focus()

    def action_save(self) -> None:
        on = _date(self, "progress-on", self.today)
        if on is None:
            return
        note = self.query_one("#progress-note", Input).value.strip()
        needs_note = self.note_only or self.status is ProgressStatus.DROPPED
        if needs_note and not note:
            self.query_one(".dialog-error", Static).update(_("Write a reason or note first."))
            self.query_one("#progress-note", Input).focus()
            return
        self.dismiss(ProgressInput(self.status, on, note))


class MeDialog(FormModal[str | None]):
    """Who "mine" is on this database: a name (or a part of one) of a responsible."""

    CSS_PATH = "followup.tcss"

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Whose items are mine?"), classes="dialog-title")
            yield Input(self.current, placeholder=_("Your name"), id="me-name", compact=True)
            yield Static(classes="dialog-error")

    def action_save(self) -> None:
        name = self.query_one("#me-name", Input).value.strip()
        if not name:
            self.query_one(".dialog-error", Static).update(_("Type a name."))
            return
        self.dismiss(name)


class OutcomeDialog(FormModal[OutcomeInput | None]):
    """The three-month outcome: category, the problem taken care of?, a note."""

    CSS_PATH = "followup.tcss"
    BINDINGS = FAST_TAB

    def __init__(self, heading: str, today: date) -> None:
        super().__init__()
        self.heading = heading
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Three-month outcome"), classes="dialog-title")
            yield Static(plain(self.heading), classes="dialog-hint")
            yield Label(_("Where is the citizen now?"))
            yield Select(
                [(_(label), category) for category, label in OUTCOME_LABELS.items()],
                prompt=_("Choose"),
                id="outcome-category",
                compact=True,
            )
            yield Label(_("Was the problem discussed taken care of?"))
            yield Select(
                [(_(label), answer) for answer, label in PROBLEM_SOLVED_LABELS.items()],
                prompt=_("Not known"),
                id="outcome-solved",
                compact=True,
            )
            with Horizontal(classes="dialog-pair"):
                yield Input(_("today"), placeholder=_("When"), id="outcome-on", compact=True)
                yield Input(placeholder=_("Note"), id="outcome-note", compact=True)
            yield Static(classes="dialog-error")

    def action_save(self) -> None:
        category = self.query_one("#outcome-category", Select).value
        if not isinstance(category, OutcomeCategory):
            self.query_one(".dialog-error", Static).update(_("Choose where the citizen is."))
            return
        on = _date(self, "outcome-on", self.today)
        if on is None:
            return
        solved = self.query_one("#outcome-solved", Select).value
        self.dismiss(
            OutcomeInput(
                category,
                on,
                solved if isinstance(solved, ProblemSolved) else None,
                self.query_one("#outcome-note", Input).value.strip(),
            )
        )


class RatingDialog(FormModal[RatingInput | None]):
    """The citizen's four scores (0-10, one decimal) of a session or outcome rating."""

    CSS_PATH = "followup.tcss"
    BINDINGS = FAST_TAB

    def __init__(self, heading: str, today: date, kind: RatingKind = RatingKind.SESSION) -> None:
        super().__init__()
        self.heading = heading
        self.today = today
        self.kind = kind

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_(RATING_KIND_LABELS[self.kind]), classes="dialog-title")
            yield Static(plain(self.heading), classes="dialog-hint")
            for index, scale in enumerate(SCALES[self.kind]):
                with Horizontal(classes="dialog-row"):
                    yield Label(_(SCALE_LABELS[scale]), classes="rating-label")
                    yield Input(
                        placeholder="0-10", id=f"score-{index}", classes="score", compact=True
                    )
            with Horizontal(classes="dialog-row"):
                yield Label(_("When"), classes="rating-label")
                yield Input(_("today"), id="rating-on", compact=True)
            yield Static(classes="dialog-error")

    def action_save(self) -> None:
        try:
            scores = tuple(
                float(self.query_one(f"#score-{i}", Input).value.replace(",", ".").strip())
                for i in range(4)
            )
        except ValueError:
            self.query_one(".dialog-error", Static).update(_("Give four scores from 0 to 10."))
            return
        problem = scores_problem(scores)
        if problem:
            self.query_one(".dialog-error", Static).update(plain(problem))
            return
        on = _date(self, "rating-on", self.today)
        if on is None:
            return
        self.dismiss(RatingInput(self.kind, on, scores))  # type: ignore[arg-type]
