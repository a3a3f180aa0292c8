"""What each section of the statistics screen says and draws: its numbers as a few lines of
text, and its plot. Kept apart from the screen so the screen only lays out and loads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coordinator.domain.statistics import NO_REASON, Statistics
from coordinator.domain.vocab import (
    CASE_STATUS_LABELS,
    CHALLENGE_LABELS,
    CaseStatus,
    ChallengeKind,
    Profession,
    profession_label,
)
from coordinator.i18n import N_, _, current_language
from coordinator.widgets.stats_plot import StatsPlot


def _n(value: float | int | None, unit: str = "") -> str:
    """A figure for the screen: a dash for no data, Danish-style decimals in Danish."""
    if value is None:
        return "–"
    text = f"{value:.1f}" if isinstance(value, float) else str(value)
    if current_language() == "da":
        text = text.replace(".", ",")
    return f"{text}{unit}"


def _pct(part: int, whole: int) -> str:
    return "–" if whole <= 0 else f"{part * 100 / whole:.0f} %"


def _profession(value: str) -> str:
    return profession_label(value) if value in {p.value for p in Profession} else value


def _challenge(value: str) -> str:
    known = {k.value for k in ChallengeKind}
    return _(CHALLENGE_LABELS[ChallengeKind(value)]) if value in known else value


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: Callable[[Statistics], str]
    draw: Callable[[StatsPlot, Statistics], None]

    def title(self) -> str:
        return _(self.heading)


def _cases_text(s: Statistics) -> str:
    c = s.cases
    lines = [
        _("Step-up days held: {held} of {planned}").format(
            held=s.days_held, planned=s.days_planned
        ),
        _("Cases planned: {n}").format(n=c.planned),
        _("Meetings held: {n} (without the citizen: {absent})").format(
            n=c.held, absent=c.absent_held
        ),
        _("Citizen absent: {n}").format(n=c.absent),
        _("Cancelled: {n}").format(n=c.cancelled),
    ]
    for reason in c.reasons[:4]:
        status = _(CASE_STATUS_LABELS[CaseStatus(reason.status)])
        lines.append(f"  {status}: {reason.reason or _(NO_REASON)} ({reason.count})")
    return "\n".join(lines)


def _cases_plot(plot: StatsPlot, s: Statistics) -> None:
    c = s.cases
    plot.bars(
        [_("Held"), _("Absent"), _("Cancelled"), _("Not yet")],
        [c.held, c.absent, c.cancelled, c.not_yet],
    )


def _overrun_text(s: Statistics) -> str:
    o = s.overrun
    lines = [
        _("Meetings timed: {n}, ran over: {late}").format(n=o.timed, late=o.ran_over),
        _("Median {median} · p90 {p90} · worst {worst} (min)").format(
            median=_n(o.median), p90=_n(o.p90), worst=_n(o.max)
        ),
        _("By position (mean minutes over):"),
    ]
    lines += [
        _("  case {position}: {mean} ({late} of {n} ran over)").format(
            position=p.position, mean=_n(p.mean_minutes), late=p.ran_over, n=p.meetings
        )
        for p in o.by_position[:8]
    ]
    return "\n".join(lines)


def _overrun_plot(plot: StatsPlot, s: Statistics) -> None:
    positions = s.overrun.by_position
    plot.bars([str(p.position) for p in positions], [p.mean_minutes for p in positions])


def _attendance_text(s: Statistics) -> str:
    if not s.cases.held:
        return _("No meetings held in the period.")
    return "\n".join(
        f"{_profession(profession)}: {_pct(n, s.cases.held)} ({n}/{s.cases.held})"
        for profession, n in s.attendance
    )


def _short(label: str, most: int) -> str:
    """`label` in at most `most` characters, cut with an ellipsis ("Familierådgiv…")."""
    return label if len(label) <= most else label[: most - 1] + "…"


def _attendance_plot(plot: StatsPlot, s: Statistics) -> None:
    held = s.cases.held
    top = s.attendance[:6]
    plot.bars(
        [_short(_profession(p), 14) for p, _n in top],
        [round(n * 100 / held) if held else None for _p, n in top],
        horizontal=True,
        upper=100,
    )


def _goal_text(s: Statistics) -> str:
    g = s.goal
    if not g.due:
        return _("No three-month goals due in the period (no data).")
    lines = [
        _("Due: {due}, outcome recorded: {recorded}").format(due=g.due, recorded=g.recorded),
        _("At a workplace: {reached} ({rate})").format(
            reached=g.reached, rate=_pct(g.reached, g.recorded)
        ),
        _("Problem taken care of: yes {yes}, partly {partly}, no {no}").format(
            yes=g.solved_yes, partly=g.solved_partly, no=g.solved_no
        ),
    ]
    lines += [
        f"  {_challenge(kind)}: {k.reached}/{k.recorded} ({_pct(k.reached, k.recorded)})"
        for kind, k in s.goal_by_kind
    ]
    return "\n".join(lines)


def _goal_plot(plot: StatsPlot, s: Statistics) -> None:
    kinds = s.goal_by_kind
    plot.bars(
        [_challenge(kind) for kind, _g in kinds],
        [round(g.reached * 100 / g.recorded) if g.recorded else None for _k, g in kinds],
        upper=100,
    )


def _items_text(s: Statistics) -> str:
    i = s.items
    lines = [
        _("Items in all: {n}").format(n=i.total),
        _("Started within 14 days: {n} ({pct})").format(
            n=i.started_within_14_days, pct=_pct(i.started_within_14_days, i.total)
        ),
        _("Done: {n}, on time: {on_time}").format(n=i.done, on_time=i.done_on_time),
        _("Overdue: {n}").format(n=i.overdue),
        _("Dropped: {n}").format(n=i.dropped),
    ]
    lines += [f"  {reason or _(NO_REASON)} ({n})" for reason, n in i.dropped_reasons[:3]]
    return "\n".join(lines)


def _items_plot(plot: StatsPlot, s: Statistics) -> None:
    i = s.items
    plot.bars(
        [_("Started ≤14 d"), _("Done"), _("On time"), _("Overdue"), _("Dropped")],
        [i.started_within_14_days, i.done, i.done_on_time, i.overdue, i.dropped],
    )


def _ratings_text(s: Statistics) -> str:
    r = s.ratings
    return "\n".join(
        (
            _("Session ratings: {n}, mean {mean} of 40").format(
                n=r.session_count, mean=_n(r.session_mean)
            ),
            _("Outcome rating, cases with two or more: {n}").format(n=r.outcome_cases),
            _("Mean first {first} → last {last}: change {change}").format(
                first=_n(r.outcome_first_mean),
                last=_n(r.outcome_last_mean),
                change=_n(r.outcome_change_mean),
            ),
        )
    )


def _ratings_plot(plot: StatsPlot, s: Statistics) -> None:
    r = s.ratings
    plot.bars(
        [_("Session"), _("First outcome"), _("Last outcome")],
        [r.session_mean, r.outcome_first_mean, r.outcome_last_mean],
        upper=40,
    )


def _months_text(s: Statistics) -> str:
    if not s.held_by_month:
        return _("No meetings held in the period.")
    busiest = max(s.held_by_month, key=lambda pair: pair[1])
    return _("Months with meetings: {n}\nBusiest: {month} ({count} meetings)").format(
        n=len(s.held_by_month), month=busiest[0], count=busiest[1]
    )


def _months_plot(plot: StatsPlot, s: Statistics) -> None:
    plot.line([m for m, _n in s.held_by_month], [n for _m, n in s.held_by_month])


SECTIONS = (
    Section("cases", N_("Days and cases"), _cases_text, _cases_plot),
    Section("overrun", N_("Overrun by position in the day"), _overrun_text, _overrun_plot),
    Section("attendance", N_("Attendance by profession (%)"), _attendance_text, _attendance_plot),
    Section("goal", N_("Three-month goal: at a workplace (%)"), _goal_text, _goal_plot),
    Section("items", N_("Agreement items"), _items_text, _items_plot),
    Section("ratings", N_("F.I.T. ratings (0-40)"), _ratings_text, _ratings_plot),
    Section("months", N_("Meetings held by month"), _months_text, _months_plot),
)
