"""The follow-up figures (three-month goal, items, F.I.T.) as SQL aggregates.

"In force" is the rule of `store.followup.agreements_in_force`: a case's newest final version,
unless a later conversation's agreement is final. Across every case it is the `in_force` CTE;
for the cases of one period it is `in_force_row`, the same rule as conditions on each agreement
row (two indexed NOT EXISTS), so a year's figures look only at that year's agreements and not
at the ten years of history the CTE groups (issue 19: the statistics took 0.2 s of queries on
the ten-year database, most of it grouping every agreement and every progress event). An
item's status is its newest progress event's, else what the agreement editor stored
(`in-progress` read as started), as in `store.followup.item_view`.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlalchemy import (
    CTE,
    CompoundSelect,
    Select,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    null,
    or_,
    over,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col

from coordinator.domain.followup import ProblemSolved, ProgressStatus, RatingKind
from coordinator.domain.statistics import PROMPT_START_DAYS, GoalCounts, ItemCounts, RatingFigures
from coordinator.domain.vocab import AgreementStatus
from coordinator.store.models import (
    Agreement,
    AgreementItem,
    Case,
    CaseChallenge,
    ItemProgress,
    Outcome,
    Rating,
    StepUpDay,
)
from coordinator.store.statistics_sql import HELD, TODAY, days_between, in_period, per_engine


def materialized(session: Session, cte: CTE) -> CTE:
    """`WITH ... AS MATERIALIZED` where the engine knows it (PostgreSQL 12, SQLite 3.35): the
    CTE is computed once however often the query reads it."""
    if session.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        return cte
    return cte.prefix_with("MATERIALIZED")


def in_force() -> CTE:
    """(id, case_id, goal_date) of every agreement in force."""
    final = Agreement.status == AgreementStatus.FINAL.value
    newest = (
        select(Agreement.case_id, func.max(Agreement.version).label("version"))
        .where(final)
        .group_by(Agreement.case_id)
        .subquery()
    )
    later = (
        select(Case.previous_case_id)
        .join(Agreement, col(Agreement.case_id) == Case.id)
        .where(col(Case.previous_case_id).is_not(None), final)
    )
    return (
        select(
            col(Agreement.id).label("id"),
            col(Agreement.case_id).label("case_id"),
            col(Agreement.goal_date).label("goal_date"),
        )
        .join(
            newest,
            and_(newest.c.case_id == Agreement.case_id, newest.c.version == Agreement.version),
        )
        .where(final, col(Agreement.case_id).not_in(later))
        .cte("in_force")
    )


def in_force_row(agreement: type[Agreement] = Agreement) -> ColumnElement[bool]:
    """`agreement` (the table or an alias in the enclosing query) is in force: final, no newer
    final version of its case, no later conversation of its case with a final agreement. The
    same rule as `in_force`, looked up per row through the (case_id, version) and
    previous_case_id indexes."""
    final = AgreementStatus.FINAL.value
    newer = aliased(Agreement)
    later_case = aliased(Case)
    later = aliased(Agreement)
    return and_(
        agreement.status == final,
        ~exists().where(
            newer.case_id == agreement.case_id,
            newer.status == final,
            newer.version > agreement.version,
        ),
        ~exists().where(
            later_case.previous_case_id == agreement.case_id,
            later.case_id == later_case.id,
            later.status == final,
        ),
    )


def _goal_row(row: tuple) -> GoalCounts:
    due, recorded, reached, yes, partly, no = row
    return GoalCounts(
        due=due or 0,
        recorded=recorded or 0,
        reached=reached or 0,
        solved_yes=yes or 0,
        solved_partly=partly or 0,
        solved_no=no or 0,
    )


@per_engine
def _goal_query(session: Session) -> CompoundSelect:
    force = aliased(Agreement)
    due = (
        select(
            col(Case.id).label("case_id"),
            col(Outcome.id).label("outcome_id"),
            col(Outcome.at_workplace).label("at_workplace"),
            col(Outcome.problem_solved).label("solved"),
        )
        .select_from(Case)
        .join(StepUpDay, col(StepUpDay.id) == Case.day_id)
        .outerjoin(force, and_(force.case_id == Case.id, in_force_row(force)))
        .outerjoin(Outcome, col(Outcome.case_id) == Case.id)
        .where(
            in_period(),
            col(Case.status).in_(HELD),
            or_(force.goal_date <= TODAY, col(Outcome.id).is_not(None)),
        )
        # Materialised once: the totals and the by-kind rows both read it (inlined, SQLite
        # would run it again for every challenge row).
        .cte("due")
    )
    due = materialized(session, due)

    def figures() -> list:
        return [
            func.count(),
            func.count(due.c.outcome_id),
            func.sum(case((due.c.at_workplace.is_(True), 1), else_=0)),
            *(
                func.sum(case((due.c.solved == answer.value, 1), else_=0))
                for answer in (ProblemSolved.YES, ProblemSolved.PARTLY, ProblemSolved.NO)
            ),
        ]

    # The totals (part 0) and the rows by kind (part 1) in one statement, one reading of `due`.
    both = union_all(
        select(literal_column("0").label("part"), null().label("kind"), *figures()),
        select(literal_column("1"), CaseChallenge.kind, *figures())
        .join(due, due.c.case_id == CaseChallenge.case_id)
        .group_by(CaseChallenge.kind),
    )
    return both.order_by(both.selected_columns.part, both.selected_columns.kind)


def goal_counts(
    session: Session, bounds: dict[str, date]
) -> tuple[GoalCounts, tuple[tuple[str, GoalCounts], ...]]:
    """The three-month goal of the period's held cases, in all and by challenge kind."""
    rows = session.exec(_goal_query(session), params=bounds).all()  # type: ignore[call-overload]
    return _goal_row(rows[0][2:]), tuple((row[1], _goal_row(row[2:])) for row in rows[1:])


