"""The privacy commands: consent, insight, erasure, purge and the audit trail."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.demo import CASES, PEOPLE
from coordinator.domain.clock import FixedClock
from coordinator.store.database import Store
from tests.conftest import TEST_DAY, TEST_NOW
from tests.privacy_data import CPR, NAME, add_testesen

pytestmark = pytest.mark.both_engines

LAST_YEAR = TEST_DAY - timedelta(days=400)


@pytest.fixture
def run(db_url: str, clock):
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True, at: datetime | None = None):
        preset = SimpleNamespace(clock=FixedClock(at) if at else clock)
        result = runner.invoke(app, ["--db", db_url, "--lang", "en", *args], obj=preset)
        if ok:
            assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        return result

    return invoke


@pytest.fixture
def filled(demo_store, tmp_path: Path) -> dict[str, int]:
    """The demo day plus Ærø Testesen's case of more than a year ago."""
    case_id = add_testesen(demo_store, LAST_YEAR, tmp_path)
    with demo_store.engine.connect() as connection:
        citizen = connection.execute(
            text('SELECT citizen_id FROM "case" WHERE id = :id'), {"id": case_id}
        ).scalar_one()
    return {"case": case_id, "citizen": citizen}


def test_consent_set_and_withdraw(run, filled) -> None:
    out = json.loads(run("consent", "set", "1", "--given", "2026-11-01", "--json").stdout)
    assert out["state"] == "given"
    out = json.loads(
        run(
            "consent", "set", "1", "--given", "2026-11-01", "--withdrawn", "2026-11-20", "--json"
        ).stdout
    )
    assert out["state"] == "withdrawn" and out["withdrawn_on"] == "2026-11-20"
    bad = run("consent", "set", "1", "--given", "2026-11-01", "--withdrawn", "2026-10-01", ok=False)
    assert bad.exit_code == 1 and bad.stderr.startswith("coordinator: ")
    assert "Traceback" not in bad.output


def test_insight_export_is_private_complete_and_audited(run, filled, tmp_path: Path) -> None:
    out = tmp_path / "insight"
    result = run("citizen", "export", str(filled["citizen"]), "--out", str(out))
    paths = [Path(line) for line in result.stdout.split()]
    assert {p.suffix for p in paths} == {".html", ".json"}
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(next(p for p in paths if p.suffix == ".json").read_text())
    assert document["tables"]["citizen"][0]["name"] == NAME
    assert {"case", "preparation", "agreement", "consent", "rosterentry"} <= set(document["tables"])
    assert any(event["action"] == "add" for event in document["audit"])
    html = next(p for p in paths if p.suffix == ".html").read_text()
    assert "Testesen" in html and "<script" not in html
    trail = json.loads(run("audit", "--json").stdout)["events"]
    exported = [e for e in trail if e["action"] == "export"]
    assert {e["path"] for e in exported} == {str(p) for p in paths}
    assert all(e["citizen_id"] == filled["citizen"] for e in exported)


def test_erase_asks_first_and_leaves_anonymous_counts(run, filled) -> None:
    refused = run("citizen", "erase", str(filled["citizen"]), ok=False)
    assert refused.exit_code == 1 and len(refused.stderr.strip().splitlines()) == 1
    today = run("citizen", "erase", "1", ok=False)  # Mads Eriksen: on today's demo day
    assert "meeting today" in today.stderr
    run("citizen", "erase", str(filled["citizen"]), "--yes")
    listed = json.loads(run("citizen", "list", "--json").stdout)["citizens"]
    erased = next(c for c in listed if c["id"] == filled["citizen"])
    assert erased["name"] == "" and erased["cpr"] is None and erased["erased_at"]
    assert erased["cases"] == 1


def test_purge_dry_run_then_purge_a_year_later(run, filled, tmp_path: Path) -> None:
    run("citizen", "export", str(filled["citizen"]), "--out", str(tmp_path / "x"))
    now = json.loads(run("purge", "--dry-run", "--json").stdout)
    assert now["due"] == [], "everything was touched today"
    assert len(now["exported_files"]) == 2
    a_year_on = TEST_NOW + timedelta(days=400)
    later = json.loads(run("purge", "--dry-run", "--json", at=a_year_on).stdout)
    assert len(later["due"]) == 1 + len(CASES), "the demo day is a year old by then"
    none = json.loads(
        run("purge", "--older-than", "24", "--dry-run", "--json", at=a_year_on).stdout
    )
    assert none["due"] == []
    refused = run("purge", ok=False, at=a_year_on)
    assert refused.exit_code == 1 and "--yes" in refused.stderr
    done = json.loads(run("purge", "--yes", "--json", at=a_year_on).stdout)
    assert sorted(done["erased"]) == sorted(c["citizen_id"] for c in later["due"])
    assert done["scrubbed"]
    assert len(done["exported_files"]) == 2, "the exported files are listed to delete"
    again = json.loads(run("purge", "--dry-run", "--json", at=a_year_on).stdout)
    assert again["due"] == []
    assert NAME not in run("citizen", "list").stdout
    run("settings", "set", "retention_months", "0", ok=False)


def test_the_audit_trail_never_holds_names_or_cpr(run, filled, db_url, clock) -> None:
    run("citizen", "export", str(filled["citizen"]), "--out", "/tmp/never-used-dir-x")
    run("consent", "set", str(filled["case"]), "--given", "2026-11-01", "--scope", NAME)
    run("citizen", "erase", str(filled["citizen"]), "--yes")
    store = Store.open(db_url, clock=clock, actor="test")
    try:
        with store.engine.connect() as connection:
            rows = connection.execute(text("SELECT * FROM auditevent")).all()
    finally:
        store.close()
    dump = "\n".join(" ".join(str(v) for v in row) for row in rows)
    secrets = [NAME, "Testesen", CPR, CPR.replace("-", "")]
    secrets += [case.citizen for case in CASES]
    secrets += [case.citizen.split()[-1] for case in CASES]
    for secret in secrets:
        assert secret not in dump, secret
    assert {"erase", "export", "update", "add"} <= {row.action for row in rows}
    assert PEOPLE  # the professionals' names may appear as actors only through logins


def test_audit_since_and_text(run, filled) -> None:
    everything = json.loads(run("audit", "--json").stdout)["events"]
    assert everything
    none = json.loads(run("audit", "--since", "2099-01-01", "--json").stdout)["events"]
    assert none == []
    lines = run("audit").stdout.splitlines()
    assert len(lines) == len(everything)
    bad = run("audit", "--since", "yesterday-ish", ok=False)
    assert bad.exit_code == 1
