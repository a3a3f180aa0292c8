"""Series of step-up days and the calendar they live in: weekends and Danish public holidays.

Thisted plans fixed whole days at a steady rhythm (every week, fortnight or four weeks). A day
of a series that falls on a public holiday is skipped and reported, not moved: the coordinator
decides where it goes instead. The holidays come from the `holidays` package (Easter-dependent
days change every year; a hand-written table would go stale).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from coordinator.i18n import _, current_language

__all__ = [
    "MAX_SERIES",
    "SeriesError",
    "Series",
    "day_warning",
    "holiday_name",
    "plan_series",
    "read_every",
]

#: More days than this in one series is a typo, not a plan (two years of weekly days).
MAX_SERIES = 104


class SeriesError(ValueError):
    """A series that cannot be planned; the message is translated and meant for users."""


@dataclass(frozen=True)
class Series:
    """The dates to create, and the ones skipped with the holiday's name."""

    dates: tuple[date, ...]
    skipped: tuple[tuple[date, str], ...]


def read_every(text: str) -> int:
    """`1w`, `2w`, `4w` -> the number of weeks between days."""
    match = re.fullmatch(r"\s*(\d+)\s*w\s*", text.lower())
    weeks = int(match.group(1)) if match else 0
    if weeks not in (1, 2, 4):
        raise SeriesError(
            _("{text!r} is not a rhythm; choose 1w, 2w or 4w (every 1, 2 or 4 weeks).").format(
                text=text
            )
        )
    return weeks


@cache
def _calendar(year: int, language: str) -> holidays.HolidayBase:
    return holidays.country_holidays(
        "DK", years=year, language="da" if language == "da" else "en_US"
    )


def holiday_name(when: date) -> str | None:
    """The Danish public holiday on `when`, in the current language; None on other days."""
    return _calendar(when.year, current_language()).get(when)


def day_warning(when: date) -> str | None:
    """Why a step-up day on `when` is unusual (a holiday or a weekend), or None."""
    name = holiday_name(when)
    if name:
        return _("{date} is a public holiday ({name}).").format(date=when.isoformat(), name=name)
    if when.weekday() >= 5:
        return _("{date} is a weekend day.").format(date=when.isoformat())
    return None


def plan_series(first: date, every_weeks: int, count: int) -> Series:
    """`count` dates from `first`, `every_weeks` apart. A date on a public holiday is skipped
    (and reported), not replaced: the series keeps its rhythm and the coordinator decides."""
    if not 1 <= count <= MAX_SERIES:
        raise SeriesError(
            _("A series has 1 to {limit} days, not {count}.").format(limit=MAX_SERIES, count=count)
        )
    if every_weeks not in (1, 2, 4):
        raise SeriesError(_("A series repeats every 1, 2 or 4 weeks."))
    dates: list[date] = []
    skipped: list[tuple[date, str]] = []
    for index in range(count):
        when = first + timedelta(weeks=every_weeks * index)
        name = holiday_name(when)
        if name:
            skipped.append((when, name))
        else:
            dates.append(when)
    return Series(tuple(dates), tuple(skipped))
