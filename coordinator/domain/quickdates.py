"""Reading the "by when" of an agreement item as the job broker types it, mid-meeting.

The broker has a citizen across the table and a timer running, so the field accepts what people
actually type, in Danish or English, and turns it into one calendar date:

- day and month: ``15/1``, ``15.1``, ``15-1`` (also ``15.1.``) mean the next 15 January on or
  after today, so in November ``15/1`` is next January; with a year: ``15/1/27``,
  ``15.1.2027``, ``15-01-2027`` (a 2-digit year is 20yy); ISO: ``2027-01-15``.
- relative: ``+10d``, ``+2w``/``+2u`` (uger), ``+3m`` (months, clamped to the month's end),
  ``+1y``/``+1å``; the plus is optional and the unit may be a word (``2 uger``, ``3 months``).
  Note ``3u`` is *three weeks from now* while ``u3`` is *week 3*.
- ISO weeks: ``uge 3``, ``week 3``, ``u3``, ``w3``, ``uge 3 2027``: the Friday of that week,
  because "in week 3" means by the end of that working week. Without a year it is the next such
  week whose Friday is on or after today (this ISO year, else the next).
- words: ``i dag``/``idag``/``today``, ``i morgen``/``imorgen``/``tomorrow``, and weekday names
  or abbreviations in both languages (``fredag``, ``fre``, ``friday``, ``fri``): the next such
  weekday strictly *after* today (on a Friday, ``fredag`` is a week from today; type ``i dag``
  for today).

Dates typed with an explicit year are returned even when they are in the past: the parser reads,
it does not judge; `agreement_rules.live_warnings` warns about past dates.

Only the standard library is imported at module level; Babel (used by `format_due`) is imported
lazily because start-up time of the terminal app matters.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from coordinator.i18n import _, current_language

__all__ = [
    "EmptyDueError",
    "QuickDateError",
    "add_months",
    "default_goal_date",
    "format_due",
    "parse_due",
    "parse_due_optional",
    "parse_past_date",
]

#: How many months ahead a goal date lies by default (STEP-UP.md: at a workplace within 3 months).
GOAL_MONTHS = 3

_FRIDAY = 4  # date.weekday() of Friday


class QuickDateError(ValueError):
    """The text could not be read as a date; the message (translated) says why and what to type."""


class EmptyDueError(QuickDateError):
    """Nothing was typed. A subclass so a caller can treat "no date yet" apart from "bad date"."""


# --- month arithmetic -------------------------------------------------------------------------


def add_months(d: date, n: int) -> date:
    """`d` moved `n` calendar months (negative goes back), clamped to the target month's last day.

    Clamping (31 Jan + 1 month = 28/29 Feb) is what people mean by "in a month": the deadline must
    stay inside the target month rather than spill into the next.
    """
    month_index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(month_index, 12)
    month = month0 + 1
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def default_goal_date(meeting_date: date) -> date:
    """The default goal date of an agreement: the meeting date plus three calendar months.

    The step-up model's goal is that the citizen is at a workplace within 3 months; the month end
    clamps (30 Nov → 28/29 Feb) so the goal never drifts into a fourth month.
    """
    return add_months(meeting_date, GOAL_MONTHS)


# --- parsing ----------------------------------------------------------------------------------

_WEEKDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("mandag", "man", "monday", "mon"),
    ("tirsdag", "tir", "tirs", "tuesday", "tue", "tues"),
    ("onsdag", "ons", "wednesday", "wed"),
    ("torsdag", "tor", "tors", "thursday", "thu", "thur", "thurs"),
    ("fredag", "fre", "friday", "fri"),
    ("lørdag", "lør", "loerdag", "lordag", "saturday", "sat"),
    ("søndag", "søn", "soendag", "sondag", "sunday", "sun"),
)
#: Weekday names and abbreviations (both languages, and æøå-less spellings) to date.weekday().
_WEEKDAYS: dict[str, int] = {
    name: index for index, names in enumerate(_WEEKDAY_NAMES) for name in names
}

_TODAY_WORDS = frozenset({"i dag", "idag", "today"})
_TOMORROW_WORDS = frozenset({"i morgen", "imorgen", "tomorrow"})

_UNIT_WORDS: tuple[tuple[tuple[str, ...], tuple[str, int]], ...] = (
    (("d", "dag", "dage", "day", "days"), ("d", 1)),
    (("w", "u", "uge", "uger", "week", "weeks"), ("d", 7)),
    (("m", "md", "mdr", "måned", "måneder", "month", "months"), ("m", 1)),
    (("y", "å", "år", "year", "years"), ("m", 12)),
)
#: Unit words of relative dates, to (kind, multiplier): kind "d" counts days, "m" months.
_UNITS: dict[str, tuple[str, int]] = {word: unit for words, unit in _UNIT_WORDS for word in words}

_SEP = r"[./-]"
_ISO_RE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_DAY_MONTH_RE = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}})(?:{_SEP}(\d{{4}}|\d{{2}}))?\.?")
_RELATIVE_RE = re.compile(r"\+?\s*(\d{1,5})\s*([a-zæøå]+)")
_WEEK_RE = re.compile(r"(?:uge|week|u|w)\s*(\d{1,2})(?:\s*[\s/,-]\s*(\d{4}|\d{2}))?")


def _normalise(text: str) -> str:
    """Lower-case, trimmed, inner runs of spaces collapsed, spaces around separators removed."""
    cleaned = " ".join(text.casefold().split())
    return re.sub(r"\s*([./-])\s*", r"\1", cleaned)


def _full_year(digits: str) -> int:
    """A typed year: two digits mean 20yy (nobody plans deadlines in the 1900s)."""
    year = int(digits)
    return 2000 + year if len(digits) == 2 else year


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise QuickDateError(
            _("There is no month {month}; write the day first, then the month, e.g. 15/1.").format(
                month=month
            )
        )


def _check_day(day: int, month: int, year: int | None) -> None:
    """Reject a day the month can never (or, with a year, does not) have, saying why."""
    if day < 1:
        raise QuickDateError(_("There is no day 0; days start at 1."))
    if year is None:
        longest = 29 if month == 2 else calendar.monthrange(2001, month)[1]
        if day > longest:
            raise QuickDateError(
                _("There is no {day}/{month}: that month has at most {days} days.").format(
                    day=day, month=month, days=longest
                )
            )
        return
    days = calendar.monthrange(year, month)[1]
    if day > days:
        raise QuickDateError(
            _(
                "There is no {day}/{month}/{year}: that month has only {days} days that year."
            ).format(day=day, month=month, year=year, days=days)
        )


def _explicit_date(year: int, month: int, day: int) -> date:
    _check_month(month)
    if not 1 <= year <= 9999:
        raise QuickDateError(_("That date is out of range."))
    _check_day(day, month, year)
    return date(year, month, day)


def _next_day_month(day: int, month: int, today: date) -> date:
    """The next `day`/`month` on or after `today` (29/2 waits for the next leap year)."""
    _check_month(month)
    _check_day(day, month, None)
    for year in range(today.year, today.year + 9):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if candidate >= today:
                return candidate
    raise QuickDateError(_("That date is out of range."))  # pragma: no cover - year 9999 only


def _weeks_in_iso_year(year: int) -> int:
    """52 or 53: 28 December always lies in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar().week


