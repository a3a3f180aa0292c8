"""The command line builds a command only when it is used (cli/lazy.py, issue 19): `--help`
lists every command from the registry's help lines, which must say what the commands say."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main
from typer.core import TyperGroup

from coordinator.cli import app
from coordinator.cli.lazy import REGISTRY, LazyCommands, build
from coordinator.i18n import DEFAULT_LANGUAGE, _, set_language


def test_every_registered_command_is_built_under_its_name() -> None:
    for entry in REGISTRY:
        assert build(entry.name).name == entry.name


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("limit", [30, 45, 60, 74, 120])
def test_the_registrys_help_line_is_the_commands_own(limit: int, language: str) -> None:
    """In English word for word; in Danish the translation of the command's own help (so the
    registry's text is the catalog's msgid, line breaks included)."""
    listed = LazyCommands(on_load=lambda _command: None, extra={})
    set_language(language)
    try:
        for entry in REGISTRY:
            command = build(entry.name)
            own = TyperGroup(name=entry.name, help=_(command.help or ""))
            assert listed.short_help(entry.name, limit) == own.get_short_help_str(limit)
            if language == "en":
                assert listed.short_help(entry.name, limit) == command.get_short_help_str(limit)
    finally:
        set_language(DEFAULT_LANGUAGE)


def test_the_root_group_lists_every_command_in_the_registrys_order() -> None:
    root = typer.main.get_command(app)
    context = root.make_context("coordinator", [], resilient_parsing=True)
    assert root.list_commands(context) == [entry.name for entry in REGISTRY]
    assert root.get_command(context, "nosuch") is None


def _modules_after(code: str) -> set[str]:
    script = (
        "import sys\n"
        "from coordinator.cli import app\n"
        f"try:\n    {code}\nexcept SystemExit:\n    pass\n"
        "print('LOADED', ' '.join(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split("LOADED", 1)[1].split())


def test_help_builds_no_command() -> None:
    loaded = _modules_after("app(['--help'])")
    assert not {f"coordinator.cli.{entry.name}" for entry in REGISTRY} & loaded
    assert "coordinator.domain.limits" not in loaded  # no value checked, no catalog read


def test_a_command_builds_only_its_own_group() -> None:
    loaded = _modules_after("app(['day', '--help'])")
    assert "coordinator.cli.day" in loaded
    assert "coordinator.cli.export" not in loaded
    assert "coordinator.cli.agreement" not in loaded
