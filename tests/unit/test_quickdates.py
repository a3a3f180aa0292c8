"""The "by when" field: every form a broker types, the rejections, and the date arithmetic."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from coordinator import i18n
from coordinator.domain import quickdates
from coordinator.domain.quickdates import (
    EmptyDueError,
    QuickDateError,
    add_months,
    default_goal_date,
    format_due,
    parse_due,
    parse_due_optional,
    parse_past_date,
)

#: A Sunday in ISO week 47 of 2026 (a year with 53 ISO weeks).
NOVEMBER = date(2026, 11, 22)
#: A Tuesday in ISO week 53 of 2026, just before the year rolls over.
LATE_DECEMBER = date(2026, 12, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # day/month: the next occurrence on or after today, so January means next year
        ("15/1", date(2027, 1, 15)),
        ("15.1", date(2027, 1, 15)),
        ("15-1", date(2027, 1, 15)),
        ("15.1.", date(2027, 1, 15)),
        ("15 / 1", date(2027, 1, 15)),
        ("1/12", date(2026, 12, 1)),
        ("22/11", date(2026, 11, 22)),  # today itself counts
        ("21/11", date(2027, 11, 21)),  # yesterday means next year
        ("29/2", date(2028, 2, 29)),  # waits for the next leap year
        # with a year
        ("15/1/27", date(2027, 1, 15)),
        ("15.1.2027", date(2027, 1, 15)),
        ("15-01-2027", date(2027, 1, 15)),
        ("29.2.28", date(2028, 2, 29)),
        ("1.1.2026", date(2026, 1, 1)),  # an explicit past date is read, not judged
        ("2027-01-15", date(2027, 1, 15)),
        ("2027-1-5", date(2027, 1, 5)),
        # relative
        ("+10d", date(2026, 12, 2)),
        ("+2w", date(2026, 12, 6)),
        ("+2u", date(2026, 12, 6)),
        ("2w", date(2026, 12, 6)),
        ("2u", date(2026, 12, 6)),
        ("+ 2 w", date(2026, 12, 6)),
        ("2 uger", date(2026, 12, 6)),
        ("2 weeks", date(2026, 12, 6)),
        ("+0d", NOVEMBER),
        ("+3m", date(2027, 2, 22)),
        ("3 mdr", date(2027, 2, 22)),
        ("+1y", date(2027, 11, 22)),
        ("+1å", date(2027, 11, 22)),
        ("1 år", date(2027, 11, 22)),
        # ISO weeks: the Friday
        ("uge 3", date(2027, 1, 22)),
        ("week 3", date(2027, 1, 22)),
        ("u3", date(2027, 1, 22)),
        ("w3", date(2027, 1, 22)),
        ("uge3", date(2027, 1, 22)),
        ("uge 3 2027", date(2027, 1, 22)),
        ("uge 3/27", date(2027, 1, 22)),
        ("week 3 2028", date(2028, 1, 21)),
        ("uge 48", date(2026, 11, 27)),  # this week: its Friday is still ahead
        ("uge 47", date(2027, 11, 26)),  # this week's Friday has passed: next year
        ("uge 53", date(2027, 1, 1)),  # 2026 has 53 weeks; its Friday is 1 January 2027
        ("uge 1 2026", date(2026, 1, 2)),
        # words
        ("i dag", NOVEMBER),
        ("idag", NOVEMBER),
        ("today", NOVEMBER),
        ("i morgen", date(2026, 11, 23)),
        ("imorgen", date(2026, 11, 23)),
        ("tomorrow", date(2026, 11, 23)),
        ("fredag", date(2026, 11, 27)),
        ("friday", date(2026, 11, 27)),
        ("fre", date(2026, 11, 27)),
        ("fre.", date(2026, 11, 27)),
        ("fri", date(2026, 11, 27)),
        ("mandag", date(2026, 11, 23)),
        ("mon", date(2026, 11, 23)),
        ("tirsdag", date(2026, 11, 24)),
        ("onsdag", date(2026, 11, 25)),
        ("thursday", date(2026, 11, 26)),
        ("lørdag", date(2026, 11, 28)),
        ("søndag", date(2026, 11, 29)),  # today is a Sunday: the next one, a week on
        ("sun", date(2026, 11, 29)),
        # case and spaces
        ("  I DAG ", NOVEMBER),
        ("Fredag", date(2026, 11, 27)),
        ("UGE 3", date(2027, 1, 22)),
        ("I  Morgen", date(2026, 11, 23)),
    ],
)
def test_forms_in_november(text: str, expected: date) -> None:
    assert parse_due(text, NOVEMBER) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/1", date(2027, 1, 15)),
        ("29/12", date(2026, 12, 29)),
        ("28/12", date(2027, 12, 28)),
        ("31.12", date(2026, 12, 31)),
        ("uge 53", date(2027, 1, 1)),  # the current ISO week, Friday still ahead
        ("uge 1", date(2027, 1, 8)),
        ("uge 52", date(2027, 12, 31)),  # week 52 of 2026 is over
        ("+1w", date(2027, 1, 5)),
        ("+1m", date(2027, 1, 29)),
        ("+2m", date(2027, 2, 28)),  # 29 February 2027 does not exist: clamped
        ("+3d", date(2027, 1, 1)),
        ("søndag", date(2027, 1, 3)),
        ("tirsdag", date(2027, 1, 5)),  # today is a Tuesday: next week's
        ("i morgen", date(2026, 12, 30)),
    ],
)
def test_forms_across_the_new_year(text: str, expected: date) -> None:
    assert parse_due(text, LATE_DECEMBER) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/2", "29"),
        ("30.2", "29"),
        ("31/4", "30"),
        ("29/2/2027", "28"),
        ("31.6.2027", "30"),
        ("0/1", "0"),
        ("15/13", "13"),
        ("2027-13-01", "13"),
        ("uge 54", "54"),
        ("uge 0", "0"),
        ("uge 53 2027", "53"),  # 2027 has only 52 ISO weeks
        ("abc", "abc"),
        ("3", "3"),
        ("+3x", "+3x"),
        ("-2d", "-2d"),
        ("15/1/027", "15/1/027"),
        ("næste fredag", "næste fredag"),
    ],
)
def test_rejections_say_why(text: str, reason: str) -> None:
    with pytest.raises(QuickDateError) as caught:
        parse_due(text, NOVEMBER)
    assert not isinstance(caught.value, EmptyDueError)
    assert reason in str(caught.value)


def test_rejection_messages_are_danish_by_default_and_english_on_request() -> None:
    with pytest.raises(QuickDateError, match="har højst 29 dage"):
        parse_due("31/2", NOVEMBER)
    i18n.set_language("en")
    with pytest.raises(QuickDateError, match="has at most 29 days"):
        parse_due("31/2", NOVEMBER)
    with pytest.raises(QuickDateError, match="week 3 or friday"):
        parse_due("soon", NOVEMBER)


def test_week_53_in_a_year_without_one_is_rejected() -> None:
    # 2027 and 2028 both have 52 ISO weeks.
    with pytest.raises(QuickDateError, match="53"):
        parse_due("uge 53", date(2027, 3, 1))


def test_too_far_ahead_is_an_error_not_a_crash() -> None:
    with pytest.raises(QuickDateError):
        parse_due("+99999y", NOVEMBER)
    with pytest.raises(QuickDateError):
        parse_due("+99999w", date(9999, 1, 1))


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_text_is_its_own_error(text: str) -> None:
    with pytest.raises(EmptyDueError):
        parse_due(text, NOVEMBER)
    assert issubclass(EmptyDueError, QuickDateError)
    assert issubclass(QuickDateError, ValueError)
    assert parse_due_optional(text, NOVEMBER) is None


def test_parse_due_optional_parses_and_still_rejects_bad_text() -> None:
    assert parse_due_optional("15/1", NOVEMBER) == date(2027, 1, 15)
    with pytest.raises(QuickDateError):
        parse_due_optional("31/2", NOVEMBER)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 5, 5), 0, date(2026, 5, 5)),
    ],
)
def test_add_months_clamps_to_the_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("meeting", "goal"),
    [
        (date(2026, 12, 3), date(2027, 3, 3)),
        (date(2026, 11, 30), date(2027, 2, 28)),
        (date(2027, 11, 30), date(2028, 2, 29)),  # leap year
        (date(2027, 11, 29), date(2028, 2, 29)),
        (date(2026, 5, 31), date(2026, 8, 31)),
        (date(2026, 3, 31), date(2026, 6, 30)),
    ],
)
def test_default_goal_date_is_three_months_on(meeting: date, goal: date) -> None:
    assert default_goal_date(meeting) == goal


def test_format_due_in_both_languages() -> None:
    d = date(2027, 1, 15)
    assert format_due(d, "da") == "fre. 15. jan. 2027"
    assert format_due(d, "en") == "Fri 15 Jan 2027"
    assert format_due(d) == "fre. 15. jan. 2027"  # the current language, Danish by default
    i18n.set_language("en")
    assert format_due(d) == "Fri 15 Jan 2027"
    with pytest.raises(ValueError):
        format_due(d, "de")


def test_importing_quickdates_does_not_import_babel() -> None:
    code = "import sys, coordinator.domain.quickdates; print('babel' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_every_message_has_a_danish_translation() -> None:
    source = Path(quickdates.__file__).read_text(encoding="utf-8")
    messages = [
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "_"
        and isinstance(node.args[0], ast.Constant)
    ]
    assert messages
    for message in messages:
        assert i18n.translate(message, "da") != message, message


# --- properties -------------------------------------------------------------------------------

_days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(today=_days, ahead=st.integers(min_value=0, max_value=365))
def test_full_date_round_trips(today: date, ahead: int) -> None:
    d = today + timedelta(days=ahead)
    assert parse_due(f"{d.day}.{d.month}.{d.year}", today) == d
    assert parse_due(d.isoformat(), today) == d
    assert parse_due(f"{d.day}/{d.month}/{d.year % 100:02d}", today) == d


@given(today=_days, n=st.integers(min_value=0, max_value=3000))
def test_plus_days_is_today_plus_n(today: date, n: int) -> None:
    assert parse_due(f"+{n}d", today) == today + timedelta(days=n)
    assert parse_due(f"{n}d", today) == today + timedelta(days=n)


@given(today=_days, ahead=st.integers(min_value=0, max_value=364))
def test_day_month_means_the_next_occurrence(today: date, ahead: int) -> None:
    d = today + timedelta(days=ahead)
    if (d.month, d.day) != (2, 29):  # 29/2 may wait several years for a leap year
        assert parse_due(f"{d.day}/{d.month}", today) == d


@given(today=_days, week=st.integers(min_value=1, max_value=52))
def test_week_is_the_next_friday_of_that_week(today: date, week: int) -> None:
    due = parse_due(f"uge {week}", today)
    assert due.weekday() == 4
    assert due.isocalendar().week == week
    assert today <= due < today + timedelta(days=371)


@given(today=_days, weekday=st.sampled_from(["man", "tir", "ons", "tor", "fre", "lør", "søn"]))
def test_weekday_is_within_the_next_seven_days(today: date, weekday: str) -> None:
    due = parse_due(weekday, today)
    assert today < due <= today + timedelta(days=7)


# --- past dates (when a step-up was decided) -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/11", date(2026, 11, 10)),  # earlier this year
        ("23.11", date(2026, 11, 23)),  # today counts
        ("24/11", date(2025, 11, 24)),  # tomorrow's day and month: last year's
        ("10.11.2026", date(2026, 11, 10)),
        ("2026-11-10", date(2026, 11, 10)),
        ("1/3/25", date(2025, 3, 1)),
        ("i dag", date(2026, 11, 23)),
        ("29/2", date(2024, 2, 29)),
    ],
)
def test_past_dates_as_typed(text: str, expected: date) -> None:
    assert parse_past_date(text, date(2026, 11, 23)) == expected


def test_blank_past_date_is_none_and_nonsense_says_what_to_type() -> None:
    assert parse_past_date("  ", date(2026, 11, 23)) is None
    with pytest.raises(QuickDateError, match="10/11"):
        parse_past_date("last week", date(2026, 11, 23))
    with pytest.raises(QuickDateError):
        parse_past_date("31/4", date(2026, 11, 23))


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)), st.data())
def test_a_day_and_month_is_never_in_the_future(today: date, data) -> None:  # noqa: ANN001
    typed = data.draw(st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)))
    assume((typed.day, typed.month) != (29, 2))  # leap days: see the examples above
    found = parse_past_date(f"{typed.day}/{typed.month}", today)
    assert found <= today < found.replace(year=found.year + 1)
    assert (found.day, found.month) == (typed.day, typed.month)
