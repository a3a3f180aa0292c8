"""Parsing command-line values into domain values, with one-line user errors."""

from __future__ import annotations

from datetime import date, time

from coordinator.cli import UserError
from coordinator.i18n import _


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            _("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-03.").format(text=text)
        ) from None


def parse_time(text: str) -> time:
    try:
        hours, minutes = text.strip().split(":")
        if len(minutes) != 2:
            raise ValueError
        return time(int(hours), int(minutes))
    except ValueError:
        raise UserError(
            _("{text!r} is not a time; write it as HH:MM, e.g. 08:30").format(text=text)
        ) from None


def parse_break(text: str) -> tuple[time, time]:
    start, sep, end = text.partition("-")
    if not sep:
        raise UserError(
            _("{text!r} is not a break; write it as HH:MM-HH:MM, e.g. 11:30-12:00").format(
                text=text
            )
        )
    return parse_time(start), parse_time(end)


def parse_minutes(value: int, what: str) -> int:
    if value <= 0:
        raise UserError(
            _("{what} must be a positive number of minutes, not {value}").format(
                what=what, value=value
            )
        )
    return value
