"""The referral queue: citizens referred to a step-up, waiting for a slot on a day.

A referral is made by the job broker with the team leader (the seeds); it waits until the
coordinator plans it onto a day, which makes its case (citizen, challenges and -- when the
referrer is a job broker -- the job broker carried over) and marks it planned. A day's free
capacity is how many more cases fit between its start and the job centre's `day_end` setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import Session, col, select

from coordinator.domain.schedule import CaseTiming, ScheduleError, build_schedule
from coordinator.domain.text import clean_line
from coordinator.domain.vocab import CaseStatus, ChallengeKind, Profession, ReferralStatus
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.cases import CaseInput, add_case, find_or_create_citizen
from coordinator.store.database import Store
from coordinator.store.days import plan_of, timing_of
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import (
    Case,
    Citizen,
    DayBreak,
    Person,
    Referral,
    ReferralChallenge,
    StepUpDay,
)
from coordinator.store.people import find_person
from coordinator.store.settings import get_setting


@dataclass(frozen=True)
class ReferralInput:
    citizen: str
    challenges: tuple[ChallengeKind, ...] = ()
    referred_by: str | None = None
    reason: str = ""
    urgent: bool = False
    referred_on: date | None = None


@dataclass(frozen=True)
class ReferralView:
    """One line of the queue, as screens and `referral list` show it."""

    id: int
    citizen: str
    challenges: tuple[ChallengeKind, ...]
    referred_by: str
    reason: str
    urgent: bool
    referred_on: date
    status: ReferralStatus
    case_id: int | None
    waiting_days: int

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "citizen": self.citizen,
            "challenges": [k.value for k in self.challenges],
            "referred_by": self.referred_by,
            "reason": self.reason,
            "urgent": self.urgent,
            "referred_on": self.referred_on.isoformat(),
            "status": self.status.value,
            "case": self.case_id,
            "waiting_days": self.waiting_days,
        }


@dataclass(frozen=True)
class FreeDay:
    """A planned day with room for more cases."""

    id: int
    date: date
    cases: int
    free: int


def _view(session: Session, referral: Referral, today: date) -> ReferralView:
    citizen = session.get(Citizen, referral.citizen_id)
    person = session.get(Person, referral.referred_by_id) if referral.referred_by_id else None
    return ReferralView(
        id=referral.id or 0,
        citizen=citizen.name if citizen else "",
        challenges=referral.challenge_kinds,
        referred_by=person.name if person else "",
        reason=referral.reason,
        urgent=referral.urgent,
        referred_on=referral.referred_on,
        status=ReferralStatus(referral.status),
        case_id=referral.case_id,
        waiting_days=max((today - referral.referred_on).days, 0),
    )


def add_referral(store: Store, data: ReferralInput) -> ReferralView:
    """Put a citizen in the queue (the citizen is found by name, or created)."""
    with store.session() as session:
        citizen = find_or_create_citizen(store, session, data.citizen)
        person = find_person(store, data.referred_by, session) if data.referred_by else None
        now = store.now()
        referral = Referral(
            citizen_id=citizen.id or 0,
            referred_by_id=person.id if person else None,
            reason=clean_line(data.reason)[:500],
            urgent=data.urgent,
            referred_on=data.referred_on or now.date(),
            challenge_rows=[
                ReferralChallenge(kind=kind.value) for kind in dict.fromkeys(data.challenges)
            ],
            created_at=now,
            updated_at=now,
        )
        session.add(referral)
        session.flush()
        audit.record(store, session, "add", "referral", referral.id)
        return _view(session, referral, now.date())


def list_referrals(store: Store, everything: bool = False) -> list[ReferralView]:
    """The queue: waiting referrals, urgent first, then the longest waiting; with `everything`
    the planned and withdrawn ones follow."""
    today = store.now().date()
    with store.session() as session:
        statement = select(Referral)
        if not everything:
            statement = statement.where(Referral.status == ReferralStatus.WAITING.value)
        rows = list(session.exec(statement))
        order = {s.value: i for i, s in enumerate(ReferralStatus)}
        rows.sort(key=lambda r: (order[r.status], not r.urgent, r.referred_on, r.id))
        return [_view(session, r, today) for r in rows]


def plan_referral(store: Store, referral_id: int, day_id: int) -> int:
    """Make the referral's case on the day (appended to its agenda); returns the case id.

    Refused when the referral is not waiting (planned twice, withdrawn) or the day is full."""
    with store.session() as session:
        referral = session.get(Referral, referral_id)
        if referral is None:
            raise NotFound(_("No referral with id {id}.").format(id=referral_id))
        if referral.status != ReferralStatus.WAITING.value:
            raise Invalid(
                _("Referral {id} is not waiting (it is {status}); nothing planned.").format(
                    id=referral_id, status=referral.status
                )
            )
        citizen = session.get(Citizen, referral.citizen_id)
        person = session.get(Person, referral.referred_by_id) if referral.referred_by_id else None
        kinds = referral.challenge_kinds
    jobbroker = person.name if person and person.profession == Profession.JOBBROKER else None
    refuse_if_full(store, day_id)
    case = add_case(
        store,
        CaseInput(
            day_id=day_id,
            citizen=citizen.name if citizen else "",
            challenges=kinds,
            jobbroker=jobbroker,
            cpr=None,
            trigger=referral.reason,
        ),
    )
    with store.session() as session:
        stored = session.get(Referral, referral_id)
        assert stored is not None
        stored.status = ReferralStatus.PLANNED.value
        stored.case_id = case.id
        stored.updated_at = store.now()
        session.add(stored)
        audit.record(store, session, "plan", "referral", referral_id, f"case={case.id}")
    return case.id or 0


def withdraw_referral(store: Store, referral_id: int, reason: str = "") -> None:
    """Take a waiting referral out of the queue; the reason goes to the audit trail."""
    with store.session() as session:
        referral = session.get(Referral, referral_id)
        if referral is None:
            raise NotFound(_("No referral with id {id}.").format(id=referral_id))
        if referral.status != ReferralStatus.WAITING.value:
            raise Invalid(_("Referral {id} is not waiting.").format(id=referral_id))
        referral.status = ReferralStatus.WITHDRAWN.value
        referral.updated_at = store.now()
        session.add(referral)
        audit.record(store, session, "withdraw", "referral", referral_id, clean_line(reason)[:500])


def _day_end(store: Store) -> time:
    text = get_setting(store, "day_end") or "15:30"
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _free(session: Session, day: StepUpDay, end: time) -> tuple[int, int]:
    """(cases on the day, how many more default cases fit before `end`)."""
    breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
    cases = list(
        session.exec(select(Case).where(Case.day_id == day.id).order_by(col(Case.position)))
    )
    timings = [timing_of(c) for c in cases]
    plan = plan_of(day, breaks)
    limit = datetime.combine(day.date, end)
    free = 0
    next_id = max((t.case_id for t in timings), default=0) + 1
    while free < 50:
        probe = CaseTiming(next_id + free, CaseStatus.PLANNED)
        try:
            schedule = build_schedule(plan, [*timings, probe])
        except ScheduleError:
            break
        if schedule.slots[-1].planned_end > limit:
            break
        timings.append(probe)
        free += 1
    return len(cases), free


def refuse_if_full(store: Store, day_id: int) -> None:
    end = _day_end(store)
    with store.session() as session:
        day = session.get(StepUpDay, day_id)
        if day is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
        _count, free = _free(session, day, end)
    if free <= 0:
        raise Invalid(
            _("The day {date} is full (no case fits before {end}).").format(
                date=day.date.isoformat(), end=end.strftime("%H:%M")
            )
        )


def free_days(store: Store, limit: int = 5) -> list[FreeDay]:
    """The next planned days (from today) with room for at least one more case."""
    today = store.now().date()
    end = _day_end(store)
    found: list[FreeDay] = []
    with store.session() as session:
        days = session.exec(
            select(StepUpDay)
            .where(StepUpDay.date >= today, StepUpDay.status == "planned")
            .order_by(col(StepUpDay.date), col(StepUpDay.start_time))
        )
        for day in days:
            count, free = _free(session, day, end)
            if free > 0:
                found.append(FreeDay(day.id or 0, day.date, count, free))
            if len(found) >= limit:
                break
    return found
