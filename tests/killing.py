"""Shared by the tests that kill a real process with SIGKILL and then inspect its database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coordinator.domain.clock import Clock
from coordinator.store.database import Store


def kill_9(process: subprocess.Popen) -> None:
    """SIGKILL: no handler, no flush, no clean-up runs in the victim."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


@contextmanager
def reopened_after_kill(db_path: Path, clock: Clock) -> Iterator[Store]:
    """The killed process's database, checked intact by SQLite, then opened as the app would."""
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    store = Store.open(str(db_path), clock=clock, actor="test")
    try:
        yield store
    finally:
        store.close()
