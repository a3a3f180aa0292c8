"""Start-up as users feel it: time until the first screen is drawn, as a ratio to a baseline.

Two comparisons, each in fresh processes (imports and all) and repeated, medians reported:

1. `coordinator` on the demo database until its first screen is drawn, against a minimal
   Textual app (header, a 5-row table, footer) drawn the same way (headless, exit after the
   first refresh). The ratio says what our own imports, database open and screen cost on top
   of Textual itself.
2. `coordinator --help` against `python -c "import typer"`: the CLI must stay lazy.

Run: `python bench/startup.py [--runs N]`. It prints figures; nothing here is a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MINIMAL_APP = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Minimal(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("#", "Pre-meeting", "Meeting", "Citizen", "Status")
        for n in range(5):
            table.add_row(str(n), "08:30-08:45", "08:45-09:30", "Citizen", "Planned")

async def first_paint(pilot):
    await pilot.pause()
    pilot.app.exit()

Minimal().run(headless=True, size=(120, 40), auto_pilot=first_paint)
"""

COORDINATOR_APP = """
import sys
import coordinator.cli  # the entry point's own imports count
from coordinator.app import CoordinatorApp
from coordinator.store.database import Store

async def first_paint(pilot):
    await pilot.pause()
    pilot.app.exit()

CoordinatorApp(store=Store.open(sys.argv[1])).run(
    headless=True, size=(120, 40), auto_pilot=first_paint
)
"""


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of(args: list[str], runs: int) -> float:
    timed(args)  # warm the file cache and bytecode
    return statistics.median(timed(args) for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        subprocess.run(
            [python, "-m", "coordinator", "--db", db, "demo", "--no-open"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        baseline = median_of([python, "-c", MINIMAL_APP], runs)
        ours = median_of([python, "-c", COORDINATOR_APP, db], runs)
        typer_only = median_of([python, "-c", "import typer"], runs)
        helps = median_of([python, "-m", "coordinator", "--help"], runs)
    print(f"first screen: minimal Textual app {baseline * 1000:7.0f} ms")
    print(f"first screen: coordinator (demo)  {ours * 1000:7.0f} ms   ratio {ours / baseline:.2f}")
    print(f"import typer                      {typer_only * 1000:7.0f} ms")
    ratio = helps / typer_only
    print(f"coordinator --help                {helps * 1000:7.0f} ms   ratio {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
