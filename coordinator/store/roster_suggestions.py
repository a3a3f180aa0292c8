"""A first roster for a stored case: candidates read from the people directory, and the
accepted suggestions put on the roster.

Who is proposed, and why, is decided by the pure domain/roster_suggest.py; this module only
reads the case, its roster and the directory, and writes what the coordinator accepts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from coordinator.domain.roster_suggest import (
    NEED_PROFESSIONS,
    Candidate,
    Suggestion,
    suggest_roster,
)
from coordinator.domain.vocab import Part, Profession, RosterRole
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import NotFound
from coordinator.store.models import Citizen, Person, RosterEntry, StepUpDay
from coordinator.store.roster import RosterLine, _case, challenges_of, line_of


def _candidate(person: Person | None) -> Candidate | None:
    if person is None or person.id is None or not person.active:
        return None
    return Candidate(
        person_id=person.id,
        name=person.name,
        profession=Profession(person.profession),
        decision_authority=person.decision_authority,
        fixed_representative=person.fixed_representative,
    )


def _active_candidates(session: Session, flag: Any) -> list[Candidate]:
    """Active people with `flag` (a boolean column) set, in the order they were added."""
    people = session.exec(
        select(Person)
        .where(flag == True, col(Person.active) == True)  # noqa: E712 - SQL
        .order_by(col(Person.id))
    )
    return [c for c in (_candidate(p) for p in people) if c is not None]


def suggest(store: Store, case_id: int) -> list[Suggestion]:
    """A first roster for the case from the directory (see `suggest_roster`): the citizen if not
    on the roster yet, the case's caseworker and job broker, the day's coordinator, and the
    active fixed representatives whose profession fits the case's challenges. Nobody already on
    the roster is proposed."""
    with store.session() as session:
        case = _case(session, case_id)
        day = session.get(StepUpDay, case.day_id)
        citizen = session.get(Citizen, case.citizen_id)
        entries = list(session.exec(select(RosterEntry).where(RosterEntry.case_id == case_id)))
        has_citizen = any(e.role == RosterRole.CITIZEN.value for e in entries)

        def person(person_id: int | None) -> Person | None:
            return session.get(Person, person_id) if person_id else None

        representatives = _active_candidates(session, col(Person.fixed_representative))
        authorities = _active_candidates(session, col(Person.decision_authority))
        on_roster = [person(e.person_id) for e in entries if e.person_id]
        in_meeting = {
            Profession(p.profession)
            for e in entries
            if e.part != Part.PRE.value and (p := person(e.person_id)) is not None
        }
        covered = {
            kind for kind, professions in NEED_PROFESSIONS.items() if in_meeting & professions
        }
        return suggest_roster(
            challenges_of(case),
            _candidate(person(case.caseworker_id)),
            _candidate(person(case.jobbroker_id)),
            _candidate(person(day.coordinator_id if day else None)),
            representatives,
            citizen=None if has_citizen or citizen is None else citizen.name,
            existing_person_ids={e.person_id for e in entries if e.person_id},
            authorities=authorities,
            authority_on_roster=any(p is not None and p.decision_authority for p in on_roster),
            covered=covered,
        )


def accept_suggestions(
    store: Store, case_id: int, suggestions: Sequence[Suggestion]
) -> list[RosterLine]:
    """Put accepted suggestions on the roster (invited); ones already there are skipped."""
    with store.session() as session:
        case = _case(session, case_id)
        entries = list(session.exec(select(RosterEntry).where(RosterEntry.case_id == case_id)))
        on_roster = {e.person_id for e in entries if e.person_id}
        has_citizen = any(e.role == RosterRole.CITIZEN.value for e in entries)
        now = store.now()
        added: list[tuple[RosterEntry, Person | None]] = []
        for suggestion in suggestions:
            person: Person | None = None
            if suggestion.role is RosterRole.CITIZEN:
                if has_citizen:
                    continue
                citizen = session.get(Citizen, case.citizen_id)
                name = citizen.name if citizen else suggestion.name
                has_citizen = True
            elif suggestion.person_id is None or suggestion.person_id in on_roster:
                continue
            else:
                person = session.get(Person, suggestion.person_id)
                if person is None:
                    raise NotFound(_("No person with id {id}.").format(id=suggestion.person_id))
                on_roster.add(suggestion.person_id)
                name = suggestion.name
            entry = RosterEntry(
                case_id=case_id,
                role=suggestion.role.value,
                person_id=suggestion.person_id,
                name=name,
                part=suggestion.part.value,
                created_at=now,
                updated_at=now,
            )
            session.add(entry)
            added.append((entry, person))
        session.flush()
        if added:
            audit.record(store, session, "roster-add", "case", case_id, f"count={len(added)}")
        return [line_of(entry, person) for entry, person in added]
