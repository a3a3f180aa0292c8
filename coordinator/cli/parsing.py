"""Parsing command-line values into domain values, with one-line user errors."""

from __future__ import annotations

from datetime import date, time

from coordinator.cli import UserError
from coordinator.domain.clock_entry import EntryError, read_break, read_clock_time, read_iso_date
from coordinator.i18n import _


def parse_date(text: str) -> date:
    try:
        return read_iso_date(text)
    except EntryError as exc:
        raise UserError(str(exc)) from None


def parse_time(text: str) -> time:
    try:
        return read_clock_time(text)
    except EntryError as exc:
        raise UserError(str(exc)) from None


def parse_break(text: str) -> tuple[time, time]:
    try:
        return read_break(text)
    except EntryError as exc:
        raise UserError(str(exc)) from None


def parse_minutes(value: int, what: str) -> int:
    if value <= 0:
        raise UserError(
            _("{what} must be a positive number of minutes, not {value}").format(
                what=what, value=value
            )
        )
    return value
