"""A hostile corpus of command lines: every command, with random hostile values.

The README promises that a user's mistake gets one line `coordinator: …` and exit status 1,
never a traceback, and that no stored text can drive the terminal. This generator checks the
promise the way a hostile environment would: it walks the command tree (so a new command is
covered the day it is added), and gives each run's arguments and options a mix of sane values
(ids and dates that exist, so commands get past the first check) and hostile ones (huge and
negative integers, 10,000-character strings, escapes, NUL, bidi overrides, invalid dates,
9999-12-31, empty strings, unknown ids, CSV files with NUL bytes and over-long fields).

Each run gets a fresh copy of a demo database and runs in-process (Typer's CliRunner) with a
fixed clock, so a seed always gives the same corpus. A run fails when the command raised
anything but a clean exit (the real CLI would print a traceback), exits with a status other
than 0, 1 or 2, prints a raw ESC (or another C0/C1 control but newline and tab), or
prints more than one line on a refusal (exit 1).

    python -m tests.faults.hostile_cli --runs 600          # the full corpus
    python -m tests.faults.hostile_cli --runs 60 --seed 7  # what CI runs (test_bounds_corpus)
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

#: The corpus's "now": the test suite's day, so the demo day is today.
NOW = datetime(2026, 12, 3, 8, 0)
DEMO_DATE = "2026-12-03"

#: Commands that open the TUI or wait for a person: never run unattended.
SKIPPED = {("demo",)}

HOSTILE_STRINGS = [
    "",
    " ",
    "x" * 10_000,
    "Lokale 2\x1b]0;TITLE\x07",
    "\x1b[31mrød\x1b[0m",
    "\x1b[2J\x1b[H",
    "Navn\x00med NUL",
    "\x9b31m C1",
    "\u202eolleH\u202c",
    "\u2066isolate\u2069",
    "line\nbreak",
    "tab\there",
    "\r\n",
    "'; DROP TABLE person; --",
    "{name}{0}{}%s%d",
    "[bold]markup[/bold]",
    "../../../../etc/passwd",
    "ÆØÅ æøå",
    "😀" * 500,
    "\udcff",
]
HOSTILE_INTS = [
    "0",
    "-1",
    "-9223372036854775809",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999",
    "1" + "0" * 400,
    "100000",
    "abc",
    "",
    "1e9",
    "0x10",
]
HOSTILE_DATES = [
    "9999-12-31",
    "0001-01-01",
    "1900-01-01",
    "2026-02-30",
    "2026-13-01",
    "",
    "today",
    "2026-12-03\x1b[2J",
    "99999-01-01",
    "-2026-01-01",
]
HOSTILE_TIMES = ["25:00", "08:3", "-1:00", "99999999999999999999:00", "08:30-08:00", "", "8"]
#: Sane values by what a parameter is called (so commands get past their first check).
SANE = {
    "date": [DEMO_DATE, "2027-01-05", "2026-12-10"],
    "ref": [DEMO_DATE, "1", "2"],
    "case_id": ["1", "2", "3"],
    "citizen_id": ["1", "2"],
    "item_id": ["1", "2"],
    "referral_id": ["1"],
    "name": ["Lene Holm", "Ny Person"],
    "names": ["Jonas Berg", "Ny Person"],
    "citizen": ["Ny Borger", "Mads Kirk"],
    "profession": ["coordinator", "caseworker", "Jobformidler"],
    "key": ["logo", "jobcentre", "directions", "max_circle", "pre_meeting_minutes"],
    "value": ["8", "Jobcenter Aarhus", "/tmp/logo.png"],
    "start": ["08:30", "09:00"],
    "at": ["09:00", "2026-12-03 09:00"],
    "to": [DEMO_DATE, "2027-01-05"],
    "every": ["week", "day", "2 weeks"],
    "count": ["3", "2"],
    "kind": ["task", "need", "citizen", "professional"],
    "format": ["pdf", "docx", "md", "ics", "csv"],
    "category": ["job", "education", "none"],
    "scores": ["4,4,5", "3"],
    "given": [DEMO_DATE],
    "new_status": ["done", "open", "dropped"],
    "break": ["11:30-12:00"],
    "break_policy": ["fixed", "floating"],
    "part": ["pre", "meeting"],
    "lang": ["en", "da"],
}


@dataclass
class Failure:
    args: list[str]
    why: str
    output: str


@dataclass
class Figures:
    runs: int = 0
    by_exit: dict[int, int] = field(default_factory=dict)
    tracebacks: int = 0
    failures: list[Failure] = field(default_factory=list)


def commands() -> list[tuple[tuple[str, ...], Any]]:
    """Every leaf command of the CLI as (path, command), in a fixed order."""
    import typer.main

    from coordinator.cli import app

    root = typer.main.get_command(app)
    context = root.make_context("coordinator", [], resilient_parsing=True)
    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        if hasattr(command, "list_commands"):
            for name in sorted(command.list_commands(context)):
                walk(command.get_command(context, name), (*path, name))
        elif path not in SKIPPED:
            found.append((path, command))

    walk(root, ())
    return found


def _kind(parameter: Any) -> str:
    annotation = parameter.type_descriptor.annotation
    text = getattr(annotation, "__name__", str(annotation))
    if getattr(parameter, "is_flag", False):
        return "flag"
    if "int" in text:
        return "int"
    if "Path" in text:
        return "path"
    return "str"


def _value(rng: random.Random, parameter: Any, files: Path) -> str:
    """A sane value half of the time, a hostile one otherwise."""
    name = parameter.name or ""
    kind = _kind(parameter)
    if kind == "path" and rng.random() < 0.6:
        return str(_hostile_file(rng, files))
    if rng.random() < 0.5 and name in SANE:
        return rng.choice(SANE[name])
    if kind == "int":
        return rng.choice(HOSTILE_INTS + ["1", "2", "987654"])
    pools = [HOSTILE_STRINGS]
    if any(word in name for word in ("date", "on", "from", "to", "due", "since", "given", "ref")):
        pools.append(HOSTILE_DATES)
    if any(word in name for word in ("start", "at", "break", "latest")):
        pools.append(HOSTILE_TIMES)
    if kind == "path":
        pools.append([str(files / "out"), str(files), "/nonexistent/dir/x.pdf", "x" * 5000])
    return rng.choice(rng.choice(pools))


def _hostile_file(rng: random.Random, files: Path) -> Path:
    """A CSV (or other) file to read: NUL bytes, an over-long field, escapes, bad UTF-8."""
    number = len(list(files.glob("in-*")))
    path = files / f"in-{number}.csv"
    header = b"name,profession,department,email,phone\n"
    body = rng.choice(
        [
            b"Ny Person,caseworker,,,\n",
            b"Nul\x00Person,caseworker,,,\n",
            b"Esc\x1b]0;TITLE\x07,caseworker,,,\n",
            b"Lang," + b"y" * 200_000 + b",,,\n",
            b'"' + b"z" * 140_000 + b'",coordinator,,,\n',
            b"\xff\xfe\x00b\x00a\x00d\n",
            b"Kun navn\n",
            b"",
            b'"unclosed,caseworker\n',
            ("Æble Øst,Jobformidler," + "d" * 300 + ",a@b.dk,12345678\n").encode(),
            b"A,b\n" * 2000,
        ]
    )
    path.write_bytes(rng.choice([header, b"", b"navn;fag\n"]) + body)
    return path


def arguments(rng: random.Random, path: tuple[str, ...], command: Any, files: Path) -> list[str]:
    """A command line for one run: every required parameter, some optional ones."""
    args = list(path)
    for parameter in command.params:
        is_option = type(parameter).__name__.endswith("Option")
        kind = _kind(parameter)
        if not is_option:
            count = 1 if parameter.nargs == 1 else rng.randint(1, 3)
            args += [_value(rng, parameter, files) for _ in range(count)]
            continue
        if not parameter.required and rng.random() < 0.45:
            continue
        flag = parameter.opts[0]
        if kind == "flag":
            args.append(flag)
            continue
        repeat = rng.randint(1, 3) if parameter.multiple else 1
        for _ in range(repeat):
            args += [flag, _value(rng, parameter, files)]
    if rng.random() < 0.08:
        args.insert(rng.randrange(len(args) + 1), rng.choice(HOSTILE_STRINGS[:6]))
    return args


#: Anything a terminal would interpret: C0 but newline and tab, DEL, C1.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def judge(result: Any, args: list[str]) -> str | None:
    """Why a run failed, or None when it kept the promise."""
    output = (result.stdout or "") + (result.stderr or "")
    exception = result.exception
    if exception is not None and not isinstance(exception, SystemExit):
        return f"traceback: {type(exception).__name__}: {str(exception)[:160]}"
    if "Traceback" in output:
        return "traceback printed"
    if result.exit_code not in (0, 1, 2):
        return f"exit status {result.exit_code}"
    if _RAW_CONTROL.search(output):
        return f"raw control character {_RAW_CONTROL.search(output).group()!r} printed"
    if result.exit_code == 1 and not (result.stderr or "").endswith("Aborted!\n"):
        # (A question left unanswered, e.g. a passphrase prompt with no terminal, aborts.)
        lines = (result.stderr or "").strip().splitlines()
        if len(lines) != 1 or not lines[0].startswith("coordinator: "):
            return f"refusal is not one line: {len(lines)} lines"
    return None


def _template(folder: Path) -> Path:
    """A migrated database with the demo day (today) and its history, made once."""
    from coordinator.demo import create_demo
    from coordinator.domain.clock import FixedClock
    from coordinator.store.database import Store
    from coordinator.store.referrals import ReferralInput, add_referral

    path = folder / "template.db"
    store = Store.open(str(path), clock=FixedClock(NOW), actor="corpus")
    create_demo(store, history=True)
    add_referral(store, ReferralInput(citizen="Henvist Borger"))
    store.close()
    # Text stored before the store's edge cleaned it (or by another road): every command that
    # shows it must print it harmlessly.
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE stepupday SET location = ?", (HOSTILE_STRINGS[3],))
        connection.execute("UPDATE person SET name = name || ? WHERE id = 2", ("\x1b[2J\x9b1m",))
        connection.execute("UPDATE citizen SET name = name || ? WHERE id = 1", ("\x1b]0;T\x07",))
    connection.close()
    return path


def run_corpus(runs: int, seed: int, verbose: bool = False) -> Figures:
    """Run `runs` hostile command lines (deterministic for a seed) and count the failures."""
    from typer.testing import CliRunner

    from coordinator import i18n
    from coordinator.cli import app
    from coordinator.domain.clock import FixedClock

    figures = Figures()
    every = commands()
    with tempfile.TemporaryDirectory(prefix="hostile-cli-") as temporary:
        folder = Path(temporary)
        template = _template(folder)
        before = os.getcwd()
        try:
            for number in range(runs):
                rng = random.Random(seed * 1_000_003 + number)
                # Every command in turn, so a short run still covers them all.
                path, command = every[number % len(every)]
                work = folder / f"run-{number}"
                work.mkdir()
                os.chdir(work)
                database = work / "coordinator.db"
                shutil.copyfile(template, database)
                args = arguments(rng, path, command, work)
                lang = rng.choice(["en", "da"])
                result = CliRunner().invoke(
                    app,
                    ["--db", str(database), "--lang", lang, *args],
                    obj=SimpleNamespace(clock=FixedClock(NOW)),
                    input="\n",
                )
                i18n.set_language("da")
                figures.runs += 1
                figures.by_exit[result.exit_code] = figures.by_exit.get(result.exit_code, 0) + 1
                why = judge(result, args)
                if why:
                    if why.startswith("traceback"):
                        figures.tracebacks += 1
                    output = (result.stdout or "") + (result.stderr or "")
                    figures.failures.append(Failure(args, why, output[-300:]))
                    if verbose:
                        print(f"FAIL {_shown(args)}\n     {why}", file=sys.stderr)
                os.chdir(before)
                shutil.rmtree(work, ignore_errors=True)
        finally:
            os.chdir(before)
    return figures


def _shown(args: list[str]) -> str:
    """A command line as it can be printed safely (long values shortened, controls visible)."""
    from coordinator.domain.text import printable

    return " ".join(repr(printable(a if len(a) < 60 else a[:40] + f"…[{len(a)}]")) for a in args)


def report(figures: Figures) -> Iterator[str]:
    yield f"runs: {figures.runs}"
    yield f"exit statuses: {dict(sorted(figures.by_exit.items()))}"
    yield f"tracebacks: {figures.tracebacks}"
    yield f"failures (all kinds): {len(figures.failures)}"
    kinds: dict[str, int] = {}
    for failure in figures.failures:
        key = " ".join(a for a in failure.args[:2] if not a.startswith("-")) + " | " + failure.why
        kinds[key[:200]] = kinds.get(key[:200], 0) + 1
    for key, count in sorted(kinds.items(), key=lambda kv: -kv[1]):
        yield f"  {count:>4}  {key}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=600)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args(argv)
    # Like the test suite: never the user's data, config or keyring.
    home = tempfile.mkdtemp(prefix="hostile-home-")
    os.environ.update(
        HOME=home,
        XDG_DATA_HOME=home,
        XDG_CONFIG_HOME=home,
        XDG_DOCUMENTS_DIR=home,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    for name in ("COORDINATOR_DB", "COORDINATOR_KEY", "COORDINATOR_NEW_KEY", "COORDINATOR_ENCRYPT"):
        os.environ.pop(name, None)
    figures = run_corpus(options.runs, options.seed, options.verbose)
    for line in report(figures):
        print(line)
    shutil.rmtree(home, ignore_errors=True)
    return 1 if figures.failures else 0


if __name__ == "__main__":
    sys.exit(main())
