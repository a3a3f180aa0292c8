"""What the day screens show, as plain frozen objects read in one go (no rows leave here).

The day screen, the days list and the meeting clock get these from a worker thread: every
enum is parsed, every name resolved, the day's readiness read in a batch, so the screens only
render and re-predict the day from them at the clock's now (pure and cheap, no query).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import col, func, select

from coordinator.domain.clock import FixedClock
from coordinator.domain.schedule import (
    Interval,
    RunningPhase,
    build_schedule,
    running_phase,
)
from coordinator.domain.vocab import DayStatus
from coordinator.i18n import _
from coordinator.store.database import Store
from coordinator.store.day_views import (  # noqa: F401 - the screens import the views from here
    AgendaCase,
    Change,
    DayModel,
    day_of,
    plan_of,
    timing_of,
)
from coordinator.store.errors import NotFound
from coordinator.store.material_sent import first_sent_in
from coordinator.store.models import Case, Citizen, DayBreak, Person, StepUpDay
from coordinator.store.readiness import readiness_in


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
        return day_of(
            day,
            breaks,
            cases,
            citizens=citizens,
            coordinator=coordinator.name if coordinator else None,
            challenges={c.id or 0: c.challenge_kinds for c in cases},
            readiness=readiness,
            sent=sent,
            today=(now or store.now()).date(),
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
