"""Empty time in a step-up day, and what can fill it.

A case is never split by a break, so one that no longer fits before lunch starts after it and
leaves the room empty in between (a 60-minute case at 10:30 with lunch at 11:00 leaves
10:30-11:00 unused). Nobody announced that gap; the day screen shows it and offers two ways to
use it: move the lunch earlier into it, or pull a later case into it. An overrun can also do the
opposite and run through a fixed lunch; `eaten_breaks` says how much of each break it took.

Everything is computed from a `Schedule` (the day as predicted), so the gaps follow what really
happens. A *gap* is time within the day's span (from its start, or an earlier actual start, to
the end of the last held case or break) that no held case and no break occupies; cancelled and
absent slots are gaps too (the room is free), which `pull_forward` already offers to close.
Pure: plain values in, plain values out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from coordinator.domain.breaks import Break, Interval
from coordinator.domain.schedule_model import CaseTiming, DayPlan, Schedule
from coordinator.domain.vocab import CaseStatus

__all__ = [
    "MIN_GAP",
    "EatenBreak",
    "busy_intervals",
    "day_span",
    "eaten_breaks",
    "find_gaps",
    "gap_candidates",
    "lunch_into_gap",
    "upcoming_gaps",
]

#: Shorter empty time is not worth showing (a case that ended a few minutes early).
MIN_GAP = timedelta(minutes=5)


def busy_intervals(schedule: Schedule) -> list[Interval]:
    """What occupies the room as predicted: every held case and every break, in time order
    (empty intervals left out)."""
    busy = [slot.predicted for slot in schedule.slots if slot.held]
    busy += list(schedule.predicted_breaks)
    return sorted((iv for iv in busy if iv.end > iv.start), key=lambda iv: (iv.start, iv.end))


def day_span(schedule: Schedule) -> Interval:
    """From the day's start (or an earlier actual start) to the end of the last held case or
    break; empty (at the start) when nothing is on the day."""
    busy = busy_intervals(schedule)
    start = min([schedule.start, *(iv.start for iv in busy)])
    end = max([start, *(iv.end for iv in busy)])
    return Interval(start, end)


def find_gaps(schedule: Schedule) -> tuple[Interval, ...]:
    """Every stretch of the day's span that no held case and no break occupies, in time order.

    The gaps and the busy time together cover the span exactly, and no gap overlaps a case or
    a break (hypothesis-tested in tests/unit/test_gaps.py)."""
    span = day_span(schedule)
    gaps: list[Interval] = []
    cursor = span.start
    for iv in busy_intervals(schedule):
        if iv.start > cursor:
            gaps.append(Interval(cursor, iv.start))
        cursor = max(cursor, iv.end)
    return tuple(gaps)


def upcoming_gaps(
    schedule: Schedule, now: datetime | None = None, minimum: timedelta = MIN_GAP
) -> tuple[Interval, ...]:
    """The gaps still ahead at `now` (the part not yet past), at least `minimum` long."""
    result = []
    for gap in find_gaps(schedule):
        start = gap.start if now is None else max(gap.start, now)
        if gap.end - start >= minimum:
            result.append(Interval(start, gap.end))
    return tuple(result)


@dataclass(frozen=True)
class EatenBreak:
    """A break that held cases (an overrun) ran into: how much of it is gone."""

    brk: Interval
    eaten: timedelta

    @property
    def whole(self) -> bool:
        return self.eaten >= self.brk.duration


def eaten_breaks(schedule: Schedule) -> tuple[EatenBreak, ...]:
    """The breaks that held cases overlap, with how much of each they take (a fixed lunch that
    a meeting ran through; a floating one moves instead and is never eaten)."""
    cases = [slot.predicted for slot in schedule.slots if slot.held]
    result = []
    for brk in schedule.predicted_breaks:
        eaten = _covered(brk, cases)
        if eaten > timedelta(0):
            result.append(EatenBreak(brk, eaten))
    return tuple(result)


def _covered(target: Interval, parts: Sequence[Interval]) -> timedelta:
    """How much of `target` the union of `parts` covers."""
    pieces = sorted(
        (max(p.start, target.start), min(p.end, target.end)) for p in parts if p.overlaps(target)
    )
    total, cursor = timedelta(0), target.start
    for start, end in pieces:
        start = max(start, cursor)
        if end > start:
            total += end - start
            cursor = end
    return total


def lunch_into_gap(schedule: Schedule, gap: Interval) -> tuple[Break, ...] | None:
    """The day's breaks with the break that begins where `gap` ends moved earlier to begin at
    the gap's start (same length, same latest start: moving earlier keeps within the day's
    policy, fixed or floating). None when no break follows the gap directly."""
    plan = schedule.plan
    ordered = sorted(plan.breaks, key=lambda b: (b.start, b.end))
    result = list(ordered)
    for index, (brk, placed) in enumerate(zip(ordered, schedule.predicted_breaks, strict=False)):
        if placed.start != gap.end:
            continue
        length = datetime.combine(plan.date, brk.end) - datetime.combine(plan.date, brk.start)
        start = _whole_minute(gap.start)
        end = start + length
        if start >= gap.end or start.date() != plan.date or end.date() != plan.date:
            return None
        result[index] = Break(start.time(), end.time(), brk.latest_start)
        return tuple(result)
    return None


def _whole_minute(moment: datetime) -> datetime:
    """`moment`, or the next whole minute when it has seconds (a gap clipped to now)."""
    whole = moment.replace(second=0, microsecond=0)
    return whole if whole == moment else whole + timedelta(minutes=1)


def gap_candidates(
    plan: DayPlan, cases: Sequence[CaseTiming], schedule: Schedule, gap: Interval
) -> tuple[int, ...]:
    """The later cases that could move into `gap`: planned (not started), held, predicted to
    start after the gap, and short enough to fit in it. In agenda order."""
    result = []
    for case, slot in zip(cases, schedule.slots, strict=True):
        if case.status is not CaseStatus.PLANNED or slot.predicted_start < gap.end:
            continue
        minutes = plan.pre_minutes + (
            case.meeting_minutes if case.meeting_minutes is not None else plan.meeting_minutes
        )
        if timedelta(minutes=minutes) <= gap.duration:
            result.append(case.case_id)
    return tuple(result)
