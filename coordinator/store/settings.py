"""Settings kept in the database: they belong to the job centre's data, not to one laptop."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from coordinator.domain import limits
from coordinator.domain.roster_rules import DEFAULT_MAX_CIRCLE
from coordinator.i18n import _
from coordinator.keymap import KeymapError, format_keymap, parse_keymap, usable_keymap
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.models import Setting

#: Known settings with their defaults.
DEFAULTS: dict[str, str] = {
    "municipality": "",
    "jobcentre": "",
    #: The job centre's address and phone, in the letterhead of the citizen's documents.
    "jobcentre_address": "",
    "jobcentre_phone": "",
    #: "yes": the citizen's copy of the agreement in large print (14 pt), as `--large`.
    "large_print": "",
    "logo": "",
    "templates_dir": "",
    "max_circle": str(DEFAULT_MAX_CIRCLE),
    #: JSON from binding id to keys, e.g. {"day.next": "enter"}; see coordinator/keymap.py.
    "keymap": "",
    #: A case whose citizen has not consented: "warn" (the default) or "error" (store/consent.py).
    "consent_rule": "warn",
    #: Months after a citizen's last activity before `purge` erases them (store/retention.py).
    "retention_months": "12",
    #: How to get to the meeting room (bus, parking, entrance), for the citizen's letter.
    "directions": "",
    #: The latest end of a step-up day when counting how many cases a day can still take.
    "day_end": "15:30",
}


def get_setting(store: Store, key: str) -> str:
    with store.session() as session:
        setting = session.get(Setting, key)
        return setting.value if setting else DEFAULTS.get(key, "")


def effective_max_circle(store: Store, session: Session | None = None) -> int:
    """The largest circle the roster rules allow: the job centre's `max_circle` setting, or the
    domain's default when none is set (or what is stored is not a whole number of at least 1).
    The one reader of the limit; pass `session` to read inside a session already open."""
    if session is None:
        with store.session() as own:
            return max_circle_in(own)
    return max_circle_in(session)


def max_circle_in(session: Session) -> int:
    """`effective_max_circle` inside a session already open (a reader without the store)."""
    setting = session.get(Setting, "max_circle")
    value = setting.value.strip() if setting else ""
    return int(value) if value.isdigit() and int(value) >= 1 else DEFAULT_MAX_CIRCLE


def validate_setting(key: str, value: str) -> str:
    """The value as it will be stored, or `Invalid` with what to do instead.

    Checked here, not only in the CLI, so a bad circle size or a logo that does not exist is
    refused when it is set rather than discovered on the morning of the day.
    """
    if key not in DEFAULTS:
        raise Invalid(
            _("unknown setting {key!r}; known settings: {known}").format(
                key=key, known=", ".join(DEFAULTS)
            )
        )
    value = value.strip()
    try:
        if key in ("logo", "templates_dir"):
            limits.check_path(value, key)
        else:
            limits.check_length(value, limits.MAX_LINE, key)
    except limits.OutOfBounds as exc:
        raise Invalid(str(exc)) from None
    if key == "max_circle":
        if not value.isdigit() or not 1 <= int(value) <= limits.MAX_CIRCLE:
            raise Invalid(
                _(
                    "max_circle must be a whole number of at least 1 and at most {limit}, "
                    "not {value!r}"
                ).format(limit=limits.MAX_CIRCLE, value=value)
            )
    elif key == "consent_rule":
        if value not in ("warn", "error"):
            raise Invalid(
                _("consent_rule must be warn or error, not {value!r}").format(value=value)
            )
    elif key == "retention_months":
        if not value.isdigit() or not 1 <= int(value) <= limits.MAX_MONTHS:
            raise Invalid(
                _(
                    "retention_months must be a whole number of months (at least 1, at most "
                    "{limit}), not {value!r}"
                ).format(limit=limits.MAX_MONTHS, value=value)
            )
    elif key == "keymap":
        try:
            value = format_keymap(parse_keymap(value))
        except KeymapError as exc:
            raise Invalid(str(exc)) from None
    elif key == "day_end":
        from coordinator.domain.clock_entry import EntryError, read_clock_time

        try:
            value = read_clock_time(value).strftime("%H:%M")
        except EntryError as exc:
            raise Invalid(str(exc)) from None
    elif key == "logo" and value:
        if not _exists(value, Path.is_file):
            raise Invalid(_("the logo file {path} does not exist").format(path=value))
        value = str(Path(value).expanduser().resolve())
    elif key == "templates_dir" and value:
        if not _exists(value, Path.is_dir):
            raise Invalid(_("the templates folder {path} does not exist").format(path=value))
        value = str(Path(value).expanduser().resolve())
    return value


def _exists(value: str, test: Callable[[Path], bool]) -> bool:
    """`test` of the path `value`; False when the path cannot even be looked at (a name too
    long for the file system, a NUL byte, no permission) rather than an OSError."""
    try:
        return test(Path(value).expanduser())
    except (OSError, ValueError, RuntimeError):
        return False


def change_setting(store: Store, key: str, value: str) -> str:
    """What a user sets: validated first (`validate_setting`); returns the stored value."""
    value = validate_setting(key, value)
    set_setting(store, key, value)
    return value


def set_setting(store: Store, key: str, value: str) -> None:
    """Store any key as it is; the app also keeps its own markers here (e.g. the demo day)."""
    with store.session() as session:
        setting = session.get(Setting, key) or Setting(key=key)
        setting.value = value
        session.add(setting)


def stored_keymap(store: Store) -> dict[str, str]:
    """The keymap the App applies at start; entries that no longer check are left out."""
    return usable_keymap(get_setting(store, "keymap"))


def all_settings(store: Store) -> dict[str, str]:
    values = dict(DEFAULTS)
    with store.session() as session:
        from sqlmodel import select

        values.update({s.key: s.value for s in session.exec(select(Setting))})
    return values


#: The key of the installation id (not a user setting: `settings set` refuses it).
INSTALLATION_KEY = "installation_id"


def installation_id(store: Store) -> str:
    """This database's random id, made on first use and kept: calendar UIDs carry it, so two
    databases (two job centres, a test copy) never give two meetings the same UID and one
    never overwrites the other in a participant's calendar."""
    with store.session() as session:
        setting = session.get(Setting, INSTALLATION_KEY)
        if setting is not None and setting.value:
            return setting.value
    value = secrets.token_hex(8)
    try:
        with store.session() as session:
            setting = session.get(Setting, INSTALLATION_KEY)
            if setting is not None and setting.value:
                return setting.value
            session.add(Setting(key=INSTALLATION_KEY, value=value))
    except IntegrityError:  # another process made it first: theirs is the one
        with store.session() as session:
            setting = session.get(Setting, INSTALLATION_KEY)
            assert setting is not None
            return setting.value
    return value
