"""Batching a stored day: read who attends what, ask the domain for the best order, apply it.

Who attends: the professionals on each case's roster (a person from the directory, not the
citizen or a network person) who have not declined, for the parts their roster line names.
A case counts as invited once an invitation for it was exported (`InvitationState`): its time
was told to the participants and the proposal keeps it -- unless the coordinator, asked, lets
invited cases move (`keep_invited=False`): then applying marks each invited case whose start
changes as moved (`moved_from`), as a day edit or a pull forward does, until it is re-sent.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, col, select

from coordinator.domain.batching import BatchCase, BatchError, Proposal, propose, starts_kept
from coordinator.domain.schedule import ScheduleError, build_schedule
from coordinator.domain.vocab import Attendance, Part, RosterRole
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.days import plan_of, timing_of
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import (
    Case,
    Citizen,
    DayBreak,
    InvitationState,
    Person,
    RosterEntry,
    StepUpDay,
)


@dataclass(frozen=True)
class PersonMinutes:
    name: str
    now: int
    proposed: int


@dataclass(frozen=True)
class BatchView:
    """A proposal as the screen and `day batch` show it."""

    day_id: int
    date: str
    current: tuple[int, ...]
    order: tuple[int, ...]
    citizens: dict[int, str]
    now_minutes: int
    proposed_minutes: int
    people: tuple[PersonMinutes, ...]
    invited: tuple[int, ...]
    #: False when the proposal may move invited cases (the coordinator said so).
    keep_invited: bool = True

    @property
    def changes(self) -> bool:
        return self.order != self.current

    def as_json(self, applied: bool = False) -> dict[str, object]:
        return {
            "day": self.day_id,
            "date": self.date,
            "order": list(self.order),
            "presence_minutes": {"now": self.now_minutes, "proposed": self.proposed_minutes},
            "professionals": [
                {"name": p.name, "now": p.now, "proposed": p.proposed} for p in self.people
            ],
            "kept_invited": list(self.invited),
            "applied": applied,
        }


def _cases(session: Session, day_id: int) -> list[Case]:
    return list(
        session.exec(select(Case).where(Case.day_id == day_id).order_by(col(Case.position)))
    )


def _batch_case(session: Session, case: Case, keep_invited: bool = True) -> BatchCase:
    pre: set[int] = set()
    meeting: set[int] = set()
    entries = session.exec(
        select(RosterEntry).where(
            RosterEntry.case_id == case.id,
            RosterEntry.role == RosterRole.PROFESSIONAL.value,
            col(RosterEntry.person_id).is_not(None),
            RosterEntry.attendance != Attendance.DECLINED.value,
        )
    )
    for entry in entries:
        part = Part(entry.part)
        if part.in_pre_meeting:
            pre.add(entry.person_id or 0)
        if part.in_meeting:
            meeting.add(entry.person_id or 0)
    invited = (
        session.exec(select(InvitationState).where(InvitationState.case_id == case.id)).first()
        is not None
    )
    timing = timing_of(case)
    if invited and not keep_invited:  # free to move: its frozen start no longer holds it
        timing = replace(timing, planned_start=None)
    return BatchCase(timing, frozenset(pre), frozenset(meeting), invited and keep_invited)


def _invited_ids(session: Session, cases: list[Case]) -> tuple[int, ...]:
    return tuple(
        c.id or 0
        for c in cases
        if c.status == "planned"
        and session.exec(select(InvitationState).where(InvitationState.case_id == c.id)).first()
        is not None
    )


def _read(  # noqa: ANN202 - (day, cases, plan, batch cases)
    session: Session, day_id: int, keep_invited: bool = True
):
    day = session.get(StepUpDay, day_id)
    if day is None:
        raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
    breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day_id)))
    cases = _cases(session, day_id)
    return day, cases, plan_of(day, breaks), [_batch_case(session, c, keep_invited) for c in cases]


def _propose(plan, batch: list[BatchCase]) -> Proposal:  # noqa: ANN001 - DayPlan
    try:
        return propose(plan, batch)
    except (BatchError, ScheduleError) as exc:
        raise Invalid(str(exc)) from exc


def propose_batch(store: Store, day_id: int, keep_invited: bool = True) -> BatchView:
    """The best order of the day's cases and the professionals' minutes now and then; with
    `keep_invited=False` invited cases may move too."""
    with store.session() as session:
        day, cases, plan, batch = _read(session, day_id, keep_invited)
        proposal = _propose(plan, batch)
        now = dict(proposal.now.per_person)
        then = dict(proposal.proposed.per_person)
        people = []
        for person_id in sorted(now, key=lambda p: -now[p]):
            person = session.get(Person, person_id)
            people.append(
                PersonMinutes(person.name if person else "", now[person_id], then[person_id])
            )
        citizens = {}
        for case in cases:
            citizen = session.get(Citizen, case.citizen_id)
            citizens[case.id or 0] = citizen.name if citizen else ""
        return BatchView(
            day_id=day_id,
            date=day.date.isoformat(),
            current=tuple(c.id or 0 for c in cases),
            order=proposal.order,
            citizens=citizens,
            now_minutes=proposal.now.presence,
            proposed_minutes=proposal.proposed.presence,
            people=tuple(people),
            invited=_invited_ids(session, cases),
            keep_invited=keep_invited,
        )


def apply_order(
    store: Store, day_id: int, order: tuple[int, ...], keep_invited: bool = True
) -> None:
    """Put the day's cases in `order` (a proposal shown earlier). Refused, nothing changed,
    when the day's cases changed since, a case that started would move, or (unless
    `keep_invited=False`) an invited case's time would change."""
    with store.session() as session:
        _day, cases, plan, batch = _read(session, day_id, keep_invited)
        before = _starts(plan, cases)
        if sorted(order) != sorted(c.id or 0 for c in cases):
            raise Invalid(_("The day's cases changed since the proposal; propose again."))
        by_id = {b.case_id: b for b in batch}
        ordered = [by_id[i] for i in order]
        for was, now in zip(batch, ordered, strict=True):
            if (not was.movable or not now.movable) and was.case_id != now.case_id:
                raise Invalid(_("A case that has started cannot move; propose again."))
        if not starts_kept(plan, batch, ordered):
            raise Invalid(_("The order would move an invited meeting; propose again."))
        rows = {c.id: c for c in cases}
        now = store.now()
        for position, case_id in enumerate(order, start=1):
            row = rows[case_id]
            if row.position != position:
                row.position = position
                row.updated_at = now
                session.add(row)
        if not keep_invited:
            _mark_moved(session, plan, cases, [rows[i] for i in order], before, now)
        audit.record(store, session, "batch", "day", day_id, ",".join(map(str, order)))


def _starts(plan, cases: list[Case]) -> dict[int, datetime]:  # noqa: ANN001 - DayPlan
    """Each case's planned start in this order (what its invitation said)."""
    schedule = build_schedule(plan, [timing_of(c) for c in cases])
    return {c.id or 0: schedule.slot(c.id or 0).planned_start for c in cases}


def _mark_moved(  # noqa: PLR0913
    session: Session,
    plan,  # noqa: ANN001 - DayPlan
    cases: list[Case],
    ordered: list[Case],
    before: dict[int, datetime],
    now: datetime,
) -> None:
    """Invited cases the new order moves lose their frozen start and show where they were."""
    invited = set(_invited_ids(session, cases))
    frozen = {c.id: c.planned_start for c in ordered}
    for case in ordered:
        if case.id in invited:
            case.planned_start = None
    after = _starts(plan, ordered)
    for case in ordered:
        if case.id in invited and after[case.id or 0] != before[case.id or 0]:
            if case.moved_from is None:
                case.moved_from = before[case.id or 0]
            case.updated_at = now
            session.add(case)
        elif case.id in invited:
            case.planned_start = frozen[case.id]  # not moved: as it was
