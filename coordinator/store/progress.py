"""Progress of agreement items after the meeting: started, done, dropped, a note.

Each change is an `ItemProgress` event, recorded on the item's row in the agreement in force
and grouped by the item's stable id, so a final agreement is never reopened for it and the
history follows the item into a new version or a second conversation. Audited (which item,
which status; never the note).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from coordinator.domain.followup import ProgressStatus, progress_problem
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.followup import (
    FollowupItem,
    agreements_in_force,
    events_by_lineage,
    item_view,
    lineage_of,
)
from coordinator.store.models import AgreementItem, Case, Citizen, ItemProgress, StepUpDay


def _row_in_force(session: Session, item_id: int) -> AgreementItem:
    """The row of the item's line in the agreement in force, from any row id of the line."""
    item = session.get(AgreementItem, item_id)
    if item is None:
        raise NotFound(
            _("No agreement item with id {id} (an item deleted from a draft is gone).").format(
                id=item_id
            )
        )
    lineage = lineage_of(item)
    in_force = {a.id: a for a in agreements_in_force(session)}
    rows = session.exec(
        select(AgreementItem)
        .where(col(AgreementItem.agreement_id).in_(list(in_force)))
        .where((AgreementItem.id == lineage) | (AgreementItem.lineage_id == lineage))
    ).all()
    if not rows:
        raise Invalid(
            _(
                "Item {id} is not in a final agreement; progress is followed once the agreement "
                "is final."
            ).format(id=item_id)
        )
    return max(rows, key=lambda row: row.id or 0)


def _context(session: Session, row: AgreementItem) -> tuple[Case, StepUpDay, str]:
    from coordinator.store.models import Agreement

    agreement = session.get(Agreement, row.agreement_id)
    assert agreement is not None
    case = session.get(Case, agreement.case_id)
    assert case is not None
    day = session.get(StepUpDay, case.day_id)
    assert day is not None
    citizen = session.get(Citizen, case.citizen_id)
    return case, day, citizen.name if citizen else ""


def record_progress(
    store: Store,
    item_id: int,
    status: ProgressStatus,
    on: date | None = None,
    note: str = "",
) -> FollowupItem:
    """Record that the item was started, done, dropped or opened again on `on` (today by
    default), with an optional note (a reason when dropped). Returns the item as it now is."""
    today = store.now().date()
    on = on or today
    with store.session() as session:
        row = _row_in_force(session, item_id)
        case, day, citizen = _context(session, row)
        problem = progress_problem(status, on, day.date, today, note)
        if problem:
            raise Invalid(problem)
        event = ItemProgress(
            item_id=row.id or 0,
            lineage_id=lineage_of(row),
            status=status.value,
            effective_on=on,
            note=note.strip(),
            recorded_by=store.actor,
            recorded_at=store.now(),
        )
        session.add(event)
        session.flush()
        audit.record(store, session, "progress", "agreement-item", lineage_of(row), status.value)
        events = events_by_lineage(session, [lineage_of(row)])
        return item_view(row, case, day, citizen, events[lineage_of(row)], today)


def add_note(store: Store, item_id: int, note: str, on: date | None = None) -> FollowupItem:
    """A note on the item's history; its status stays as it is."""
    if not note.strip():
        raise Invalid(_("A note needs some text."))
    today = store.now().date()
    with store.session() as session:
        row = _row_in_force(session, item_id)
        case, day, citizen = _context(session, row)
        current = item_view(row, case, day, citizen, [], today).status
        events = events_by_lineage(session, [lineage_of(row)]).get(lineage_of(row), [])
        status = ProgressStatus(events[-1].status) if events else current
    return record_progress(store, item_id, status, on, note)


def item_history(store: Store, item_id: int) -> FollowupItem:
    """The item in force with every progress event, from any row id of its line."""
    today = store.now().date()
    with store.session() as session:
        row = _row_in_force(session, item_id)
        case, day, citizen = _context(session, row)
        events = events_by_lineage(session, [lineage_of(row)]).get(lineage_of(row), [])
        return item_view(row, case, day, citizen, events, today)
