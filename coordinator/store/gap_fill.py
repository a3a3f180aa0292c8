"""Using an empty stretch of a day (issue 21, item 16): pull a later case into it.

The day screen finds the gap and the cases that would fit (`domain/gaps.py`, pure); this module
stores the choice. The case moves to the agenda place of the gap and, when its time was frozen
(it was invited), its planned start becomes the gap's start. An invited case is marked as moved
from the time its participants were told (the agenda and invitations say "moved from ..." until
re-sent, as pulling forward does). Moving the lunch into the gap is an edit of the day's breaks:
the day screen calls `day_edits.edit_day`, the one place a day's settings change.

`apply=False` answers what would happen and stores nothing, so the screen can ask first.
Refused with a one-line message (nothing changed) when the case has started, is not on the day,
or no longer fits in the gap.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, col, select

from coordinator.domain.schedule import ScheduleError, build_schedule
from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.days import plan_of, timing_of
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Citizen, DayBreak, InvitationState, StepUpDay
from coordinator.store.timing import Move


@dataclass(frozen=True)
class GapFill:
    """What pulling a case into a gap does: the case's new start, and every other planned case
    whose planned start changes with it (the hole it leaves closes up behind it)."""

    case_id: int
    citizen: str
    old_start: datetime
    new_start: datetime
    #: Its participants were sent an invitation (tell them the new time).
    invited: bool
    others: tuple[Move, ...] = ()


def _citizen(session: Session, case: Case) -> str:
    citizen = session.get(Citizen, case.citizen_id)
    return citizen.name if citizen else ""


def pull_into_gap(
    store: Store,
    day_id: int,
    case_id: int,
    gap_start: datetime,
    gap_end: datetime,
    apply: bool = True,
) -> GapFill:
    """Move a later planned case into the gap [gap_start, gap_end) of the day."""
    with store.session() as session:
        day = session.get(StepUpDay, day_id)
        if day is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
        breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day_id)))
        cases = list(
            session.exec(select(Case).where(Case.day_id == day_id).order_by(col(Case.position)))
        )
        case = next((c for c in cases if c.id == case_id), None)
        if case is None:
            raise NotFound(_("Case {id} is not on this day.").format(id=case_id))
        if case.status != CaseStatus.PLANNED:
            raise Invalid(_("Only a case that has not started can move into the gap."))
        plan, now = plan_of(day, breaks), store.now()
        try:
            before = build_schedule(plan, [timing_of(c) for c in cases], now)
        except ScheduleError as exc:
            raise Invalid(str(exc)) from exc
        rest = [c for c in cases if c.id != case_id]
        place = next(
            (i for i, c in enumerate(rest) if before.slot(c.id or 0).predicted_start >= gap_end),
            len(rest),
        )
        order = [*rest[:place], case, *rest[place:]]
        timings = [timing_of(c) for c in order]
        index = place
        if case.planned_start is not None:
            timings[index] = replace(timings[index], planned_start=gap_start)
        try:
            after = build_schedule(plan, timings, now)
        except ScheduleError as exc:
            raise Invalid(str(exc)) from exc
        slot = after.slot(case_id)
        if slot.predicted_start < gap_start or slot.predicted_end > gap_end:
            raise Invalid(
                _("The case of {citizen} does not fit in the gap {start}–{end}.").format(
                    citizen=_citizen(session, case),
                    start=f"{gap_start:%H:%M}",
                    end=f"{gap_end:%H:%M}",
                )
            )
        others = tuple(
            Move(
                c.id or 0,
                _citizen(session, c),
                before.slot(c.id or 0).planned_start,
                after.slot(c.id or 0).planned_start,
            )
            for c in rest
            if c.status == CaseStatus.PLANNED
            and before.slot(c.id or 0).planned_start != after.slot(c.id or 0).planned_start
        )
        invited = (
            session.exec(select(InvitationState).where(InvitationState.case_id == case_id)).first()
            is not None
        )
        fill = GapFill(
            case_id,
            _citizen(session, case),
            before.slot(case_id).planned_start,
            slot.planned_start,
            invited,
            others,
        )
        if not apply:
            session.rollback()
            return fill
        for position, row in enumerate(order, start=1):
            if row.position != position:
                row.position = position
                row.updated_at = now
                session.add(row)
        if case.planned_start is not None:
            case.planned_start = slot.planned_start
        if invited and case.moved_from is None:
            case.moved_from = fill.old_start
        case.updated_at = now
        session.add(case)
        detail = f"into gap {gap_start:%H:%M}-{gap_end:%H:%M}: {fill.old_start:%H:%M} -> "
        audit.record(
            store, session, "fill-gap", "case", case_id, detail + f"{slot.planned_start:%H:%M}"
        )
        return fill
