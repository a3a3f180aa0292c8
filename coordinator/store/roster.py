"""Rosters: who takes part in which part of a case (the rule findings on them: roster_checks.py;
a first roster to suggest: roster_suggestions.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from coordinator.domain.vocab import Attendance, ChallengeKind, Part, RosterRole
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Citizen, Person, RosterEntry, StepUpDay
from coordinator.store.people import PersonRecord, find_person, person_record


@dataclass(frozen=True)
class RosterLine:
    """One participant of a case as the store hands it out: plain values, the role, part and
    attendance parsed, with the directory person behind it (if any)."""

    id: int
    case_id: int
    role: RosterRole
    #: The name as put on the roster (a network person's only name; a snapshot for others).
    name: str
    part: Part
    attendance: Attendance
    relation: str = ""
    person_id: int | None = None
    person: PersonRecord | None = None
    created_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return self.person.name if self.person else self.name


def line_of(entry: RosterEntry, person: Person | None = None) -> RosterLine:
    """The plain roster line of a stored entry (and its directory person)."""
    return RosterLine(
        id=entry.id or 0,
        case_id=entry.case_id,
        role=RosterRole(entry.role),
        name=entry.name,
        part=Part(entry.part),
        attendance=Attendance(entry.attendance),
        relation=entry.relation,
        person_id=entry.person_id,
        person=person_record(person) if person is not None else None,
        created_at=entry.created_at,
    )


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(_("No case with id {id}.").format(id=case_id))
    return case


def add_people(
    store: Store, case_id: int, names: list[str], part: Part = Part.BOTH
) -> list[RosterLine]:
    """Put directory people on a case's roster; someone already on it gets the new part."""
    with store.session() as session:
        _case(session, case_id)
        people = [find_person(store, name, session) for name in names]
        entries = []
        now = store.now()
        for person in people:
            entry = session.exec(
                select(RosterEntry).where(
                    RosterEntry.case_id == case_id, RosterEntry.person_id == person.id
                )
            ).first()
            if entry is None:
                entry = RosterEntry(
                    case_id=case_id,
                    role=RosterRole.PROFESSIONAL.value,
                    person_id=person.id,
                    name=person.name,
                    part=part.value,
                    created_at=now,
                )
            entry.part = part.value
            entry.updated_at = now
            session.add(entry)
            entries.append((entry, person))
        session.flush()
        audit.record(store, session, "roster-add", "case", case_id, f"count={len(entries)}")
        return [line_of(entry, person) for entry, person in entries]


def add_network_person(store: Store, case_id: int, name: str, relation: str = "") -> RosterLine:
    """A person from the citizen's network, by name and relation; they attend the meeting."""
    if not name.strip():
        raise Invalid(_("A network person needs a name."))
    with store.session() as session:
        _case(session, case_id)
        now = store.now()
        entry = RosterEntry(
            case_id=case_id,
            role=RosterRole.NETWORK.value,
            name=name.strip(),
            relation=relation.strip(),
            part=Part.MEETING.value,
            created_at=now,
            updated_at=now,
        )
        session.add(entry)
        session.flush()
        audit.record(store, session, "roster-add", "case", case_id, "network")
        return line_of(entry)


def update_entry(
    store: Store, entry_id: int, part: Part | None = None, attendance: Attendance | None = None
) -> RosterLine:
    with store.session() as session:
        entry = session.get(RosterEntry, entry_id)
        if entry is None:
            raise NotFound(_("No roster entry with id {id}.").format(id=entry_id))
        if part is not None:
            entry.part = part.value
        if attendance is not None:
            entry.attendance = attendance.value
        entry.updated_at = store.now()
        session.add(entry)
        audit.record(store, session, "roster-update", "case", entry.case_id)
        return line_of(entry, session.get(Person, entry.person_id) if entry.person_id else None)