@per_engine
def _items_query(session: Session) -> Select:
    lineage = func.coalesce(AgreementItem.lineage_id, AgreementItem.id)
    newest_id = (
        select(func.max(ItemProgress.id))
        .where(col(ItemProgress.lineage_id) == lineage)
        .correlate(AgreementItem)
        .scalar_subquery()
    )
    started_on = (
        select(func.min(ItemProgress.effective_on))
        .where(
            col(ItemProgress.lineage_id) == lineage,
            col(ItemProgress.status).in_((ProgressStatus.STARTED.value, ProgressStatus.DONE.value)),
        )
        .correlate(AgreementItem)
        .scalar_subquery()
    )
    last = aliased(ItemProgress)
    editor = case(
        (AgreementItem.status == "in-progress", literal(ProgressStatus.STARTED.value)),
        (AgreementItem.status == ProgressStatus.DONE.value, literal(ProgressStatus.DONE.value)),
        else_=literal(ProgressStatus.OPEN.value),
    )
    items = (
        select(
            func.coalesce(last.status, editor).label("status"),
            col(last.effective_on).label("last_on"),
            func.coalesce(last.note, literal("")).label("note"),
            started_on.label("started_on"),
            col(AgreementItem.due).label("due"),
            col(StepUpDay.date).label("meeting"),
        )
        .select_from(StepUpDay)
        .join(Case, col(Case.day_id) == StepUpDay.id)
        .join(Agreement, col(Agreement.case_id) == Case.id)
        .join(AgreementItem, col(AgreementItem.agreement_id) == Agreement.id)
        .outerjoin(last, col(last.id) == newest_id)
        .where(in_period(), in_force_row(Agreement))
        .subquery()
    )
    c = items.c

    def counted(condition) -> object:  # noqa: ANN001 - a SQL condition
        return func.sum(case((condition, 1), else_=0))

    dropped_note = case((c.status == ProgressStatus.DROPPED.value, c.note), else_=None)
    return select(
        dropped_note.label("dropped_note"),
        func.count(),
        # (No start is NULL days, counted as not prompt: `started_on` is a subquery, and
        # SQLite ran it once more for each time it is named.)
        counted(days_between(session, c.started_on, c.meeting) <= PROMPT_START_DAYS),
        counted(c.status == ProgressStatus.DONE.value),
        counted(
            and_(
                c.status == ProgressStatus.DONE.value,
                c.last_on.is_not(None),
                or_(c.due.is_(None), c.last_on <= c.due),
            )
        ),
        counted(and_(c.status == ProgressStatus.OPEN.value, c.due < TODAY)),
        counted(c.status == ProgressStatus.DROPPED.value),
    ).group_by(dropped_note)


