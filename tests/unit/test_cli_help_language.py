"""The command line's help is in the run's language, like the app and the CLI's messages
(defect 6 of the last session): Danish by default, English with `--lang en` (given before or
after the command) or `COORDINATOR_LANG=en`. Every help text of the tree has its Danish
entry, and showing help still imports neither the store nor the UI."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.i18n import translate

#: Help texts that are lists of the values typed (ids), the same in both languages.
SAME_IN_DANISH = {
    "html,pdf,xlsx,csv",
    "job, flexjob, wage-subsidy, internship, education, main-model, no-progress, other.",
}


def _help(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(app, [*args], env=env)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def test_the_root_help_is_danish_by_default() -> None:
    text = _help("--help")
    assert "Planlæg og afvikl step-up-dage" in text
    assert "Tilvalg:" in text and "Kommandoer:" in text
    assert "Opret" not in text  # sub-commands' own help is not listed at the root
    assert "Planlæg step-up-dage, og se deres dagsorden." in text  # `day`, one line


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--lang", "en", "--help"), None),
        (("--lang=en", "--help"), None),
        (("--help",), {"COORDINATOR_LANG": "en"}),
    ],
)
def test_the_root_help_in_english_on_request(args, env) -> None:
    text = _help(*args, env=env)
    assert "Plan and run step-up days" in text
    assert "Options:" in text and "Tilvalg" not in text


def test_a_commands_help_and_its_options_follow_the_language() -> None:
    danish = _help("day", "create", "--help")
    assert "Opret en step-up-dag." in danish
    assert "Længden af hvert møde." in danish and "[standard: 45]" in danish
    english = _help("--lang", "en", "day", "create", "--help")
    assert "Create a step-up day." in english and "Length of each meeting." in english


def _help_texts() -> list[str]:
    texts: list[str] = []

    def walk(command) -> None:  # noqa: ANN001 - a Click command
        texts.extend(t for t in (command.help, command.short_help) if t)
        texts.extend(p.help for p in command.params if getattr(p, "help", None))
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return list(dict.fromkeys(texts))


def test_every_help_text_has_a_danish_entry() -> None:
    texts = _help_texts()
    assert len(texts) > 150
    missing = [t for t in texts if translate(t, "da") == t and t not in SAME_IN_DANISH]
    assert missing == []


def test_help_imports_neither_the_store_nor_the_ui() -> None:
    code = (
        "import sys\n"
        "from coordinator.cli import app\n"
        "try:\n    app(['day', 'create', '--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('textual', 'sqlalchemy', 'sqlmodel') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "Opret en step-up-dag." in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"
