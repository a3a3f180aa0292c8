"""The breaks of a step-up day (lunch), and where they really fall as the day runs.

A day's break policy decides what an overrun does to its breaks:

* `fixed` -- the canteen's hours. A break stays where it was planned; a case that would overlap
  it starts when it ends. Ten minutes over before lunch can then push the next case past lunch,
  and the day ends a whole case later.
* `floating` -- the break keeps its length and moves with the overrun, so the day ends only as
  much later as the overrun. It floats up to its latest start (set by the coordinator; none
  means it may float as far as the day needs). A case that would keep the break past its latest
  start waits until after the break, as with a fixed one.

Planned times are the same under both policies (participants are told where the break is); only
the prediction differs. Everything here is pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

__all__ = ["Break", "BreakPlacer", "BreakPolicy", "Interval", "break_intervals", "fit"]


class BreakPolicy(StrEnum):
    FIXED = "fixed"
    FLOATING = "floating"


@dataclass(frozen=True)
class Interval:
    """A half-open stretch of time [start, end): touching intervals do not overlap."""

    start: datetime
    end: datetime

    @property
    def minutes(self) -> float:
        """Length in minutes (fractional when actual times carry seconds)."""
        return (self.end - self.start).total_seconds() / 60

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def overlaps(self, other: Interval) -> bool:
        """True when both share some time; empty intervals never overlap anything."""
        if self.start >= self.end or other.start >= other.end:
            return False
        return self.start < other.end and other.start < self.end

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True)
class Break:
    """A break in the day (lunch): no pre-meeting or meeting may overlap it.

    `latest_start` only matters for a floating break: it never starts later than that (unless
    the room is still busy with a case that has already started)."""

    start: time
    end: time
    latest_start: time | None = None


def break_intervals(day: date, breaks: Sequence[Break]) -> tuple[Interval, ...]:
    """The planned breaks as intervals on the day, in time order."""
    return tuple(
        Interval(datetime.combine(day, b.start), datetime.combine(day, b.end))
        for b in sorted(breaks, key=lambda b: (b.start, b.end))
    )


def fit(earliest: datetime, length: timedelta, breaks: Sequence[Interval]) -> datetime:
    """The earliest start >= `earliest` at which a block of `length` overlaps no break.

    One pass suffices because breaks are sorted and disjoint: moving to a break's end can only
    run into later breaks.
    """
    start = earliest
    for item in breaks:
        if start < item.end and start + length > item.start:
            start = item.end
    return start


class BreakPlacer:
    """Places the day's breaks while the prediction walks the agenda in order.

    The prediction asks, case by case, where a case that has not started can begin; the placer
    answers and, for floating breaks, decides on the way where each break really falls: a break
    is taken as soon as the room is free once the cases planned before it are over (never
    before its planned start), or earlier in the agenda when the next case would otherwise keep
    it past its latest start. A break is never shortened.
    """

    def __init__(self, day: date, breaks: Sequence[Break], policy: BreakPolicy) -> None:
        ordered = sorted(breaks, key=lambda b: (b.start, b.end))
        self._planned = break_intervals(day, ordered)
        self._latest = [
            datetime.combine(day, b.latest_start) if b.latest_start is not None else None
            for b in ordered
        ]
        self._floating = policy is BreakPolicy.FLOATING
        self._placed: list[Interval | None] = [None] * len(self._planned)

    def _pending(self) -> list[int]:
        return [i for i, placed in enumerate(self._placed) if placed is None]

    def _take(self, index: int, free_from: datetime) -> datetime:
        planned = self._planned[index]
        start = max(planned.start, free_from)
        self._placed[index] = Interval(start, start + planned.duration)
        return start + planned.duration

    def place_case(
        self, free_from: datetime, earliest: datetime, length: timedelta, planned_start: datetime
    ) -> datetime:
        """Where a waiting case of `length` starts: not before `earliest`, with the room free
        from `free_from` (<= `earliest`), its planned start `planned_start`."""
        if not self._floating:
            return fit(earliest, length, self._planned)
        start = earliest
        for index in self._pending():
            planned, latest = self._planned[index], self._latest[index]
            due = planned_start >= planned.end  # the plan puts this case after the break
            too_late = latest is not None and start + length > latest
            if not (due or too_late):
                break  # the case fits before this break, so before every later one too
            free_from = self._take(index, free_from)
            start = max(start, free_from)
        return start

    def note_started(self, free_from: datetime, started: datetime, planned_start: datetime) -> None:
        """A case that has started at `started`: the breaks planned before it were taken in the
        free time before it, if they fitted there (otherwise they are still to come)."""
        if not self._floating:
            return
        for index in self._pending():
            planned = self._planned[index]
            if planned_start < planned.end:
                break
            begin = max(planned.start, free_from)
            if begin + planned.duration > started:
                break
            free_from = self._take(index, free_from)

    def predicted(self, free_from: datetime) -> tuple[Interval, ...]:
        """Every break where it falls; breaks after the last case follow the day's end when
        they float."""
        if not self._floating:
            return self._planned
        for index in self._pending():
            free_from = self._take(index, free_from)
        return tuple(placed for placed in self._placed if placed is not None)
