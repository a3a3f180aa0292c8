"""When Space would start a case, the two slips that ask first.

Space both ends a meeting and starts the next case's pre-meeting, so a second press (or a key
that repeats) just after a meeting ended would start the next citizen's pre-meeting unasked; and
a day opened from the list is not always today's: starting tomorrow's day at 06:15 today writes
times that are records. Both are asked about, never refused: the coordinator may mean it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import Enum

from coordinator.domain.schedule import CaseTiming

#: A second Space within this of a meeting's end is taken for a double press. Shorter than the
#: guard on starting a meeting: ending one and starting the next pre-meeting at once is the
#: usual back-to-back day, and a real double press lands within a few seconds.
JUST_ENDED_GUARD = timedelta(seconds=10)


class StartSlip(Enum):
    NOT_TODAY = "not-today"
    JUST_ENDED = "just-ended"


def start_slip(
    day_date: date,
    timings: Iterable[CaseTiming],
    now: datetime,
    guard: timedelta = JUST_ENDED_GUARD,
) -> StartSlip | None:
    """The slip starting a case at `now` would likely be, or None when it is plainly meant."""
    timings = list(timings)
    begun = [t for t in timings if t.pre_started_at or t.meeting_started_at or t.ended_at]
    if day_date != now.date() and not begun:
        return StartSlip.NOT_TODAY
    ends = [t.ended_at for t in timings if t.ended_at is not None]
    if ends and timedelta(0) <= now - max(ends) < guard:
        return StartSlip.JUST_ENDED
    return None
