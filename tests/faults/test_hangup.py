"""A closed terminal (SIGHUP) or a `kill` (SIGTERM) right after the last keystroke: the text
is in the database, written by the app on its way out, not by the autosave's timer.

A separate process runs the real app headless on a database file, types a sentence into the
agreement key by key, says so, and then waits; the test sends the signal at once (well inside
the autosave's idle delay) and reads the database after the process is gone. With the database
held by another writer, what cannot be written is in the recovery file instead.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator.store import agreements
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from coordinator.store.recovery import kept
from tests.killing import reopened_after_kill, start_typist

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

SENTENCE = "Jeg vil gerne [bold]prøve[/bold] igen på lageret i Ærøskøbing."


def _new_case(db_path: Path, clock) -> int:
    store = Store.open(str(db_path), clock=clock, actor="test")
    day = create_day(store, DayInput(date=clock.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id
    agreements.ensure_draft(store, case_id)
    store.close()
    return case_id


def _typed_then(process: subprocess.Popen, signum: int) -> None:
    line = process.stdout.readline()
    assert line.strip() == "typed", process.stderr.read()
    os.kill(process.pid, signum)
    try:
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_text_typed_then_the_signal_is_in_the_database(db_path: Path, clock, signum) -> None:
    case_id = _new_case(db_path, clock)
    process = start_typist(db_path, case_id, SENTENCE, repeat=False)
    _typed_then(process, signum)
    with reopened_after_kill(db_path, clock) as reopened:
        assert agreements.latest(reopened, case_id).citizen_words == SENTENCE
        assert kept(reopened) is None


def test_a_hangup_with_the_database_held_keeps_the_text_in_the_recovery_file(
    db_path: Path, clock
) -> None:
    case_id = _new_case(db_path, clock)
    process = start_typist(db_path, case_id, SENTENCE, repeat=False)
    holder = None
    try:
        line = process.stdout.readline()
        assert line.strip() == "typed", process.stderr.read()
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the database
        os.kill(process.pid, signal.SIGHUP)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        if holder is not None:
            holder.rollback()
            holder.close()
    store = Store.open(str(db_path), clock=clock, actor="test")
    try:
        found = kept(store)
        words = agreements.latest(store, case_id).citizen_words
        if words != SENTENCE:  # the autosave won the race before the lock: nothing to keep
            assert found is not None and found.forms[0][:2] == ("agreement", case_id)
    finally:
        store.close()
