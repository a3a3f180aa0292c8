"""Watching the SQL a store runs: for the tests that promise a screen asks nothing (the
day's tick), writes nothing (viewing) or asks only so much (the day model)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

#: A statement that changes the database (or its schema).
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


@contextmanager
def statements(store, only: re.Pattern[str] | None = None) -> Iterator[list[str]]:  # noqa: ANN001
    """The first line of every statement the store's engine runs inside the block (those that
    match `only`, when given)."""
    seen: list[str] = []

    def watch(_conn, _cursor, statement, *_rest) -> None:  # noqa: ANN001 - SQLAlchemy's
        if only is None or only.match(statement):
            seen.append(statement.split("\n")[0])

    event.listen(store.engine, "before_cursor_execute", watch)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", watch)
