"""The measures of `python -m bench`: each returns the samples of our side (A) and of its
baseline (B), taken in alternating runs (A B, then B A, ...) so that a machine that gets busier
during the run weighs on both sides alike.

Times are seconds; a measure that has no baseline (the lists' own time) compares the ten-year
database with the demo database instead.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import startup, tmux
from bench import typing as typing_bench

#: What `--today` the ten-year database is made for (bench/stats_db.py).
TEN_YEARS_TODAY = "2026-12-03"
#: Typed into the citizen's own words in the key→frame measure: one word, so the text area never
#: wraps it, and every prefix is new on the screen.
WORD = "stepupkoordinatorhurtigtsomterminalen"

#: The start-up baseline of bench/startup.py, run in a terminal until it is quit.
BARE_TABLE_APP = startup.MINIMAL_TABLE + "\nMinimal().run()\n"

BARE_TEXTAREA_APP = """
from textual.app import App
from textual.widgets import Footer, Header, TextArea

class Minimal(App):
    def compose(self):
        yield Header()
        yield TextArea(id="words")
        yield Footer()

    def on_mount(self):
        self.query_one("#words").focus()

Minimal().run()
"""


@dataclass
class Setup:
    """Where the measured tree and the databases are."""

    python: str
    tree: Path
    demo_db: Path
    ten_years_db: Path
    demo_today: str

    def scratch_demo(self) -> Path:
        """A copy of the demo database for a run that writes (typing saves the agreement),
        made with SQLite's backup (a plain file copy would miss what is still in the WAL,
        and meet the last copy's WAL left beside it)."""
        copy = self.demo_db.with_name("scratch-" + self.demo_db.name)
        remove_database(copy)
        with sqlite3.connect(self.demo_db) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        source.close()
        target.close()
        return copy

    def env(self, db: Path, today: str | None = None) -> dict[str, str]:
        env = {"PYTHONPATH": str(self.tree), "COORDINATOR_DB": str(db)}
        if today:
            env["COORDINATOR_TODAY"] = today
        return env

    def coordinator(self) -> list[str]:
        return [self.python, "-m", "coordinator"]


def remove_database(path: Path) -> None:
    """An SQLite file and its WAL and shared-memory files, so a new one starts clean."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def alternate(runs: int, a: Callable[[], object], b: Callable[[], object]) -> tuple[list, list]:
    """`runs` samples of each, in the order A B, B A, A B, ..."""
    ours: list = []
    theirs: list = []
    for n in range(runs):
        if n % 2 == 0:
            ours.append(a())
            theirs.append(b())
        else:
            theirs.append(b())
            ours.append(a())
    return ours, theirs


def first_citizen(db: Path, today: str) -> str:
    """The name of the first case of the day on `today`: the text the agenda shows."""
    with sqlite3.connect(db) as connection:
        (name,) = connection.execute(
            'SELECT citizen.name FROM "case" JOIN stepupday ON stepupday.id = "case".day_id '
            'JOIN citizen ON citizen.id = "case".citizen_id WHERE stepupday.date = ? '
            'ORDER BY "case".position LIMIT 1',
            (today,),
        ).fetchone()
    return str(name)


# --- start-up --------------------------------------------------------------------------------


def first_frames(setup: Setup, runs: int) -> tuple[list, list]:
    """(first frame, agenda with data) of `coordinator` on the demo db, and of a bare Textual
    app (its one frame, twice)."""
    name = first_citizen(setup.demo_db, setup.demo_today)

    def ours() -> tuple[float, float]:
        with tmux.Pane(setup.coordinator(), setup.env(setup.demo_db), str(setup.tree)) as pane:
            first = pane.wait_for("Step up-dage")
            return first, pane.wait_for(name)

    def bare() -> tuple[float, float]:
        argv = [setup.python, "-c", BARE_TABLE_APP]
        with tmux.Pane(argv, setup.env(setup.demo_db), str(setup.tree)) as pane:
            shown = pane.wait_for("Citizen 4")
            return shown, shown

    return alternate(runs, ours, bare)


def _timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env={**os.environ, **env})
    return time.perf_counter() - started


def help_vs_typer(setup: Setup, runs: int) -> tuple[list, list]:
    env = setup.env(setup.demo_db)
    return alternate(
        runs,
        lambda: _timed([*setup.coordinator(), "--help"], env),
        lambda: _timed([setup.python, "-c", "import typer"], env),
    )


def open_today(setup: Setup, runs: int) -> tuple[list, list]:
    """`coordinator` until today's agenda shows its first citizen: ten years against the demo."""
    demo_name = first_citizen(setup.demo_db, setup.demo_today)
    ten_name = first_citizen(setup.ten_years_db, TEN_YEARS_TODAY)

    def run(db: Path, today: str | None, name: str) -> float:
        with tmux.Pane(setup.coordinator(), setup.env(db, today), str(setup.tree)) as pane:
            return pane.wait_for(name)

    return alternate(
        runs,
        lambda: run(setup.ten_years_db, TEN_YEARS_TODAY, ten_name),
        lambda: run(setup.demo_db, None, demo_name),
    )


