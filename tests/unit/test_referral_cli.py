"""`referral add|list|plan` on SQLite and PostgreSQL: the queue's order and waiting days, a
referral planned onto a day (its case carries the citizen, challenges and job broker), a
referral planned twice, a full day, and bad input -- each refused in one line, nothing changed."""

from __future__ import annotations

import json

import pytest

from tests.conftest import TEST_DAY

DAY = TEST_DAY.isoformat()

pytestmark = pytest.mark.both_engines


def queue(cli, *extra: str) -> dict:  # noqa: F811
    return json.loads(cli("referral", "list", "--json", *extra).stdout)


@pytest.fixture
def referred(cli) -> None:  # noqa: F811
    cli("people", "add", "Jonas Berg", "--profession", "jobbroker")
    cli("day", "create", DAY, "--break", "11:30-12:00")
    cli(
        "referral",
        "add",
        "--citizen",
        "Lone Skov",
        "--challenge",
        "health",
        "--referred-by",
        "Jonas Berg",
        "--reason",
        "Sygemeldt længe",
    )
    cli("referral", "add", "--citizen", "Ib Holm", "--urgent")


def test_add_and_list_urgent_first_with_the_free_days(cli, referred) -> None:  # noqa: F811
    document = queue(cli)
    assert [r["citizen"] for r in document["referrals"]] == ["Ib Holm", "Lone Skov"]
    lone = document["referrals"][1]
    assert lone["challenges"] == ["health"] and lone["referred_by"] == "Jonas Berg"
    assert lone["status"] == "waiting" and lone["waiting_days"] == 0
    assert document["free_days"][0]["date"] == DAY
    added = json.loads(cli("referral", "add", "--citizen", "Ole Bak", "--json").stdout)
    assert added["status"] == "waiting"
    assert "Room on" in cli("referral", "list").stdout


def test_plan_makes_the_case_and_twice_is_refused(cli, referred) -> None:  # noqa: F811
    lone = next(r for r in queue(cli)["referrals"] if r["citizen"] == "Lone Skov")
    out = cli("referral", "plan", str(lone["id"]), "--day", DAY).stdout
    assert "planned on" in out
    case = json.loads(cli("day", "show", DAY, "--json").stdout)["cases"][0]
    assert case["citizen"] == "Lone Skov" and case["challenges"] == ["health"]
    assert [r["citizen"] for r in queue(cli)["referrals"]] == ["Ib Holm"]
    planned = next(r for r in queue(cli, "--all")["referrals"] if r["id"] == lone["id"])
    assert planned["status"] == "planned" and planned["case"] == case["id"]
    cli("referral", "plan", str(lone["id"]), "--day", DAY, ok=False)
    assert len(json.loads(cli("day", "show", DAY, "--json").stdout)["cases"]) == 1


def test_a_full_day_and_bad_input_change_nothing(cli, referred) -> None:  # noqa: F811
    cli("settings", "set", "day_end", "09:30")
    cli("case", "add", DAY, "--citizen", "Mads")
    ib = queue(cli)["referrals"][0]
    result = cli("referral", "plan", str(ib["id"]), "--day", DAY, ok=False)
    assert "full" in result.stderr
    assert ib["id"] in [r["id"] for r in queue(cli)["referrals"]]
    cli("referral", "plan", "999", "--day", DAY, ok=False)
    cli("referral", "plan", str(ib["id"]), "--day", "2026-02-30", ok=False)
    cli("referral", "plan", str(ib["id"]), "--day", "2027-01-05", ok=False)
    cli("referral", "add", "--citizen", " ", ok=False)
    cli("referral", "add", "--citizen", "X", "--referred-by", "Nobody Here", ok=False)
    assert len(queue(cli)["referrals"]) == 2