def item_counts(session: Session, bounds: dict[str, date]) -> ItemCounts:
    """The items of the period's agreements in force: one query over that period's items
    (the newest event and the first start looked up per item through the lineage index), its
    rows grouped by the note of a drop, so the drop reasons come with the totals."""
    rows = session.exec(_items_query(session), params=bounds).all()  # type: ignore[call-overload]
    sums = [sum(row[i] or 0 for row in rows) for i in range(1, 7)]
    total, prompt, done, on_time, overdue, dropped = sums
    reasons = sorted(
        ((row[0], row[1]) for row in rows if row[6]),  # the groups of dropped items
        key=lambda reason: (-reason[1], reason[0]),
    )
    return ItemCounts(
        total=total,
        started_within_14_days=prompt,
        done=done,
        done_on_time=on_time,
        overdue=overdue,
        dropped=dropped,
        dropped_reasons=tuple(reasons),
    )


def _rounded(value: object) -> float | None:
    return None if value is None else round(float(value), 1)  # type: ignore[arg-type]


@per_engine
def _ratings_query(session: Session) -> Select:
    """The session ratings' count and mean and the outcome ratings' first and last per case,
    side by side: two one-row figures, one statement."""
    total = Rating.score_1 + Rating.score_2 + Rating.score_3 + Rating.score_4
    of_period = (
        select(Rating)
        .join(Case, col(Case.id) == Rating.case_id)
        .join(StepUpDay, col(StepUpDay.id) == Case.day_id)
        .where(in_period())
    )
    sessions = (
        of_period.with_only_columns(func.count().label("count"), func.avg(total).label("mean"))
        .where(Rating.kind == RatingKind.SESSION.value)
        .subquery()
    )
    in_order = (col(Rating.rated_on), col(Rating.id))
    ranked = (
        of_period.with_only_columns(
            col(Rating.case_id).label("case_id"),
            total.label("total"),
            over(func.row_number(), partition_by=Rating.case_id, order_by=in_order).label("up"),
            # The same window (one sort) over the whole case: its last rating is up == n.
            over(
                func.count(), partition_by=Rating.case_id, order_by=in_order, rows=(None, None)
            ).label("n"),
        )
        .where(Rating.kind == RatingKind.OUTCOME.value)
        .subquery()
    )
    per_case = (
        select(
            func.sum(case((ranked.c.up == 1, ranked.c.total), else_=0)).label("first"),
            func.sum(case((ranked.c.up == ranked.c.n, ranked.c.total), else_=0)).label("last"),
        )
        .where(ranked.c.n >= 2)
        .group_by(ranked.c.case_id)
        .subquery()
    )
    outcomes = select(
        func.count().label("cases"),
        func.avg(per_case.c.first).label("first"),
        func.avg(per_case.c.last).label("last"),
        func.avg(per_case.c.last - per_case.c.first).label("change"),
    ).subquery()
    return select(
        sessions.c.count,
        sessions.c.mean,
        outcomes.c.cases,
        outcomes.c.first,
        outcomes.c.last,
        outcomes.c.change,
    ).select_from(sessions.join(outcomes, true()))


def rating_figures(session: Session, bounds: dict[str, date]) -> RatingFigures:
    session_count, session_mean, cases, first, last, change = session.exec(  # type: ignore[call-overload]
        _ratings_query(session), params=bounds
    ).one()
    return RatingFigures(
        session_count=session_count or 0,
        session_mean=_rounded(session_mean),
        outcome_cases=cases or 0,
        outcome_first_mean=_rounded(first),
        outcome_last_mean=_rounded(last),
        outcome_change_mean=_rounded(change),
    )
