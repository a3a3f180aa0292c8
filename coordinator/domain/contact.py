"""E-mail addresses and phone numbers as people type them into the directory.

Checked when typed or imported, so a typo ("anne.jobcenter.dk", "2l 34 56 78") is said at once
in one line, not found out when an invitation bounces. Deliberately lenient: the shape of an
address (something@domain.tld) and a phone number's characters and length, nothing more.
"""

from __future__ import annotations

import re

from coordinator.i18n import _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()./-]+$")
#: A Danish number has 8 digits; with a country code and extensions up to 15 (E.164).
_PHONE_DIGITS = range(8, 16)


def email_problem(email: str) -> str | None:
    """What is wrong with `email` (blank is allowed), or None."""
    email = email.strip()
    if not email or _EMAIL.match(email):
        return None
    return _("{email!r} is not an e-mail address (like navn@kommune.dk)").format(email=email)


def phone_problem(phone: str) -> str | None:
    """What is wrong with `phone` (blank is allowed), or None."""
    phone = phone.strip()
    if not phone:
        return None
    digits = sum(char.isdigit() for char in phone)
    if _PHONE_CHARACTERS.match(phone) and digits in _PHONE_DIGITS:
        return None
    return _("{phone!r} is not a phone number (8 digits, like 12 34 56 78 or +45 12345678)").format(
        phone=phone
    )
