"""`agreement finalise` and due dates before the meeting (issue 21, item 20), on SQLite and
PostgreSQL: an item agreed at this meeting with an earlier date is refused in one line naming
it (exit 1, nothing changed); an item carried over from the first conversation with a date
before the second meeting is a note naming it, and the agreement is final."""

from __future__ import annotations

import json
from datetime import date

import pytest

from coordinator.store import second_conversation
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from tests.conftest import TEST_DAY

DAY = TEST_DAY.isoformat()

pytestmark = pytest.mark.both_engines


def status(cli, case_id: str) -> str:
    return json.loads(cli("agreement", "show", case_id, "--json").stdout)["status"]


def item(cli, case_id: str, due: str) -> None:
    cli(
        "agreement", "item", case_id, "--kind", "support", "--text", "Følg med",
        "--responsible", "citizen", "--due", due,
    )  # fmt: skip


def test_a_due_date_before_the_meeting_is_refused_in_one_line(cli) -> None:
    cli("day", "create", DAY)
    case = json.loads(cli("case", "add", DAY, "--citizen", "Mads", "--json").stdout)
    cid = str(case["id"])
    cli("agreement", "set", cid, "--job-goal", "Kok", "--goal-date", "2027-02-01")
    item(cli, cid, "2020-01-15")
    result = cli("agreement", "finalise", cid, ok=False)
    assert "15.01.2020" in result.stderr and "before the meeting" in result.stderr
    assert status(cli, cid) == "draft"


def test_a_carried_item_dated_before_the_second_meeting_is_a_note(cli, db_url, clock) -> None:
    cli("day", "create", DAY)
    case = json.loads(cli("case", "add", DAY, "--citizen", "Mads", "--json").stdout)
    cid = str(case["id"])
    cli("agreement", "set", cid, "--job-goal", "Kok", "--goal-date", "2027-02-01")
    item(cli, cid, "2026-12-10")
    cli("agreement", "finalise", cid)
    store = Store.open(db_url, clock=clock, actor="test")
    try:
        later = create_day(store, DayInput(date=date(2027, 1, 5)))
        second = str(
            second_conversation.schedule_second_conversation(store, int(cid), later.id or 0).id
        )
    finally:
        store.close()
    result = cli("agreement", "finalise", second)
    assert "carried over with the date 10.12.2026" in result.stdout
    assert status(cli, second) == "final"
