"""One injectable source of "now".

Every screen, command and rule that needs the time asks a `Clock`, so that tests and demos can
freeze or advance time. Times are naive local wall-clock datetimes: a step-up day happens in one
room in one time zone, and the people in it read the wall clock.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that can tell the current local time."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real wall clock, to the second (sub-second precision only makes timers flicker)."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock that only moves when told to: for tests and scripted demos."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move forward by `delta` or by timedelta keyword arguments (minutes=5)."""
        self._now += delta if delta is not None else timedelta(**kwargs)
        return self._now


class ShiftedClock:
    """Another clock moved to a given day, its time of day running on: `--today DATE` (or
    COORDINATOR_TODAY) shows the demo two months on, or a test's fixed clock on another day."""

    def __init__(self, base: Clock, today: date) -> None:
        self._base = base
        self._shift = today - base.now().date()

    def now(self) -> datetime:
        return self._base.now() + self._shift
