"""The sane bounds of everything a user can type, stated in one place.

A date in year 9999 was accepted and then overflowed the schedule's arithmetic in `day show`,
exports and the app; an integer above 2^63 raised `OverflowError` in SQLite and `DataError` in
PostgreSQL; a 10,000-character logo path raised `OSError: File name too long`. Every value that
enters (the command line, a CSV import, a dialog via the store's writers) is checked against
these bounds first, and a value outside them is refused with one line that says the bound.

Pure domain: no store, no Textual. `OutOfBounds` is an `EntryError`, so the CLI prints it as
one line and the dialogs show it like any other mistake in what was typed; the store turns it
into `Invalid` at its edge.
"""

from __future__ import annotations

from datetime import date

from coordinator.domain.clock_entry import EntryError
from coordinator.i18n import _

#: Planning dates: a step-up day, a goal, a follow-up is never before 2000 or after 2100.
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)
#: A pre-meeting or meeting lasts at least a minute and at most a working day (8 hours).
MIN_MINUTES = 1
MAX_MINUTES = 480
#: Ids and other whole numbers the database stores: a signed 64-bit integer.
MAX_ID = 2**63 - 1
#: A name (person, citizen), a location, a phone number, an e-mail address: one short line.
MAX_NAME = 200
#: Any other one-line field (a reason, a job goal, an item's text, a setting's value).
MAX_LINE = 2_000
#: A field with lines (the citizen's own words, a note).
MAX_TEXT = 20_000
#: A file path (a setting such as the logo, a file to read or write).
MAX_PATH = 1_024
#: One name in a file path, in bytes (the file systems' NAME_MAX).
MAX_FILE_NAME = 255
#: The largest circle of people around one citizen a job centre may set (`max_circle`).
MAX_CIRCLE = 50
#: A period in months (how long data is kept, `purge --older-than`): at most a century.
MAX_MONTHS = 1_200
#: How many step-up days one date may have (several rooms); more is a mistake.
MAX_DAYS_PER_DATE = 6


class OutOfBounds(EntryError):
    """A value outside the sane bounds above; the message states the bound."""


def check_date(value: date, what: str = "") -> date:
    """`value` when it lies within EARLIEST_DATE..LATEST_DATE."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise OutOfBounds(
            _(
                "{what}{value} is outside the dates the coordinator plans ({first} to {last})."
            ).format(
                what=f"{what}: " if what else "",
                value=value.isoformat(),
                first=EARLIEST_DATE.isoformat(),
                last=LATEST_DATE.isoformat(),
            )
        )
    return value


def check_minutes(value: int, what: str) -> int:
    """A length of a meeting in minutes: MIN_MINUTES..MAX_MINUTES."""
    return check_number(value, what, MIN_MINUTES, MAX_MINUTES)


def check_number(value: int, what: str, low: int = 0, high: int = MAX_ID) -> int:
    """A whole number within low..high (by default, what the database can store)."""
    if not low <= value <= high:
        raise OutOfBounds(
            _("{what} must be between {low} and {high}, not {value}.").format(
                what=what, low=low, high=high, value=_short(str(value))
            )
        )
    return value


def fits_id(value: object) -> bool:
    """True when `value` could be a stored id (so looking it up cannot overflow)."""
    return not isinstance(value, int) or -MAX_ID - 1 <= value <= MAX_ID


def check_length(value: str, limit: int, what: str) -> str:
    """`value` when it has at most `limit` characters."""
    if len(value) > limit:
        raise OutOfBounds(
            _("{what} is too long: {count} characters; at most {limit}.").format(
                what=what, count=len(value), limit=limit
            )
        )
    return value


def check_path(value: str, what: str) -> str:
    """A file path: at most MAX_PATH characters, and no name in it longer than the file
    systems allow (a 10,000-character logo path raised `OSError: File name too long`)."""
    check_length(value, MAX_PATH, what)
    for name in value.replace("\\", "/").split("/"):
        size = len(name.encode("utf-8", "surrogateescape"))
        if size > MAX_FILE_NAME:
            raise OutOfBounds(
                _(
                    "{what}: a name in the path is too long ({count} bytes; at most {limit})."
                ).format(what=what, count=size, limit=MAX_FILE_NAME)
            )
    return value


def _short(text: str) -> str:
    """A number shown in a message, shortened if it has hundreds of digits."""
    return text if len(text) <= 30 else f"{text[:12]}…({len(text)} digits)"
