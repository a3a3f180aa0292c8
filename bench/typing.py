"""Typing as the job broker feels it: keystrokes into the agreement screen, against a bare TextArea.

The agreement screen does more per keystroke than a plain text field: it schedules the
autosave, re-checks the warnings, and re-renders the read-back view. This measures, headless
and in one process each, how long a burst of keystrokes takes to be processed and painted on

1. a minimal Textual app with one TextArea (the floor: Textual's own cost per key), and
2. the agreement screen of the demo day's first case, typing into the citizen's own words with
   the read-back view open,

and prints the time per key and the ratio. The agreement screen reads its form in a worker
thread; the burst starts once the form is there and the load's workers are done, so only the
typing is timed, as it was when the screen loaded synchronously. It also reports how many
autosaves were written, to show that saving stays off the typing path (the last one, Ctrl+S
after the burst, is waited for before the app exits). Nothing here is a test.

Run: `python bench/typing.py [--keys N] [--runs N]` with PYTHONPATH set to the tree to measure
(the script prints which `coordinator` it imports).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

TEXT = "Jeg vil gerne prøve at arbejde på et lager igen, hvis jeg kan holde pauser. "

MINIMAL_APP = """
import sys, time
from textual.app import App
from textual.widgets import TextArea

KEYS = int(sys.argv[1])
TEXT = sys.argv[2]

class Minimal(App):
    def compose(self):
        yield TextArea(id="words")

async def burst(pilot):
    pilot.app.query_one("#words").focus()
    await pilot.pause()
    keys = [TEXT[n % len(TEXT)] for n in range(KEYS)]
    start = time.perf_counter()
    await pilot.press(*[k if k != " " else "space" for k in keys])
    await pilot.pause()
    print(time.perf_counter() - start)
    pilot.app.exit()

Minimal().run(headless=True, size=(120, 40), auto_pilot=burst)
"""

AGREEMENT_APP = """
import sys, time
from coordinator.app import CoordinatorApp
from coordinator.screens.agreement import AgreementScreen
from coordinator.store.database import Store

DB, KEYS, TEXT = sys.argv[1], int(sys.argv[2]), sys.argv[3]

async def loaded(pilot, screen):
    # The form is read in a worker thread: wait until it is mounted and every worker of the
    # load (read-back, meeting clock) is done, so the burst starts on a quiet, filled screen.
    deadline = time.monotonic() + 60
    while not screen.query("#citizen-words"):
        if time.monotonic() > deadline:
            raise SystemExit("the agreement form never loaded")
        await pilot.pause(0.001)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()

async def burst(pilot):
    app = pilot.app
    await app.push_screen(AgreementScreen(1))
    screen = app.screen
    await loaded(pilot, screen)
    screen.action_toggle_readback()
    screen.query_one("#citizen-words").focus()
    await pilot.pause()
    keys = [TEXT[n % len(TEXT)] for n in range(KEYS)]
    start = time.perf_counter()
    await pilot.press(*[k if k != " " else "space" for k in keys])
    await pilot.pause()
    elapsed = time.perf_counter() - start
    screen.action_save_now()
    await app.workers.wait_for_complete()  # the save runs in a worker: let it reach the disk
    await pilot.pause()
    print(elapsed)
    app.exit()

CoordinatorApp(store=Store.open(DB)).run(headless=True, size=(120, 40), auto_pilot=burst)
"""


def run_once(args: list[str]) -> float:
    result = subprocess.run(args, check=True, capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1])


def saves_written(db: str) -> int:
    """Audit events of agreement saves: how often the autosave reached the disk."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM auditevent WHERE entity = 'agreement' AND action = 'update'"
        ).fetchone()
    return int(count)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    python = sys.executable
    import coordinator

    print(f"measuring {Path(coordinator.__file__).parent}")
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        subprocess.run(
            [python, "-m", "coordinator", "--db", db, "demo", "--no-open"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        keys = str(options.keys)
        baseline = statistics.median(
            run_once([python, "-c", MINIMAL_APP, keys, TEXT]) for _ in range(options.runs)
        )
        before = saves_written(db)
        ours = statistics.median(
            run_once([python, "-c", AGREEMENT_APP, db, keys, TEXT]) for _ in range(options.runs)
        )
        saves = (saves_written(db) - before) / options.runs
    per_key = 1000 / options.keys
    print(f"{options.keys} keys, median of {options.runs} runs")
    print(f"bare TextArea            {baseline * per_key:6.2f} ms/key")
    print(
        f"agreement screen         {ours * per_key:6.2f} ms/key   ratio {ours / baseline:.2f}"
        f"   ({saves:.0f} saves per burst)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
