"""The day as the screens show it: plain frozen objects, and how a stored day and case become
the domain's plan and timing.

Nothing here imports SQLAlchemy, SQLModel or pydantic, and that is its reason to be a module of
its own: the store fills these from its rows (`store.day_model`), and the first look at today's
agenda (`store.day_glance`) fills them with `sqlite3` alone while those libraries still load,
so the app can show the day before the store is open. The mappers take anything with the
stored columns' names (a row of `store.models`, or the glance's plain record).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Literal, Protocol

from coordinator.domain.breaks import BreakPolicy
from coordinator.domain.material_rules import material_late
from coordinator.domain.schedule import Break, CaseTiming, DayPlan, Schedule, build_schedule
from coordinator.domain.vocab import CaseStatus, ChallengeKind, DayStatus

if TYPE_CHECKING:
    from coordinator.store.readiness import Readiness


class StoredDay(Protocol):
    """The columns of a stored step-up day that the day screen shows."""

    id: int | None
    date: date
    location: str
    status: str
    start_time: time
    pre_minutes: int
    meeting_minutes: int
    break_policy: str


class StoredBreak(Protocol):
    start: time
    end: time
    latest_start: time | None


class StoredCase(Protocol):
    """The columns of a stored case that the agenda shows."""

    id: int | None
    position: int
    citizen_id: int
    status: str
    status_reason: str
    moved_from: datetime | None
    meeting_minutes: int | None
    planned_start: datetime | None
    pre_started_at: datetime | None
    meeting_started_at: datetime | None
    ended_at: datetime | None


def challenge_kinds(stored: Iterable[str]) -> tuple[ChallengeKind, ...]:
    """A case's challenge kinds from their stored ids, in the vocabulary's order: the one
    reader of how they are stored."""
    found = set(stored)
    return tuple(kind for kind in ChallengeKind if kind.value in found)


def plan_of(day: StoredDay, breaks: list[StoredBreak]) -> DayPlan:
    """The pure-domain plan of a stored day."""
    return DayPlan(
        date=day.date,
        start=day.start_time,
        pre_minutes=day.pre_minutes,
        meeting_minutes=day.meeting_minutes,
        breaks=tuple(
            Break(b.start, b.end, b.latest_start) for b in sorted(breaks, key=lambda b: b.start)
        ),
        break_policy=BreakPolicy(day.break_policy),
    )


def timing_of(case: StoredCase) -> CaseTiming:
    """The pure-domain timing of a stored case."""
    return CaseTiming(
        case_id=case.id or 0,
        status=CaseStatus(case.status),
        meeting_minutes=case.meeting_minutes,
        planned_start=case.planned_start,
        pre_started_at=case.pre_started_at,
        meeting_started_at=case.meeting_started_at,
        ended_at=case.ended_at,
    )


@dataclass(frozen=True)
class AgendaCase:
    """One case on the agenda: who, what, its timing and how ready it is."""

    id: int
    position: int
    citizen: str
    challenges: tuple[ChallengeKind, ...]
    timing: CaseTiming
    #: The start the participants were invited to before a pull forward (None: never moved).
    moved_from: datetime | None = None
    readiness: Readiness | None = None
    #: The meeting material has not gone out and its deadline (two working days before the
    #: day) has come (`domain.material_rules`).
    material_late: bool = False
    #: Why the citizen was absent or the case cancelled, as typed ("" when not said).
    reason: str = ""

    @property
    def status(self) -> CaseStatus:
        return self.timing.status


@dataclass(frozen=True)
class DayModel:
    """A step-up day as the day screen shows it; the schedule is computed at a given now."""

    id: int
    date: date
    start: time
    location: str
    coordinator: str | None
    status: DayStatus
    plan: DayPlan
    cases: tuple[AgendaCase, ...]

    @property
    def timings(self) -> list[CaseTiming]:
        return [case.timing for case in self.cases]

    def schedule(self, now: datetime | None = None) -> Schedule:
        return build_schedule(self.plan, self.timings, now)

    def case(self, case_id: int) -> AgendaCase | None:
        return next((case for case in self.cases if case.id == case_id), None)

    def moved_from(self, case: AgendaCase, schedule: Schedule) -> datetime | None:
        """The start the participants of a planned case were invited to, when it has since
        been pulled forward to another time (they need to be told); else None."""
        if case.moved_from is None or case.status is not CaseStatus.PLANNED:
            return None
        return None if schedule.slot(case.id).planned_start == case.moved_from else case.moved_from

    def expect(self, case_id: int, change: Change, now: datetime) -> DayModel | None:
        """The day as it will be once `change` of the case is stored at `now` (the rules of
        `store.timing`), or None when the store will refuse it. The screen shows the change
        at once with this while the store writes it; the store's answer follows."""
        case = self.case(case_id)
        if case is None:
            return None
        status = case.status
        if change == "advance":
            change = _ADVANCE.get(status, "refused")
        others_run = any(c.status in _RUNNING for c in self.cases if c.id != case_id)
        old = case.timing
        if change == "start-pre" and status is CaseStatus.PLANNED and not others_run:
            new = replace(old, status=CaseStatus.PRE_MEETING, pre_started_at=now)
        elif change == "start-meeting" and status in _STARTABLE and not others_run:
            pre = now if status is CaseStatus.PLANNED else old.pre_started_at
            new = replace(
                old, status=CaseStatus.MEETING, pre_started_at=pre, meeting_started_at=now
            )
        elif change == "end" and status is CaseStatus.MEETING:
            new = replace(old, status=CaseStatus.DONE, ended_at=now)
        elif change in ("absent", "cancel") and status in _STARTABLE:
            ended = now if status is CaseStatus.PRE_MEETING else old.ended_at
            target = CaseStatus.ABSENT if change == "absent" else CaseStatus.CANCELLED
            new = replace(old, status=target, ended_at=ended)
        else:
            return None
        cases = tuple(replace(c, timing=new) if c.id == case_id else c for c in self.cases)
        return replace(self, cases=cases)


