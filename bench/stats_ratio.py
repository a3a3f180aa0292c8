"""`stats --json` over ten years against `day list --json` on the same database, as a ratio
(the issue asks for at most 3x). Not a test: it prints figures.

Two measures, medians of `--runs` runs each:
1. whole commands in fresh processes (imports, opening the database, the query, the JSON),
   which is what a user waits for;
2. in one process, the store calls alone (`statistics` against `list_days`), which is what
   the SQL costs once the app is running.

Run: `python -m bench.stats_ratio [--db PATH] [--years N] [--runs N]`; without `--db` the
database is made first by `bench.stats_db` (seeded, so every run measures the same data).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

TODAY = "2026-12-03"


def _command(db: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "coordinator", "--db", str(db), "--today", TODAY, *args],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def _median(run, times: int) -> float:  # noqa: ANN001 - a call returning seconds
    return statistics.median(run() for _ in range(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = args.db
    if db is None:
        from bench.stats_db import generate

        db = Path(tempfile.mkdtemp(prefix="stepup-bench-")) / "ten-years.db"
        print(f"making {args.years} years in {db} ...", flush=True)
        generate(db, args.years)
    first = f"{int(TODAY[:4]) - args.years - 1}{TODAY[4:]}"
    stats_args = ("stats", "--from", first, "--to", TODAY, "--json")

    stats_cli = _median(lambda: _command(db, *stats_args), args.runs)
    days_cli = _median(lambda: _command(db, "day", "list", "--json"), args.runs)
    print(
        f"commands:    stats --json {stats_cli:.3f} s   day list --json {days_cli:.3f} s   "
        f"ratio {stats_cli / days_cli:.2f}"
    )

    from coordinator.domain.clock import FixedClock
    from coordinator.store.database import Store
    from coordinator.store.days import list_days
    from coordinator.store.statistics import statistics as figures

    store = Store.open(str(db), clock=FixedClock(datetime(2026, 12, 3, 8, 0)))
    start, end = date.fromisoformat(first), date.fromisoformat(TODAY)

    def timed(call) -> float:  # noqa: ANN001
        began = time.perf_counter()
        call()
        return time.perf_counter() - began

    stats_store = _median(lambda: timed(lambda: figures(store, start, end)), args.runs)
    days_store = _median(lambda: timed(lambda: list_days(store)), args.runs)
    print(
        f"store calls: statistics   {stats_store:.3f} s   list_days       {days_store:.3f} s   "
        f"ratio {stats_store / days_store:.2f}"
    )
    store.close()


if __name__ == "__main__":
    main()
