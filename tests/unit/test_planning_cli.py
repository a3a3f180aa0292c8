"""Corrections and planning from the command line (issue 14), on SQLite and PostgreSQL:
day edit/delete, case edit/move/delete, timing with --at, reasons, series, the queue."""

from __future__ import annotations

import json

import pytest

from tests.conftest import TEST_DAY

DAY = TEST_DAY.isoformat()

pytestmark = pytest.mark.both_engines


def show(cli, ref: str = DAY) -> dict:
    return json.loads(cli("day", "show", ref, "--json").stdout)


@pytest.fixture
def day(cli) -> None:
    cli("people", "add", "Jonas Berg", "--profession", "jobbroker")
    cli("people", "add", "Anders Lund", "--profession", "caseworker")
    cli("day", "create", DAY, "--break", "11:30-12:00")
    for name in ("Mads", "Sara", "Ali", "Birgitte", "Emil"):
        cli("case", "add", DAY, "--citizen", name, "--challenge", "health")


def test_floating_lunch_moves_the_end_by_the_overrun(cli, day) -> None:
    cli("case", "start-pre", "1", "--at", "08:30")
    cli("case", "start-meeting", "1", "--at", "08:45")
    cli("case", "end", "1", "--at", "09:40")
    document = show(cli)
    assert document["break_policy"] == "floating"
    assert document["predicted_end"] == "14:10"
    assert document["predicted_breaks"] == [{"start": "11:40", "end": "12:10"}]
    cli("day", "edit", DAY, "--break-policy", "fixed")
    assert show(cli)["predicted_end"] == "15:00"


def test_day_edit_moves_invited_cases_and_marks_them(cli, day) -> None:
    out = cli("day", "edit", DAY, "--start", "09:00", "--json").stdout
    result = json.loads(out)
    assert result["changed"] == ["start"]
    assert [m["case"] for m in result["moved"]] == [1, 2, 3, 4, 5]
    first = show(cli)["cases"][0]
    assert first["pre_meeting"]["start"] == "09:00"
    assert first["moved_from"] == "08:30"


def test_day_edit_breaks_and_date(cli, day) -> None:
    cli("day", "edit", DAY, "--no-breaks", "--date", "2026-12-04")
    document = show(cli, "2026-12-04")
    assert document["breaks"] == []
    assert document["cases"][3]["pre_meeting"]["start"] == "11:30"
    result = cli("day", "edit", "2026-12-04", "--date", "2026-12-25")
    assert "public holiday" in result.stderr


def test_bad_day_edits_change_nothing(cli, day) -> None:
    before = show(cli)
    cli("day", "edit", DAY, "--date", "2026-02-30", ok=False)
    cli("day", "edit", DAY, "--start", "23:00", ok=False)  # past midnight
    cli("day", "edit", DAY, "--break", "12:00-11:00", ok=False)
    cli("day", "edit", DAY, "--break", "11:30-12:00", "--break-latest", "11:00", ok=False)
    cli("day", "edit", DAY, "--break-policy", "sometimes", ok=False)
    cli("day", "edit", "99", "--start", "09:00", ok=False)
    assert show(cli) == before


def test_case_edit_reruns_the_roster_rules(cli, day) -> None:
    result = json.loads(
        cli(
            "case", "edit", "2", "--challenge", "family", "--jobbroker", "Jonas Berg", "--json"
        ).stdout
    )
    assert result["changed"] == ["challenges", "jobbroker"]
    codes = {f["code"] for f in result["findings"]}
    assert "missing-family-professional" in codes or any("family" in c for c in codes)
    assert "missing-jobbroker" not in codes
    assert show(cli)["cases"][1]["challenges"] == ["family"]
    cli("case", "edit", "2", "--citizen", "Sara Holm")
    assert show(cli)["cases"][1]["citizen"] == "Sara Holm"
    cli("case", "edit", "2", "--jobbroker", "Anders Lund", ok=False)  # not a job broker
    cli("case", "edit", "99", "--problem", "x", ok=False)


def test_case_move_to_another_day(cli, day) -> None:
    cli("day", "create", "2026-12-10")
    cli("case", "move", "3", "--to", "2026-12-10")
    assert [c["id"] for c in show(cli)["cases"]] == [1, 2, 4, 5]
    moved = show(cli, "2026-12-10")["cases"][0]
    assert moved["id"] == 3 and moved["moved_from"] == "10:30"
    cli("case", "move", "3", "--to", "2026-12-11", ok=False)  # no such day
    cli("case", "move", "3", "--to", "2026-12-10", "--position", "5", ok=False)
    cli("case", "move", "77", "--to", DAY, ok=False)


def test_delete_refused_once_held_and_reasons_kept(cli, day) -> None:
    cli("case", "start-meeting", "1", "--at", "08:35")
    cli("case", "end", "1", "--at", "08:20", ok=False)  # before its start
    cli("case", "end", "1", ok=False)  # the clock (08:00) is before the meeting's start
    cli("case", "end", "1", "--at", "09:35")
    cli("case", "delete", "1", "--yes", ok=False)
    cli("day", "delete", DAY, "--yes", ok=False)
    cli("case", "absent", "1", "--held", "--reason", "ill")
    assert show(cli)["cases"][0]["status"] == "absent-held"
    cli("case", "absent", "2", "--reason", "forgot")
    cli("case", "cancel", "3", "--reason", "got a job")
    cli("case", "absent", "4", "--held", ok=False)
    cli("case", "delete", "5", "--yes")
    cli("case", "delete", "5", "--yes", ok=False)  # a deleted case id
    assert [c["status"] for c in show(cli)["cases"]] == [
        "absent-held",
        "absent",
        "cancelled",
        "planned",
    ]


def test_day_delete_needs_confirmation(cli, day) -> None:
    result = cli("day", "delete", DAY, ok=False)  # no --yes, no answer
    assert "Nothing deleted" in result.stderr
    cli("day", "delete", DAY, "--yes")
    cli("day", "show", DAY, ok=False)
