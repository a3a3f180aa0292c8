"""One fresh app process on a database: how long the lists take to show, and the peak memory.

Run by `python -m bench` (as `python -m bench.screens_probe DB TODAY`), once per database and
run. It opens the app headless on TODAY (the app opens that day's screen), waits until the day
is shown and the start's own work is done (as a coordinator looks at the day before leaving
it), then goes the user's way, with the user's keys: Escape to the days list, Ctrl+Home to its
first day, `f` to the follow-up list, and (back on the days list) `s` to the statistics. Each
is timed from the key (sent as the terminal's driver sends it) until the first frame the app
writes to the terminal with that data in the screen's widgets: the frame the user sees. Last it
prints one JSON line with the times (seconds) and the process's peak resident memory (KiB).
Nothing here is a test.

The frame is caught where Textual hands it to the terminal (`App._display`, also called when
headless). Until session 11 the probe polled for the data and then waited for a refresh of its
own: when the poll woke after the data's frame was already out, that was one frame more (20-50
ms) than the user waits. Trees older than that are measured with this probe (copy it in).
"""

from __future__ import annotations

import asyncio
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


def _named(screen: object) -> str:
    return type(screen).__name__


async def _idle(app) -> None:  # noqa: ANN001 - the App
    """Until no worker runs (the start's reads, the warm-up)."""
    deadline = time.monotonic() + TIMEOUT
    while any(worker.is_running for worker in app.workers):
        if time.monotonic() > deadline:
            raise SystemExit("the app never went idle")
        await asyncio.sleep(0.01)


async def _timed(app, key: str, shown) -> float:  # noqa: ANN001 - the App, a predicate
    """Seconds from pressing `key` (as the terminal's driver sends it) until the first frame
    written to the terminal while `shown()` holds. Nothing waits for the app to go idle
    meanwhile: the time is what the user waits for, not what the app does afterwards."""
    from textual import events

    loop = asyncio.get_running_loop()
    frame: asyncio.Future[float] = loop.create_future()
    display = app._display

    def watched(screen, renderable) -> None:  # noqa: ANN001 - Textual's own arguments
        display(screen, renderable)
        if renderable is not None and not frame.done() and shown():
            frame.set_result(time.perf_counter())

    app._display = watched  # this instance only; taken away again below
    try:
        started = time.perf_counter()
        event = events.Key(key, key if len(key) == 1 else ("\x1b" if key == "escape" else None))
        event.set_sender(app)
        app._driver.send_message(event)
        try:
            return await asyncio.wait_for(frame, TIMEOUT) - started
        except TimeoutError:
            raise SystemExit(f"{key} never showed what it opens") from None
    finally:
        del app._display


async def _back_to(app, screen) -> None:  # noqa: ANN001 - the App, a Screen
    while app.screen is not screen:
        app.pop_screen()
        await asyncio.sleep(0.01)
    await _idle(app)


def main() -> None:
    db, today = sys.argv[1], date.fromisoformat(sys.argv[2])
    first_day = _first_day_id(db)
    times: dict[str, float] = {}

    async def probe(pilot) -> None:  # noqa: ANN001 - a Pilot
        try:
            from coordinator.screens.warm_up import AFTER as warm_up_after
        except ImportError:  # a tree from before the warm-up (to compare with)
            warm_up_after = 0.0

        app = pilot.app
        await _until(
            pilot, lambda: _named(app.screen) == "DayScreen" and app.screen.settled, "the day"
        )
        # The coordinator looks at the day before opening a list: the start's own work (the
        # palette's cases, the integrity check, the list under the day, the lists' warm-up
        # a few seconds later) is done by then.
        await _idle(app)
        await asyncio.sleep(warm_up_after + 0.5)
        await _idle(app)

        days = app.screen_stack[-2]
        table = days.query_one("#days")
        times["days"] = await _timed(
            app, "escape", lambda: app.screen is days and table.row_count > 0
        )
        times["days_home"] = await _timed(app, "ctrl+home", lambda: _cursor_key(table) == first_day)
        times["followup"] = await _timed(
            app,
            "f",
            lambda: _named(app.screen) == "FollowupScreen" and app.screen.found is not None,
        )
        await _back_to(app, days)
        times["stats"] = await _timed(
            app, "s", lambda: _named(app.screen) == "StatsScreen" and app.screen.stats is not None
        )
        app.exit()

    clock = ShiftedClock(SystemClock(), today)
    app = CoordinatorApp(store=Store.open(db, clock=clock), clock=clock)
    app.run(headless=True, size=(120, 40), auto_pilot=probe)
    times["rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(times))


if __name__ == "__main__":
    main()
