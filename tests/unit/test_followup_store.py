"""After the day, in the store and on the command line: progress events on stable item ids,
the three-month outcome, F.I.T. ratings; bad input is one line and changes nothing."""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator import i18n
from coordinator.cli import app
from coordinator.domain.followup import OutcomeCategory, ProblemSolved, ProgressStatus, RatingKind
from coordinator.domain.vocab import ItemKind
from coordinator.store import agreements, second_conversation
from coordinator.store.days import DayInput, create_day
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.followup import followup_items
from coordinator.store.models import ItemProgress, Outcome, Rating
from coordinator.store.outcomes import outcome_of, outcomes_due, set_outcome
from coordinator.store.progress import item_history, record_progress
from coordinator.store.ratings import add_rating, ratings_of
from tests.conftest import TEST_DAY
from tests.followup_data import hold_meeting


@pytest.fixture(autouse=True)
def english() -> None:
    """The messages are checked in English (the suite resets to Danish afterwards)."""
    i18n.set_language("en")


pytestmark = pytest.mark.both_engines

LATER = TEST_DAY + timedelta(days=60)


@pytest.fixture
def held(store, clock):
    return hold_meeting(store, clock)


def _count(store, table) -> int:
    with store.session() as session:
        return len(session.exec(__import__("sqlmodel").select(table)).all())


def test_follow_up_lists_items_in_force_by_due_date(store, held) -> None:
    found = followup_items(store, LATER)
    assert [i.text for i in found] == ["Samtale om angst", "Følges første dag", "Søger tre jobs"]
    assert [i.overdue for i in found] == [46, 39, 0]
    assert found[0].citizen_initials == "M.E."
    assert [i.text for i in followup_items(store, LATER, person="helle")] == ["Samtale om angst"]
    assert len(followup_items(store, LATER, overdue_only=True)) == 2
    assert followup_items(store, LATER, case_id=held.case + 1) == []


def test_progress_is_a_history_and_closes_the_item(store, held) -> None:
    first = held.items[1]
    record_progress(store, first, ProgressStatus.STARTED, TEST_DAY + timedelta(days=10))
    record_progress(store, first, ProgressStatus.DONE, note="[b]gik godt[/b]")
    history = item_history(store, first)
    assert [e.status for e in history.events] == [ProgressStatus.STARTED, ProgressStatus.DONE]
    assert history.started_on == TEST_DAY + timedelta(days=10)
    assert history.done_on == LATER and history.last_note == "[b]gik godt[/b]"
    assert [i.id for i in followup_items(store, LATER)] == [held.items[0], held.items[2]]
    assert len(followup_items(store, LATER, include_closed=True)) == 3
    # The final agreement's wording and version are untouched.
    latest = agreements.latest(store, held.case)
    assert (latest.version, latest.status) == (1, "final")


def test_item_ids_are_stable_across_versions_and_conversations(store, held, clock) -> None:
    record_progress(store, held.items[0], ProgressStatus.STARTED)
    agreements.reopen(store, held.case)
    agreements.finalise(store, held.case)
    found = {i.id: i for i in followup_items(store, LATER)}
    assert set(found) == set(held.items), "the new version's rows keep the items' ids"
    assert found[held.items[0]].status is ProgressStatus.STARTED
    assert found[held.items[0]].row_id != held.items[0]
    # A second conversation carries the items on; the first case's are then not listed twice.
    later_day = create_day(store, DayInput(date=LATER))
    second = second_conversation.schedule_second_conversation(store, held.case, later_day.id)
    agreements.finalise(store, second.id)
    found = followup_items(store, LATER)
    assert {i.id for i in found} == set(held.items)
    assert {i.case_id for i in found} == {second.id}
    record_progress(store, held.items[0], ProgressStatus.DONE)  # the old id still works
    assert item_history(store, held.items[0]).case_id == second.id
    assert len(item_history(store, held.items[0]).events) == 2


