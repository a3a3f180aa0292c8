"""`python -m bench`: every performance measure of issue 19 in one table of ratios.

Each row compares our app with a Textual (or Typer) baseline, or the ten-year database with the
demo database, in alternating runs (A B, B A, ...) of fresh processes; it shows the medians, the
p90s in brackets, the target and the ratio of the medians. Absolute times drift on a shared
machine; the ratios are what to compare between two runs of this command.

What is measured (bench/measures.py): the first frame and the agenda in a real terminal (tmux on
its own socket, `-L bench`, until the pane shows a known text); `coordinator --help`; a Pilot
burst of typing with the read-back open (bench/typing.py) and key→frame in tmux; opening today
on the ten-year database (bench/stats_db.py, made once and kept in `--workdir`); the days list,
its trip to the first day, the follow-up list and the statistics (bench/screens_probe.py); the
peak memory. Run it from the tree to measure (`PYTHONPATH=. python -m bench`); `--quick` takes
fewer runs (about a minute and a half), the default about four minutes. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench import measures, tmux
from bench.measures import Setup


def p90(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def row(what: str, ours: list[float], theirs: list[float], target: str, unit=_ms) -> list[str]:
    """A line of the table: medians (p90) of both sides and the ratio of the medians."""
    a, b = statistics.median(ours), statistics.median(theirs)
    now = f"{unit(a)} ({unit(p90(ours))}) vs {unit(b)} ({unit(p90(theirs))})"
    return [what, now, target, f"{a / b:.2f}×" if b else "—"]


def _kib(value: float) -> str:
    return f"{value / 1024:.0f} MiB"


def print_table(rows: list[list[str]]) -> None:
    header = ["what", "now: median (p90) vs baseline", "target", "ratio"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")


def ten_years(workdir: Path, python: str, tree: Path) -> Path:
    """The seeded ten-year database, made once per version of its generator."""
    generator = (tree / "bench" / "stats_db.py").read_bytes()
    path = workdir / f"ten-years-{hashlib.sha256(generator).hexdigest()[:12]}.db"
    if not path.exists():
        print(f"making the ten-year database {path} ...", file=sys.stderr, flush=True)
        subprocess.run(
            [python, "-m", "bench.stats_db", str(path)],
            check=True,
            cwd=tree,
            stdout=subprocess.DEVNULL,
        )
    return path


def demo(workdir: Path, python: str, tree: Path) -> Path:
    """A fresh demo database for today (the demo day is made for the wall clock's date)."""
    path = workdir / f"demo-{date.today().isoformat()}.db"
    measures.remove_database(path)
    subprocess.run(
        [python, "-m", "coordinator", "--db", str(path), "demo", "--no-open"],
        check=True,
        cwd=tree,
        stdout=subprocess.DEVNULL,
    )
    return path


def _startup(setup: Setup, runs: int, _quick: bool) -> list[list[str]]:
    ours, bare = measures.first_frames(setup, runs)
    return [
        row(
            "first frame of `coordinator` (demo db) vs a bare Textual app",
            [first for first, _agenda in ours],
            [shown for shown, _same in bare],
            "≤ 1.2×",
        ),
        row(
            "the agenda with data (demo db) vs the same bare app",
            [agenda for _first, agenda in ours],
            [shown for shown, _same in bare],
            "≤ 1.6×",
        ),
    ]


def _help(setup: Setup, runs: int, _quick: bool) -> list[list[str]]:
    ours, bare = measures.help_vs_typer(setup, runs)
    return [row('`coordinator --help` vs `python -c "import typer"`', ours, bare, "≤ 1.3×")]


def _typing(setup: Setup, runs: int, quick: bool) -> list[list[str]]:
    keys = 150 if quick else 300
    ours, bare = measures.typing_burst(setup, max(2, runs // 2), keys)
    what = f"typing, read-back open: Pilot burst of {keys} keys, per key, vs bare TextArea"
    return [row(what, ours, bare, "≤ 1.5×", unit=lambda s: f"{s * 1000:.2f} ms")]


def _key_to_frame(setup: Setup, runs: int, quick: bool) -> list[list[str]]:
    ours, bare = measures.key_to_frame(setup, max(2, runs // 2), 20 if quick else 36)
    line = row(
        "key → frame in tmux (agreement, read-back open) vs bare TextArea",
        ours,
        bare,
        "p90 ≤ 1.2×, none > 100 ms",
    )
    line[-1] += f" (p90 {p90(ours) / p90(bare):.2f}×, worst {_ms(max(ours))})"
    return [line]


def _open_today(setup: Setup, runs: int, _quick: bool) -> list[list[str]]:
    ours, demo_side = measures.open_today(setup, runs)
    return [row("opening today's day: 10-year db vs demo db", ours, demo_side, "≤ 1.1×")]


def _lists(setup: Setup, runs: int, _quick: bool) -> list[list[str]]:
    ten, small = measures.lists_and_memory(setup, max(2, runs // 2))
    rows = [
        row(what, [r[key] for r in ten], [r[key] for r in small], "≤ 100 ms (10-year)")
        for key, what in (
            ("days", "days list: 10-year db vs demo db"),
            ("days_home", "days list: Ctrl+Home to the first day (2017 / demo's first)"),
            ("followup", "follow-up list: 10-year db vs demo db"),
            ("stats", "statistics: 10-year db vs demo db"),
        )
    ]
    rows.append(
        row(
            "peak RSS: 10-year db vs demo db (day, lists, statistics)",
            [r["rss_kib"] for r in ten],
            [r["rss_kib"] for r in small],
            "no growth with size",
            unit=_kib,
        )
    )
    return rows


MEASURES = (
    ("first-frame", _startup),
    ("help", _help),
    ("typing", _typing),
    ("key-frame", _key_to_frame),
    ("today", _open_today),
    ("lists", _lists),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (about a minute)")
    parser.add_argument("--runs", type=int, help="runs per measure (default 6, quick 3)")
    parser.add_argument("--workdir", type=Path, help="where the databases are kept")
    parser.add_argument(
        "--only",
        help="measures to run, comma-separated: " + ", ".join(name for name, _measure in MEASURES),
    )
    options = parser.parse_args()
    runs = options.runs or (3 if options.quick else 6)
    import coordinator

    tree = Path(coordinator.__file__).resolve().parent.parent
    python = sys.executable
    workdir = options.workdir or Path(tempfile.gettempdir()) / "stepup-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    if shutil.which("tmux") is None:
        print("bench: tmux is needed for the terminal measures", file=sys.stderr)
        return 1
    print(f"measuring {tree} with {runs} runs per measure", file=sys.stderr)
    setup = Setup(
        python=python,
        tree=tree,
        demo_db=demo(workdir, python, tree),
        ten_years_db=ten_years(workdir, python, tree),
        demo_today=date.today().isoformat(),
    )
    started = time.monotonic()
    tmux.start_server()
    rows: list[list[str]] = []
    try:
        wanted = options.only.split(",") if options.only else [name for name, _m in MEASURES]
        for name, measure in MEASURES:
            if name not in wanted:
                continue
            print(f"- {name}", file=sys.stderr, flush=True)
            began = time.monotonic()
            try:
                rows += measure(setup, runs, options.quick)
            except Exception as exc:  # noqa: BLE001 - one failed measure must not hide the rest
                rows.append([name, f"failed: {type(exc).__name__}: {str(exc)[:300]}", "", "—"])
            print(f"  {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    finally:
        tmux.stop_server()
    print_table(rows)
    print(f"({time.monotonic() - started:.0f} s, {runs} runs, {date.today()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
