"""How much typing a kill -9 or a closed terminal can lose, on a loaded CPU (issue 20, item 3).

The real app runs headless in its own process on a database file and types into the citizen's
own words at a steady pace, from a thread of its own as a terminal's keys arrive (a busy event
loop holds up their handling, not their pressing), noting when each key was pressed
(CLOCK_MONOTONIC, shared by the processes of one machine). Meanwhile busy processes keep every
core loaded, and this process polls the database every few milliseconds for how much of the
text is stored.

- kill -9: a process killed at time t loses every key pressed before t and not yet committed.
  The worst over all t is the longest time any key waited to be committed: measured for every
  key, it gives the worst case of a kill at any moment, without killing a thousand times.
- SIGHUP: after the typing, a last burst, and the signal at once; what the app wrote on its way
  out is compared with what was typed (the loss must be nothing), and how long the exit took.

Run: `PYTHONPATH=. python -P bench/keystroke_loss.py [--seconds 20] [--rate 12] [--load N]`.
Nothing here is a test; tests/faults/test_hangup.py is the functional check.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TYPIST = r"""
import asyncio, sys, time
from datetime import datetime
from textual import events
from coordinator.app import CoordinatorApp
from coordinator.domain.clock import FixedClock
from coordinator.screens.agreement import AgreementScreen
from coordinator.store.database import Store
from tests.workers import workers_done

db, case_id, seconds, rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
LETTERS = "abcdefghij"

def note(kind, n, at):  # one write per line: the saving thread notes too
    sys.stdout.write(f"{kind} {n} {at}\n")
    sys.stdout.flush()

from coordinator.store import autosave
_set = autosave.Autosave.set
def _noting_set(self, key, value):  # when each key reached the autosave
    _set(self, key, value)
    if key == "citizen_words":
        note("set", len(value), time.monotonic())
autosave.Autosave.set = _noting_set
_flush = autosave.Autosave.flush
def _timed_flush(self):
    start = time.monotonic()
    try:
        return _flush(self)
    finally:
        note("flush", 0, time.monotonic() - start)
autosave.Autosave.flush = _timed_flush

def type_steadily(app):
    # The keys at a steady pace from a thread of their own, as a terminal sends them: a busy
    # event loop does not hold the typing back (typed from a coroutine on that loop, a stall
    # would hide its own backlog); the keys wait in the app's queue like real ones.
    typed = 0
    due = time.monotonic()
    end = due + seconds
    while time.monotonic() < end:
        key = LETTERS[typed % 10]
        app._driver.send_message(events.Key(key, key))  # thread-safe, like the input thread's
        typed += 1
        note("key", typed, time.monotonic())
        due += 1 / rate
        time.sleep(max(0.0, due - time.monotonic()))
    for key in "XYZXYZXYZ":
        app._driver.send_message(events.Key(key, key))
    return typed

