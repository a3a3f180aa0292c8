"""The follow-up: every item of every final agreement that is still in force, across cases
and days, with its progress as the events tell it.

An agreement is *in force* when it is a case's newest final version and the case has no
later conversation whose agreement is final (that one carries the items on, with the same
stable ids). An item's stable id is its lineage (`lineage_of`): progress recorded on one
version stays with the item in the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from coordinator.domain.followup import (
    CLOSED,
    ProgressStatus,
    days_overdue,
    due_this_week,
    initials,
    progress_from_item_status,
)
from coordinator.domain.vocab import AgreementStatus, ItemKind
from coordinator.store.database import Store
from coordinator.store.models import (
    Agreement,
    AgreementItem,
    Case,
    ItemProgress,
    Person,
    StepUpDay,
)


def lineage_of(item: AgreementItem) -> int:
    """The item's stable id across versions and conversations."""
    return item.lineage_id or item.id or 0


@dataclass(frozen=True)
class ProgressEvent:
    """One recorded change of an item after the meeting."""

    id: int
    status: ProgressStatus
    effective_on: date
    note: str
    recorded_by: str


@dataclass(frozen=True)
class FollowupItem:
    """One agreement item as the follow-up shows it."""

    id: int  # the stable (lineage) id
    row_id: int  # the row in the agreement in force
    case_id: int
    meeting_date: date
    citizen: str
    kind: ItemKind
    text: str
    responsible: str
    due: date | None
    status: ProgressStatus
    overdue: int  # whole days past due, 0 when not overdue
    this_week: bool
    started_on: date | None = None
    done_on: date | None = None
    last_note: str = ""
    events: tuple[ProgressEvent, ...] = ()

    @property
    def closed(self) -> bool:
        return self.status in CLOSED

    @property
    def citizen_initials(self) -> str:
        return initials(self.citizen)


def agreements_in_force(session: Session, case_ids: Iterable[int] | None = None) -> list[Agreement]:
    """The newest final version of each case, unless a later conversation's agreement is final."""
    statement = select(Agreement).where(Agreement.status == AgreementStatus.FINAL.value)
    if case_ids is not None:
        statement = statement.where(col(Agreement.case_id).in_(list(case_ids)))
    newest: dict[int, Agreement] = {}
    for agreement in session.exec(statement.order_by(col(Agreement.version))):
        newest[agreement.case_id] = agreement
    if not newest:
        return []
    later = session.exec(
        select(Case.previous_case_id, Agreement.status)
        .join(Agreement, col(Agreement.case_id) == Case.id)
        .where(col(Case.previous_case_id).is_not(None))
        .where(Agreement.status == AgreementStatus.FINAL.value)
    ).all()
    superseded = {previous for previous, _status in later}
    return [a for case_id, a in newest.items() if case_id not in superseded]


def events_by_lineage(session: Session, lineages: Iterable[int]) -> dict[int, list[ItemProgress]]:
    wanted = list(set(lineages))
    found: dict[int, list[ItemProgress]] = {}
    if not wanted:
        return found
    statement = (
        select(ItemProgress)
        .where(col(ItemProgress.lineage_id).in_(wanted))
        .order_by(col(ItemProgress.id))
    )
    for event in session.exec(statement):
        found.setdefault(event.lineage_id, []).append(event)
    return found


def _event_view(event: ItemProgress) -> ProgressEvent:
    return ProgressEvent(
        id=event.id or 0,
        status=ProgressStatus(event.status),
        effective_on=event.effective_on,
        note=event.note,
        recorded_by=event.recorded_by,
    )


def item_view(
    item: AgreementItem,
    case: Case,
    day: StepUpDay,
    citizen: str,
    events: list[ItemProgress],
    today: date,
) -> FollowupItem:
    """The item with its progress: the last event's status, else the status the agreement
    editor stored."""
    return _view(item, case.id or 0, day.date, citizen, events, today)


