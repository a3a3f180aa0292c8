"""Deleting a case or a day and undoing it (store/tombstones.py through the store's delete
functions), on SQLite and PostgreSQL: undo puts back every row as it was, the confirmation's
preview counts what goes and changes nothing, a held meeting refuses, a referral returns to
the queue and is planned again on undo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

from coordinator.domain.vocab import ChallengeKind
from coordinator.store import timing
from coordinator.store.case_edits import case_details, delete_case
from coordinator.store.cases import get_case
from coordinator.store.day_edits import delete_day, preview_delete, undo_delete
from coordinator.store.days import DayInput, create_day
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.referrals import ReferralInput, add_referral, list_referrals, plan_referral
from tests.conftest import TEST_DAY
from tests.ui.test_day_screen import case_ids

pytestmark = pytest.mark.both_engines

#: Tables a delete or an undo writes to on purpose besides the rows deleted.
_LOGS = {"auditevent"}
#: Columns a delete and its undo change on purpose: the cases after a deleted one close up and
#: open again (their numbers come back; their row versions move on, two writes later).
_WRITTEN = {"case": {"row_version"}}


def dump(store) -> dict[str, list[tuple]]:
    """Every row of every table but the logs, sorted: the database's content to compare."""
    with store.session() as session:
        found = {}
        for table in SQLModel.metadata.sorted_tables:
            if table.name in _LOGS:
                continue
            skip = _WRITTEN.get(table.name, set())
            columns = [c for c in table.columns if c.name not in skip]
            rows = [tuple(row) for row in session.execute(select(*columns))]
            found[table.name] = sorted(rows, key=repr)
        return found


def test_deleting_a_case_and_undoing_it_puts_every_row_back(demo_store) -> None:
    store = demo_store
    first = case_ids(store)[0]  # the demo's prepared case: roster, preparation, agreement draft
    before = dump(store)
    preview = preview_delete(store, "case", first)
    assert dump(store) == before, "the preview changed nothing"
    assert preview.refused == ""
    assert preview.count("case") == 1
    assert preview.count("rosterentry") >= 3
    assert preview.count("preparation") == 1
    assert preview.count("agreement") == 1
    tombstone = delete_case(store, first)
    assert dict(preview.counts) == {name: tombstone.count(name) for name in dict(preview.counts)}, (
        "the preview counts what the delete removes"
    )
    assert first not in case_ids(store)
    with pytest.raises(NotFound):
        case_details(store, first)
    undo_delete(store, tombstone)
    assert dump(store) == before


def test_deleting_a_day_and_undoing_it_puts_every_row_back(demo_store) -> None:
    store = demo_store
    day_id = 1
    before = dump(store)
    preview = preview_delete(store, "day", day_id)
    assert preview.count("case") == len(case_ids(store))
    tombstone = delete_day(store, day_id)
    after = dump(store)
    assert after["stepupday"] == [] and after["case"] == [] and after["rosterentry"] == []
    undo_delete(store, tombstone)
    assert dump(store) == before


def test_a_held_meeting_refuses_the_delete_of_its_case_and_day(demo_store) -> None:
    store = demo_store
    first = case_ids(store)[0]
    timing.start_meeting(store, first)
    timing.end_meeting(store, first)
    assert preview_delete(store, "case", first).refused
    assert preview_delete(store, "day", 1).refused
    before = dump(store)
    with pytest.raises(Invalid):
        delete_case(store, first)
    with pytest.raises(Invalid):
        delete_day(store, 1)
    assert dump(store) == before
    second = case_ids(store)[1]
    undo_delete(store, delete_case(store, second))  # a case not held still goes (and returns)
    assert second in case_ids(store)


def test_a_planned_referral_returns_to_the_queue_and_back(store) -> None:
    day = create_day(store, DayInput(TEST_DAY + timedelta(days=7), breaks=()))
    referral = add_referral(store, ReferralInput("Lone Skov", (ChallengeKind.HEALTH,)))
    case_id = plan_referral(store, referral.id, day.id or 0)
    tombstone = delete_case(store, case_id)
    waiting = {r.id: r for r in list_referrals(store)}
    assert referral.id in waiting, "the referral waits again"
    undo_delete(store, tombstone)
    assert referral.id not in {r.id for r in list_referrals(store)}
    assert case_details(store, case_id).challenges == (ChallengeKind.HEALTH,)


def test_an_undo_whose_day_is_gone_is_refused_and_changes_nothing(demo_store) -> None:
    store = demo_store
    case_tomb = delete_case(store, case_ids(store)[0])
    delete_day(store, 1)
    before = dump(store)
    with pytest.raises(Invalid):
        undo_delete(store, case_tomb)
    assert dump(store) == before


def test_a_missing_case_or_day_is_not_found(store) -> None:
    with pytest.raises(NotFound):
        preview_delete(store, "case", 999)
    with pytest.raises(NotFound):
        preview_delete(store, "day", 999)
    with pytest.raises(NotFound):
        delete_case(store, 999)


def _invite(store, case_id: int) -> None:
    from coordinator.store.models import InvitationState

    with store.session() as session:
        session.add(InvitationState(case_id=case_id, part="meeting", updated_at=store.now()))


def _starts(store, day_id: int = 1) -> dict[int, str]:
    from coordinator.store.day_model import day_model

    model = day_model(store, day_id)
    schedule = model.schedule()
    return {c.id: f"{schedule.slot(c.id).planned_start:%H:%M}" for c in model.cases}


def test_invited_cases_keep_their_times_when_an_earlier_case_leaves(demo_store) -> None:
    """Deleting (or moving away) case 2 leaves a gap before an invited case 4, as a cancel
    does; the uninvited case 3 closes up. A case moved onto a day marks the invited cases it
    pushes later as moved."""
    store = demo_store
    ids = case_ids(store)
    _invite(store, ids[3])
    before = _starts(store)
    tombstone = delete_case(store, ids[1])
    after = _starts(store)
    assert after[ids[2]] < before[ids[2]], "not invited: closes up"
    assert after[ids[3]] == before[ids[3]], "invited: keeps the time it was told"
    undo_delete(store, tombstone)
    assert _starts(store) == before

    from coordinator.store.case_edits import move_case_to_day
    from coordinator.store.cases import CaseInput, add_case

    other = create_day(store, DayInput(TEST_DAY + timedelta(days=1), breaks=())).id
    told = add_case(store, CaseInput(day_id=other, citizen="Lone Skov")).id
    _invite(store, told)
    move_case_to_day(store, ids[1], other, position=1)
    assert _starts(store)[ids[3]] == before[ids[3]], "the invited case keeps its time"
    assert get_case(store, told).moved_from is not None, "pushed later: marked moved"