async def main() -> None:
    clock = FixedClock(datetime(2026, 12, 3, 9, 0))
    store = Store.open(db, clock=clock, actor="typist")
    app = CoordinatorApp(store=store, clock=clock, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(AgreementScreen(case_id))
        while not isinstance(app.screen, AgreementScreen):
            await pilot.pause(0.05)
        screen = app.screen
        while not screen.loaded:
            await workers_done(app)
            await pilot.pause()
        screen.set_focus(screen.query_one("#citizen-words"))
        await pilot.pause()
        typed = await asyncio.to_thread(type_steadily, app)
        await pilot.pause(0.05)
        note("burst", typed + 9, time.monotonic())
        while app.is_running:
            await asyncio.sleep(0.05)

asyncio.run(main())
"""


def _burn(stop: multiprocessing.Event) -> None:  # type: ignore[valid-type]
    x = 0
    while not stop.is_set():  # type: ignore[attr-defined]
        for _ in range(100_000):
            x += 1


def _make_db(folder: Path) -> tuple[Path, int]:
    from coordinator.domain.clock import FixedClock
    from coordinator.store import agreements
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.database import Store
    from coordinator.store.days import DayInput, create_day

    clock = FixedClock(datetime(2026, 12, 3, 8, 0))
    path = folder / "loss.db"
    store = Store.open(str(path), clock=clock, actor="bench")
    day = create_day(store, DayInput(date=clock.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id
    agreements.ensure_draft(store, case_id)
    store.close()
    return path, case_id


def _stored(connection: sqlite3.Connection, case_id: int) -> int:
    row = connection.execute(
        "SELECT length(citizen_words) FROM agreement WHERE case_id = ? ORDER BY version DESC",
        (case_id,),
    ).fetchone()
    return int(row[0] or 0) if row else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rate", type=float, default=12.0, help="keys per second")
    parser.add_argument("--load", type=int, default=os.cpu_count() or 2, help="busy processes")
    args = parser.parse_args()

    from coordinator.store import autosave

    print(f"coordinator from {Path(autosave.__file__).parents[1]}")
    print(f"autosave: idle {autosave.IDLE} s, at most {autosave.MAX_DELAY} s after a change")
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_burn, args=(stop,)) for _ in range(args.load)]
    for burner in burners:
        burner.start()
    with tempfile.TemporaryDirectory() as folder:
        path, case_id = _make_db(Path(folder))
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                TYPIST,
                str(path),
                str(case_id),
                str(args.seconds),
                str(args.rate),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(
            target=lambda: [lines.put(line) for line in process.stdout],  # type: ignore[union-attr]
            daemon=True,
        ).start()
        reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        pressed: dict[int, float] = {}
        committed: dict[int, float] = {}
        recorded: dict[int, float] = {}
        flushes: list[float] = []
        seen = 0
        burst: tuple[int, float] | None = None
        while burst is None:
            while not lines.empty():
                parts = lines.get().split()
                if len(parts) != 3:
                    continue  # not one of the typist's notes
                kind, n, at = parts
                if kind == "key":
                    pressed[int(n)] = float(at)
                elif kind == "flush":
                    flushes.append(float(at))
                elif kind == "set":
                    recorded.setdefault(int(n), float(at))
                elif kind == "burst":
                    burst = (int(n), float(at))
            now = time.monotonic()
            stored = _stored(reader, case_id)
            for n in range(seen + 1, stored + 1):
                committed[n] = now
            seen = max(seen, stored)
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGHUP)
        hung_up = time.monotonic()
        process.wait(timeout=60)
        exit_took = time.monotonic() - hung_up
        final = _stored(reader, case_id)
        reader.close()
    stop.set()
    for burner in burners:
        burner.join()

    waits = sorted(committed[n] - pressed[n] for n in pressed if n in committed)
    unsaved = [n for n in pressed if n not in committed]
    worst = waits[-1] if waits else float("nan")
    p99 = waits[int(len(waits) * 0.99) - 1] if waits else float("nan")
    backlog = sorted(recorded[n] - pressed[n] for n in pressed if n in recorded)
    saving = sorted(committed[n] - recorded[n] for n in recorded if n in committed)
    if backlog and saving:
        print(
            f"of which: worst key arrival -> autosave {backlog[-1]:.2f} s (the event loop), "
            f"worst autosave -> commit {saving[-1]:.2f} s"
        )
    if flushes:
        print(f"saves: {len(flushes)}, the longest took {max(flushes):.2f} s")
    print(f"load: {args.load} busy processes on {os.cpu_count()} cores")
    print(f"keys typed: {len(pressed)} at {args.rate}/s; committed while typing: {len(waits)}")
    print(f"kill -9: worst keystroke loss {worst:.2f} s (99th percentile {p99:.2f} s)")
    assert burst is not None
    lost = burst[0] - final
    print(
        f"SIGHUP right after the last key: {lost} of {burst[0]} characters lost; "
        f"exit took {exit_took:.2f} s"
    )
    if unsaved and lost:
        print(f"({len(unsaved)} keys were never seen committed)")


if __name__ == "__main__":
    main()