def _friday_of_week(year: int, week: int) -> date:
    if not 1 <= week <= _weeks_in_iso_year(year):
        raise QuickDateError(
            _("There is no week {week} in {year}; weeks go from 1 to {last}.").format(
                week=week, year=year, last=_weeks_in_iso_year(year)
            )
        )
    return date.fromisocalendar(year, week, _FRIDAY + 1)


def _next_week_friday(week: int, today: date) -> date:
    """The Friday of ISO week `week` in today's ISO year if not past, else in the next ISO year."""
    this_year = today.isocalendar().year
    if 1 <= week <= _weeks_in_iso_year(this_year):
        friday = _friday_of_week(this_year, week)
        if friday >= today:
            return friday
    return _friday_of_week(this_year + 1, week)


def _relative(amount: int, unit: str, today: date) -> date:
    kind, multiplier = _UNITS[unit]
    try:
        if kind == "d":
            return today + timedelta(days=amount * multiplier)
        return add_months(today, amount * multiplier)
    except OverflowError as error:
        raise QuickDateError(_("That date is too far ahead.")) from error


def parse_due(text: str, today: date) -> date:
    """The date meant by `text` (see `_parse_due`), within the planning range of
    domain/limits.py: `+9999y` or year 9999 would overflow later arithmetic."""
    return _within_limits(_parse_due(text, today))


def _within_limits(value: date) -> date:
    from coordinator.domain.limits import OutOfBounds, check_date

    try:
        return check_date(value)
    except OutOfBounds as exc:
        raise QuickDateError(str(exc)) from None


