"""`agreement set` racing the app's autosave (defect 1 of the last session).

The app's autosave writes another field of the same agreement between the command's read and
its write, so the row version refuses the command's write. Nothing was lost, but the command
said "changed in the meantime": a write of a field nobody else touched is read, checked and
written again (bounded, like store/autosave.py's RACE_RETRIES), and only a change of the same
field is reported. The other writer is injected at the one moment that matters: after the
command's transaction read the agreement, before it writes (the audit event is added between
the two), from a store of its own (another process, as the app is).
"""

from __future__ import annotations

import json
import threading
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.demo import create_demo
from coordinator.store import agreements, audit
from coordinator.store.database import Store

pytestmark = pytest.mark.both_engines


@pytest.fixture
def cli(db_url: str, clock):
    runner = CliRunner()
    preset = SimpleNamespace(clock=clock)

    def run(*args: str):
        return runner.invoke(app, ["--db", db_url, "--lang", "en", *args], obj=preset)

    return run


def _interfere(monkeypatch, db_url: str, clock, times: int, **fields: object) -> list[int]:
    """Before the next `times` agreement updates are recorded in the audit, another store
    (in a thread of its own, as another process would) writes `fields` and commits."""
    real = audit.record
    done: list[int] = []

    def other_writer() -> None:
        other = Store.open(db_url, clock=clock, actor="app")
        try:
            agreements.set_fields(other, 1, **fields)
        finally:
            other.close()

    def record(store, session, action, entity, *args, **kwargs):
        if (
            entity == "agreement"
            and action == "update"
            and len(done) < times
            and store.actor != "app"
        ):
            done.append(1)
            thread = threading.Thread(target=other_writer)
            thread.start()
            thread.join(30)
        return real(store, session, action, entity, *args, **kwargs)

    monkeypatch.setattr(audit, "record", record)
    return done


def test_set_succeeds_when_the_autosave_wrote_another_field_in_between(
    store, db_url, clock, cli, monkeypatch
) -> None:
    create_demo(store)
    agreements.ensure_draft(store, 1)
    done = _interfere(monkeypatch, db_url, clock, 3, notes="typed in the app")
    result = cli("agreement", "set", "1", "--job-goal", "Lagermedarbejder")
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert done == [1, 1, 1]  # raced three times, written on the fourth try
    stored = json.loads(cli("agreement", "show", "1", "--json").stdout)
    assert stored["job_goal"] == "Lagermedarbejder"
    assert agreements.latest(store, 1).notes == "typed in the app"


def test_set_reports_a_conflict_when_the_same_field_changed(
    store, db_url, clock, cli, monkeypatch
) -> None:
    create_demo(store)
    agreements.ensure_draft(store, 1)
    _interfere(monkeypatch, db_url, clock, 1, job_goal="Typed in the app")
    result = cli("agreement", "set", "1", "--job-goal", "Lagermedarbejder")
    assert result.exit_code == 1
    assert result.stderr.startswith("coordinator: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--job-goal" in result.stderr
    assert agreements.latest(store, 1).job_goal == "Typed in the app"
