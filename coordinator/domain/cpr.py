"""Danish CPR numbers: validation and masking.

The CPR is optional in this app and sensitive: it is validated when entered (so typos are caught
while the citizen is in the room) and only ever shown masked as `DDMMYY-xxxx`. The modulus-11
check is not applied: CPR numbers issued since 2007 need not satisfy it.
"""

from __future__ import annotations

import re
from datetime import date

from coordinator.i18n import _

_CPR_RE = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$")


class InvalidCPR(ValueError):
    """The text is not a CPR number: wrong shape or not a real date of birth."""


def _century(yy: int, seventh: int) -> int:
    """The century of birth from the two-digit year and the 7th digit (CPR office rules)."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


def normalise_cpr(text: str) -> str:
    """Return the CPR as `DDMMYY-SSSS`, or raise `InvalidCPR` saying what is wrong."""
    cleaned = text.strip().replace(" ", "")
    match = _CPR_RE.match(cleaned)
    if not match:
        raise InvalidCPR(_("a CPR number has the form DDMMYY-SSSS or 10 digits"))
    dd, mm, yy, serial = match.groups()
    year = _century(int(yy), int(serial[0])) + int(yy)
    try:
        date(year, int(mm), int(dd))
    except ValueError as exc:
        raise InvalidCPR(_("{digits} is not a real date").format(digits=f"{dd}{mm}{yy}")) from exc
    return f"{dd}{mm}{yy}-{serial}"


def birth_date(cpr: str) -> date:
    """The date of birth encoded in a valid CPR number."""
    normalised = normalise_cpr(cpr)
    dd, mm, yy, seventh = (
        int(normalised[0:2]),
        int(normalised[2:4]),
        int(normalised[4:6]),
        int(normalised[7]),
    )
    return date(_century(yy, seventh) + yy, mm, dd)


def mask_cpr(cpr: str | None) -> str:
    """`DDMMYY-xxxx` for a valid CPR, an empty string for none; never the serial digits."""
    if not cpr:
        return ""
    try:
        normalised = normalise_cpr(cpr)
    except InvalidCPR:
        return "xxxxxx-xxxx"
    return normalised[:7] + "xxxx"