def _parse_due(text: str, today: date) -> date:
    """The date meant by `text`, typed relative to `today` (see the module docstring for forms).

    Raises `EmptyDueError` for blank text and `QuickDateError` (a ValueError) for anything
    unreadable or impossible, with a translated message that says what to type instead.
    """
    cleaned = _normalise(text)
    if not cleaned:
        raise EmptyDueError(_("Write a date, e.g. 15/1, +2w, week 3 or friday."))

    if cleaned in _TODAY_WORDS:
        return today
    if cleaned in _TOMORROW_WORDS:
        return today + timedelta(days=1)
    weekday = _WEEKDAYS.get(cleaned.rstrip("."))
    if weekday is not None:
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)

    if (written := _written_date(cleaned, today, _next_day_month)) is not None:
        return written
    if match := _WEEK_RE.fullmatch(cleaned):
        week = int(match[1])
        if match[2] is None:
            return _next_week_friday(week, today)
        return _friday_of_week(_full_year(match[2]), week)
    if (match := _RELATIVE_RE.fullmatch(cleaned)) and match[2] in _UNITS:
        return _relative(int(match[1]), match[2], today)

    raise QuickDateError(
        _(
            'Could not read "{text}" as a date. Write e.g. 15/1, 15.1.2027, +2w, week 3 or friday.'
        ).format(text=text.strip())
    )


def _written_date(
    cleaned: str, today: date, without_year: Callable[[int, int, date], date]
) -> date | None:
    """A date written out: ISO (``2027-01-15``) or day and month (``15/1``, ``15.1.2027``,
    ``15-01-27``); `without_year` says which year a bare day and month means. None when the
    text is not written that way."""
    if match := _ISO_RE.fullmatch(cleaned):
        year, month, day = (int(group) for group in match.groups())
        return _explicit_date(year, month, day)
    if match := _DAY_MONTH_RE.fullmatch(cleaned):
        day, month = int(match[1]), int(match[2])
        if match[3] is None:
            return without_year(day, month, today)
        return _explicit_date(_full_year(match[3]), month, day)
    return None


def parse_due_optional(text: str, today: date) -> date | None:
    """Like `parse_due`, but blank text means "no date yet" (None) instead of an error.

    The agreement editor autosaves while the broker types, and an item without a date is a
    legitimate draft state (flagged by the agreement rules, not by the parser).
    """
    try:
        return parse_due(text, today)
    except EmptyDueError:
        return None


def _previous_day_month(day: int, month: int, today: date) -> date:
    """The latest `day`/`month` on or before `today` (29/2: the last leap year's)."""
    _check_month(month)
    _check_day(day, month, None)
    for year in range(today.year, today.year - 9, -1):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if candidate <= today:
                return candidate
    raise QuickDateError(_("That date is out of range."))  # pragma: no cover - year 1 only


def parse_past_date(text: str, today: date) -> date | None:
    """`_parse_past_date` within the planning range of domain/limits.py."""
    value = _parse_past_date(text, today)
    return None if value is None else _within_limits(value)


def _parse_past_date(text: str, today: date) -> date | None:
    """When something happened (e.g. a step-up was decided), as typed: ``10/11`` is the latest
    10 November on or before `today`; with a year (``10.11.2026``, ``2026-11-10``) it is that
    date; ``i dag``/``today``. Blank text is None; anything else raises `QuickDateError`."""
    cleaned = _normalise(text)
    if not cleaned:
        return None
    if cleaned in _TODAY_WORDS:
        return today
    if (written := _written_date(cleaned, today, _previous_day_month)) is not None:
        return written
    raise QuickDateError(
        _('Could not read "{text}" as a date. Write e.g. 10/11 or 10.11.2026.').format(
            text=text.strip()
        )
    )


# --- formatting -------------------------------------------------------------------------------

#: Babel patterns per language: short weekday, day, short month, year.
_DUE_PATTERNS = {"da": "EEE d. MMM y", "en": "EEE d MMM y"}


def format_due(d: date, language: str | None = None) -> str:
    """`d` as shown beside the input, so the broker sees at once what was understood.

    Danish "fre. 15. jan. 2027", English "Fri 15 Jan 2027"; the weekday is there because people
    check a deadline against the week ("that's a Friday, good"). `language` defaults to the
    current interface language.
    """
    from babel.dates import format_date  # lazy: Babel costs start-up time

    language = language or current_language()
    if language not in _DUE_PATTERNS:
        raise ValueError(f"unknown language {language!r}; choose one of: da, en")
    return format_date(d, _DUE_PATTERNS[language], locale=language)
