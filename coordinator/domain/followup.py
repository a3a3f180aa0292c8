"""After the day: the rules of following an agreement up (DESIGN.md, "Beyond the day").

An item's progress (open, started, done, dropped), the three-month outcome and its categories,
and the citizen's F.I.T. ratings with the threshold at which the job broker is asked to find
out what could be better. Pure: the store checks its input here and says no in one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

from coordinator.domain.names import initials as initials  # the store's lists import it here
from coordinator.i18n import N_, _


class ProgressStatus(StrEnum):
    """Where an agreement item stands after the meeting (an event changes it; never the
    agreement's own wording)."""

    OPEN = "open"
    STARTED = "started"
    DONE = "done"
    DROPPED = "dropped"


PROGRESS_LABELS: dict[ProgressStatus, str] = {
    ProgressStatus.OPEN: N_("Open"),
    ProgressStatus.STARTED: N_("Started"),
    ProgressStatus.DONE: N_("Done"),
    ProgressStatus.DROPPED: N_("Dropped"),
}

#: Statuses that end an item: it leaves the follow-up list and is never overdue.
CLOSED = frozenset({ProgressStatus.DONE, ProgressStatus.DROPPED})


def progress_from_item_status(value: str) -> ProgressStatus:
    """An item's status as the agreement editor stored it, read as progress (the editor's
    `in-progress` is `started`); used until the first progress event is recorded."""
    if value == "in-progress":
        return ProgressStatus.STARTED
    try:
        return ProgressStatus(value)
    except ValueError:
        return ProgressStatus.OPEN


def parse_progress(text: str) -> ProgressStatus:
    try:
        return ProgressStatus(text.strip().lower())
    except ValueError:
        raise ValueError(
            _("unknown status {status!r}; use open, started, done or dropped").format(status=text)
        ) from None


def progress_problem(
    status: ProgressStatus, on: date, meeting: date, today: date, note: str
) -> str | None:
    """Why this progress event cannot be recorded, or None.

    A status cannot take effect before the meeting that agreed the item, nor on a day that
    has not come; a dropped item says why (the one who runs an intervention reports a drop).
    """
    if on < meeting:
        return _(
            "{date} is before the meeting on {meeting}; an item cannot start before it."
        ).format(date=on.isoformat(), meeting=meeting.isoformat())
    if on > today:
        return _("{date} has not come yet; record progress on the day it happened.").format(
            date=on.isoformat()
        )
    if status is ProgressStatus.DROPPED and not note.strip():
        return _("say why the item was dropped (--note).")
    return None


def days_overdue(due: date | None, status: ProgressStatus, today: date) -> int:
    """Whole days past the due date of an item not yet started; 0 when not overdue.

    The seeds want the waiting after the meeting to end: an item is late until it starts.
    A started item is under way (its note and dates tell how), not overdue."""
    if due is None or status is not ProgressStatus.OPEN or due >= today:
        return 0
    return (today - due).days


def end_of_week(today: date) -> date:
    """The Sunday of `today`'s week: "due this week" runs from today to it."""
    return today + timedelta(days=6 - today.weekday())


def due_this_week(due: date | None, status: ProgressStatus, today: date) -> bool:
    """Due from today to the end of this week (Sunday), and not yet closed."""
    if due is None or status in CLOSED:
        return False
    return today <= due <= end_of_week(today)


# --- the three-month outcome -------------------------------------------------------------------


class OutcomeCategory(StrEnum):
    JOB = "job"
    FLEXJOB = "flexjob"
    WAGE_SUBSIDY = "wage-subsidy"
    INTERNSHIP = "internship"
    EDUCATION = "education"
    MAIN_MODEL = "main-model"
    NO_PROGRESS = "no-progress"
    OTHER = "other"


OUTCOME_LABELS: dict[OutcomeCategory, str] = {
    OutcomeCategory.JOB: N_("Ordinary job"),
    OutcomeCategory.FLEXJOB: N_("Flexjob"),
    OutcomeCategory.WAGE_SUBSIDY: N_("Wage subsidy"),
    OutcomeCategory.INTERNSHIP: N_("Internship"),
    OutcomeCategory.EDUCATION: N_("Education"),
    OutcomeCategory.MAIN_MODEL: N_("Back in the main model"),
    OutcomeCategory.NO_PROGRESS: N_("No progress"),
    OutcomeCategory.OTHER: N_("Other"),
}

#: The categories that count as "at a workplace" (the model's promise).
AT_WORKPLACE = frozenset(
    {
        OutcomeCategory.JOB,
        OutcomeCategory.FLEXJOB,
        OutcomeCategory.WAGE_SUBSIDY,
        OutcomeCategory.INTERNSHIP,
    }
)


class ProblemSolved(StrEnum):
    """Whether the problem discussed was taken care of: the seeds' success criterion."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


PROBLEM_SOLVED_LABELS: dict[ProblemSolved, str] = {
    ProblemSolved.YES: N_("Yes"),
    ProblemSolved.PARTLY: N_("Partly"),
    ProblemSolved.NO: N_("No"),
}


def parse_category(text: str) -> OutcomeCategory:
    try:
        return OutcomeCategory(text.strip().lower())
    except ValueError:
        raise ValueError(
            _("unknown outcome category {category!r}; use {choices}").format(
                category=text, choices=", ".join(c.value for c in OutcomeCategory)
            )
        ) from None


def parse_problem_solved(text: str) -> ProblemSolved:
    try:
        return ProblemSolved(text.strip().lower())
    except ValueError:
        raise ValueError(
            _("unknown answer {answer!r} for --problem-solved; use yes, partly or no").format(
                answer=text
            )
        ) from None


def outcome_problem(on: date, meeting: date, today: date) -> str | None:
    """Why an outcome cannot be recorded on `on`, or None."""
    if on < meeting:
        return _(
            "{date} is before the meeting on {meeting}; an outcome follows the meeting."
        ).format(date=on.isoformat(), meeting=meeting.isoformat())
    if on > today:
        return _("{date} has not come yet; record the outcome on the day it is known.").format(
            date=on.isoformat()
        )
    return None


# --- F.I.T. ratings ---------------------------------------------------------------------------


class RatingKind(StrEnum):
    SESSION = "session"
    OUTCOME = "outcome"


RATING_KIND_LABELS: dict[RatingKind, str] = {
    RatingKind.SESSION: N_("Session rating"),
    RatingKind.OUTCOME: N_("Outcome rating"),
}

#: The four scales of each rating, in the order `--scores` gives them (ids, then labels).
SCALES: dict[RatingKind, tuple[str, str, str, str]] = {
    RatingKind.SESSION: ("relation", "goals", "approach", "overall"),
    RatingKind.OUTCOME: ("individually", "interpersonally", "socially", "overall"),
}
SCALE_LABELS: dict[str, str] = {
    "relation": N_("Relation"),
    "goals": N_("Goals and topics"),
    "approach": N_("Approach or method"),
    "overall": N_("Overall"),
    "individually": N_("Individually"),
    "interpersonally": N_("Interpersonally"),
    "socially": N_("Socially"),
}

MAX_SCORE = 10.0
#: A session rating summing to less than this (of 40) asks the job broker to find out what
#: could be better, as F.I.T. practice does.
SESSION_CUTOFF = 36.0


def parse_scores(text: str) -> tuple[float, float, float, float]:
    """Four scores from `N,N,N,N` (a decimal comma is not possible here; use a point)."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 4 or not all(parts):
        raise ValueError(_("give four scores, e.g. --scores 8,9,7.5,8"))
    try:
        scores = tuple(float(part) for part in parts)
    except ValueError:
        raise ValueError(
            _("scores are numbers from 0 to 10, e.g. --scores 8,9,7.5,8; got {text!r}").format(
                text=text
            )
        ) from None
    problem = scores_problem(scores)
    if problem:
        raise ValueError(problem)
    return scores  # type: ignore[return-value]


def scores_problem(scores: Sequence[float]) -> str | None:
    """Why these scores cannot be a rating, or None."""
    if len(scores) != 4:
        return _("a rating has four scores")
    for score in scores:
        if score != score or not 0 <= score <= MAX_SCORE:  # NaN is not a score either
            return _("a score is from 0 to 10; {score:g} is not").format(score=score)
        if round(score, 1) != score:
            return _("a score has at most one decimal; {score:g} has more").format(score=score)
    return None


def needs_attention(kind: RatingKind, scores: Sequence[float]) -> bool:
    """A session rating below the cut-off: ask the citizen what could be better."""
    return kind is RatingKind.SESSION and round(sum(scores), 1) < SESSION_CUTOFF
