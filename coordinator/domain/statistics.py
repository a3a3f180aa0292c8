"""The figures for the steering group, as plain values, and their JSON document.

The store computes them with SQL aggregates (`store.statistics`); this module holds what they
are, the percentile rule, and the `stats --json` shape of DESIGN.md ("Beyond the day"). Pure:
the screen, the CLI and the exports read the same `Statistics`, and the small-number rule
(`domain.suppression`) is applied here, once, for anything meant for others.

Definitions (the numbers a manager reads must mean one thing):
- *held*: a meeting that took place (`done`, or `absent-held`: held without the citizen).
- *ran over*: a held meeting whose meeting part (start to end) lasted longer than planned (the
  case's own length, else the day's); the median, p90 and worst are over those that ran over.
- *attended*: a professional on a held meeting's roster for the meeting part who neither
  declined nor was absent; the share is over all held meetings of the period (a meeting with
  no roster counts in the denominator: nobody attended it).
- *goal due*: a held case whose three-month goal date (agreement in force) has come, or that
  already has an outcome; *reached*: its outcome is at a workplace; the rate is over the
  outcomes recorded (a due case without an outcome is unknown, not a failure).
- *items*: the items of the agreements in force of the period's cases; *started within 14
  days*: first started (or done) at most 14 days after the meeting; *done on time*: done on or
  before the due date (an item without a due date is on time when done); *overdue*: still
  open after its due date (as in the follow-up).
- F.I.T.: the session rating is the sum of its four scales (0-40); the change is a case's last
  outcome rating minus its first (cases with at least two).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from coordinator.domain.suppression import Suppressor, merge_small_groups
from coordinator.i18n import N_, _

#: An item counts as started promptly within this many days of the meeting.
PROMPT_START_DAYS = 14
NO_REASON = N_("(no reason given)")
OTHER_REASONS = N_("Other reasons (fewer than 5 each)")


def last_twelve_months(today: date) -> tuple[date, date]:
    """The year up to and including today (the default period)."""
    from coordinator.domain.quickdates import add_months

    return add_months(today, -12) + timedelta(days=1), today


def this_quarter(today: date) -> tuple[date, date]:
    """The calendar quarter today falls in, to its last day."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = date(today.year, first_month, 1)
    following = date(today.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
    return start, following - timedelta(days=1)


def percentile(sorted_values: Sequence[float], fraction: float) -> float | None:
    """The percentile by linear interpolation between closest ranks (PostgreSQL's
    percentile_cont, numpy's default); None for no values."""
    if not sorted_values:
        return None
    position = (len(sorted_values) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    value = sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)
    return round(value, 1)


@dataclass(frozen=True)
class Reason:
    status: str
    reason: str
    count: int


@dataclass(frozen=True)
class CaseCounts:
    planned: int = 0
    held: int = 0
    absent: int = 0
    absent_held: int = 0
    cancelled: int = 0
    not_yet: int = 0
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class PositionOverrun:
    position: int
    meetings: int
    ran_over: int
    mean_minutes: float | None


@dataclass(frozen=True)
class Overrun:
    timed: int = 0
    ran_over: int = 0
    median: float | None = None
    p90: float | None = None
    max: float | None = None
    by_position: tuple[PositionOverrun, ...] = ()


@dataclass(frozen=True)
class GoalCounts:
    due: int = 0
    recorded: int = 0
    reached: int = 0
    solved_yes: int = 0
    solved_partly: int = 0
    solved_no: int = 0


@dataclass(frozen=True)
class ItemCounts:
    total: int = 0
    started_within_14_days: int = 0
    done: int = 0
    done_on_time: int = 0
    overdue: int = 0
    dropped: int = 0
    dropped_reasons: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class RatingFigures:
    session_count: int = 0
    session_mean: float | None = None
    outcome_cases: int = 0
    outcome_first_mean: float | None = None
    outcome_last_mean: float | None = None
    outcome_change_mean: float | None = None


@dataclass(frozen=True)
class Statistics:
    start: date
    end: date
    days_planned: int = 0
    days_held: int = 0
    cases: CaseCounts = field(default_factory=CaseCounts)
    overrun: Overrun = field(default_factory=Overrun)
    #: profession id -> held meetings it attended
    attendance: tuple[tuple[str, int], ...] = ()
    goal: GoalCounts = field(default_factory=GoalCounts)
    #: challenge kind -> its goal counts
    goal_by_kind: tuple[tuple[str, GoalCounts], ...] = ()
    items: ItemCounts = field(default_factory=ItemCounts)
    ratings: RatingFigures = field(default_factory=RatingFigures)
    #: (year-month, held meetings): the line of the period
    held_by_month: tuple[tuple[str, int], ...] = ()

    @property
    def has_held(self) -> bool:
        return self.cases.held > 0


def _goal_json(s: Suppressor, path: str, goal: GoalCounts) -> dict[str, object]:
    return {
        "due": s.count(f"{path}.due", goal.due),
        "recorded": s.part(f"{path}.recorded", goal.recorded, goal.due),
        "reached": s.part(f"{path}.reached", goal.reached, goal.recorded),
        "rate": s.share(f"{path}.rate", goal.reached, goal.recorded),
        "problem_solved": {
            answer: s.part(f"{path}.problem_solved.{answer}", n, goal.recorded)
            for answer, n in (
                ("yes", goal.solved_yes),
                ("partly", goal.solved_partly),
                ("no", goal.solved_no),
            )
        },
    }


def _reasons(
    s: Suppressor, path: str, reasons: Sequence[tuple[str, int]]
) -> list[dict[str, object]]:
    labelled = [(reason or _(NO_REASON), n) for reason, n in reasons]
    if s.active:
        labelled = merge_small_groups(labelled, _(OTHER_REASONS))
    shown = s.partition({f"{path}[{i}]": n for i, (_reason, n) in enumerate(labelled)})
    return [
        {"reason": reason, "count": count}
        for (reason, _n), count in zip(labelled, shown.values(), strict=True)
    ]


def stats_json(stats: Statistics, suppress: bool = False) -> dict[str, object]:
    """The `stats --json` document. With `suppress` (anything for others), small counts and
    anything computed from them are null, and `suppressed` lists where."""
    s = Suppressor(active=suppress)
    cases = stats.cases
    held = cases.held
    by_status: dict[str, list[tuple[str, int]]] = {}
    for reason in cases.reasons:
        by_status.setdefault(reason.status, []).append((reason.reason, reason.count))
    over = stats.overrun
    items = stats.items
    ratings = stats.ratings
    document: dict[str, object] = {
        "from": stats.start.isoformat(),
        "to": stats.end.isoformat(),
        # Days are not people: always shown.
        "days": stats.days_held,
        "days_planned": stats.days_planned,
        "cases": {
            "planned": s.count("cases.planned", cases.planned),
            **{
                key.removeprefix("cases."): value
                for key, value in s.partition(
                    {
                        "cases.held": held,
                        "cases.absent": cases.absent,
                        "cases.cancelled": cases.cancelled,
                        "cases.not_yet": cases.not_yet,
                    }
                ).items()
            },
            "absent_held": s.part("cases.absent_held", cases.absent_held, held),
            "reasons": {
                status: _reasons(s, f"cases.reasons.{status}", found)
                for status, found in sorted(by_status.items())
            },
        },
        "overrun_minutes": {
            "timed": s.count("overrun_minutes.timed", over.timed),
            "ran_over": s.part("overrun_minutes.ran_over", over.ran_over, over.timed),
            "median": s.measure("overrun_minutes.median", over.median, over.ran_over),
            "p90": s.measure("overrun_minutes.p90", over.p90, over.ran_over),
            "max": s.measure("overrun_minutes.max", over.max, over.ran_over),
            "by_position": [
                {
                    "position": p.position,
                    "meetings": s.count(f"overrun_minutes.by_position[{p.position}]", p.meetings),
                    "ran_over": s.part(
                        f"overrun_minutes.by_position[{p.position}].ran_over",
                        p.ran_over,
                        p.meetings,
                    ),
                    "mean_minutes": s.measure(
                        f"overrun_minutes.by_position[{p.position}].mean",
                        p.mean_minutes,
                        p.meetings,
                    ),
                }
                for p in over.by_position
            ],
        },
        "attendance_by_profession": {
            profession: s.share(f"attendance_by_profession.{profession}", attended, held)
            for profession, attended in stats.attendance
        },
        "goal": _goal_json(s, "goal", stats.goal)
        | {
            "by_challenge": {
                kind: _goal_json(s, f"goal.by_challenge.{kind}", counts)
                for kind, counts in stats.goal_by_kind
            }
        },
        "items": {
            "total": s.count("items.total", items.total),
            "started_within_14_days": s.part(
                "items.started_within_14_days", items.started_within_14_days, items.total
            ),
            "done": s.part("items.done", items.done, items.total),
            "done_on_time": s.part("items.done_on_time", items.done_on_time, items.done),
            "overdue": s.part("items.overdue", items.overdue, items.total),
            "dropped": s.part("items.dropped", items.dropped, items.total),
            "dropped_reasons": _reasons(s, "items.dropped_reasons", items.dropped_reasons),
        },
        "ratings": {
            "session_count": s.count("ratings.session_count", ratings.session_count),
            "session_mean": s.measure(
                "ratings.session_mean", ratings.session_mean, ratings.session_count
            ),
            "outcome_cases": s.count("ratings.outcome_cases", ratings.outcome_cases),
            "outcome_first_mean": s.measure(
                "ratings.outcome_first_mean", ratings.outcome_first_mean, ratings.outcome_cases
            ),
            "outcome_last_mean": s.measure(
                "ratings.outcome_last_mean", ratings.outcome_last_mean, ratings.outcome_cases
            ),
            "outcome_change_mean": s.measure(
                "ratings.outcome_change_mean", ratings.outcome_change_mean, ratings.outcome_cases
            ),
        },
        "held_by_month": {
            key.removeprefix("held_by_month."): value
            for key, value in s.partition(
                {f"held_by_month.{month}": n for month, n in stats.held_by_month}
            ).items()
        },
    }
    document["suppressed"] = s.suppressed
    document["suppressed_fields"] = s.hidden
    return document
