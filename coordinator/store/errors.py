"""Errors the store raises for things a user did (an unknown date, a duplicate, a stale edit).

Each carries a message fit to show a user as it is; the CLI prints it on one line and the TUI
in a notification. Anything else escaping the store is a bug, not a user error.
"""

from __future__ import annotations


class StoreError(Exception):
    """A user-facing error: the message says what is wrong and, where it can, what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(StoreError):
    """The thing asked for does not exist (unknown day, case, person)."""


class Invalid(StoreError):
    """The input breaks a rule (bad time, a break outside the day, a malformed CSV line)."""


class Conflict(StoreError):
    """Someone else changed the row since it was loaded; nothing was overwritten."""


class CannotOpen(StoreError):
    """The database cannot be opened: a bad path or URL, no permission, a file that is not a
    database, a server database whose driver is missing, or one written by a newer app."""


class Unavailable(StoreError):
    """The database could not be read or written just now (locked by another writer for longer
    than the busy timeout, a full disk, a read-only file). Nothing was changed; what the user
    typed is kept by the caller and can be saved again."""
