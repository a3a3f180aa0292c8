"""Start-up as users feel it: time until the first screen is drawn with its data, as a ratio.

Two comparisons, each in fresh processes (imports and all) and repeated, medians reported:

1. `coordinator` on the demo database (which holds a day for today, so the day screen is the
   first screen) until that screen is drawn *with its agenda filled*, against a minimal Textual
   app (header, a 5-row table, footer) drawn the same way (headless, exit after the first
   refresh). The day screen draws first and fills the agenda when its worker thread delivers
   the day, so the measure waits until the agenda has rows and then for one more refresh to
   paint them; an empty "loading…" screen does not count as started. The ratio says what our
   own imports, database open, day read and screen cost on top of Textual itself. A run whose
   agenda stays empty fails instead of reporting a time.
2. `coordinator --help` against `python -c "import typer"`: the CLI must stay lazy.

Run: `python bench/startup.py [--runs N]` with PYTHONPATH set to the tree to measure (the
script prints which `coordinator` it imports). It prints figures; nothing here is a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The baseline app's code without a run line: a header, a 5-row table like the agenda (the
#: last row reads "Citizen 4", for a measure that waits for it on screen), a footer.
MINIMAL_TABLE = """
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
            table.add_row(str(n), "08:30-08:45", "08:45-09:30", "Citizen %d" % n, "Planned")
"""

MINIMAL_APP = (
    MINIMAL_TABLE
    + """
async def first_paint(pilot):
    await pilot.pause()
    pilot.app.exit()

Minimal().run(headless=True, size=(120, 40), auto_pilot=first_paint)
"""
)

COORDINATOR_APP = """
import sys, time
import coordinator.cli  # the entry point's own imports count
from coordinator.app import CoordinatorApp
from coordinator.store.database import Store

def agenda_rows(app):
    tables = app.screen.query("#agenda")
    return tables.first().row_count if tables else 0

async def first_paint(pilot):
    await pilot.pause()
    deadline = time.monotonic() + 60
    while not agenda_rows(pilot.app):  # the day arrives from a worker thread
        if time.monotonic() > deadline:
            pilot.app.exit(return_code=1, message="no agenda rows on the first screen")
            return
        await pilot.pause(0.001)
    await pilot.pause()  # paint the rows
    pilot.app.exit()

app = CoordinatorApp(store=Store.open(sys.argv[1]))
app.run(headless=True, size=(120, 40), auto_pilot=first_paint)
sys.exit(app.return_code or 0)
"""


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of(args: list[str], runs: int) -> float:
    timed(args)  # warm the file cache and bytecode
    return statistics.median(timed(args) for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
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
