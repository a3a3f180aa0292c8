"""`day batch` and the store behind it, on SQLite and PostgreSQL: the proposal, applying it,
what never moves (a started case, an invited meeting's time), and bad input."""

from __future__ import annotations

import json

import pytest

from coordinator.store.batching import apply_order, propose_batch
from coordinator.store.errors import Invalid
from coordinator.store.invitations import sequences
from tests.conftest import TEST_DAY

DAY = TEST_DAY.isoformat()

pytestmark = pytest.mark.both_engines


@pytest.fixture
def day(cli) -> None:
    """Five cases; the nurse attends 1 and 5, the psychologist 2 and 4."""
    cli("people", "add", "Nina Holm", "--profession", "nurse")
    cli("people", "add", "Per Krag", "--profession", "psychologist")
    cli("day", "create", DAY, "--break", "11:30-12:00")
    for name in ("Mads", "Sara", "Ali", "Birgitte", "Emil"):
        cli("case", "add", DAY, "--citizen", name)
    for case, person in (("1", "Nina Holm"), ("5", "Nina Holm"), ("2", "Per Krag")):
        cli("roster", "add", case, person)
    cli("roster", "add", "4", "Per Krag", "--part", "pre")


def order(cli) -> list[int]:
    return [c["id"] for c in json.loads(cli("day", "show", DAY, "--json").stdout)["cases"]]


def test_batch_proposes_and_applies_only_when_asked(cli, day) -> None:
    proposal = json.loads(cli("day", "batch", DAY, "--json").stdout)
    assert proposal["day"] == 1
    assert proposal["order"][:2] == [1, 5]
    assert proposal["presence_minutes"]["proposed"] < proposal["presence_minutes"]["now"]
    assert proposal["applied"] is False
    assert order(cli) == [1, 2, 3, 4, 5]
    applied = json.loads(cli("day", "batch", "1", "--apply", "--json").stdout)
    assert applied["applied"] is True
    assert order(cli) == applied["order"]
    again = json.loads(cli("day", "batch", DAY, "--json").stdout)
    assert again["order"] == applied["order"]
    assert again["presence_minutes"]["now"] == again["presence_minutes"]["proposed"]
    text = cli("day", "batch", DAY).stdout
    assert "already the best" in text


def test_a_started_case_keeps_its_place(cli, day) -> None:
    cli("case", "start-pre", "1", "--at", "08:30")
    cli("day", "batch", DAY, "--apply")
    assert order(cli)[0] == 1


def test_an_invited_meetings_time_is_kept(cli, day, store) -> None:
    before = json.loads(cli("day", "show", DAY, "--json").stdout)["cases"]
    sequences(store, {(5, "meeting"): "sent"})
    proposal = json.loads(cli("day", "batch", DAY, "--apply", "--json").stdout)
    assert proposal["kept_invited"] == [5]
    after = json.loads(cli("day", "show", DAY, "--json").stdout)["cases"]
    start = {c["id"]: c["pre_meeting"]["start"] for c in before}
    assert next(c for c in after if c["id"] == 5)["pre_meeting"]["start"] == start[5]


def test_a_stale_order_is_refused_and_nothing_changes(cli, day, store) -> None:
    view = propose_batch(store, 1)
    cli("case", "add", DAY, "--citizen", "Nyt Navn")
    with pytest.raises(Invalid):
        apply_order(store, 1, view.order)
    assert order(cli) == [1, 2, 3, 4, 5, 6]


def test_bad_input_is_one_line(cli, day) -> None:
    cli("day", "batch", "2026-02-30", ok=False)
    cli("day", "batch", "2027-01-05", ok=False)
    cli("day", "batch", "99", ok=False)