# --- typing ----------------------------------------------------------------------------------


def typing_burst(setup: Setup, runs: int, keys: int) -> tuple[list, list]:
    """Seconds per key of a Pilot burst (bench/typing.py): the agreement with the read-back
    open against a bare TextArea."""
    env = {**os.environ, **setup.env(setup.demo_db)}

    def run(script: str, *args: str) -> float:
        args = tuple(str(setup.scratch_demo()) if a == "DB" else a for a in args)
        done = subprocess.run(
            [setup.python, "-c", script, *args], check=True, capture_output=True, text=True, env=env
        )
        return float(done.stdout.strip().splitlines()[-1]) / keys

    text = typing_bench.TEXT
    return alternate(
        runs,
        lambda: run(typing_bench.AGREEMENT_APP, "DB", str(keys), text),
        lambda: run(typing_bench.MINIMAL_APP, str(keys), text),
    )


def key_to_frame(setup: Setup, runs: int, keys: int) -> tuple[list, list]:
    """Per key, the seconds from tmux sending it until the terminal shows it: the citizen's own
    words in the agreement (read-back open beside it) against a bare TextArea. Each run gives
    `keys` samples."""
    word = WORD[:keys]
    demo_name = first_citizen(setup.demo_db, setup.demo_today)

    def ours() -> list[float]:
        db = setup.scratch_demo()
        with tmux.Pane(setup.coordinator(), setup.env(db), str(setup.tree)) as pane:
            pane.wait_for(demo_name)
            # The agenda first shows in the glance while the store opens (no keys there):
            # the day screen's own footer says its keys work.
            pane.wait_for("g Aftale")
            pane.keys("g")  # the agreement of the case under the cursor (the first)
            pane.wait_for(f"· {demo_name} ·")
            pane.wait_for("Jeg vil gerne")  # the form is there
            time.sleep(1.0)  # and the job goal has the focus (set after the form mounts)
            pane.keys("Tab", "Tab")  # job goal → goal date → the citizen's own words
            time.sleep(0.5)
            return pane.key_to_frame(
                [(word[n], word[: n + 1] + "Jeg vil") for n in range(len(word))]
            )

    def bare() -> list[float]:
        argv = [setup.python, "-c", BARE_TEXTAREA_APP]
        with tmux.Pane(argv, setup.env(setup.demo_db), str(setup.tree)) as pane:
            pane.wait_for("Minimal")
            time.sleep(0.3)
            return pane.key_to_frame([(word[n], word[: n + 1]) for n in range(len(word))])

    ours_runs, bare_runs = alternate(runs, ours, bare)
    return [t for run in ours_runs for t in run], [t for run in bare_runs for t in run]


# --- the ten-year database ---------------------------------------------------------------------


def lists_and_memory(setup: Setup, runs: int) -> tuple[list[dict], list[dict]]:
    """bench/screens_probe.py on the ten-year database and on the demo database."""
    env = {**os.environ, **setup.env(setup.demo_db)}

    def probe(db: Path, today: str) -> dict:
        done = subprocess.run(
            [setup.python, "-m", "bench.screens_probe", str(db), today],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            cwd=str(setup.tree),
        )
        return json.loads(done.stdout.strip().splitlines()[-1])

    return alternate(
        runs,
        lambda: probe(setup.ten_years_db, TEN_YEARS_TODAY),
        lambda: probe(setup.demo_db, setup.demo_today),
    )
