"""Reading the dates, clock times and breaks a coordinator types when planning a day.

The command line and the day dialogs accept the same forms and give the same reasons, so one
module reads them; each caller turns `EntryError` into its own kind of user error (a one-line
message on stderr, or a message in the dialog). Standard library only, so the CLI stays fast.
"""

from __future__ import annotations

from datetime import date, time

from coordinator.i18n import _


class EntryError(ValueError):
    """What was typed is not the value asked for; the message says how to write it."""


def read_iso_date(text: str) -> date:
    """`2026-12-03`: planning dates are written in full so no day is ever guessed; a date
    outside the planning range of domain/limits.py (year 9999 overflowed the schedule) is
    refused here, the one reader of typed dates."""
    from coordinator.domain.limits import check_date

    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise EntryError(
            _("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-12-03.").format(
                text=_shortened(text)
            )
        ) from None
    return check_date(value)


def _shortened(text: str) -> str:
    """What was typed, shortened for a one-line message when it is very long."""
    return text if len(text) <= 60 else text[:40] + "…"


def read_clock_time(text: str) -> time:
    """`08:30` or `8:30`; minutes always in two digits so `8:3` is not read as 08:03."""
    try:
        hours, minutes = text.strip().split(":")
        if len(minutes) != 2:
            raise ValueError
        return time(int(hours), int(minutes))
    except (ValueError, OverflowError):
        raise EntryError(
            _("{text!r} is not a time; write it as HH:MM, e.g. 08:30.").format(
                text=_shortened(text)
            )
        ) from None


def read_break(text: str) -> tuple[time, time]:
    """`11:30-12:00`: one break as its start and end (the schedule rules judge the order)."""
    start, sep, end = text.strip().partition("-")
    if not sep:
        raise EntryError(
            _("{text!r} is not a break; write it as HH:MM-HH:MM, e.g. 11:30-12:00.").format(
                text=_shortened(text)
            )
        )
    return read_clock_time(start), read_clock_time(end)


def read_breaks(text: str) -> tuple[tuple[time, time], ...]:
    """`11:30-12:00, 14:00-14:15`: several breaks, commas or spaces between them."""
    return tuple(read_break(part) for part in text.replace(",", " ").split())


def read_minutes(value: int | str, what: str) -> int:
    """A length in whole minutes, at least one (`45`); `what` names it in the reason."""
    try:
        minutes = int(value) if isinstance(value, int) else int(value.strip())
    except ValueError:
        minutes = 0
    if minutes <= 0:
        shown = value if isinstance(value, int) else repr(value.strip())
        raise EntryError(
            _("{what} must be a positive number of minutes, not {value}").format(
                what=what, value=shown
            )
        )
    return minutes