def test_bad_progress_changes_nothing(store, held) -> None:
    with pytest.raises(Invalid, match="before the meeting"):
        record_progress(store, held.items[0], ProgressStatus.STARTED, TEST_DAY - timedelta(days=1))
    with pytest.raises(Invalid):
        record_progress(store, held.items[0], ProgressStatus.DROPPED)
    with pytest.raises(NotFound):
        record_progress(store, 999, ProgressStatus.DONE)
    draft = agreements.reopen(store, held.case)
    extra = agreements.add_item(store, held.case, ItemKind.ACTION, "Ny", "borger", LATER)
    with pytest.raises(Invalid, match="not in a final agreement"):
        record_progress(store, extra.id, ProgressStatus.STARTED)
    agreements.delete_item(store, extra.id)
    with pytest.raises(NotFound):
        record_progress(store, extra.id, ProgressStatus.STARTED)
    assert draft.version == 2
    assert _count(store, ItemProgress) == 0


def test_outcome_set_corrected_and_due(store, held, clock) -> None:
    assert outcomes_due(store, LATER) == []
    goal = TEST_DAY + timedelta(days=90)
    due = outcomes_due(store, goal)
    assert [(d.case_id, d.days_late) for d in due] == [(held.case, 0)]
    outcome = set_outcome(store, held.case, OutcomeCategory.INTERNSHIP, None, ProblemSolved.PARTLY)
    assert outcome.at_workplace and outcome.problem_solved is ProblemSolved.PARTLY
    set_outcome(store, held.case, OutcomeCategory.MAIN_MODEL)
    assert not outcome_of(store, held.case).at_workplace
    assert outcomes_due(store, goal) == []
    assert _count(store, Outcome) == 1
    with pytest.raises(Invalid, match="before the meeting"):
        set_outcome(store, held.case, OutcomeCategory.JOB, TEST_DAY - timedelta(days=1))
    with pytest.raises(NotFound):
        set_outcome(store, 999, OutcomeCategory.JOB)
    assert outcome_of(store, held.case).category is OutcomeCategory.MAIN_MODEL


def test_ratings_form_a_curve_and_flag_a_low_session(store, held) -> None:
    add_rating(store, held.case, RatingKind.OUTCOME, (4, 5, 5, 4.5), TEST_DAY)
    low = add_rating(store, held.case, RatingKind.SESSION, (9, 9, 9, 8.5), TEST_DAY)
    assert low.flagged and low.total == 35.5
    add_rating(store, held.case, RatingKind.OUTCOME, (6, 6.5, 7, 6.5))
    curve = ratings_of(store, held.case)
    assert [r.rated_on for r in curve] == [TEST_DAY, TEST_DAY, LATER]
    assert curve[-1].json()["scores"] == {
        "individually": 6,
        "interpersonally": 6.5,
        "socially": 7,
        "overall": 6.5,
    }
    with pytest.raises(Invalid):
        add_rating(store, held.case, RatingKind.SESSION, (11, 9, 9, 9))
    with pytest.raises(Invalid, match="before the meeting"):
        add_rating(store, held.case, RatingKind.SESSION, (9, 9, 9, 9), TEST_DAY - timedelta(1))
    assert _count(store, Rating) == 3


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def cli(db_url: str, clock):
    """Its own runner: a bad `--today` is a usage error (exit 2), which the shared `cli`
    (tests/conftest.py) does not accept as `ok=False`."""
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(
            app, ["--db", db_url, "--lang", "en", *args], obj=SimpleNamespace(clock=clock)
        )
        if ok:
            assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        return result

    return run


