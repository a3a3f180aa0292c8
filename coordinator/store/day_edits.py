"""Correcting a step-up day after it was created: its settings, and deleting it (with undo).

A change of date, start, durations or breaks can move meetings participants were already told
about. `edit_day` with `apply=False` says which (so the screen can ask first); applying marks
each moved planned case with the start it was invited to (`moved_from`), and the agenda and the
invitations show "moved from ..." until they are re-sent -- as pulling forward already does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from coordinator.domain.breaks import Break, BreakPolicy
from coordinator.domain.schedule import ScheduleError, build_schedule, validate_plan
from coordinator.domain.vocab import CaseStatus, ReferralStatus
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
    Referral,
    StepUpDay,
)
from coordinator.store.people import find_person
from coordinator.store.timing import Move
from coordinator.store.tombstones import Tombstone, bury, raise_from

#: Statuses after which a case's meeting is a record: its day can no longer be deleted.
HELD = frozenset({CaseStatus.MEETING, CaseStatus.DONE, CaseStatus.ABSENT_HELD})


@dataclass(frozen=True)
class DayChanges:
    """What to change on a day; None leaves a setting as it is."""

    date: date | None = None
    start: time | None = None
    pre_minutes: int | None = None
    meeting_minutes: int | None = None
    #: New breaks (start, end, latest start), replacing all; () removes every break.
    breaks: tuple[tuple[time, time, time | None], ...] | None = None
    break_policy: BreakPolicy | None = None
    location: str | None = None
    #: A person's name; "" removes the coordinator.
    coordinator: str | None = None


@dataclass(frozen=True)
class DayEdit:
    """The outcome of an edit: the meetings whose planned start changed (tell participants)."""

    day_id: int
    moves: tuple[Move, ...]
    changed: tuple[str, ...]
    #: The moved cases whose participants were sent an invitation (the screen asks first).
    invited: frozenset[int] = frozenset()


def _day(session: Session, day_id: int) -> StepUpDay:
    day = session.get(StepUpDay, day_id)
    if day is None:
        raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
    return day


def _cases(session: Session, day_id: int) -> list[Case]:
    return list(
        session.exec(select(Case).where(Case.day_id == day_id).order_by(col(Case.position)))
    )


def _on(moment: datetime | None, day: date) -> datetime | None:
    return None if moment is None else datetime.combine(day, moment.time())


def edit_day(store: Store, day_id: int, changes: DayChanges, apply: bool = True) -> DayEdit:
    """Change a day's settings; with `apply=False` nothing is stored (a preview of the moves).

    Refused (nothing changed) when the new plan is invalid, the cases no longer fit before
    midnight, or the date changes on a day that has started."""
    with store.session() as session:
        day = _day(session, day_id)
        breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
        cases = _cases(session, day_id)
        old_plan = plan_of(day, breaks)
        new_plan = old_plan
        if changes.date is not None and changes.date != day.date:
            if any(CaseStatus(c.status) is not CaseStatus.PLANNED for c in cases):
                raise Invalid(_("The day has started; its date can no longer change."))
            new_plan = replace(new_plan, date=changes.date)
        if changes.start is not None:
            new_plan = replace(new_plan, start=changes.start)
        if changes.pre_minutes is not None:
            new_plan = replace(new_plan, pre_minutes=changes.pre_minutes)
        if changes.meeting_minutes is not None:
            new_plan = replace(new_plan, meeting_minutes=changes.meeting_minutes)
        if changes.breaks is not None:
            new_plan = replace(
                new_plan, breaks=tuple(Break(s, e, late) for s, e, late in sorted(changes.breaks))
            )
        if changes.break_policy is not None:
            new_plan = replace(new_plan, break_policy=changes.break_policy)
        old_timings = [timing_of(c) for c in cases]
        new_timings = [
            replace(t, planned_start=_on(t.planned_start, new_plan.date)) for t in old_timings
        ]
        try:
            validate_plan(new_plan)
            before = build_schedule(old_plan, old_timings)
            after = build_schedule(new_plan, new_timings)
        except ScheduleError as exc:
            raise Invalid(str(exc)) from exc
        moves = []
        for case, old, new in zip(cases, before.slots, after.slots, strict=True):
            if case.status != CaseStatus.PLANNED or old.planned_start == new.planned_start:
                continue
            citizen = session.get(Citizen, case.citizen_id)
            moves.append(
                Move(
                    case.id or 0,
                    citizen.name if citizen else "",
                    old.planned_start,
                    new.planned_start,
                )
            )
        coordinator_id = day.coordinator_id
        if changes.coordinator is not None:
            name = changes.coordinator.strip()
            coordinator_id = find_person(store, name, session).id if name else None
        changed = _changed(day, breaks, new_plan, changes, coordinator_id)
        invited = _invited(session, [m.case_id for m in moves])
        if not apply:
            session.rollback()
            return DayEdit(day_id, tuple(moves), changed, invited)
        _store(store, session, day, breaks, cases, new_plan, changes, coordinator_id)
        now = store.now()
        for case, move in ((c, m) for m in moves for c in cases if c.id == m.case_id):
            if case.moved_from is None:
                case.moved_from = move.old_start
            case.updated_at = now
            session.add(case)
        audit.record(store, session, "edit", "day", day.id, ",".join(changed))
        return DayEdit(day_id, tuple(moves), changed, invited)


def _invited(session: Session, case_ids: list[int]) -> frozenset[int]:
    if not case_ids:
        return frozenset()
    found = session.exec(
        select(InvitationState.case_id).where(col(InvitationState.case_id).in_(case_ids))
    )
    return frozenset(found)


def _changed(
    day: StepUpDay,
    breaks: list[DayBreak],
    plan,  # noqa: ANN001 - DayPlan
    changes: DayChanges,
    coordinator_id: int | None,
) -> tuple[str, ...]:
    """The names of the settings that change (for the audit trail and the CLI's reply)."""
    old_breaks = sorted((b.start, b.end, b.latest_start) for b in breaks)
    new_breaks = sorted((b.start, b.end, b.latest_start) for b in plan.breaks)
    pairs = {
        "date": (day.date, plan.date),
        "start": (day.start_time, plan.start),
        "pre_minutes": (day.pre_minutes, plan.pre_minutes),
        "meeting_minutes": (day.meeting_minutes, plan.meeting_minutes),
        "breaks": (old_breaks, new_breaks),
        "break_policy": (day.break_policy, plan.break_policy.value),
        "location": (
            day.location,
            day.location if changes.location is None else changes.location.strip(),
        ),
        "coordinator": (day.coordinator_id, coordinator_id),
    }
    return tuple(name for name, (old, new) in pairs.items() if old != new)


def _store(
    store: Store,
    session: Session,
    day: StepUpDay,
    breaks: list[DayBreak],
    cases: list[Case],
    plan,  # noqa: ANN001 - DayPlan
    changes: DayChanges,
    coordinator_id: int | None,
) -> None:
    now = store.now()
    if plan.date != day.date:
        for case in cases:
            case.planned_start = _on(case.planned_start, plan.date)
            case.moved_from = _on(case.moved_from, plan.date)
            session.add(case)
    day.date = plan.date
    day.start_time = plan.start
    day.pre_minutes = plan.pre_minutes
    day.meeting_minutes = plan.meeting_minutes
    day.break_policy = plan.break_policy.value
    if changes.location is not None:
        day.location = changes.location.strip()
    day.coordinator_id = coordinator_id
    day.updated_at = now
    session.add(day)
    if changes.breaks is not None:
        for brk in breaks:
            session.delete(brk)
        session.flush()
        for brk in plan.breaks:
            session.add(
                DayBreak(
                    day_id=day.id or 0, start=brk.start, end=brk.end, latest_start=brk.latest_start
                )
            )


def delete_day(store: Store, day_id: int) -> Tombstone:
    """Delete a day with its cases and everything that goes with them; refused once a meeting
    of the day was held (its agreement and timings are records: cancel instead)."""
    with store.session() as session:
        day = _day(session, day_id)
        cases = _cases(session, day_id)
        _refuse_held_day(day, cases)
        tombstone = bury(session, "stepupday", [day_id], "day", day_id)
        _release_referrals(session, tombstone)
        audit.record(store, session, "delete", "day", day_id, f"cases={len(cases)}")
        return tombstone


def _refuse_held_day(day: StepUpDay, cases: list[Case]) -> None:
    if any(CaseStatus(c.status) in HELD for c in cases):
        raise Invalid(
            _("A meeting of the day {date} was held; the day can no longer be deleted.").format(
                date=day.date.isoformat()
            )
        )


def _release_referrals(session: Session, tombstone: Tombstone) -> None:
    """Referrals whose case was deleted go back to the queue."""
    for table, _column, key, _old in tombstone.unlinked:
        if table == "referral":
            referral = session.get(Referral, key[0])
            if referral is not None:
                referral.status = ReferralStatus.WAITING.value
                session.add(referral)


def undo_delete(store: Store, tombstone: Tombstone) -> None:
    """Put a deleted day or case back as it was (while the app that deleted it is open)."""
    try:
        with store.session() as session:
            _raise_again(store, session, tombstone)
    except IntegrityError as exc:  # e.g. the day of a deleted case was deleted since
        raise Invalid(
            _("The delete can no longer be undone: what it belonged to is gone.")
        ) from exc


def _raise_again(store: Store, session: Session, tombstone: Tombstone) -> None:
    _make_room(store, session, tombstone)
    raise_from(session, tombstone)
    session.flush()  # a link the rows need that is gone fails here, inside the try
    for table, _column, key, _old in tombstone.unlinked:
        if table == "referral":
            referral = session.get(Referral, key[0])
            if referral is not None:
                referral.status = ReferralStatus.PLANNED.value
                session.add(referral)
    audit.record(store, session, "undo-delete", tombstone.what, tombstone.entity_id)


def _make_room(store: Store, session: Session, tombstone: Tombstone) -> None:
    """A deleted case comes back at its number: the cases its delete closed up move up again
    (a whole day comes back with its own numbers, nothing to make room among)."""
    if tombstone.what != "case":
        return
    now = store.now()
    for name, rows in tombstone.rows:
        if name != "case":
            continue
        for row in rows:
            for later in _cases(session, row["day_id"]):
                if later.position >= row["position"]:
                    later.position += 1
                    later.updated_at = now
                    session.add(later)
    session.flush()


def day_summary(store: Store, day_id: int) -> tuple[StepUpDay, int]:
    """The day and its number of cases: what a delete confirmation names."""
    with store.session() as session:
        day = _day(session, day_id)
        return day, len(_cases(session, day_id))


@dataclass(frozen=True)
class DeletePreview:
    """What deleting a case or a day would take with it, for the confirmation to name.

    Counted from a trial delete that is rolled back (`bury` walks the schema's foreign keys),
    so the confirmation names exactly what the delete removes, tables added later included.
    `refused` is the store's one-line reason when the delete would be refused (a meeting was
    held), else ""."""

    what: str
    entity_id: int
    #: (table, rows) in the order the delete found them; the case or day itself first.
    counts: tuple[tuple[str, int], ...]
    refused: str = ""

    def count(self, table: str) -> int:
        return dict(self.counts).get(table, 0)


def preview_delete(store: Store, what: str, entity_id: int) -> DeletePreview:
    """Count what `case_edits.delete_case` ("case") or `delete_day` ("day") would remove;
    nothing is changed."""
    with store.session() as session:
        refused = ""
        try:
            if what == "day":
                table = "stepupday"
                _refuse_held_day(_day(session, entity_id), _cases(session, entity_id))
            else:
                table = "case"
                case = session.get(Case, entity_id)
                if case is None:
                    raise NotFound(_("No case with id {id}.").format(id=entity_id))
                _refuse_held_case(case)
        except Invalid as exc:
            refused = exc.message
        tombstone = bury(session, table, [entity_id], what, entity_id)
        session.rollback()
    counts: dict[str, int] = {}
    for name, rows in tombstone.rows:
        counts[name] = counts.get(name, 0) + len(rows)
    return DeletePreview(what, entity_id, tuple(counts.items()), refused)


def _refuse_held_case(case: Case) -> None:
    if CaseStatus(case.status) in HELD:
        raise Invalid(
            _("The meeting of case {id} was held; it cannot be deleted, only cancelled.").format(
                id=case.id
            )
        )
