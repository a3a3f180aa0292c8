"""A killed process loses at most what it had not yet committed.

A real, separate Python process opens the store and saves a long agreement text over and over
through the autosave, reporting each committed save on stdout. It is killed with SIGKILL in the
middle of its saves; the database must then be consistent and hold the last reported text (or
the one after it, committed but not yet reported).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coordinator.demo import create_demo
from coordinator.store import agreements
from coordinator.store.database import Store
from tests.killing import kill_9, reopened_after_kill

WRITER = r"""
import sys
from coordinator.store import agreements
from coordinator.store.autosave import Autosaver
from coordinator.store.database import Store

store = Store.open(sys.argv[1], actor="writer")
draft = agreements.open_for_editing(store, 1)
item = draft.items[0]
saver = Autosaver(store, 1, draft)
n = 0
while True:
    n += 1
    text = f"{n}: " + "Jeg vil gerne prøve igen 😀 [bold] <b> " * 300
    saver.set_field("citizen_words", text)
    saver.set_item(item.key, text=text)
    outcome = saver.flush()
    assert outcome is not None and not outcome.theirs
    print(n, flush=True)
"""


def text_number(text: str) -> int:
    return int(text.split(":", 1)[0])


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_writer_leaves_the_last_committed_text(db_path: Path, clock) -> None:
    store = Store.open(str(db_path), clock=clock, actor="test")
    create_demo(store)
    store.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=root,
    )
    reported = 0
    deadline = time.monotonic() + 60
    try:
        while reported < 15:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            reported = int(line)
            assert time.monotonic() < deadline
    finally:
        kill_9(process)
    assert process.returncode == -signal.SIGKILL

    with reopened_after_kill(db_path, clock) as reopened:
        agreement = agreements.latest(reopened, 1)
        words = agreement.citizen_words
        item = agreements.items(reopened, agreement.id)[0]
    # The field and the item were written in one transaction: never one without the other.
    assert text_number(words) == text_number(item.text)
    assert words.endswith("[bold] <b> ") and "😀" in words
    # At most the save in flight when the process died is lost; it may also have committed.
    assert text_number(words) >= reported