def test_cli_follow_up_progress_outcome_and_rating(cli, held) -> None:
    listed = json.loads(cli("followup", "list", "--json").stdout)
    assert [i["id"] for i in listed["items"]] == [held.items[1], held.items[0], held.items[2]]
    assert set(listed["items"][0]) >= {
        "id",
        "case",
        "citizen",
        "kind",
        "text",
        "responsible",
        "due",
        "status",
        "overdue",
    }
    assert listed["items"][0]["citizen"] == "M.E."
    assert (
        json.loads(cli("followup", "list", "--json", "--names").stdout)["items"][0]["citizen"]
        == "Mads Eriksen"
    )
    cli("item", "status", str(held.items[1]), "started", "--on", "2026-12-10")
    cli("item", "status", str(held.items[0]), "dropped", "--note", "flyttet")
    overdue = json.loads(cli("followup", "list", "--overdue", "--json").stdout)
    assert overdue["items"] == []
    mine = json.loads(cli("followup", "list", "--person", "Helle Nygaard", "--json").stdout)
    assert [(i["status"], i["started_on"]) for i in mine["items"]] == [("started", "2026-12-10")]
    text = cli("followup", "list", "--all").stdout
    assert "Dropped" in text and "M.E." in text
    out = json.loads(
        cli(
            "outcome",
            "set",
            str(held.case),
            "--category",
            "flexjob",
            "--problem-solved",
            "yes",
            "--json",
        ).stdout
    )
    assert out["at_workplace"] is True and out["problem_solved"] == "yes"
    assert (
        "ask the citizen"
        in cli("rating", "add", str(held.case), "--kind", "session", "--scores", "8,9,9,9").stdout
    )
    ratings = json.loads(cli("rating", "list", str(held.case), "--json").stdout)
    assert ratings["ratings"][0]["total"] == 35


@pytest.mark.parametrize(
    "args",
    [
        ("rating", "add", "{case}", "--kind", "session", "--scores", "8,9,9,11"),
        ("rating", "add", "{case}", "--kind", "session", "--scores", "8,9,9"),
        ("rating", "add", "{case}", "--kind", "mood", "--scores", "8,9,9,9"),
        (
            "rating",
            "add",
            "{case}",
            "--kind",
            "outcome",
            "--scores",
            "8,9,9,9",
            "--on",
            "2026-12-02",
        ),
        ("outcome", "set", "{case}", "--category", "pension"),
        ("outcome", "set", "{case}", "--category", "job", "--problem-solved", "maybe"),
        ("outcome", "set", "{case}", "--category", "job", "--on", "2026-12-01"),
        ("outcome", "set", "{case}", "--category", "job", "--on", "3/12"),
        ("item", "status", "{item}", "started", "--on", "2026-12-01"),
        ("item", "status", "{item}", "finished"),
        ("item", "status", "{item}", "dropped"),
        ("item", "status", "9999", "done"),
    ],
)
def test_cli_bad_input_is_one_line_and_changes_nothing(cli, held, store, args) -> None:
    filled = [a.format(case=held.case, item=held.items[0]) for a in args]
    result = cli(*filled, ok=False)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("coordinator: ")
    assert (_count(store, ItemProgress), _count(store, Outcome), _count(store, Rating)) == (0, 0, 0)


def test_today_option_moves_the_clock(cli, held) -> None:
    listed = json.loads(cli("--today", "2027-01-01", "followup", "list", "--json").stdout)
    assert [i["overdue"] for i in listed["items"]] == [15, 8, 0]
    bad = cli("--today", "next week", "followup", "list", ok=False)
    assert bad.exit_code == 2 and "--today" in bad.stderr


def test_export_tasks_writes_one_persons_calendar(cli, held, store, tmp_path) -> None:
    out = tmp_path / "helle.ics"
    cli("export", "tasks", "--person", "Helle", "--out", str(out))
    text = out.read_text()
    assert text.count("BEGIN:VEVENT") == 1
    from coordinator.store.settings import installation_id

    installation = installation_id(store)
    assert f"UID:{installation}-task-{held.items[1]}@stepup-coordinator" in text
    assert "M.E." in text and "Mads" not in text
