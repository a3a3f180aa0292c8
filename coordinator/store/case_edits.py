"""Correcting a case after `case add`: its details, moving it to another day, deleting it.

The roster follows the case: a new citizen replaces the citizen's roster line, a new job broker
or caseworker replaces the old one's line (the person's part and attendance are kept). A case
whose meeting was held cannot move or be deleted (its agreement and timings are records).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from coordinator.domain.schedule import ScheduleError, build_schedule
from coordinator.domain.vocab import CaseStatus, ChallengeKind, Profession, RosterRole
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.cases import _professional, find_or_create_citizen
from coordinator.store.database import Store
from coordinator.store.day_edits import _refuse_held_case, _release_referrals
from coordinator.store.days import plan_of, timing_of
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import (
    Case,
    CaseChallenge,
    Citizen,
    DayBreak,
    InvitationState,
    Person,
    RosterEntry,
    StepUpDay,
)
from coordinator.store.tombstones import Tombstone, bury


@dataclass(frozen=True)
class CaseChanges:
    """What to change on a case; None leaves it. `challenges` replaces them all; "" for a
    job broker or caseworker removes them."""

    citizen: str | None = None
    challenges: tuple[ChallengeKind, ...] | None = None
    jobbroker: str | None = None
    caseworker: str | None = None
    cpr: str | None = None
    problem_statement: str | None = None
    trigger: str | None = None


def _get(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(_("No case with id {id}.").format(id=case_id))
    return case


def edit_case(store: Store, case_id: int, changes: CaseChanges) -> tuple[str, ...]:
    """Apply the changes in one transaction; returns the names of what changed."""
    changed: list[str] = []
    with store.session() as session:
        case = _get(session, case_id)
        now = store.now()
        if changes.citizen is not None or changes.cpr is not None:
            old = session.get(Citizen, case.citizen_id)
            assert old is not None
            name = changes.citizen if changes.citizen is not None else old.name
            if changes.citizen is None and changes.cpr is not None and old.cpr is None:
                citizen = _with_cpr(store, session, old, changes.cpr)
            else:
                citizen = find_or_create_citizen(store, session, name, changes.cpr or None)
            if citizen.id != case.citizen_id:
                case.citizen_id = citizen.id or 0
                for entry in _entries(session, case_id, RosterRole.CITIZEN):
                    entry.name = citizen.name
                    entry.updated_at = now
                    session.add(entry)
                changed.append("citizen")
            elif changes.cpr is not None:
                changed.append("cpr")
        if changes.challenges is not None:
            wanted = list(dict.fromkeys(k.value for k in changes.challenges))
            if wanted != [k.value for k in case.challenge_kinds]:
                case.challenge_rows = [CaseChallenge(kind=kind) for kind in wanted]
                changed.append("challenges")
        for field, profession in (
            ("jobbroker", Profession.JOBBROKER),
            ("caseworker", Profession.CASEWORKER),
        ):
            name = getattr(changes, field)
            if name is None:
                continue
            person = (
                _professional(store, session, name.strip(), profession) if name.strip() else None
            )
            if _replace_professional(store, session, case, field, person):
                changed.append(field)
        for field in ("problem_statement", "trigger"):
            value = getattr(changes, field)
            if value is not None and value.strip() != getattr(case, field):
                setattr(case, field, value.strip())
                changed.append(field)
        if changed:
            case.updated_at = now
            session.add(case)
            audit.record(store, session, "edit", "case", case.id, ",".join(changed))
    return tuple(changed)


def _with_cpr(store: Store, session: Session, citizen: Citizen, cpr: str) -> Citizen:
    """Give a citizen without a CPR number one (or find the citizen who has it)."""
    found = find_or_create_citizen(store, session, citizen.name, cpr)
    if found.id != citizen.id and found.created_at == store.now() and found.name == citizen.name:
        # a new row was made only because the old one lacked the number: keep the old one
        citizen.cpr = found.cpr
        session.delete(found)
        session.flush()
        session.add(citizen)
        return citizen
    return found


def _entries(session: Session, case_id: int, role: RosterRole) -> list[RosterEntry]:
    return list(
        session.exec(
            select(RosterEntry).where(
                RosterEntry.case_id == case_id, RosterEntry.role == role.value
            )
        )
    )


def _replace_professional(
    store: Store, session: Session, case: Case, field: str, person: Person | None
) -> bool:
    column = f"{field}_id"
    old_id = getattr(case, column)
    new_id = person.id if person else None
    if old_id == new_id:
        return False
    setattr(case, column, new_id)
    now = store.now()
    line = None
    if old_id is not None:
        line = session.exec(
            select(RosterEntry).where(
                RosterEntry.case_id == case.id, RosterEntry.person_id == old_id
            )
        ).first()
    if person is None:
        if line is not None:
            session.delete(line)
        return True
    already = session.exec(
        select(RosterEntry).where(RosterEntry.case_id == case.id, RosterEntry.person_id == new_id)
    ).first()
    if already is not None:
        if line is not None:
            session.delete(line)
        return True
    if line is None:
        line = RosterEntry(case_id=case.id or 0, role=RosterRole.PROFESSIONAL.value, created_at=now)
    line.person_id = new_id
    line.name = person.name
    line.updated_at = now
    session.add(line)
    return True


def _day_cases(session: Session, day_id: int) -> list[Case]:
    return list(
        session.exec(select(Case).where(Case.day_id == day_id).order_by(col(Case.position)))
    )


def _check_fits(session: Session, day: StepUpDay, cases: list[Case]) -> None:
    breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
    try:
        build_schedule(plan_of(day, breaks), [timing_of(c) for c in cases])
    except ScheduleError as exc:
        raise Invalid(str(exc)) from exc


def move_case_to_day(store: Store, case_id: int, day_id: int, position: int | None = None) -> Case:
    """Move a planned case to another day (at `position`, 1-based; default last).

    Its frozen start is dropped (it follows the new day's agenda) and, if participants were
    told a time, the case shows it was moved. Refused when the case has started, the new day
    has started past that position, or the cases would no longer fit the new day."""
    from coordinator.store.referrals import refuse_if_full

    with store.session() as session:
        if _get(session, case_id).day_id != day_id:
            refuse_if_full(store, day_id)
    with store.session() as session:
        case = _get(session, case_id)
        if case.status != CaseStatus.PLANNED:
            raise Invalid(
                _("Case {id} has started or ended; it can no longer move to another day.").format(
                    id=case_id
                )
            )
        target = session.get(StepUpDay, day_id)
        if target is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
        source_id = case.day_id
        others = [c for c in _day_cases(session, day_id) if c.id != case.id]
        index = len(others) if position is None else position - 1
        if not 0 <= index <= len(others):
            raise Invalid(
                _("Position {position} is not on the day (1–{last}).").format(
                    position=position, last=len(others) + 1
                )
            )
        if any(c.status != CaseStatus.PLANNED for c in others[index:]):
            raise Invalid(_("A case after that position has already started; choose a later one."))
        source = session.get(StepUpDay, source_id)
        assert source is not None
        source_cases = _day_cases(session, source_id)
        old_start = _starts(session, source, source_cases)[case.id or 0]
        other_day = day_id != source_id
        if other_day:
            _hold_invited(session, source, source_cases, case.id or 0)
        target_before = _starts(session, target, others) if other_day else {}
        case.planned_start = None
        case.day_id = day_id
        ordered = [*others[:index], case, *others[index:]]
        for number, item in enumerate(ordered, start=1):
            item.position = number
        _check_fits(session, target, ordered)
        now = store.now()
        if case.moved_from is None:
            case.moved_from = old_start  # shown until the participants are told
        for item in ordered:
            item.updated_at = now
            session.add(item)
        _mark_invited_moved(session, target, ordered, target_before)
        for number, item in enumerate(
            [c for c in _day_cases(session, source_id) if c.id != case.id], start=1
        ):
            item.position = number
            session.add(item)
        audit.record(
            store, session, "move", "case", case.id, f"day={day_id},position={case.position}"
        )
        return case


def _starts(session: Session, day: StepUpDay, cases: list[Case]) -> dict[int, datetime]:
    """Each case's planned start on the day in this order."""
    breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
    schedule = build_schedule(plan_of(day, breaks), [timing_of(c) for c in cases])
    return {c.id or 0: schedule.slot(c.id or 0).planned_start for c in cases}


def _invited(session: Session, cases: list[Case]) -> list[Case]:
    """The planned cases whose invitations went out (their time was told)."""
    ids = [c.id for c in cases if c.status == CaseStatus.PLANNED]
    if not ids:
        return []
    told = set(
        session.exec(select(InvitationState.case_id).where(col(InvitationState.case_id).in_(ids)))
    )
    return [c for c in cases if c.id in told]


def _hold_invited(session: Session, day: StepUpDay, cases: list[Case], leaving: int) -> None:
    """A case leaves the day (moved or deleted): the invited cases after it keep the times
    they were told (frozen), so its slot stays a gap, as a cancelled case's does, until the
    coordinator pulls them forward (which marks them moved). Others close up."""
    before = _starts(session, day, cases)
    rest = [c for c in cases if c.id != leaving]
    after = _starts(session, day, rest)
    for case in _invited(session, rest):
        if after[case.id or 0] != before[case.id or 0]:
            case.planned_start = before[case.id or 0]
            session.add(case)


def _mark_invited_moved(
    session: Session, day: StepUpDay, cases: list[Case], before: dict[int, datetime]
) -> None:
    """A case arrives on the day: invited cases it pushes later show "moved from ..."."""
    after = _starts(session, day, cases)
    for case in _invited(session, cases):
        old = before.get(case.id or 0)
        if old is not None and after[case.id or 0] != old and case.moved_from is None:
            case.moved_from = old
            session.add(case)


def delete_case(store: Store, case_id: int) -> Tombstone:
    """Delete a case with its roster, preparation and agreement drafts; refused once its
    meeting was held (then only cancel). Undo with `day_edits.undo_delete`.

    The cases after it close up (1, 2, 3, 4, never 1, 2, 4, 5): a case's position is the number
    everybody reads, "the 3rd citizen today", on the agenda, in exports and in invitations.
    Undo makes room at the number again."""
    with store.session() as session:
        case = _get(session, case_id)
        _refuse_held_case(case)
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
        cases = _day_cases(session, case.day_id)
        _hold_invited(session, day, cases, case_id)
        now = store.now()
        for later in cases:
            if later.position > case.position:
                later.position -= 1
                later.updated_at = now
                session.add(later)
        session.flush()
        tombstone = bury(session, "case", [case_id], "case", case_id)
        _release_referrals(session, tombstone)
        audit.record(store, session, "delete", "case", case_id)
        return tombstone


def case_summary(store: Store, case_id: int) -> dict[str, object]:
    """What a delete confirmation names: the citizen, the day, and what goes with the case."""
    with store.session() as session:
        case = _get(session, case_id)
        citizen = session.get(Citizen, case.citizen_id)
        day = session.get(StepUpDay, case.day_id)
        roster = len(list(session.exec(select(RosterEntry).where(RosterEntry.case_id == case_id))))
        return {
            "id": case_id,
            "citizen": citizen.name if citizen else "",
            "date": day.date.isoformat() if day else "",
            "status": case.status,
            "roster": roster,
        }


@dataclass(frozen=True)
class CaseDetails:
    """A case as the edit dialog fills its fields (no rows leave the store). The CPR number
    is only said to be there (`has_cpr`): the dialog never shows it, a new one replaces it."""

    id: int
    day_id: int
    status: CaseStatus
    citizen: str
    has_cpr: bool
    challenges: tuple[ChallengeKind, ...]
    jobbroker: str
    caseworker: str
    problem_statement: str
    trigger: str


def case_details(store: Store, case_id: int) -> CaseDetails:
    with store.session() as session:
        case = _get(session, case_id)
        citizen = session.get(Citizen, case.citizen_id)

        def name(person_id: int | None) -> str:
            person = session.get(Person, person_id) if person_id is not None else None
            return person.name if person else ""

        return CaseDetails(
            id=case_id,
            day_id=case.day_id,
            status=CaseStatus(case.status),
            citizen=citizen.name if citizen else "",
            has_cpr=bool(citizen and citizen.cpr),
            challenges=case.challenge_kinds,
            jobbroker=name(case.jobbroker_id),
            caseworker=name(case.caseworker_id),
            problem_statement=case.problem_statement,
            trigger=case.trigger,
        )
