"""How long the event loop stalls while another program holds a write lock on the database.

The functional promise (a locked database never freezes a screen) is tested without any figure
in tests/ui/test_*_lock.py and the held-lock tests of the agreement and case screens: the lock
is held until the test lets it go, and the keys must take effect meanwhile. How *long* the loop
stalls is a number, and a number depends on the machine, so it is measured here and printed.

The real app runs headless (Pilot) on a fresh database file; another connection holds a write
transaction for `--lock` seconds while letters are typed at about 20 a second into the
agreement's "citizen's own words" and then into the preparation form. A 20 ms interval timer on
the app records how late it runs: the worst lateness is the longest stall of the event loop. A
loop that waited for the lock would stall for the whole lock.

Run: `PYTHONPATH=. python -P bench/lock_stall.py [--lock 3] [--runs 3]`. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
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
def held_write_lock(db_path: Path) -> Iterator[None]:
    """Another program's write transaction on `db_path`, open until the block ends."""
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
    finally:
        other.rollback()
        other.close()


async def type_for(pilot, seconds: float) -> None:  # noqa: ANN001 - a Pilot
    """Type letters at about 20 a second for `seconds`."""
    loop = asyncio.get_running_loop()
    start, typed = loop.time(), 0
    while loop.time() - start < seconds:
        await pilot.press("abcdefghij"[typed % 10])
        typed += 1
        await pilot.pause(0.05)


async def settle(app, pilot) -> None:  # noqa: ANN001 - the App and its Pilot
    while app.workers._workers:  # noqa: SLF001 - no public "all done" in Textual
        await pilot.pause(0.05)
    await pilot.pause()


async def one_run(folder: Path, lock: float) -> dict[str, float]:
    """The worst stall (seconds) of each screen during one held lock."""
    from coordinator.app import CoordinatorApp
    from coordinator.domain.clock import FixedClock
    from coordinator.screens.agreement import AgreementScreen
    from coordinator.screens.case import CaseScreen
    from coordinator.store import agreements, preparation
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.database import Store
    from coordinator.store.days import DayInput, create_day

    db_path = folder / f"stall-{datetime.now():%H%M%S%f}.db"
    clock = FixedClock(datetime(2026, 12, 3, 9, 0))
    store = Store.open(str(db_path), clock=clock, actor="bench")
    day = create_day(store, DayInput(date=clock.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id
    agreements.ensure_draft(store, case_id)
    preparation.get_preparation(store, case_id)
    worst: dict[str, float] = {}
    app = CoordinatorApp(store=store, clock=clock, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        for name, screen in (("agreement", AgreementScreen), ("preparation", CaseScreen)):
            await app.push_screen(screen(case_id))
            await settle(app, pilot)
            if name == "agreement":
                app.screen.query_one("#citizen-words").focus()
            meter = StallMeter(app)
            with held_write_lock(db_path):
                await type_for(pilot, lock)
            await settle(app, pilot)
            worst[name] = meter.stop()
            app.pop_screen()
            await settle(app, pilot)
    store.close()
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=float, default=3.0, help="seconds the lock is held")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(options.runs):
            for name, seconds in asyncio.run(one_run(Path(folder), options.lock)).items():
                samples.setdefault(name, []).append(seconds)
    for name, values in samples.items():
        print(
            f"worst event-loop stall, {name}, {options.lock:.0f} s write lock: "
            f"median {statistics.median(values) * 1000:.0f} ms, "
            f"max {max(values) * 1000:.0f} ms ({len(values)} runs)"
        )


if __name__ == "__main__":
    main()