def remove_entry(store: Store, entry_id: int) -> RosterLine:
    """Take a participant off the roster; returns the removed line so it can be restored."""
    with store.session() as session:
        entry = session.get(RosterEntry, entry_id)
        if entry is None:
            raise NotFound(_("No roster entry with id {id}.").format(id=entry_id))
        removed = line_of(entry, session.get(Person, entry.person_id) if entry.person_id else None)
        session.delete(entry)
        audit.record(store, session, "roster-remove", "case", entry.case_id)
        return removed


def restore_entry(store: Store, removed: RosterLine) -> RosterLine:
    """Put a removed participant back with their part and attendance (undo of a removal).

    Refused when the case has gained the same person again in the meantime, so an undo never
    makes a person stand twice on one roster."""
    with store.session() as session:
        _case(session, removed.case_id)
        if removed.person_id is not None:
            again = session.exec(
                select(RosterEntry).where(
                    RosterEntry.case_id == removed.case_id,
                    RosterEntry.person_id == removed.person_id,
                )
            ).first()
            if again is not None:
                raise Invalid(_("{name} is already on the roster again.").format(name=removed.name))
        now = store.now()
        entry = RosterEntry(
            case_id=removed.case_id,
            role=removed.role.value,
            person_id=removed.person_id,
            name=removed.name,
            relation=removed.relation,
            part=removed.part.value,
            attendance=removed.attendance.value,
            created_at=removed.created_at or now,
            updated_at=now,
        )
        session.add(entry)
        session.flush()
        audit.record(store, session, "roster-restore", "case", entry.case_id)
        person = session.get(Person, entry.person_id) if entry.person_id else None
        return line_of(entry, person)


def roster_lines(store: Store, case_id: int) -> list[RosterLine]:
    """The roster of a case: citizen first, then professionals, then network persons."""
    with store.session() as session:
        _case(session, case_id)
        return _lines(session, case_id)


def _lines(session: Session, case_id: int) -> list[RosterLine]:
    entries = list(
        session.exec(
            select(RosterEntry).where(RosterEntry.case_id == case_id).order_by(col(RosterEntry.id))
        )
    )
    ids = {e.person_id for e in entries if e.person_id}
    people = (
        {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids)))}
        if ids
        else {}
    )
    order = {RosterRole.CITIZEN: 0, RosterRole.PROFESSIONAL: 1, RosterRole.NETWORK: 2}
    lines = [line_of(e, people.get(e.person_id) if e.person_id else None) for e in entries]
    return sorted(lines, key=lambda line: order[line.role])


def challenges_of(case: Case) -> frozenset[ChallengeKind]:
    return frozenset(case.challenge_kinds)


def add_person_by_id(
    store: Store, case_id: int, person_id: int, part: Part = Part.BOTH
) -> RosterLine:
    """Put one directory person (chosen on screen, so by id) on a case's roster.

    Someone already on the roster is not added twice; their entry is returned unchanged.
    """
    with store.session() as session:
        _case(session, case_id)
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("No person with id {id}.").format(id=person_id))
        entry = session.exec(
            select(RosterEntry).where(
                RosterEntry.case_id == case_id, RosterEntry.person_id == person_id
            )
        ).first()
        if entry is not None:
            return line_of(entry, person)
        now = store.now()
        entry = RosterEntry(
            case_id=case_id,
            role=RosterRole.PROFESSIONAL.value,
            person_id=person_id,
            name=person.name,
            part=part.value,
            created_at=now,
            updated_at=now,
        )
        session.add(entry)
        session.flush()
        audit.record(store, session, "roster-add", "case", case_id, "count=1")
        return line_of(entry, person)


@dataclass(frozen=True)
class CaseHeading:
    """What a case's screens show in their title: whose case, which day, which slot."""

    case_id: int
    position: int
    citizen: str
    date: date
    challenges: frozenset[ChallengeKind]


def case_heading(store: Store, case_id: int) -> CaseHeading:
    with store.session() as session:
        case = _case(session, case_id)
        citizen = session.get(Citizen, case.citizen_id)
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
        return CaseHeading(
            case_id=case_id,
            position=case.position,
            citizen=citizen.name if citizen else "",
            date=day.date,
            challenges=challenges_of(case),
        )
