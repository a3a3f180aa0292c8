"""What the day screens show, as plain frozen objects read in one go (no rows leave here).

The day screen, the days list and the meeting clock get these from a worker thread: every
enum is parsed, every name resolved, the day's readiness read in a batch, so the screens only
render and re-predict the day from them at the clock's now (pure and cheap, no query).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Literal

from sqlmodel import col, func, select

from coordinator.domain.clock import FixedClock
from coordinator.domain.material_rules import material_late
from coordinator.domain.schedule import (
    CaseTiming,
    DayPlan,
    Interval,
    RunningPhase,
    Schedule,
    build_schedule,
    running_phase,
)
from coordinator.domain.vocab import CaseStatus, ChallengeKind, DayStatus
from coordinator.i18n import _
from coordinator.store.database import Store
from coordinator.store.days import plan_of, timing_of
from coordinator.store.errors import NotFound
from coordinator.store.material_sent import first_sent_in
from coordinator.store.models import Case, Citizen, DayBreak, Person, StepUpDay
from coordinator.store.readiness import Readiness, readiness_in


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


def day_model(store: Store, day_id: int, now: datetime | None = None) -> DayModel:
    """The day with its cases in agenda order, their citizens and readiness (a dozen
    queries for the whole day, however many cases it has)."""
    with store.session() as session:
        day = session.get(StepUpDay, day_id)
        if day is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
        breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
        cases = list(
            session.exec(select(Case).where(Case.day_id == day.id).order_by(col(Case.position)))
        )
        citizen_ids = {c.citizen_id for c in cases}
        citizens = (
            {
                c.id: c.name
                for c in session.exec(select(Citizen).where(col(Citizen.id).in_(citizen_ids)))
            }
            if citizen_ids
            else {}
        )
        coordinator = session.get(Person, day.coordinator_id) if day.coordinator_id else None
        readiness = readiness_in(session, day, now)
        sent = first_sent_in(session, [c.id or 0 for c in cases])
        today = (now or store.now()).date()
        return DayModel(
            id=day.id or 0,
            date=day.date,
            start=day.start_time,
            location=day.location,
            coordinator=coordinator.name if coordinator else None,
            status=DayStatus(day.status),
            plan=plan_of(day, breaks),
            cases=tuple(
                AgendaCase(
                    id=c.id or 0,
                    position=c.position,
                    citizen=citizens.get(c.citizen_id, ""),
                    challenges=c.challenge_kinds,
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


@dataclass(frozen=True)
class DaySummary:
    """One line of the days list."""

    id: int
    date: date
    start: time
    status: DayStatus
    location: str
    cases: int


def day_summaries(store: Store) -> list[DaySummary]:
    """Every day, newest date last, with its number of cases (two queries)."""
    with store.session() as session:
        counts = dict(
            session.exec(select(Case.day_id, func.count(col(Case.id))).group_by(Case.day_id)).all()
        )
        days = session.exec(
            select(StepUpDay).order_by(col(StepUpDay.date), col(StepUpDay.start_time))
        ).all()
        return [
            DaySummary(
                id=day.id or 0,
                date=day.date,
                start=day.start_time,
                status=DayStatus(day.status),
                location=day.location,
                cases=counts.get(day.id, 0),
            )
            for day in days
        ]


@dataclass(frozen=True)
class CaseEntry:
    """A case of a coming day, as the command palette offers it."""

    id: int
    date: date
    position: int
    citizen: str


def upcoming_cases(store: Store, since: date) -> list[CaseEntry]:
    """Every case of the days on or after `since`, by day and agenda position (one query)."""
    with store.session() as session:
        rows = session.exec(
            select(Case.id, StepUpDay.date, Case.position, Citizen.name)
            .join(StepUpDay, col(Case.day_id) == col(StepUpDay.id))
            .join(Citizen, col(Case.citizen_id) == col(Citizen.id))
            .where(StepUpDay.date >= since)
            # Said twice: SQLite then goes from the days' date index to their cases, rather
            # than reading every case of the history.
            .where(col(Case.day_id).in_(select(StepUpDay.id).where(StepUpDay.date >= since)))
            .order_by(col(StepUpDay.date), col(StepUpDay.start_time), col(StepUpDay.id))
            .order_by(col(Case.position))
        ).all()
        return [
            CaseEntry(id=case_id or 0, date=day, position=position, citizen=name)
            for case_id, day, position, name in rows
        ]


@dataclass(frozen=True)
class MeetingClockFeed:
    """What a meeting clock shows for one case: its running phase at the time read (None when
    neither its pre-meeting nor its meeting runs) and its predicted meeting."""

    phase: RunningPhase | None
    meeting: Interval | None


def meeting_clock_feed(store: Store, case_id: int, now: datetime) -> MeetingClockFeed:
    """The meeting clock's data for a case at `now` (a few small queries, no readiness)."""
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            return MeetingClockFeed(None, None)
        day = session.get(StepUpDay, case.day_id)
        if day is None:
            return MeetingClockFeed(None, None)
        breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
        cases = list(
            session.exec(select(Case).where(Case.day_id == day.id).order_by(col(Case.position)))
        )
    timings = [timing_of(c) for c in cases]
    schedule = build_schedule(plan_of(day, breaks), timings, now)
    phase = running_phase(schedule, timings, now)
    return MeetingClockFeed(
        phase=phase if phase is not None and phase.case_id == case_id else None,
        meeting=schedule.slot(case_id).predicted_meeting,
    )


def stamped(store: Store, moment: datetime) -> Store:
    """The same database with a clock stopped at `moment`: a change the coordinator made at
    `moment` and that is written later (the database was busy) is stored with the time it was
    made, not the time the write got through."""
    return Store(store.engine, store.url, FixedClock(moment), store.actor, store._key)
