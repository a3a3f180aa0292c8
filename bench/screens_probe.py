"""One fresh app process on a database: how long the lists take to show, and the peak memory.

Run by `python -m bench` (as `python -m bench.screens_probe DB TODAY`), once per database and
run. It opens the app headless on TODAY (the app opens that day's screen), waits until the day
is shown, then opens, one after the other, the days list, the cursor's trip to the first day
(Ctrl+Home), the follow-up list and the statistics, each timed from the key press (or push) until
its data is on the screen and painted. Last it prints one JSON line with the times (seconds)
and the process's peak resident memory (KiB). Nothing here is a test.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import sys
import time
from datetime import date

from coordinator.app import CoordinatorApp
from coordinator.domain.clock import ShiftedClock, SystemClock
from coordinator.store.database import Store

TIMEOUT = 60.0


async def _until(pilot, ready, what: str) -> None:  # noqa: ANN001 - a Pilot, a predicate
    deadline = time.monotonic() + TIMEOUT
    while not ready():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} never showed")
        await pilot.pause(0.001)
    await pilot.pause()  # paint it


def _first_day_id(db: str) -> str:
    with sqlite3.connect(db) as connection:
        (day_id,) = connection.execute(
            "SELECT id FROM stepupday ORDER BY date, start_time LIMIT 1"
        ).fetchone()
    return str(day_id)


def _cursor_key(table) -> str | None:  # noqa: ANN001 - a DataTable
    if not table.row_count:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def main() -> None:
    db, today = sys.argv[1], date.fromisoformat(sys.argv[2])
    first_day = _first_day_id(db)
    times: dict[str, float] = {}

    async def probe(pilot) -> None:  # noqa: ANN001 - a Pilot
        from coordinator.screens.day import DayScreen

        app = pilot.app
        await _until(
            pilot, lambda: isinstance(app.screen, DayScreen) and app.screen.settled, "the day"
        )
        from coordinator.screens.days import DaysScreen

        started = time.perf_counter()
        await app.push_screen(DaysScreen())
        screen = app.screen
        table = screen.query_one("#days")
        await _until(pilot, lambda: table.row_count > 0, "the days list")
        times["days"] = time.perf_counter() - started

        started = time.perf_counter()
        await pilot.press("ctrl+home")
        await _until(pilot, lambda: _cursor_key(table) == first_day, "the first day")
        times["days_home"] = time.perf_counter() - started

        from coordinator.screens.followup import FollowupScreen

        started = time.perf_counter()
        await app.push_screen(FollowupScreen())
        followup = app.screen
        await _until(pilot, lambda: followup.settled and followup.found is not None, "follow-up")
        times["followup"] = time.perf_counter() - started

        from coordinator.screens.stats import StatsScreen

        started = time.perf_counter()
        await app.push_screen(StatsScreen())
        stats = app.screen
        await _until(pilot, lambda: stats.settled and stats.stats is not None, "statistics")
        times["stats"] = time.perf_counter() - started
        app.exit()

    clock = ShiftedClock(SystemClock(), today)
    app = CoordinatorApp(store=Store.open(db, clock=clock), clock=clock)
    app.run(headless=True, size=(120, 40), auto_pilot=probe)
    times["rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(times))


if __name__ == "__main__":
    main()
