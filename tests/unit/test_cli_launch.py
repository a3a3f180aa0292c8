"""`coordinator` alone opens the app without Typer (coordinator/launch.py); everything else,
including a value the launcher cannot read, is the command line's to answer, as before."""

from __future__ import annotations

import subprocess
import sys

import pytest

from coordinator import launch
from coordinator.launch import plain_open


@pytest.mark.parametrize(
    ("argv", "options"),
    [
        ([], {}),
        (["--db", "x.db"], {"--db": "x.db"}),
        (["--db=x.db", "--lang", "en"], {"--db": "x.db", "--lang": "en"}),
        (["--today", "2026-12-03"], {"--today": "2026-12-03"}),
    ],
)
def test_global_options_alone_are_a_plain_open(argv: list[str], options: dict) -> None:
    assert plain_open(argv) == options


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["day", "list"],
        ["--db", "x.db", "day", "list"],
        ["--db"],
        ["--db", "--lang"],
        ["--lang", "en", "--lang", "da"],
        ["--encrypt"],
        ["--version"],
    ],
)
def test_anything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert plain_open(argv) is None


def test_a_value_it_cannot_read_gets_the_command_lines_message(capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit) as exit_:
        launch.main(["--lang", "xx"])
    assert exit_.value.code == 2
    assert "coordinator: unknown language 'xx'" in capsys.readouterr().err


def test_a_plain_open_imports_no_typer() -> None:
    script = (
        "import sys\n"
        "from coordinator import launch\n"
        "launch.open_tui = lambda s: print(s.db, s.lang, s.clock.now().date())\n"
        "launch.main(['--db', 'x.db', '--lang', 'en', '--today', '2026-12-03'])\n"
        "print('typer' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["x.db", "en", "2026-12-03", "False"]
