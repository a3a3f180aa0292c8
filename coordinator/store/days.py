"""Step-up days: create, find, list, and the day's schedule as the domain computes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlmodel import Session, col, func, select

from coordinator.domain.breaks import BreakPolicy
from coordinator.domain.clock_entry import EntryError, read_iso_date
from coordinator.domain.limits import MAX_DAYS_PER_DATE, OutOfBounds, check_date, check_minutes
from coordinator.domain.schedule import (
    Break,
    DayPlan,
    Schedule,
    ScheduleError,
    build_schedule,
    validate_plan,
)
from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.day_views import plan_of, timing_of  # noqa: F401 - read from here too
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Citizen, DayBreak, Person, StepUpDay
from coordinator.store.people import find_person


@dataclass(frozen=True)
class DayInput:
    date: date
    start: time = time(8, 30)
    pre_minutes: int = 15
    meeting_minutes: int = 45
    breaks: tuple[tuple[time, time], ...] = ()
    location: str = ""
    coordinator: str | None = None
    break_policy: BreakPolicy = BreakPolicy.FLOATING
    #: The latest start of every break that floats (None: as far as the day needs).
    latest_starts: tuple[time | None, ...] = ()

    def plan(self) -> DayPlan:
        """The pure-domain plan these settings describe."""
        latest = list(self.latest_starts) + [None] * (len(self.breaks) - len(self.latest_starts))
        return DayPlan(
            date=self.date,
            start=self.start,
            pre_minutes=self.pre_minutes,
            meeting_minutes=self.meeting_minutes,
            breaks=tuple(
                sorted(
                    (Break(s, e, late) for (s, e), late in zip(self.breaks, latest, strict=True)),
                    key=lambda b: (b.start, b.end),
                )
            ),
            break_policy=self.break_policy,
        )


@dataclass
class CaseRow:
    """A case with the names the agenda shows next to it."""

    case: Case
    citizen: Citizen
    jobbroker: Person | None = None
    caseworker: Person | None = None


@dataclass
class DayView:
    """Everything the day screen and `day show` need, read in one go."""

    day: StepUpDay
    breaks: list[DayBreak]
    cases: list[CaseRow]
    schedule: Schedule
    coordinator: Person | None = None
    now: datetime | None = None
    extra: dict[str, object] = field(default_factory=dict)

    def slot(self, case_id: int):  # noqa: ANN201 - SlotTimes
        return next(s for s in self.schedule.slots if s.case_id == case_id)


def create_day(store: Store, data: DayInput) -> StepUpDay:
    """Create a day after checking the plan (durations, breaks, not past midnight)."""
    return create_days(store, [data])[0]


def create_days(store: Store, series: list[DayInput]) -> list[StepUpDay]:
    """Create days in one transaction: all of them, or (on any error) none. The bounds come
    first: a plan in year 9999 or with 100,000-minute meetings overflows the schedule."""
    for data in series:
        try:
            check_date(data.date)
            check_minutes(data.pre_minutes, _("the pre-meeting length"))
            check_minutes(data.meeting_minutes, _("the meeting length"))
            validate_plan(data.plan())
        except OutOfBounds as exc:
            raise Invalid(str(exc)) from exc
        except ScheduleError as exc:
            raise Invalid(str(exc)) from exc
    with store.session() as session:
        return [_create(store, session, data) for data in series]


def _create(store: Store, session: Session, data: DayInput) -> StepUpDay:
    plan = data.plan()
    on_date = session.exec(
        select(func.count(col(StepUpDay.id))).where(StepUpDay.date == data.date)
    ).one()
    if on_date >= MAX_DAYS_PER_DATE:
        raise Invalid(
            _(
                "{date} already has {count} step-up days; at most {limit} on one date. "
                "Is this one made twice by mistake?"
            ).format(date=data.date.isoformat(), count=on_date, limit=MAX_DAYS_PER_DATE)
        )
    coordinator_id = None
    if data.coordinator:
        coordinator_id = find_person(store, data.coordinator, session).id
    now = store.now()
    day = StepUpDay(
        date=data.date,
        start_time=data.start,
        pre_minutes=data.pre_minutes,
        meeting_minutes=data.meeting_minutes,
        location=data.location.strip(),
        coordinator_id=coordinator_id,
        break_policy=data.break_policy.value,
        created_at=now,
        updated_at=now,
    )
    session.add(day)
    session.flush()
    for brk in plan.breaks:
        session.add(
            DayBreak(
                day_id=day.id or 0, start=brk.start, end=brk.end, latest_start=brk.latest_start
            )
        )
    audit.record(store, session, "create", "day", day.id)
    return day


def plan_breaks(plan: DayPlan) -> list[tuple[time, time]]:
    return [(b.start, b.end) for b in plan.breaks]


def list_days(store: Store) -> list[tuple[StepUpDay, int]]:
    """Every day, newest date last, with its number of cases."""
    with store.session() as session:
        counts = dict(
            session.exec(select(Case.day_id, func.count(col(Case.id))).group_by(Case.day_id)).all()
        )
        days = session.exec(
            select(StepUpDay).order_by(col(StepUpDay.date), col(StepUpDay.start_time))
        ).all()
        return [(day, counts.get(day.id, 0)) for day in days]


def resolve_day(store: Store, ref: str | date | int) -> StepUpDay:
    """The day meant by an ISO date (the one day on it) or by a day id."""
    with store.session() as session:
        if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
            day = session.get(StepUpDay, int(ref))
            if day is None:
                raise NotFound(_("No step-up day with id {id}.").format(id=ref))
            return day
        when = ref if isinstance(ref, date) else parse_iso_date(ref)
        days = session.exec(
            select(StepUpDay).where(StepUpDay.date == when).order_by(col(StepUpDay.start_time))
        ).all()
        if not days:
            raise NotFound(
                _("No step-up day on {date}; create it with 'day create {date}'.").format(
                    date=when.isoformat()
                )
            )
        if len(days) > 1:
            ids = ", ".join(str(d.id) for d in days)
            raise Invalid(
                _(
                    "There are {count} days on {date} (ids {ids}); give the day's id instead."
                ).format(count=len(days), date=when.isoformat(), ids=ids)
            )
        return days[0]


def parse_iso_date(text: str) -> date:
    try:
        return read_iso_date(text)
    except EntryError as exc:
        raise Invalid(str(exc)) from None


def load_day(store: Store, day_id: int, now: datetime | None = None) -> DayView:
    """A day with its breaks, its cases in agenda order and the computed schedule."""
    with store.session() as session:
        day = session.get(StepUpDay, day_id)
        if day is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
        return _view(session, day, now)


def _view(session: Session, day: StepUpDay, now: datetime | None) -> DayView:
    breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
    cases = list(
        session.exec(select(Case).where(Case.day_id == day.id).order_by(col(Case.position)))
    )
    people_ids = {pid for c in cases for pid in (c.jobbroker_id, c.caseworker_id) if pid}
    if day.coordinator_id:
        people_ids.add(day.coordinator_id)
    people = (
        {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(people_ids)))}
        if people_ids
        else {}
    )
    citizen_ids = {c.citizen_id for c in cases}
    citizens = (
        {c.id: c for c in session.exec(select(Citizen).where(col(Citizen.id).in_(citizen_ids)))}
        if citizen_ids
        else {}
    )
    rows = [
        CaseRow(
            case=c,
            citizen=citizens[c.citizen_id],
            jobbroker=people.get(c.jobbroker_id) if c.jobbroker_id else None,
            caseworker=people.get(c.caseworker_id) if c.caseworker_id else None,
        )
        for c in cases
    ]
    schedule = build_schedule(plan_of(day, breaks), [timing_of(c) for c in cases], now)
    coordinator = people.get(day.coordinator_id) if day.coordinator_id else None
    return DayView(day, breaks, rows, schedule, coordinator, now)


def moved_from(row: CaseRow, view: DayView) -> datetime | None:
    """The start the participants of a planned case were invited to, when the case has since
    been pulled forward to another time (they need to be told); else None."""
    case = row.case
    if case.moved_from is None or case.status != CaseStatus.PLANNED:
        return None
    return None if view.slot(case.id or 0).planned_start == case.moved_from else case.moved_from


def _hhmm(moment: datetime | time) -> str:
    return moment.strftime("%H:%M")


def _break_json(brk: DayBreak) -> dict[str, str]:
    """A break as `day show --json` gives it; `latest_start` only when one is set."""
    item = {"start": _hhmm(brk.start), "end": _hhmm(brk.end)}
    if brk.latest_start is not None:
        item["latest_start"] = _hhmm(brk.latest_start)
    return item


def day_json(view: DayView) -> dict[str, object]:
    """The `day show --json` document (DESIGN.md), with predicted times once the day runs."""
    schedule = view.schedule
    running = any(c.case.status != CaseStatus.PLANNED for c in view.cases)
    cases = []
    for row in view.cases:
        slot = view.slot(row.case.id or 0)
        item: dict[str, object] = {
            "id": row.case.id,
            "position": row.case.position,
            "citizen": row.citizen.name,
            "status": row.case.status,
            "challenges": [c.value for c in row.case.challenge_kinds],
            "pre_meeting": {
                "start": _hhmm(slot.planned_pre.start),
                "end": _hhmm(slot.planned_pre.end),
            },
            "meeting": {
                "start": _hhmm(slot.planned_meeting.start),
                "end": _hhmm(slot.planned_meeting.end),
            },
        }
        moved = moved_from(row, view)
        if moved is not None:
            item["moved_from"] = _hhmm(moved)
        if running:
            item["predicted"] = {
                "pre_meeting": {
                    "start": _hhmm(slot.predicted_pre.start),
                    "end": _hhmm(slot.predicted_pre.end),
                },
                "meeting": {
                    "start": _hhmm(slot.predicted_meeting.start),
                    "end": _hhmm(slot.predicted_meeting.end),
                },
            }
        cases.append(item)
    document: dict[str, object] = {
        "id": view.day.id,
        "date": view.day.date.isoformat(),
        "start": _hhmm(view.day.start_time),
        "end": _hhmm(schedule.planned_end),
        "location": view.day.location,
        "coordinator": view.coordinator.name if view.coordinator else None,
        "status": view.day.status,
        "pre_minutes": view.day.pre_minutes,
        "meeting_minutes": view.day.meeting_minutes,
        "break_policy": view.day.break_policy,
        "breaks": [_break_json(b) for b in sorted(view.breaks, key=lambda b: b.start)],
        "cases": cases,
    }
    if running:
        document["predicted_end"] = _hhmm(schedule.predicted_end)
        document["predicted_breaks"] = [
            {"start": _hhmm(b.start), "end": _hhmm(b.end)} for b in schedule.predicted_breaks
        ]
    return document
