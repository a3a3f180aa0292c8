"""Batching (domain): the depth-first search gives the same best order as trying every order
with the real schedule (`build_schedule`), and it never moves what must stay."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator.domain.batching import BatchCase, BatchError, evaluate, propose
from coordinator.domain.breaks import Break, BreakPolicy
from coordinator.domain.schedule import CaseTiming, DayPlan, build_schedule
from coordinator.domain.vocab import CaseStatus

DAY = date(2026, 12, 3)
PEOPLE = ("nurse", "psychologist", "caseworker", "mentor")


def plan(breaks: bool = True) -> DayPlan:
    return DayPlan(
        DAY,
        time(8, 30),
        15,
        45,
        (Break(time(11, 30), time(12, 0)),) if breaks else (),
        BreakPolicy.FLOATING,
    )


def case(case_id: int, *people: str, **timing) -> BatchCase:
    return BatchCase(
        CaseTiming(case_id, timing.pop("status", CaseStatus.PLANNED), **timing),
        frozenset(people),
        frozenset(people),
        timing.pop("invited", False) if "invited" in timing else False,
    )


def oracle(day: DayPlan, cases: list[BatchCase]) -> tuple[tuple[int, ...], int]:
    """Every order (fixed cases in place), timed by `build_schedule`, scored from scratch."""
    told = {
        s.case_id: s.planned_start for s in build_schedule(day, [c.timing for c in cases]).slots
    }
    free = [i for i, c in enumerate(cases) if c.movable]
    best = None
    for chosen in itertools.permutations(free):
        order = list(range(len(cases)))
        for position, index in zip(free, chosen, strict=True):
            order[position] = index
        ordered = [cases[i] for i in order]
        slots = build_schedule(day, [c.timing for c in ordered]).slots
        if any(
            c.invited and c.movable and s.planned_start != told[c.case_id]
            for c, s in zip(ordered, slots, strict=True)
        ):
            continue
        spans: dict[str, list[datetime]] = {}
        runs: dict[str, list[int]] = {}
        for index, (c, s) in enumerate(zip(ordered, slots, strict=True)):
            if not s.held:
                continue
            for person in c.pre_people | c.meeting_people:
                first = s.planned_pre.start if person in c.pre_people else s.planned_pre.end
                last = s.planned_meeting.end if person in c.meeting_people else s.planned_pre.end
                span = spans.setdefault(person, [first, last])
                span[0], span[1] = min(span[0], first), max(span[1], last)
                runs.setdefault(person, []).append(index)
        presence = sum(int((b - a) / timedelta(minutes=1)) for a, b in spans.values())
        blocks = sum(
            1 + sum(1 for x, y in itertools.pairwise(r) if y != x + 1) for r in runs.values()
        )
        end = max((s.planned_end for s in slots), default=day.start_at)
        moved = sum(1 for p, i in enumerate(order) if p != i)
        key = (presence, blocks, end, moved, tuple(order))
        if best is None or key < best:
            best = key
    assert best is not None
    return tuple(cases[i].case_id for i in best[4]), best[0]


@st.composite
def days(draw):
    count = draw(st.integers(0, 6))
    cases = []
    for number in range(1, count + 1):
        people = draw(st.frozensets(st.sampled_from(PEOPLE), max_size=3))
        pre_only = (
            draw(st.frozensets(st.sampled_from(sorted(people)), max_size=1))
            if people
            else frozenset()
        )
        status = draw(
            st.sampled_from([CaseStatus.PLANNED] * 4 + [CaseStatus.CANCELLED, CaseStatus.DONE])
        )
        minutes = draw(st.sampled_from([None, None, 30, 75]))
        timing = CaseTiming(number, status, meeting_minutes=minutes)
        if status is CaseStatus.DONE:
            timing = CaseTiming(
                number,
                status,
                meeting_minutes=minutes,
                pre_started_at=datetime.combine(DAY, time(8, 30)),
                meeting_started_at=datetime.combine(DAY, time(8, 45)),
                ended_at=datetime.combine(DAY, time(9, 30)),
            )
        cases.append(
            BatchCase(
                timing, people, people - pre_only, invited=draw(st.booleans()) and number % 3 == 0
            )
        )
    return plan(draw(st.booleans())), cases


@settings(max_examples=60, deadline=None)
@given(days())
def test_the_search_finds_what_trying_every_order_finds(day) -> None:
    day_plan, cases = day
    proposal = propose(day_plan, cases)
    order, presence = oracle(day_plan, cases)
    assert proposal.order == order
    assert proposal.proposed.presence == presence
    assert proposal.proposed.presence <= proposal.now.presence


@settings(max_examples=60, deadline=None)
@given(days())
def test_cases_that_started_keep_their_place_and_invited_ones_their_time(day) -> None:
    day_plan, cases = day
    proposal = propose(day_plan, cases)
    by_id = {c.case_id: c for c in cases}
    ordered = [by_id[i] for i in proposal.order]
    for position, c in enumerate(cases):
        if not c.movable:
            assert proposal.order[position] == c.case_id
    before = {
        s.case_id: s.planned_start
        for s in build_schedule(day_plan, [c.timing for c in cases]).slots
    }
    after = build_schedule(day_plan, [c.timing for c in ordered]).slots
    for c, slot in zip(ordered, after, strict=True):
        if c.invited and c.movable:
            assert slot.planned_start == before[c.case_id]


def test_the_nurse_attends_two_cases_back_to_back() -> None:
    cases = [case(1, "nurse"), case(2), case(3), case(4), case(5, "nurse")]
    proposal = propose(plan(False), cases)
    now_nurse = dict(proposal.now.per_person)["nurse"]
    assert now_nurse == 5 * 60
    assert dict(proposal.proposed.per_person)["nurse"] == 2 * 60
    assert proposal.order == (1, 5, 3, 4, 2)  # a swap: the fewest cases move
    assert proposal.changes


def test_a_good_order_stays_as_it_is() -> None:
    cases = [case(1, "nurse"), case(2, "nurse"), case(3)]
    proposal = propose(plan(), cases)
    assert proposal.order == (1, 2, 3)
    assert not proposal.changes


def test_eight_cases_are_searched_exactly_and_nine_refused() -> None:
    people = ["a", "b", "c", "d", "a", "b", "c", "d"]
    cases = [case(i + 1, p) for i, p in enumerate(people)]
    proposal = propose(plan(False), cases)
    assert proposal.proposed.presence == 4 * 2 * 60
    assert evaluate(plan(False), cases).presence == 4 * 5 * 60
    with pytest.raises(BatchError):
        propose(plan(False), [*cases, case(9)])
