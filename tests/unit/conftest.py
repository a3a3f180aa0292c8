"""Shared fixtures of the unit tests.

`cli`: the command line as a test runs it, on the test's database, in English, with the fixed
clock; `ok=False` expects the one-line error and exit status 1. A module that needs another
runner defines its own `cli`, which takes precedence."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator.cli import app


@pytest.fixture
def cli(db_url: str, clock):
    runner = CliRunner()
    preset = SimpleNamespace(clock=clock)

    def run(*args: str, ok: bool = True):
        result = runner.invoke(app, ["--db", db_url, "--lang", "en", *args], obj=preset)
        if ok:
            assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        else:
            assert result.exit_code == 1, (result.stdout, result.stderr, result.exception)
            assert result.stderr.startswith("coordinator: ")
            assert len(result.stderr.strip().splitlines()) == 1
        return result

    return run
