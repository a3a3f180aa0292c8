"""The steering group's figures, computed in the database with SQL aggregates.

Every figure is a COUNT, SUM, AVG or MAX grouped in SQL, so ten years of days cost a handful
of queries returning a few rows each, never a walk over every case in Python. The one
exception is the median and 90th percentile of the overruns: SQLite has no percentile
aggregate (PostgreSQL's `percentile_cont` has no portable twin), so those read one narrow,
sorted column (the overrun minutes of the meetings that ran over: one float each) and
interpolate in `domain.statistics.percentile`.

Definitions live in `domain.statistics`; the follow-up figures (goal, items, ratings) in
`store.statistics_followup`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Float, Select, case, cast, distinct, func, literal, select
from sqlmodel import Session, col

from coordinator.domain.statistics import (
    CaseCounts,
    Overrun,
    PositionOverrun,
    Reason,
    Statistics,
    percentile,
)
from coordinator.domain.vocab import Attendance, CaseStatus, Part, RosterRole
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.models import Case, Person, RosterEntry, StepUpDay
from coordinator.store.statistics_followup import goal_counts, item_counts, rating_figures
from coordinator.store.statistics_sql import (
    HELD,
    WITH_REASON,
    in_period,
    minutes_between,
    month_of,
    per_engine,
    period,
)

#: The parameters of the statements below: `statistics_sql.period`.
Period = dict[str, date]


@per_engine
def _case_counts_query(session: Session) -> Select:
    return (
        select(Case.status, Case.status_reason, func.count())
        .join(StepUpDay, col(StepUpDay.id) == Case.day_id)
        .where(in_period())
        .group_by(Case.status, Case.status_reason)
        .order_by(Case.status, func.count().desc(), Case.status_reason)
    )


def _case_counts(session: Session, bounds: Period) -> CaseCounts:
    """The period's cases by status and reason in one grouping: the totals by status are its
    sums, the reasons its rows of the statuses that take one (in the order shown)."""
    rows = session.exec(_case_counts_query(session), params=bounds).all()  # type: ignore[call-overload]
    by_status: dict[str, int] = {}
    for status, _reason, n in rows:
        by_status[status] = by_status.get(status, 0) + n
    held = sum(by_status.get(s, 0) for s in HELD)
    absent = by_status.get(CaseStatus.ABSENT.value, 0)
    cancelled = by_status.get(CaseStatus.CANCELLED.value, 0)
    planned = sum(by_status.values())
    return CaseCounts(
        planned=planned,
        held=held,
        absent=absent,
        absent_held=by_status.get(CaseStatus.ABSENT_HELD.value, 0),
        cancelled=cancelled,
        not_yet=planned - held - absent - cancelled,
        reasons=tuple(
            Reason(status, reason or "", n) for status, reason, n in rows if status in WITH_REASON
        ),
    )


@per_engine
def _days_by_month_query(session: Session) -> Select:
    month = month_of(session, col(StepUpDay.date))
    held = col(Case.status).in_(HELD)
    return (
        select(
            month,
            func.count(distinct(StepUpDay.id)),
            func.count(distinct(case((held, StepUpDay.id)))),
            func.count(case((held, Case.id))),
        )
        .select_from(StepUpDay)
        .outerjoin(Case, col(Case.day_id) == StepUpDay.id)
        .where(in_period())
        .group_by(month)
        .order_by(month)
    )


def _days_by_month(
    session: Session, bounds: Period
) -> tuple[int, int, tuple[tuple[str, int], ...]]:
    """(days planned, days held, held meetings by month) in one grouping by month: a day lies
    in one month, so the period's days are the sums of the months' days."""
    rows = session.exec(_days_by_month_query(session), params=bounds).all()  # type: ignore[call-overload]
    return (
        sum(days for _m, days, _held_days, _held in rows),
        sum(held_days for _m, _days, held_days, _held in rows),
        tuple((m, held) for m, _days, _held_days, held in rows if held),
    )


@per_engine
def _overrun_queries(session: Session) -> tuple[Select, Select]:
    """(the timed meetings by position, the overruns sorted)."""
    planned = func.coalesce(Case.meeting_minutes, StepUpDay.meeting_minutes)
    over = cast(
        minutes_between(session, col(Case.ended_at), col(Case.meeting_started_at)) - planned,
        Float,
    )
    timed = (
        select(Case.position.label("position"), over.label("over"))  # type: ignore[attr-defined]
        .join(StepUpDay, col(StepUpDay.id) == Case.day_id)
        .where(
            in_period(),
            col(Case.status).in_(HELD),
            col(Case.meeting_started_at).is_not(None),
            col(Case.ended_at).is_not(None),
        )
        .subquery()
    )
    late = case((timed.c.over > 0, timed.c.over), else_=literal(0.0))
    by_position = (
        select(
            timed.c.position,
            func.count(),
            func.sum(case((timed.c.over > 0, 1), else_=0)),
            func.avg(late),
        )
        .group_by(timed.c.position)
        .order_by(timed.c.position)
    )
    # The one narrow read: see the module docstring.
    return by_position, select(timed.c.over).where(timed.c.over > 0).order_by(timed.c.over)


def _overrun(session: Session, bounds: Period) -> Overrun:
    by_position_query, overruns_query = _overrun_queries(session)
    by_position = session.exec(by_position_query, params=bounds).all()  # type: ignore[call-overload]
    # The overruns' last is the worst; the totals are the sums of the positions' rows.
    overruns = [
        round(float(v), 1)
        for (v,) in session.exec(overruns_query, params=bounds).all()  # type: ignore[call-overload]
    ]
    return Overrun(
        timed=sum(n for _position, n, _late_n, _mean in by_position),
        ran_over=sum(late_n or 0 for _position, _n, late_n, _mean in by_position),
        median=percentile(overruns, 0.5),
        p90=percentile(overruns, 0.9),
        max=overruns[-1] if overruns else None,
        by_position=tuple(
            PositionOverrun(position, n, late_n or 0, round(float(mean), 1))
            for position, n, late_n, mean in by_position
        ),
    )


@per_engine
def _attendance_query(session: Session) -> Select:
    return (
        select(Person.profession, func.count(distinct(Case.id)))
        .select_from(Case)
        .join(StepUpDay, col(StepUpDay.id) == Case.day_id)
        .join(RosterEntry, col(RosterEntry.case_id) == Case.id)
        .join(Person, col(Person.id) == RosterEntry.person_id)
        .where(
            in_period(),
            col(Case.status).in_(HELD),
            RosterEntry.role == RosterRole.PROFESSIONAL.value,
            col(RosterEntry.part).in_((Part.MEETING.value, Part.BOTH.value)),
            col(RosterEntry.attendance).not_in(
                (Attendance.DECLINED.value, Attendance.ABSENT.value)
            ),
        )
        .group_by(Person.profession)
        .order_by(func.count(distinct(Case.id)).desc(), Person.profession)
    )


def _attendance(session: Session, bounds: Period) -> tuple[tuple[str, int], ...]:
    rows = session.exec(_attendance_query(session), params=bounds).all()  # type: ignore[call-overload]
    return tuple((profession, n) for profession, n in rows)


def statistics(store: Store, start: date, end: date) -> Statistics:
    """Every figure of the period `start`..`end` (meeting days, both included)."""
    if end < start:
        from coordinator.i18n import _

        raise Invalid(
            _("The period ends ({end}) before it starts ({start}).").format(
                end=end.isoformat(), start=start.isoformat()
            )
        )
    bounds = period(start, end, store.now().date())
    with store.session() as session:
        # The two longest in SQLite first: they run outside the GIL while the screen that
        # asked is still being drawn, the short ones after, when it is idle.
        items = item_counts(session, bounds)
        ratings = rating_figures(session, bounds)
        days_planned, days_held, held_by_month = _days_by_month(session, bounds)
        cases = _case_counts(session, bounds)
        goal, by_kind = goal_counts(session, bounds)
        return Statistics(
            start=start,
            end=end,
            days_planned=days_planned,
            days_held=days_held,
            cases=cases,
            overrun=_overrun(session, bounds),
            attendance=_attendance(session, bounds),
            goal=goal,
            goal_by_kind=by_kind,
            items=items,
            ratings=ratings,
            held_by_month=held_by_month,
        )


def statistics_remembered(store: Store, start: date, end: date) -> Statistics:
    """`statistics`, remembered until the database changes (`store/memo.py`): the screen
    opened again, or back on the same period, shows the figures without asking again."""
    from coordinator.store.memo import remembered

    key = (start, end, store.now().date())
    return remembered(store, "statistics", key, lambda: statistics(store, start, end))
