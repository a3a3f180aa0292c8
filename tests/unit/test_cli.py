"""The command-line contract of DESIGN.md, run in-process on a temporary database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coordinator.cli import app
from tests.conftest import TEST_DAY

DAY = TEST_DAY.isoformat()


pytestmark = pytest.mark.both_engines


@pytest.fixture
def people(cli) -> None:
    cli("people", "add", "Lene Holm", "--profession", "coordinator", "--authority")
    cli("people", "add", "Jonas Berg", "--profession", "Jobformidler")
    cli("people", "add", "Anders Lund", "--profession", "caseworker", "--authority")
    cli(
        "people", "add", "Helle Nygaard", "--profession", "Sygeplejerske", "--department", "Sundhed"
    )


def test_day_create_and_show_json(cli, people) -> None:
    cli(
        "day",
        "create",
        DAY,
        "--start",
        "08:30",
        "--break",
        "11:30-12:00",
        "--location",
        "Lokale 2",
        "--coordinator",
        "Lene Holm",
    )
    for name in ("Mads Eriksen", "Sara Jensen", "Ali Hassan", "Birgitte Olsen"):
        cli(
            "case",
            "add",
            DAY,
            "--citizen",
            name,
            "--challenge",
            "health",
            "--jobbroker",
            "Jonas Berg",
            "--caseworker",
            "Anders Lund",
        )
    document = json.loads(cli("day", "show", DAY, "--json").stdout)
    assert document["date"] == DAY
    assert document["start"] == "08:30"
    assert document["breaks"] == [{"start": "11:30", "end": "12:00"}]
    slots = [
        (c["pre_meeting"]["start"], c["meeting"]["start"], c["meeting"]["end"])
        for c in document["cases"]
    ]
    assert slots == [
        ("08:30", "08:45", "09:30"),
        ("09:30", "09:45", "10:30"),
        ("10:30", "10:45", "11:30"),
        ("12:00", "12:15", "13:00"),
    ]
    assert document["end"] == "13:00"
    assert [c["citizen"] for c in document["cases"]][0] == "Mads Eriksen"
    assert all(c["status"] == "planned" for c in document["cases"])


def test_case_add_json_is_the_next_slot(cli) -> None:
    cli("day", "create", DAY, "--start", "09:00", "--pre-minutes", "10", "--meeting-minutes", "30")
    first = json.loads(cli("case", "add", DAY, "--citizen", "A", "--json").stdout)
    second = json.loads(cli("case", "add", DAY, "--citizen", "B", "--json").stdout)
    assert first["pre_meeting"] == {"start": "09:00", "end": "09:10"}
    assert second["pre_meeting"] == {"start": "09:40", "end": "09:50"}
    assert second["meeting"] == {"start": "09:50", "end": "10:20"}


def test_json_outputs_are_pure_json(cli, people) -> None:
    cli("day", "create", DAY)
    for args in (
        ("day", "list", "--json"),
        ("people", "list", "--json"),
        ("day", "show", DAY, "--json"),
    ):
        json.loads(cli(*args).stdout)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("day", "show", "2026-13-01"), "not a date"),
        (("day", "show", "2027-01-01"), "No step-up day on 2027-01-01"),
        (("day", "create", DAY, "--start", "8.30"), "not a time"),
        (("day", "create", DAY, "--break", "11:30"), "not a break"),
        (("day", "create", DAY, "--pre-minutes", "0"), "between 1 and 480"),
        (("day", "create", DAY, "--coordinator", "Nobody"), "No person named"),
        (("people", "add", "X", "--profession", "astronaut"), "unknown profession"),
        (("people", "import", "/nonexistent/people.csv"), "No such file"),
        (("roster", "check", "999"), "No case with id 999"),
        (("agreement", "show", "999"), "999"),
        (("case", "add", DAY, "--citizen", "A", "--challenge", "money"), "unknown challenge"),
    ],
)
def test_user_errors_are_one_clear_line(cli, people, args, fragment) -> None:
    result = cli(*args, ok=False)
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_failed_command_changes_nothing(cli, people) -> None:
    before = cli("people", "list", "--json").stdout
    cli("day", "create", DAY, "--coordinator", "Nobody", ok=False)
    assert cli("day", "list", "--json").stdout.strip() == "[]"
    assert cli("people", "list", "--json").stdout == before


def test_case_add_rejects_wrong_profession(cli, people) -> None:
    cli("day", "create", DAY)
    result = cli("case", "add", DAY, "--citizen", "A", "--jobbroker", "Anders Lund", ok=False)
    assert "not as jobbroker" in result.stderr


def test_people_import_all_or_nothing(cli, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text(
        "name;profession;department;email;phone;decision_authority;fixed_representative\n"
        "Helle Nygaard;nurse;Sundhedscentret;heny@x.dk;;ja;ja\n"
        "Maria Friis;Familierådgiver;Børn og Familie;mafr@x.dk;;nej;ja\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,profession,email\n"
        "Peter Winther,doctor,pw@x.dk\n"
        ",nurse,x@x.dk\n"
        "Karen Bech,astronaut,kb@x.dk\n",
        encoding="utf-8",
    )
    result = cli("people", "import", str(bad), ok=False)
    assert "line 3" in result.stderr and "line 4" in result.stderr
    assert json.loads(cli("people", "list", "--json").stdout) == []
    assert "Imported 2" in cli("people", "import", str(good)).stdout
    assert "Imported 0 people; 2 were already there" in cli("people", "import", str(good)).stdout
    people = json.loads(cli("people", "list", "--json").stdout)
    assert {p["name"]: p["profession"] for p in people} == {
        "Helle Nygaard": "nurse",
        "Maria Friis": "family-counsellor",
    }
    assert people[0]["decision_authority"] is True


def test_roster_add_and_check(cli, people) -> None:
    cli("day", "create", DAY, "--coordinator", "Lene Holm")
    case = json.loads(
        cli(
            "case",
            "add",
            DAY,
            "--citizen",
            "Mads",
            "--challenge",
            "health",
            "--jobbroker",
            "Jonas Berg",
            "--caseworker",
            "Anders Lund",
            "--json",
        ).stdout
    )
    codes = {
        f["code"]
        for f in json.loads(cli("roster", "check", str(case["id"]), "--json").stdout)["findings"]
    }
    assert "missing-health-professional" in codes
    cli("roster", "add", str(case["id"]), "Helle Nygaard", "--part", "both")
    document = json.loads(cli("roster", "check", str(case["id"]), "--json").stdout)
    assert document["case"] == case["id"]
    assert "missing-health-professional" not in {f["code"] for f in document["findings"]}
    assert all(set(f) == {"severity", "code", "message"} for f in document["findings"])


def test_agreement_commands(cli, people) -> None:
    cli("day", "create", DAY)
    case = json.loads(
        cli("case", "add", DAY, "--citizen", "Mads", "--jobbroker", "Jonas Berg", "--json").stdout
    )
    cid = str(case["id"])
    cli("agreement", "set", cid, "--job-goal", "Lagermedarbejder", "--citizen-words", "Jeg vil")
    result = cli("agreement", "finalise", cid, ok=False)
    assert "cannot be finalised" in result.stderr
    cli(
        "agreement",
        "item",
        cid,
        "--kind",
        "support",
        "--text",
        "Jonas følger med",
        "--responsible",
        "Jonas Berg",
        "--due",
        "15/1",
    )
    cli(
        "agreement",
        "item",
        cid,
        "--kind",
        "accommodation",
        "--text",
        "Kortere dage",
        "--responsible",
        "citizen",
        "--due",
        "2027-01-10",
    )
    document = json.loads(cli("agreement", "show", cid, "--json").stdout)
    assert document["status"] == "draft" and document["version"] == 1
    assert document["goal_date"] == "2027-03-03"
    assert document["job_goal"] == "Lagermedarbejder"
    assert {i["kind"]: i["due"] for i in document["items"]} == {
        "support": "2027-01-15",
        "accommodation": "2027-01-10",
    }
    assert {i["responsible"] for i in document["items"]} == {"Jonas Berg", "Mads"}
    cli("agreement", "finalise", cid)
    assert json.loads(cli("agreement", "show", cid, "--json").stdout)["status"] == "final"
    result = cli("agreement", "set", cid, "--job-goal", "x", ok=False)
    assert "final" in result.stderr


def test_agreement_item_bad_kind_and_date(cli, people) -> None:
    cli("day", "create", DAY)
    cli("case", "add", DAY, "--citizen", "Mads")
    assert (
        "unknown kind"
        in cli("agreement", "item", "1", "--kind", "x", "--text", "t", ok=False).stderr
    )
    assert (
        cli(
            "agreement", "item", "1", "--kind", "support", "--text", "t", "--due", "31/2", ok=False
        ).exit_code
        != 0
    )


def test_backup_and_db_upgrade(cli, tmp_path: Path) -> None:
    cli("day", "create", DAY)
    out = tmp_path / "copy.db"
    assert "Backed up" in cli("backup", "--out", str(out)).stdout
    assert out.stat().st_mode & 0o077 == 0
    copy = CliRunner().invoke(app, ["--db", str(out), "day", "list", "--json"])
    assert json.loads(copy.stdout)[0]["date"] == DAY
    assert "exists already" in cli("backup", "--out", str(out), ok=False).stderr
    assert "up to date" in cli("db", "upgrade").stdout


def test_demo_twice_does_not_duplicate(cli) -> None:
    cli("demo", "--no-open")
    first = cli("day", "list", "--json").stdout
    people = cli("people", "list", "--json").stdout
    assert "already there" in cli("demo", "--no-open").stdout
    assert cli("day", "list", "--json").stdout == first
    assert cli("people", "list", "--json").stdout == people
    days = {day["date"]: day["cases"] for day in json.loads(first)}
    assert days[DAY] == 5
    assert len(days) == 3, "the demo day and its history: a month and three months back"


def _not_sqlite(path: Path) -> str:
    path.write_text("a note someone saved with the wrong name")
    return str(path)


def _db_that_is_too_new(path: Path) -> str:
    from coordinator.store.engine import make_engine
    from coordinator.store.migrate import ensure_current

    engine = make_engine(f"sqlite:///{path}")
    ensure_current(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    return str(path)


@pytest.mark.parametrize(
    ("make_db", "says"),
    [
        (lambda tmp: str(tmp), "unable to open database file"),  # a folder, not a file
        (lambda tmp: _not_sqlite(tmp / "x.db"), "not a database"),
        (lambda tmp: "foo://bar", "is not a database path or URL"),
        (lambda tmp: "postgresql+pg8000://nobody@localhost/none", "is not installed"),
        (lambda tmp: "postgresql+psycopg://nobody:pw@127.0.0.1:1/none", "nobody:***@"),
        (lambda tmp: _db_that_is_too_new(tmp / "new.db"), "newer version of the app"),
    ],
    ids=["folder", "not-sqlite", "bad-url", "missing-driver", "no-server", "too-new"],
)
@pytest.mark.parametrize("command", [["day", "list"], ["db", "upgrade"], []])
def test_a_database_that_cannot_be_opened_is_one_line(
    tmp_path: Path, make_db, says: str, command: list[str]
) -> None:
    """No traceback for a wrong --db, whether listing, upgrading or opening the app."""
    db = make_db(tmp_path)
    result = CliRunner().invoke(app, ["--db", db, "--lang", "en", *command])
    assert result.exit_code == 1, (result.stdout, result.exception)
    assert result.stderr.startswith("coordinator: ")
    assert says in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_backup_that_cannot_be_written_is_one_line(cli, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = cli("backup", "--out", str(blocker / "copy.db"), ok=False)
    assert result.exit_code == 1
    assert result.stderr.startswith("coordinator: Cannot write the backup")
    assert result.stderr.count("\n") == 1
