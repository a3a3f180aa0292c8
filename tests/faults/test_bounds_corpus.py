"""A fast, deterministic slice of the hostile CLI corpus (tests/faults/hostile_cli.py).

Sixty command lines, every command at least once, with a fixed seed and clock, in-process: no
traceback, no exit status but 0, 1 or 2, no raw control character printed, every refusal one
line. The full corpus (600 runs) is `python -m tests.faults.hostile_cli --runs 600`.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from tests.faults.hostile_cli import arguments, commands, report, run_corpus


def test_sixty_hostile_command_lines_keep_the_promise() -> None:
    runs = max(60, len(commands()))
    figures = run_corpus(runs, seed=7)
    assert figures.runs == runs
    assert figures.failures == [], "\n".join(report(figures))


def test_the_corpus_is_deterministic() -> None:
    """A seed gives the same command lines (the hostile files' names count up per folder)."""
    path, command = commands()[3]
    with tempfile.TemporaryDirectory() as folder:
        first = arguments(random.Random(11), path, command, Path(folder))
        second = arguments(random.Random(11), path, command, Path(folder))
    assert [a for a in first if "in-" not in a] == [a for a in second if "in-" not in a]
