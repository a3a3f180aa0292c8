"""Status changes of the running day, stamped with the store's (fixed) clock."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from coordinator.demo import create_demo
from coordinator.store import timing
from coordinator.store.audit import recent
from coordinator.store.cases import get_case
from coordinator.store.days import day_json, load_day, resolve_day
from coordinator.store.errors import Invalid
from coordinator.store.models import Case, StepUpDay
from tests.conftest import TEST_DAY

pytestmark = pytest.mark.both_engines


def at(hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return datetime(TEST_DAY.year, TEST_DAY.month, TEST_DAY.day, int(hours), int(minutes))


@pytest.fixture(autouse=True)
def english() -> None:
    from coordinator.i18n import set_language

    set_language("en")


@pytest.fixture
def day(demo_store):
    """(store, day id, case ids in agenda order) of the demo day."""
    result = create_demo(demo_store)
    with demo_store.session() as session:
        cases = session.exec(
            select(Case).where(Case.day_id == result.day_id).order_by(Case.position)
        ).all()
    return demo_store, result.day_id, [c.id for c in cases]


def day_status(store, day_id) -> str:
    with store.session() as session:
        return session.get(StepUpDay, day_id).status


def test_a_case_runs_through_its_phases_with_the_clock(day, clock) -> None:
    store, day_id, ids = day
    clock.set(at("08:31"))
    timing.start_pre_meeting(store, ids[0])
    assert day_status(store, day_id) == "running"
    clock.set(at("08:46"))
    timing.start_meeting(store, ids[0])
    clock.set(at("09:33"))
    case = timing.end_meeting(store, ids[0])
    assert (case.status, case.pre_started_at, case.meeting_started_at, case.ended_at) == (
        "done",
        at("08:31"),
        at("08:46"),
        at("09:33"),
    )
    actions = [e.action for e in recent(store, 10) if e.entity == "case"]
    assert {"start-pre-meeting", "start-meeting", "end-meeting"} <= set(actions)


def test_advance_follows_the_progression(day, clock) -> None:
    store, _day_id, ids = day
    assert timing.advance(store, ids[0]).status == "pre-meeting"
    assert timing.advance(store, ids[0]).status == "meeting"
    assert timing.advance(store, ids[0]).status == "done"
    with pytest.raises(Invalid, match="cannot"):
        timing.advance(store, ids[0])


def test_only_one_case_runs_at_a_time(day) -> None:
    store, _day_id, ids = day
    timing.start_meeting(store, ids[0])
    with pytest.raises(Invalid, match="Case 1"):
        timing.start_meeting(store, ids[1])
    with pytest.raises(Invalid):
        timing.start_pre_meeting(store, ids[1])


def test_invalid_transitions_are_refused_with_a_reason(day) -> None:
    store, _day_id, ids = day
    with pytest.raises(Invalid, match="no meeting running"):
        timing.end_meeting(store, ids[0])
    timing.start_pre_meeting(store, ids[0])
    with pytest.raises(Invalid, match="no meeting running"):
        timing.end_meeting(store, ids[0])
    with pytest.raises(Invalid):
        timing.start_pre_meeting(store, ids[0])


def test_messages_are_translated(day) -> None:
    from coordinator.i18n import set_language

    store, _day_id, ids = day
    set_language("da")
    with pytest.raises(Invalid, match="Sag 1 har intet møde"):
        timing.end_meeting(store, ids[0])


def test_starting_the_meeting_directly_skips_the_pre_meeting(day, clock) -> None:
    store, _day_id, ids = day
    clock.set(at("08:40"))
    case = timing.start_meeting(store, ids[0])
    assert case.pre_started_at == case.meeting_started_at == at("08:40")


def test_absent_and_cancelled_cases_finish_the_day(day, clock) -> None:
    store, day_id, ids = day
    timing.start_pre_meeting(store, ids[0])
    clock.set(at("08:40"))
    absent = timing.mark_absent(store, ids[0])
    assert (absent.status, absent.ended_at) == ("absent", at("08:40"))
    for case_id in ids[1:4]:
        timing.cancel_case(store, case_id)
    assert day_status(store, day_id) == "running"
    timing.start_meeting(store, ids[4])
    timing.end_meeting(store, ids[4])
    assert day_status(store, day_id) == "finished"
    with pytest.raises(Invalid):
        timing.cancel_case(store, ids[4])
    with pytest.raises(Invalid):
        timing.mark_absent(store, ids[4])


def test_moving_swaps_citizens_but_not_slots(day) -> None:
    store, day_id, ids = day
    before = load_day(store, day_id)
    first_slot = before.slot(ids[0]).planned
    timing.move_case(store, ids[1], -1)
    after = load_day(store, day_id)
    assert [row.case.id for row in after.cases][:2] == [ids[1], ids[0]]
    assert after.slot(ids[1]).planned == first_slot
    with pytest.raises(Invalid, match="cannot move further"):
        timing.move_case(store, ids[1], -1)
    timing.start_pre_meeting(store, ids[1])
    with pytest.raises(Invalid):
        timing.move_case(store, ids[0], -1)


def test_pull_forward_closes_a_cancelled_gap(day, clock) -> None:
    store, day_id, ids = day
    timing.cancel_case(store, ids[1])
    preview = timing.pull_forward(store, day_id, apply=False)
    assert [m.case_id for m in preview] == ids[2:]
    assert get_case(store, ids[2]).planned_start is None
    moves = timing.pull_forward(store, day_id)
    assert [(m.citizen, m.old_start, m.new_start) for m in moves] == [
        ("Ali Hassan", at("10:30"), at("09:30")),
        ("Birgitte Olsen", at("12:00"), at("10:30")),  # now fits before lunch
        ("Kasper Møller", at("13:00"), at("12:00")),
    ]
    assert load_day(store, day_id).slot(ids[2]).planned_start == at("09:30")
    assert timing.pull_forward(store, day_id) == []
    # The participants were invited for the old times: the day shows the change.
    moved = {c["id"]: c.get("moved_from") for c in day_json(load_day(store, day_id))["cases"]}
    assert moved == {ids[0]: None, ids[1]: None, ids[2]: "10:30", ids[3]: "12:00", ids[4]: "13:00"}


def test_a_case_pulled_forward_twice_keeps_the_time_first_invited(day, clock) -> None:
    store, day_id, ids = day
    timing.cancel_case(store, ids[3])
    timing.pull_forward(store, day_id)
    assert get_case(store, ids[4]).moved_from == at("13:00")
    timing.cancel_case(store, ids[2])
    timing.pull_forward(store, day_id)
    assert get_case(store, ids[4]).moved_from == at("13:00")
    assert get_case(store, ids[4]).planned_start < at("12:00")
    # Once held, the old invitation time no longer matters.
    timing.start_pre_meeting(store, ids[4])
    assert "moved_from" not in day_json(load_day(store, day_id))["cases"][4]


def test_overrun_moves_the_rest_of_the_day_in_day_show_json(day, clock) -> None:
    store, day_id, ids = day
    assert "predicted_end" not in day_json(load_day(store, day_id, clock.now()))
    clock.set(at("08:30"))
    timing.start_pre_meeting(store, ids[0])
    clock.set(at("08:45"))
    timing.start_meeting(store, ids[0])
    clock.set(at("09:40"))  # ten minutes over
    timing.end_meeting(store, ids[0])
    document = day_json(load_day(store, resolve_day(store, TEST_DAY.isoformat()).id, clock.now()))
    # new days float their lunch: it moves ten minutes and so does the end (a fixed lunch
    # would push case 3 past it and end at 15:00; see test_breaks_properties)
    assert document["predicted_end"] == "14:10"
    assert document["end"] == "14:00"
    second = document["cases"][1]
    assert second["predicted"]["meeting"] == {"start": "09:55", "end": "10:40"}
    assert second["meeting"] == {"start": "09:45", "end": "10:30"}
