"""What the lock tests share: another program's write lock held on the database file, and a
meter of the event loop's worst stall while it is held.

The promise they check: a locked database never freezes a screen. A 20 ms interval timer on
the app records how late it runs; a loop blocked on the lock would be late by the whole lock.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StallMeter:
    """How late a 20 ms interval timer on the app runs: the event loop's worst stall."""

    INTERVAL = 0.02

    def __init__(self, app) -> None:  # noqa: ANN001 - any Textual App
        self.loop = asyncio.get_running_loop()
        self.last = self.loop.time()
        self.worst = 0.0
        self.timer = app.set_interval(self.INTERVAL, self._tick)

    def _tick(self) -> None:
        now = self.loop.time()
        self.worst = max(self.worst, now - self.last - self.INTERVAL)
        self.last = now

    def stop(self) -> float:
        """Stop measuring; the worst stall in seconds."""
        self.timer.stop()
        return self.worst


@contextmanager
def held_write_lock(db_path: Path, statement: str = "", *args: object) -> Iterator[None]:
    """Another program's write transaction on `db_path`, open (uncommitted) until the block
    ends; `statement` is an optional write it made, rolled back at the end."""
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        if statement:
            other.execute(statement, args)
        yield
    finally:
        other.rollback()
        other.close()
