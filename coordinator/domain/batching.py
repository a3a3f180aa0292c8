"""Batching a day: the order of its cases that keeps each professional present as briefly as
possible ("Brug for alle": each professional attends only the cases that concern them).

**What is measured.** A professional is present from the start of the first part they attend
(pre-meeting or meeting) to the end of the last one. Between two of their cases they wait: a
gap of one or two cases is too short to go back to other work, so the whole span counts. The
day's *presence minutes* are these spans summed over the professionals, taken from the planned
times (what everyone is told). The nurse who attends cases 2 and 3 is present two cases long;
attending cases 1 and 5 she is present five. Among orders with the same presence the one with
fewer blocks (runs of a professional's consecutive cases) wins, then the earlier planned end,
then the one that moves the fewest cases (the current order wins every tie it can).

**What may move.** A case that has started, ended, was cancelled or whose citizen was absent
keeps its place. A case whose invitations went out keeps its planned start: an order is only
allowed when every such case starts exactly when its participants were told.

**Why exhaustive search is enough.** A day holds four to seven cases between 08:30 and 15:30;
eight cases that may move have 8! = 40,320 orders, which a depth-first search with a simple
bound (a professional's span only grows as cases are added) walks in well under a second, and
it is *exact*: no heuristic, so the proposal is the best order, not a good one. Days with more
movable cases are refused rather than answered approximately.

Pure: plain dataclasses in, plain dataclasses out. Planned times follow the same rules as
`coordinator.domain.schedule` (back to back, never across a break, frozen starts honoured
when later), and a test compares them with `build_schedule` for every order.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from coordinator.domain.breaks import break_intervals, fit
from coordinator.domain.schedule import NOT_HELD, CaseTiming, DayPlan, case_minutes
from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import _

__all__ = [
    "MAX_MOVABLE",
    "BatchCase",
    "BatchError",
    "Proposal",
    "evaluate",
    "propose",
    "starts_kept",
]

#: The most cases that may move for which the search is run (8! = 40,320 orders).
MAX_MOVABLE = 8


class BatchError(ValueError):
    """No proposal can be made; the message is translated and meant for users."""


@dataclass(frozen=True)
class BatchCase:
    """One case of the day: its timing and who of the professionals attends which part."""

    timing: CaseTiming
    pre_people: frozenset[Hashable] = frozenset()
    meeting_people: frozenset[Hashable] = frozenset()
    #: True when participants were invited: the case's planned start may not change.
    invited: bool = False

    @property
    def case_id(self) -> int:
        return self.timing.case_id

    @property
    def movable(self) -> bool:
        return self.timing.status is CaseStatus.PLANNED


@dataclass(frozen=True)
class Score:
    """How good one order is; smaller is better, compared field by field."""

    presence: int
    blocks: int
    end: datetime
    per_person: tuple[tuple[Hashable, int], ...]


@dataclass(frozen=True)
class Proposal:
    """The best order found and how it compares with the current one."""

    order: tuple[int, ...]
    now: Score
    proposed: Score

    @property
    def changes(self) -> bool:
        return self.proposed.presence < self.now.presence or (
            self.proposed.presence == self.now.presence and self.proposed.blocks < self.now.blocks
        )


def _planned_starts(plan: DayPlan, cases: Sequence[BatchCase]) -> list[tuple[datetime, int, int]]:
    """(start, pre minutes, meeting minutes) of each case in this order, as `_planned` in the
    schedule computes them."""
    breaks = break_intervals(plan.date, plan.breaks)
    natural = floor = plan.start_at
    result = []
    for case in cases:
        pre, meeting = case_minutes(plan, case.timing)
        frozen = case.timing.planned_start
        earliest = natural if frozen is None else max(frozen, floor)
        start = fit(earliest, timedelta(minutes=pre + meeting), breaks)
        end = start + timedelta(minutes=pre + meeting)
        result.append((start, pre, meeting))
        natural = max(natural, end)
        if case.timing.status not in NOT_HELD:
            floor = end
    return result


def evaluate(plan: DayPlan, cases: Sequence[BatchCase]) -> Score:
    """The score of the cases in the order given."""
    spans: dict[Hashable, list[datetime]] = {}
    last_index: dict[Hashable, int] = {}
    blocks = 0
    end = plan.start_at
    for index, (case, (start, pre, meeting)) in enumerate(
        zip(cases, _planned_starts(plan, cases), strict=True)
    ):
        middle = start + timedelta(minutes=pre)
        finish = middle + timedelta(minutes=meeting)
        end = max(end, finish)
        if case.timing.status in NOT_HELD:
            continue
        for person in case.pre_people | case.meeting_people:
            first = start if person in case.pre_people else middle
            last = finish if person in case.meeting_people else middle
            span = spans.setdefault(person, [first, last])
            span[0], span[1] = min(span[0], first), max(span[1], last)
            if last_index.get(person) != index - 1:
                blocks += 1
            last_index[person] = index
    per_person = tuple(
        sorted(
            ((p, int((b - a).total_seconds() // 60)) for p, (a, b) in spans.items()),
            key=lambda item: str(item[0]),
        )
    )
    return Score(sum(m for _p, m in per_person), blocks, end, per_person)


def _told(plan: DayPlan, cases: Sequence[BatchCase]) -> dict[int, datetime]:
    """The planned start of every case in the current order (what invitations said)."""
    return {
        c.case_id: s for c, (s, _p, _m) in zip(cases, _planned_starts(plan, cases), strict=True)
    }


def starts_kept(plan: DayPlan, current: Sequence[BatchCase], order: Sequence[BatchCase]) -> bool:
    told = _told(plan, current)
    return all(
        not (case.invited and case.movable) or start == told[case.case_id]
        for case, (start, _p, _m) in zip(order, _planned_starts(plan, order), strict=True)
    )


def _key(score: Score, moved: int, order: tuple[int, ...]) -> tuple:
    return (score.presence, score.blocks, score.end, moved, order)


def propose(plan: DayPlan, cases: Sequence[BatchCase]) -> Proposal:
    """The best order of `cases` (given in the current agenda order).

    Depth-first over the free places, filled from the cases that may move. Every part of the
    score only grows as cases are added (a span, the blocks, the day's end so far, the cases
    moved so far), so the score of a partial order is a lower bound of every order that
    completes it; a branch whose bound already loses to the best order found is cut. Raises
    BatchError past MAX_MOVABLE movable cases.
    """
    cases = list(cases)
    movable = [i for i, c in enumerate(cases) if c.movable]
    if len(movable) > MAX_MOVABLE:
        raise BatchError(
            _("The day has {count} cases that may move; batching handles up to {limit}.").format(
                count=len(movable), limit=MAX_MOVABLE
            )
        )
    now_score = evaluate(plan, cases)
    breaks = break_intervals(plan.date, plan.breaks)
    told = _told(plan, cases)
    identity = tuple(range(len(cases)))
    best: list[tuple] = [_key(now_score, 0, identity)]
    slots: list[int] = [0] * len(cases)

    def place(index: int, chosen: int, state: _State) -> _State | None:
        """The state after putting case `chosen` at `index`, or None when an invited start
        moves or the bound already loses."""
        case = cases[chosen]
        pre, meeting = case_minutes(plan, case.timing)
        frozen = case.timing.planned_start
        earliest = state.natural if frozen is None else max(frozen, state.floor)
        start = fit(earliest, timedelta(minutes=pre + meeting), breaks)
        if case.invited and case.movable and start != told[case.case_id]:
            return None
        middle = start + timedelta(minutes=pre)
        finish = middle + timedelta(minutes=meeting)
        after = _State(
            max(state.natural, finish),
            state.floor,
            state.spans,
            state.last,
            state.presence,
            state.blocks,
            state.moved + (chosen != index),
        )
        if case.timing.status not in NOT_HELD:
            after.floor = finish
            after.spans, after.last = dict(state.spans), dict(state.last)
            for person in case.pre_people | case.meeting_people:
                first = start if person in case.pre_people else middle
                last = finish if person in case.meeting_people else middle
                old = after.spans.get(person)
                new = (first, last) if old is None else (min(old[0], first), max(old[1], last))
                after.presence += _minutes(new) - _minutes(old)
                after.spans[person] = new
                if after.last.get(person) != index - 1:
                    after.blocks += 1
                after.last[person] = index
        bound = (after.presence, after.blocks, after.natural, after.moved)
        if bound > best[0][:4]:
            return None
        return after

    def walk(index: int, free: frozenset[int], state: _State) -> None:
        if index == len(cases):
            key = (state.presence, state.blocks, state.natural, state.moved, tuple(slots))
            if key < best[0]:
                best[0] = key
            return
        fixed = not cases[index].movable
        for chosen in [index] if fixed else sorted(free):
            after = place(index, chosen, state)
            if after is not None:
                slots[index] = chosen
                walk(index + 1, free if fixed else free - {chosen}, after)

    walk(0, frozenset(movable), _State(plan.start_at, plan.start_at, {}, {}, 0, 0, 0))
    ordered = [cases[i] for i in best[0][4]]
    assert starts_kept(plan, cases, ordered)
    return Proposal(tuple(c.case_id for c in ordered), now_score, evaluate(plan, ordered))


@dataclass
class _State:
    """Where the search stands after the first cases of an order."""

    natural: datetime  # the end of every slot so far (the day's end so far)
    floor: datetime  # the end of the last held slot
    spans: dict[Hashable, tuple[datetime, datetime]]
    last: dict[Hashable, int]  # each professional's last position so far
    presence: int
    blocks: int
    moved: int


def _minutes(span: tuple[datetime, datetime] | None) -> int:
    if span is None:
        return 0
    return int((span[1] - span[0]).total_seconds() // 60)
