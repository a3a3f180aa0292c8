"""The statistics report's tables, read from the `stats --json` document *after* the
small-number rule (`domain.statistics.stats_json(..., suppress=True)`), so every format the
report is written in (HTML, PDF, Excel, CSV) shows exactly the figures that may leave the
office: a hidden figure is the `HIDDEN` marker ("<5"), a figure without data is None.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coordinator.domain.followup import ProblemSolved
from coordinator.domain.suppression import HIDDEN
from coordinator.domain.vocab import (
    CASE_STATUS_LABELS,
    CHALLENGE_LABELS,
    PROFESSION_LABELS,
    CaseStatus,
    ChallengeKind,
    Profession,
)
from coordinator.i18n import N_, _

Cell = str | int | float | date | None


@dataclass(frozen=True)
class Table:
    key: str  # the sheet / CSV name
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: columns holding shares (0..1), shown as percentages
    percent_columns: tuple[int, ...] = ()


def _profession(value: str) -> str:
    try:
        return _(PROFESSION_LABELS[Profession(value)])
    except ValueError:
        return value


def _challenge(value: str) -> str:
    try:
        return _(CHALLENGE_LABELS[ChallengeKind(value)])
    except ValueError:
        return value


def _status(value: str) -> str:
    try:
        return _(CASE_STATUS_LABELS[CaseStatus(value)])
    except ValueError:
        return value


class _Cells:
    """Turns a document value into a cell: None that was suppressed becomes "<5"."""

    def __init__(self, doc: dict) -> None:
        self.hidden = set(doc.get("suppressed_fields", []))

    def __call__(self, value: object, path: str) -> Cell:
        if value is None and path in self.hidden:
            return HIDDEN
        return value  # type: ignore[return-value]


def report_tables(doc: dict) -> list[Table]:
    """The report's tables, in reading order."""
    c = _Cells(doc)
    cases = doc["cases"]
    over = doc["overrun_minutes"]
    goal = doc["goal"]
    items = doc["items"]
    ratings = doc["ratings"]
    tables = [
        Table(
            "oversigt",
            _("Summary"),
            (_("Figure"), _("Value")),
            (
                (_("From"), date.fromisoformat(doc["from"])),
                (_("To"), date.fromisoformat(doc["to"])),
                (_("Step-up days held"), doc["days"]),
                (_("Step-up days planned"), doc["days_planned"]),
            ),
        ),
        Table(
            "sager",
            _("Cases"),
            (_("Cases"), _("Count")),
            tuple(
                (label, c(cases[key], f"cases.{key}"))
                for key, label in (
                    ("planned", _("Planned")),
                    ("held", _("Meetings held")),
                    ("absent_held", _("of which held without the citizen")),
                    ("absent", _("Citizen absent (not held)")),
                    ("cancelled", _("Cancelled")),
                    ("not_yet", _("Not held yet")),
                )
            ),
        ),
        Table(
            "aarsager",
            _("Reasons for absence and cancellation"),
            (_("Status"), _("Reason"), _("Count")),
            tuple(
                (_status(status), row["reason"], c(row["count"], f"cases.reasons.{status}[{i}]"))
                for status, found in cases["reasons"].items()
                for i, row in enumerate(found)
            ),
        ),
        Table(
            "overskridelser",
            _("Meetings that ran over (minutes)"),
            (_("Figure"), _("Value")),
            (
                (_("Meetings with recorded times"), c(over["timed"], "overrun_minutes.timed")),
                (_("Meetings that ran over"), c(over["ran_over"], "overrun_minutes.ran_over")),
                (_("Median overrun"), c(over["median"], "overrun_minutes.median")),
                (_("90th percentile"), c(over["p90"], "overrun_minutes.p90")),
                (_("Worst overrun"), c(over["max"], "overrun_minutes.max")),
            ),
        ),
        Table(
            "plads",
            _("Overrun by position in the day"),
            (_("Position"), _("Meetings"), _("Ran over"), _("Mean overrun (min)")),
            tuple(
                (
                    p["position"],
                    c(p["meetings"], f"overrun_minutes.by_position[{p['position']}]"),
                    c(p["ran_over"], f"overrun_minutes.by_position[{p['position']}].ran_over"),
                    c(p["mean_minutes"], f"overrun_minutes.by_position[{p['position']}].mean"),
                )
                for p in over["by_position"]
            ),
        ),
        Table(
            "fremmoede",
            _("Attendance by profession (share of held meetings)"),
            (_("Profession"), _("Share")),
            tuple(
                (_profession(k), c(v, f"attendance_by_profession.{k}"))
                for k, v in doc["attendance_by_profession"].items()
            ),
            percent_columns=(1,),
        ),
        Table(
            "maal",
            _("The three-month goal"),
            (_("Challenge"), _("Goals due"), _("Outcome recorded"), _("At a workplace"), _("Rate")),
            tuple(
                (
                    label,
                    c(g["due"], f"{path}.due"),
                    c(g["recorded"], f"{path}.recorded"),
                    c(g["reached"], f"{path}.reached"),
                    c(g["rate"], f"{path}.rate"),
                )
                for label, g, path in [
                    (_("All"), goal, "goal"),
                    *(
                        (_challenge(k), g, f"goal.by_challenge.{k}")
                        for k, g in goal["by_challenge"].items()
                    ),
                ]
            ),
            percent_columns=(4,),
        ),
        Table(
            "problem",
            _("Was the problem taken care of?"),
            (_("Answer"), _("Count")),
            tuple(
                (_(label), c(goal["problem_solved"][answer], f"goal.problem_solved.{answer}"))
                for answer, label in (
                    (ProblemSolved.YES.value, N_("Yes")),
                    (ProblemSolved.PARTLY.value, N_("Partly")),
                    (ProblemSolved.NO.value, N_("No")),
                )
            ),
        ),
        Table(
            "indsatser",
            _("Agreement items"),
            (_("Items"), _("Count")),
            tuple(
                (label, c(items[key], f"items.{key}"))
                for key, label in (
                    ("total", _("Items in all")),
                    ("started_within_14_days", _("Started within 14 days")),
                    ("done", _("Done")),
                    ("done_on_time", _("Done on time")),
                    ("overdue", _("Overdue")),
                    ("dropped", _("Dropped")),
                )
            ),
        ),
        Table(
            "droppet",
            _("Why items were dropped"),
            (_("Reason"), _("Count")),
            tuple(
                (row["reason"], c(row["count"], f"items.dropped_reasons[{i}]"))
                for i, row in enumerate(items["dropped_reasons"])
            ),
        ),
        Table(
            "fit",
            _("F.I.T. ratings"),
            (_("Figure"), _("Value")),
            tuple(
                (label, c(ratings[key], f"ratings.{key}"))
                for key, label in (
                    ("session_count", _("Session ratings")),
                    ("session_mean", _("Mean session rating (0-40)")),
                    ("outcome_cases", _("Cases with two or more outcome ratings")),
                    ("outcome_first_mean", _("Mean first outcome rating (0-40)")),
                    ("outcome_last_mean", _("Mean last outcome rating (0-40)")),
                    ("outcome_change_mean", _("Mean change, first to last")),
                )
            ),
        ),
        Table(
            "maaned",
            _("Meetings held by month"),
            (_("Month"), _("Meetings held")),
            tuple(
                (month, c(n, f"held_by_month.{month}")) for month, n in doc["held_by_month"].items()
            ),
        ),
    ]
    return tables


def shown(cell: Cell, percent: bool = False) -> str:
    """A cell as text: "<5" for hidden, a dash for no data, Danish decimals."""
    if cell is None:
        return "–"
    if isinstance(cell, str):
        return cell
    if isinstance(cell, date):
        return cell.strftime("%d.%m.%Y")
    if percent and isinstance(cell, float):
        return f"{cell * 100:.0f} %"
    if isinstance(cell, float):
        return f"{cell:.1f}".replace(".", ",")
    return str(cell)
