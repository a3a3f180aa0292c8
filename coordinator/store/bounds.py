"""The store's edge: every row written is cleaned and checked against domain/limits.py.

Text reaches the database by many roads (the CLI, a CSV import, the day and agreement dialogs,
the autosave), and every road forgot something once: an OSC sequence in a location set the
terminal's title, a NUL byte from a CSV broke PostgreSQL, a year-9999 date overflowed the
schedule, an id above 2^63 overflowed SQLite. So the check sits where all the roads meet: a
`before_flush` hook on the store's sessions (`BoundedSession`). Before any row is written,
every text column that changed has its control characters removed (`domain.text`
`without_controls`: nothing else is changed, no trimming, no line ends rewritten, so an
editor's autosave never sees its own text come back different) and its length checked, every date
must lie in the planning range, every whole number must fit 64 bits and every length in minutes
1–480. A value out of bounds is `Invalid` (one line, naming the bound), raised before anything
is written, so the session rolls back and nothing changes.

`BoundedSession.get` answers None for an id that cannot exist (beyond 64 bits) instead of
letting the driver overflow, so the caller's ordinary "not found" applies.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session

from coordinator.domain import limits
from coordinator.domain.text import without_controls
from coordinator.i18n import N_, _
from coordinator.store.errors import Invalid

#: One-line columns a person types: names, places, contact details (short).
NAME_COLUMNS = frozenset(
    {
        "name",
        "profession",
        "department",
        "email",
        "phone",
        "location",
        "relation",
        "label",
        "author_name",
        "recorded_by",
        "responsible_text",
        "follow_up_contact",
        "decided_by",
    }
)
#: Other one-line columns a person types.
LINE_COLUMNS = frozenset({"address", "job_goal", "status_reason", "scope", "goal_reason"})
#: Columns of the app's own making (JSON, paths, fingerprints, audit lines): cleaned of
#: controls, never length-checked; a setting's value is checked by `settings.validate_setting`.
OWN_TABLES = frozenset({"auditevent", "setting", "invitationstate", "materialsent"})
#: Whole-number columns that are lengths in minutes.
MINUTE_COLUMNS = frozenset({"pre_minutes", "meeting_minutes"})


class BoundedSession(Session):
    """The store's session: refuses out-of-bounds values before they are written."""

    def get(self, entity: Any, ident: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
        idents = ident if isinstance(ident, tuple | list) else (ident,)
        if not all(limits.fits_id(one) for one in idents):
            return None
        return super().get(entity, ident, *args, **kwargs)


@event.listens_for(BoundedSession, "before_flush")
def _check_rows(session: Session, _context: Any, _instances: Any) -> None:  # noqa: ANN401
    for row in list(session.new) + list(session.dirty):
        check_row(row, is_new=row in session.new)


def check_row(row: Any, is_new: bool = True) -> None:  # noqa: ANN401 - any table's row
    """Clean the text of `row` and check its values; `Invalid` when one is out of bounds. Only
    the columns being written are checked, so an old row is never refused for what it held."""
    state = inspect(row)
    table = state.mapper.local_table.name
    for column in state.mapper.column_attrs:
        key = column.key
        if not is_new and not state.attrs[key].history.has_changes():
            continue
        value = getattr(row, key)
        try:
            cleaned = _checked(table, key, value)
        except limits.OutOfBounds as exc:
            message = str(exc)
            raise Invalid(message[:1].upper() + message[1:]) from None
        if cleaned is not value and cleaned != value:
            setattr(row, key, cleaned)


def _checked(table: str, key: str, value: object) -> object:
    if isinstance(value, str):
        cleaned = without_controls(value)
        if table in OWN_TABLES:
            return cleaned
        if key in NAME_COLUMNS:
            limit = limits.MAX_NAME
        elif key in LINE_COLUMNS:
            limit = limits.MAX_LINE
        else:
            limit = limits.MAX_TEXT
        return limits.check_length(cleaned, limit, _label(key))
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if key in MINUTE_COLUMNS:
            return limits.check_minutes(value, _label(key))
        return limits.check_number(value, _label(key), -limits.MAX_ID - 1, limits.MAX_ID)
    if isinstance(value, datetime):
        limits.check_date(value.date(), _label(key))
    elif isinstance(value, date):
        limits.check_date(value, _label(key))
    return value


#: How a message names the columns a person types most (others: "the field <column>").
LABELS = {
    "name": N_("the name"),
    "location": N_("the location"),
    "email": N_("the e-mail address"),
    "phone": N_("the phone number"),
    "department": N_("the department"),
    "address": N_("the address"),
    "job_goal": N_("the job goal"),
    "citizen_words": N_("the citizen's own words"),
    "notes": N_("the notes"),
    "text": N_("the text"),
    "pre_minutes": N_("the pre-meeting length"),
    "meeting_minutes": N_("the meeting length"),
}


def _label(key: str) -> str:
    """A column's name as a message shows it (`meeting_minutes` → `the meeting length`)."""
    if key in LABELS:
        return _(LABELS[key])
    return _("the field {name}").format(name=key.replace("_", " "))
