"""`coordinator case start-pre|start-meeting|end` say the case's new status in the chosen
language (the Danish CLI said "pre-meeting" and "meeting", the stored values), on SQLite and
PostgreSQL."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator.cli import app
from tests.conftest import TEST_DAY

DAY = TEST_DAY.isoformat()

pytestmark = pytest.mark.both_engines


@pytest.fixture
def danish(db_url: str, clock):
    """Run the CLI in Danish (the `cli` fixture runs it in English)."""
    runner = CliRunner()

    def run(*args: str) -> str:
        preset = SimpleNamespace(clock=clock)
        result = runner.invoke(app, ["--db", db_url, "--lang", "da", *args], obj=preset)
        assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        return result.stdout

    return run


@pytest.fixture
def day(cli) -> None:
    cli("day", "create", DAY, "--start", "08:30")
    cli("case", "add", DAY, "--citizen", "Mads")


def test_the_danish_cli_says_the_status_in_danish(danish, day) -> None:
    assert danish("case", "start-pre", "1", "--at", "08:30").strip() == "Sag 1: formøde kl. 08:30."
    assert danish("case", "start-meeting", "1", "--at", "08:45").strip() == "Sag 1: møde kl. 08:45."
    assert danish("case", "end", "1", "--at", "09:30").strip() == "Sag 1: færdig kl. 09:30."


def test_the_english_cli_says_it_as_before(cli, day) -> None:
    assert cli("case", "start-pre", "1", "--at", "08:30").stdout.strip() == (
        "Case 1: pre-meeting at 08:30."
    )
    assert cli("case", "start-meeting", "1", "--at", "08:45").stdout.strip() == (
        "Case 1: meeting at 08:45."
    )
    assert cli("case", "end", "1", "--at", "09:30").stdout.strip() == "Case 1: done at 09:30."
