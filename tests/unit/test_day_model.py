"""The day's view model: plain frozen objects, read with a handful of queries, and readiness
that agrees with `case_readiness` case by case without writing anything."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from sqlmodel import SQLModel, func, select

from coordinator.domain.vocab import CaseStatus, ChallengeKind, DayStatus
from coordinator.store import preparation, roster_checks, timing
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.day_model import day_model, day_summaries, meeting_clock_feed
from coordinator.store.days import DayInput, create_day, list_days, load_day
from coordinator.store.models import Preparation
from coordinator.store.readiness import case_readiness, day_readiness
from tests.conftest import TEST_DAY
from tests.statements import statements

pytestmark = pytest.mark.both_engines


def at(hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return datetime(TEST_DAY.year, TEST_DAY.month, TEST_DAY.day, int(hours), int(minutes))


def _demo_day_id(store) -> int:
    return list_days(store)[0][0].id


def _old_screen_load(store, day_id: int, now: datetime) -> None:
    """What the day screen read after every key before the view model."""
    view = load_day(store, day_id, now)
    for row in view.cases:
        roster_checks.check(store, row.case.id, now)
        preparation.is_complete(store, row.case.id)


def _forms(store) -> int:
    with store.session() as session:
        return session.exec(select(func.count()).select_from(Preparation)).one()


def test_day_readiness_agrees_with_case_readiness_and_writes_nothing(demo_store) -> None:
    store = demo_store
    day_id = _demo_day_id(store)
    # A second day on the same date books the demo's job broker at case 1's time.
    other = create_day(store, DayInput(date=TEST_DAY, start=at("08:30").time()))
    first = load_day(store, day_id).cases[0]
    add_case(store, CaseInput(day_id=other.id, citizen="Eva Dahl", jobbroker=first.jobbroker.name))
    forms = _forms(store)
    batched = day_readiness(store, day_id, at("08:00"))
    assert _forms(store) == forms, "reading readiness created no preparation forms"
    ids = [row.case.id for row in load_day(store, day_id).cases]
    assert sorted(batched) == sorted(ids)
    for case_id in ids:
        one = case_readiness(store, case_id, at("08:00"))
        assert batched[case_id] == one, case_id
    assert "double-booked" in {f.code for f in batched[ids[0]].findings}


def test_the_day_model_is_plain_and_parsed(demo_store) -> None:
    store = demo_store
    day_id = _demo_day_id(store)
    model = day_model(store, day_id, at("08:00"))
    assert model.status is DayStatus.PLANNED
    assert model.coordinator == "Lene Holm"
    assert len(model.cases) == 5
    for case in model.cases:
        assert case.status is CaseStatus.PLANNED
        assert all(isinstance(kind, ChallengeKind) for kind in case.challenges)
        assert isinstance(case.challenges, tuple)
        assert case.readiness is not None
    with_rows = [
        (type(obj).__name__, name)
        for obj in (model, *model.cases)
        for name, value in vars(obj).items()
        if isinstance(value, SQLModel)
    ]
    assert not with_rows
    assert dataclasses.is_dataclass(model) and model.__dataclass_params__.frozen  # type: ignore[attr-defined]
    summaries = day_summaries(store)
    assert [(s.id, s.cases, s.status) for s in summaries] == [(day_id, 5, DayStatus.PLANNED)]


def test_a_day_is_read_with_a_handful_of_statements(demo_store) -> None:
    store = demo_store
    day_id = _demo_day_id(store)
    now = at("08:00")
    _old_screen_load(store, day_id, now)  # creates the missing forms, as the old screen did
    with statements(store) as old:
        _old_screen_load(store, day_id, now)
    with statements(store) as new:
        day_model(store, day_id, now)
    print(f"\nday-screen load, 5 cases: {len(old)} SQL statements before, {len(new)} now")
    # 15, one for when the material went out, two for consent (the citizens', the rule).
    assert len(new) <= 18
    # More cases cost no more statements.
    for name in ("Ny Borger", "Anden Borger"):
        add_case(store, CaseInput(day_id=day_id, citizen=name))
    with statements(store) as more:
        day_model(store, day_id, now)
    assert len(more) == len(new)


def test_the_meeting_clock_feed(demo_store, clock) -> None:
    store = demo_store
    day_id = _demo_day_id(store)
    case_id = day_model(store, day_id).cases[0].id
    feed = meeting_clock_feed(store, case_id, at("08:00"))
    assert feed.phase is None and feed.meeting is not None
    assert f"{feed.meeting.start:%H:%M}" == "08:45"
    clock.set(at("08:30"))
    timing.start_pre_meeting(store, case_id)
    feed = meeting_clock_feed(store, case_id, at("08:40"))
    assert feed.phase is not None and feed.phase.phase == "pre-meeting"
    assert meeting_clock_feed(store, 9999, at("08:40")) == type(feed)(None, None)


def test_upcoming_cases_are_the_palettes_cases_of_today_and_later(store) -> None:
    """What the palette offers: the cases of today and later, by day and position, named as
    `list_days` + `load_day` name them."""
    from datetime import timedelta

    from coordinator.store.day_model import upcoming_cases

    past = create_day(store, DayInput(date=TEST_DAY - timedelta(days=1)))
    later = create_day(store, DayInput(date=TEST_DAY + timedelta(days=7)))
    today = create_day(store, DayInput(date=TEST_DAY))
    for day, names in ((past, ["Old"]), (later, ["Cia", "Dan"]), (today, ["Ann", "Bo"])):
        for name in names:
            add_case(store, CaseInput(day_id=day.id, citizen=name))
    found = [(c.date, c.position, c.citizen) for c in upcoming_cases(store, TEST_DAY)]
    expected = [
        (day.date, row.case.position, row.citizen.name)
        for day, _count in list_days(store)
        if day.date >= TEST_DAY
        for row in load_day(store, day.id).cases
    ]
    assert found == expected
    assert [name for _d, _p, name in found] == ["Ann", "Bo", "Cia", "Dan"]
