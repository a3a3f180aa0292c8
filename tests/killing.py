"""Shared by the tests that kill a real process with SIGKILL and then inspect its database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coordinator.domain.clock import Clock
from coordinator.store.database import Store

#: A separate process that runs the real app headless on a database file, opens a case's
#: agreement and types `sentence` into "the citizen's own words", key by key through the Pilot,
#: as keystrokes arrive from a terminal. `once`: type it, print "typed", wait for a signal to end
#: the app, print "exited". `repeat`: type it again and again, printing after each time the
#: number of times typed once the autosave has written it; it never stops on its own.
TYPIST = r"""
import asyncio, sys
from datetime import datetime
from coordinator.app import CoordinatorApp
from coordinator.domain.clock import FixedClock
from coordinator.screens.agreement import AgreementScreen
from coordinator.store.database import Store
from tests.workers import workers_done

db, case_id, sentence, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

async def main() -> None:
    clock = FixedClock(datetime(2026, 12, 3, 9, 0))
    store = Store.open(db, clock=clock, actor="typist")
    app = CoordinatorApp(store=store, clock=clock, language="da")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(AgreementScreen(case_id))
        screen = app.screen
        while not screen.loaded:  # the form is read by a worker
            await workers_done(app)
            await pilot.pause()
        screen.set_focus(screen.query_one("#citizen-words"))
        await pilot.pause()
        if mode == "once":
            await pilot.press(*sentence)
            print("typed", flush=True)
            while app.is_running:
                await asyncio.sleep(0.05)
        else:
            typed = 0
            while True:
                await pilot.press(*sentence)
                typed += 1
                while screen.in_flight or screen.saver.pending:
                    await pilot.pause(0.05)
                print(typed, flush=True)
    print("exited", flush=True)

asyncio.run(main())
"""


def start_typist(db_path: Path, case_id: int, sentence: str, *, repeat: bool) -> subprocess.Popen:
    """Start the `TYPIST` on `db_path` (text pipes; read its stdout line by line)."""
    root = Path(__file__).resolve().parents[1]
    return subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(db_path), str(case_id), sentence]
        + ["repeat" if repeat else "once"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=root,
    )


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
