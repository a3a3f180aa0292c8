"""The follow-up's items as one SQL query: the items in force, with their case, meeting date,
citizen and current progress status, filtered in the database.

Ten years of a municipality hold some 30,000 items, most of them closed: building an ORM object
for each, with its events, took the follow-up list (and the days screen's reminder) many seconds
and hundreds of megabytes. Here "in force" is `statistics_followup.in_force` (the rule of
`followup.agreements_in_force` as a subquery) and the status is the newest event's, else what
the agreement editor stored, as `followup.item_view` reads it; only the rows asked for leave
the database, as plain tuples.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Select, and_, case, func, literal, select
from sqlmodel import Session, col

from coordinator.domain.followup import CLOSED, ProgressStatus
from coordinator.store.models import (
    Agreement,
    AgreementItem,
    Case,
    Citizen,
    ItemProgress,
    StepUpDay,
)
from coordinator.store.statistics_followup import in_force, in_force_row


def _status():  # noqa: ANN202 - a SQL expression
    """The item's progress status: its newest event's, else the editor's (`in-progress` is
    started, `done` done, anything else open: `domain.followup.progress_from_item_status`).

    The newest event is looked up per item through the index on `lineage_id` (a correlated
    subquery), so only the items the other conditions keep are looked at; grouping every event
    of the history first took the days list's reminder 0.2 s on ten years."""
    lineage = func.coalesce(AgreementItem.lineage_id, AgreementItem.id)
    newest = (
        select(ItemProgress.status)
        .where(col(ItemProgress.lineage_id) == lineage)
        .order_by(col(ItemProgress.id).desc())
        .limit(1)
        .correlate(AgreementItem)
        .scalar_subquery()
    )
    editor = case(
        (AgreementItem.status == "in-progress", literal(ProgressStatus.STARTED.value)),
        (AgreementItem.status == ProgressStatus.DONE.value, literal(ProgressStatus.DONE.value)),
        (
            AgreementItem.status == ProgressStatus.DROPPED.value,
            literal(ProgressStatus.DROPPED.value),
        ),
        else_=literal(ProgressStatus.OPEN.value),
    )
    return func.coalesce(newest, editor)


def items_statement(
    *,
    columns: Iterable = (),
    cases: set[int] | None = None,
    include_closed: bool = False,
    overdue_on: date | None = None,
    by_row: bool = False,
) -> Select:
    """SELECT the items in force (the given columns, or the follow-up's own), not closed unless
    `include_closed`, only of `cases` if given, only overdue on `overdue_on` if given.

    `by_row`: "in force" as conditions on each item's agreement (`in_force_row`) instead of
    the CTE over every agreement, for a query that stops early (a page walked by due date)."""
    status = _status()
    chosen = list(columns) or [
        col(AgreementItem.id).label("id"),
        col(AgreementItem.lineage_id).label("lineage_id"),
        col(AgreementItem.kind).label("kind"),
        col(AgreementItem.text).label("text"),
        col(AgreementItem.responsible_text).label("responsible_text"),
        col(AgreementItem.responsible_person_id).label("responsible_person_id"),
        col(AgreementItem.due).label("due"),
        col(AgreementItem.status).label("status"),
        col(Case.id).label("case_id"),
        col(StepUpDay.date).label("meeting_date"),
        func.coalesce(Citizen.name, literal("")).label("citizen"),
        status.label("progress"),
    ]
    if by_row:
        statement = (
            select(*chosen)
            .select_from(AgreementItem)
            # `+ 0`: no lookup of items by their agreement, so the walk by due date drives
            # the query. With statistics (planner_stats.py) SQLite judged reading every
            # agreement and sorting their items cheaper: 37 ms on ten years, against 0.2 ms
            # for the walk that stops when the page is full.
            .join(Agreement, col(Agreement.id) == AgreementItem.agreement_id + 0)
            .join(Case, col(Case.id) == Agreement.case_id)
            .where(in_force_row(Agreement))
        )
    else:
        force = in_force()
        statement = (
            select(*chosen)
            .select_from(AgreementItem)
            .join(force, force.c.id == AgreementItem.agreement_id)
            .join(Case, col(Case.id) == force.c.case_id)
        )
    statement = statement.join(StepUpDay, col(StepUpDay.id) == Case.day_id).outerjoin(
        Citizen, col(Citizen.id) == Case.citizen_id
    )
    if cases is not None:
        statement = statement.where(col(Case.id).in_(sorted(cases)))
    if not include_closed:
        statement = statement.where(status.not_in([s.value for s in CLOSED]))
    if overdue_on is not None:  # `domain.followup.days_overdue`: open and past due
        statement = statement.where(
            status == ProgressStatus.OPEN.value, col(AgreementItem.due) < overdue_on
        )
    return statement


def open_counts(session: Session, today: date, sunday: date) -> tuple[int, int, int]:
    """(open, overdue, due this week) of the items in force, in one pass over them: every
    item's status is looked up once, not once per count."""
    status = _status()
    items = items_statement(
        columns=[status.label("progress"), col(AgreementItem.due).label("due")]
    ).subquery()
    overdue = and_(items.c.progress == ProgressStatus.OPEN.value, items.c.due < today)
    week = and_(items.c.due >= today, items.c.due <= sunday)
    total, late, this_week = session.execute(
        select(
            func.count(),
            func.sum(case((overdue, 1), else_=0)),
            func.sum(case((week, 1), else_=0)),
        )
    ).one()
    return int(total or 0), int(late or 0), int(this_week or 0)


def outcomes_due_count(session: Session, today: date) -> int:
    """How many cases in force reached their goal date without an outcome (one COUNT):
    `outcomes.outcomes_due` counted in the database."""
    from coordinator.store.models import Outcome

    force = in_force()
    recorded = select(Outcome.case_id)
    statement = (
        select(func.count())
        .select_from(force)
        .where(force.c.goal_date.is_not(None), force.c.goal_date <= today)
        .where(force.c.case_id.not_in(recorded))
    )
    return int(session.scalar(statement) or 0)


def events_of(session: Session, lineages: Iterable[int]) -> dict[int, list]:
    """The progress events of these lineages, oldest first, as plain rows."""
    wanted = sorted(set(lineages))
    found: dict[int, list] = {}
    columns = (
        ItemProgress.id,
        ItemProgress.lineage_id,
        ItemProgress.status,
        ItemProgress.effective_on,
        ItemProgress.note,
        ItemProgress.recorded_by,
    )
    for start in range(0, len(wanted), 10_000):  # within every engine's limit on parameters
        chunk = wanted[start : start + 10_000]
        statement = (
            select(*columns)
            .where(col(ItemProgress.lineage_id).in_(chunk))
            .order_by(col(ItemProgress.id))
        )
        for event in session.exec(statement):
            found.setdefault(event.lineage_id, []).append(event)
    for events in found.values():
        events.sort(key=lambda e: e.id)
    return found
