"""`kill -9` of the real app while the job broker types: the draft is there on reopening.

A separate Python process runs the real `CoordinatorApp` headless on a database file, opens
the agreement screen and types sentence after sentence into "the citizen's own words", key by
key through the Pilot, exactly as keystrokes arrive from a terminal. After each sentence it
waits for the autosave and reports the number of sentences saved; it never stops typing on
its own. The test kills it with SIGKILL in the middle of a sentence and opens the database:
it must be intact and hold every reported sentence, and nothing but what was typed.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from coordinator.store import agreements
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from tests.killing import kill_9, reopened_after_kill, start_typist

SENTENCE = "Jeg vil gerne [bold]prøve[/bold] <b>igen</b> på lageret i Ærøskøbing. "


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_mid_sentence_keeps_the_saved_draft(db_path: Path, clock) -> None:
    store = Store.open(str(db_path), clock=clock, actor="test")
    day = create_day(store, DayInput(date=clock.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id
    store.close()

    process = start_typist(db_path, case_id, SENTENCE, repeat=True)
    reported = 0
    try:
        while reported < 2:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            reported = int(line)
        # Kill it in the middle of the next sentence, with part of it saved.
        time.sleep(2.0)
    finally:
        kill_9(process)
    assert process.returncode == -signal.SIGKILL

    with reopened_after_kill(db_path, clock) as reopened:
        words = agreements.latest(reopened, case_id).citizen_words
    # Every sentence reported saved is there exactly as typed (markup, Danish letters) ...
    assert words.startswith(SENTENCE * reported)
    # ... and what follows is the start of the sentence being typed, nothing else.
    tail = words[len(SENTENCE) * reported :]
    assert (SENTENCE * 2).startswith(tail)