#: The changes of a case's status the day screen makes (`advance`: its next step).
Change = Literal["advance", "start-pre", "start-meeting", "end", "absent", "cancel"]
_RUNNING = frozenset({CaseStatus.PRE_MEETING, CaseStatus.MEETING})
_STARTABLE = frozenset({CaseStatus.PLANNED, CaseStatus.PRE_MEETING})
_ADVANCE: dict[CaseStatus, Change] = {
    CaseStatus.PLANNED: "start-pre",
    CaseStatus.PRE_MEETING: "start-meeting",
    CaseStatus.MEETING: "end",
}


def day_of(
    day: StoredDay,
    breaks: list[StoredBreak],
    cases: list[StoredCase],
    *,
    citizens: Mapping[int, str],
    coordinator: str | None,
    challenges: Mapping[int, tuple[ChallengeKind, ...]],
    readiness: Mapping[int, Readiness],
    sent: Mapping[int, datetime],
    today: date,
) -> DayModel:
    """The day as the screen shows it, from its stored rows (`cases` in agenda order) and what
    was read beside them: the citizens' and the coordinator's names, each case's challenge
    kinds, readiness and first sending of material (a case absent from a mapping has none)."""
    return DayModel(
        id=day.id or 0,
        date=day.date,
        start=day.start_time,
        location=day.location,
        coordinator=coordinator,
        status=DayStatus(day.status),
        plan=plan_of(day, breaks),
        cases=tuple(
            AgendaCase(
                id=c.id or 0,
                position=c.position,
                citizen=citizens.get(c.citizen_id, ""),
                challenges=challenges.get(c.id or 0, ()),
                timing=timing_of(c),
                moved_from=c.moved_from,
                readiness=readiness.get(c.id or 0),
                material_late=c.status == CaseStatus.PLANNED
                and material_late(day.date, sent.get(c.id or 0), today),
                reason=c.status_reason,
            )
            for c in cases
        ),
    )
