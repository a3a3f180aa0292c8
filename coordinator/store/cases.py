"""Cases on a day's agenda: adding a citizen's case, reading it back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from coordinator.domain.cpr import InvalidCPR, normalise_cpr
from coordinator.domain.schedule import ScheduleError, build_schedule, next_slot_start
from coordinator.domain.text import clean_line
from coordinator.domain.vocab import ChallengeKind, Part, Profession, RosterRole
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.days import load_day, plan_of, timing_of
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import (
    Case,
    CaseChallenge,
    Citizen,
    DayBreak,
    RosterEntry,
    StepUpDay,
)
from coordinator.store.people import find_person


@dataclass(frozen=True)
class CaseInput:
    day_id: int
    citizen: str
    challenges: tuple[ChallengeKind, ...] = ()
    jobbroker: str | None = None
    caseworker: str | None = None
    cpr: str | None = None
    problem_statement: str = ""
    trigger: str = ""
    meeting_minutes: int | None = None
    conversation_number: int = 1
    previous_case_id: int | None = None


def _citizen_named(session: Session, name: str) -> Citizen | None:
    """The citizen of this name, letter case aside. Compared in Python: SQLite's lower() folds
    only A-Z, so "ærø testesen" would not find "Ærø Testesen" and a Danish name typed in
    another case would become a second citizen (who an erasure of the first then misses)."""
    exact = session.exec(select(Citizen).where(Citizen.name == name)).first()
    if exact is not None:
        return exact
    wanted = name.casefold()
    for citizen_id, stored in session.exec(select(Citizen.id, Citizen.name)):
        if stored.casefold() == wanted:
            return session.get(Citizen, citizen_id)
    return None


def find_or_create_citizen(
    store: Store, session: Session, name: str, cpr: str | None = None
) -> Citizen:
    """The citizen with this CPR (or, without one, this exact name), created if new."""
    name = clean_line(name)
    if not name:
        raise Invalid(_("A case needs the citizen's name."))
    normalised = None
    if cpr:
        try:
            normalised = normalise_cpr(cpr)
        except InvalidCPR as exc:
            raise Invalid(_("Invalid CPR number: {reason}").format(reason=_(str(exc)))) from exc
        found = session.exec(select(Citizen).where(Citizen.cpr == normalised)).first()
    else:
        found = _citizen_named(session, name)
    if found is not None:
        return found
    now = store.now()
    citizen = Citizen(name=name, cpr=normalised, created_at=now, updated_at=now)
    session.add(citizen)
    session.flush()
    audit.record(store, session, "add", "citizen", citizen.id)
    return citizen


def add_case(store: Store, data: CaseInput) -> Case:
    """Append a case to the day's agenda, in the next free slot.

    The citizen is put on the roster for the meeting; the named job broker and caseworker (who
    must be in the directory, with that profession) for both parts.
    """
    if data.meeting_minutes is not None and data.meeting_minutes <= 0:
        raise Invalid(_("A meeting must last at least one minute."))
    with store.session() as session:
        day = session.get(StepUpDay, data.day_id)
        if day is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=data.day_id))
        jobbroker = _professional(store, session, data.jobbroker, Profession.JOBBROKER)
        caseworker = _professional(store, session, data.caseworker, Profession.CASEWORKER)
        existing = list(
            session.exec(select(Case).where(Case.day_id == day.id).order_by(col(Case.position)))
        )
        breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
        plan = plan_of(day, breaks)
        try:
            next_slot_start(plan, [timing_of(c) for c in existing])
        except ScheduleError as exc:
            raise Invalid(str(exc)) from exc
        citizen = find_or_create_citizen(store, session, data.citizen, data.cpr)
        now = store.now()
        case = Case(
            day_id=day.id or 0,
            position=(existing[-1].position + 1) if existing else 1,
            citizen_id=citizen.id or 0,
            challenge_rows=[
                CaseChallenge(kind=kind.value) for kind in dict.fromkeys(data.challenges)
            ],
            problem_statement=data.problem_statement,
            trigger=data.trigger,
            conversation_number=data.conversation_number,
            previous_case_id=data.previous_case_id,
            jobbroker_id=jobbroker.id if jobbroker else None,
            caseworker_id=caseworker.id if caseworker else None,
            meeting_minutes=data.meeting_minutes,
            created_at=now,
            updated_at=now,
        )
        session.add(case)
        session.flush()
        try:
            timings = [timing_of(c) for c in [*existing, case]]
            build_schedule(plan, timings)
        except ScheduleError as exc:
            raise Invalid(str(exc)) from exc
        session.add(
            RosterEntry(
                case_id=case.id or 0,
                role=RosterRole.CITIZEN.value,
                name=citizen.name,
                part=Part.MEETING.value,
                created_at=now,
                updated_at=now,
            )
        )
        for person in (caseworker, jobbroker):
            if person is not None:
                session.add(
                    RosterEntry(
                        case_id=case.id or 0,
                        role=RosterRole.PROFESSIONAL.value,
                        person_id=person.id,
                        name=person.name,
                        part=Part.BOTH.value,
                        created_at=now,
                        updated_at=now,
                    )
                )
        audit.record(store, session, "add", "case", case.id)
        return case


def _professional(store: Store, session: Session, name: str | None, profession: Profession):  # noqa: ANN202
    if not name:
        return None
    person = find_person(store, name, session)
    if person.profession != profession.value:
        raise Invalid(
            _("{name} is registered as {actual}, not as {wanted}.").format(
                name=person.name, actual=person.profession, wanted=profession.value
            )
        )
    return person


def get_case(store: Store, case_id: int) -> Case:
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        return case


def case_slot_times(store: Store, case_id: int, now: datetime | None = None):  # noqa: ANN201
    """The case's slot in its day's schedule (planned and predicted times)."""
    case = get_case(store, case_id)
    view = load_day(store, case.day_id, now)
    return view.slot(case_id)
