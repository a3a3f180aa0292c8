"""The command line in Danish counts and names things in Danish (issue 21, item 11):
`day list` said "5 cases  planned" in the Danish app, and "1 cases" in English."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator.cli import app

pytestmark = pytest.mark.both_engines


def _run(db_url: str, clock, language: str, *args: str) -> str:
    result = CliRunner().invoke(
        app, ["--db", db_url, "--lang", language, *args], obj=SimpleNamespace(clock=clock)
    )
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


def test_day_list_counts_cases_and_names_the_status_in_the_language(db_url, clock) -> None:
    _run(db_url, clock, "en", "day", "create", "2026-12-07")
    _run(db_url, clock, "en", "day", "create", "2026-12-08")
    _run(db_url, clock, "en", "case", "add", "2026-12-08", "--citizen", "Ærø Ødegård")
    danish = _run(db_url, clock, "da", "day", "list").splitlines()
    assert "0 sager" in danish[0] and "Planlagt" in danish[0]
    assert "1 sag " in danish[1] and "Planlagt" in danish[1]
    assert not any(word in line for line in danish for word in ("case", "planned"))
    english = _run(db_url, clock, "en", "day", "list").splitlines()
    assert "0 cases" in english[0] and "1 case " in english[1] and "Planned" in english[1]