def _view(
    item, case_id: int, meeting: date, citizen: str, events: list, today: date
) -> FollowupItem:  # noqa: ANN001, E501 - an AgreementItem or a row with its columns
    """`item_view` of anything with an item's columns: a row object, or a row of
    `followup_query.items_statement` (whose events are rows too)."""
    status = ProgressStatus(events[-1].status) if events else progress_from_item_status(item.status)
    started = [e.effective_on for e in events if e.status == ProgressStatus.STARTED]
    done = [e.effective_on for e in events if e.status == ProgressStatus.DONE]
    notes = [e.note for e in events if e.note]
    return FollowupItem(
        id=item.lineage_id or item.id or 0,
        row_id=item.id or 0,
        case_id=case_id,
        meeting_date=meeting,
        citizen=citizen,
        kind=ItemKind(item.kind),
        text=item.text,
        responsible=item.responsible_text,
        due=item.due,
        status=status,
        overdue=days_overdue(item.due, status, today),
        this_week=due_this_week(item.due, status, today),
        started_on=started[-1] if started else None,
        done_on=done[-1] if done else None,
        last_note=notes[-1] if notes else "",
        events=tuple(_event_view(e) for e in events),
    )


def _matches_person(item, person: str, person_ids: set[int]) -> bool:  # noqa: ANN001 - a row
    wanted = person.casefold().strip()
    return item.responsible_person_id in person_ids or wanted in item.responsible_text.casefold()


def followup_items(
    store: Store,
    today: date,
    *,
    person: str | None = None,
    case_id: int | None = None,
    overdue_only: bool = False,
    include_closed: bool = False,
) -> list[FollowupItem]:
    """The items in force, sorted by due date (undated last), then case and kind.

    `person` matches the responsible by name (a part of it is enough: "Helle"), `case_id`
    also finds the items of the case's later conversation.
    """
    from coordinator.store.followup_query import items_statement

    with store.session() as session:
        cases = None
        if case_id is not None:
            cases = {case_id}
            cases.update(
                c.id or 0
                for c in session.exec(select(Case).where(Case.previous_case_id == case_id))
            )
        # Filtered in the database (closed and not overdue ones stay there), as plain rows.
        statement = items_statement(
            cases=cases,
            include_closed=include_closed,
            overdue_on=today if overdue_only else None,
        )
        rows = session.exec(statement).all()  # type: ignore[call-overload]
        person_ids: set[int] = set()
        if person:
            person_ids = {
                p.id or 0
                for p in session.exec(select(Person))
                if person.casefold().strip() in p.name.casefold()
            }
            rows = [row for row in rows if _matches_person(row, person, person_ids)]
        return item_views(session, rows, today)


def item_views(session: Session, rows: Sequence, today: date) -> list[FollowupItem]:
    """The items of `rows` (`followup_query.items_statement`'s) with their events, in the
    list's order: due date (undated last), then case, kind and item. The whole list and a
    page of it (`followup_page`) show the same items the same way."""
    from coordinator.store.followup_query import events_of

    events = events_of(session, (row.lineage_id or row.id for row in rows))
    found = [
        _view(
            row,
            row.case_id,
            row.meeting_date,
            row.citizen,
            events.get(row.lineage_id or row.id, []),
            today,
        )
        for row in rows
    ]
    found.sort(key=lambda v: (v.due is None, v.due or today, v.case_id, v.kind, v.id))
    return found


def followup_json(items: list[FollowupItem], names: bool = False) -> dict[str, object]:
    """The `followup list --json` document (DESIGN.md); the citizen as initials unless
    `names` (the list may be on a projector)."""
    return {
        "items": [
            {
                "id": item.id,
                "case": item.case_id,
                "citizen": item.citizen if names else item.citizen_initials,
                "kind": item.kind.value,
                "text": item.text,
                "responsible": item.responsible,
                "due": item.due.isoformat() if item.due else None,
                "status": item.status.value,
                "overdue": item.overdue,
                "started_on": item.started_on.isoformat() if item.started_on else None,
                "done_on": item.done_on.isoformat() if item.done_on else None,
                "note": item.last_note,
            }
            for item in items
        ]
    }
