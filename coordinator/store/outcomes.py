"""The three-month outcome of a case: where the citizen is, and whether the problem discussed
was taken care of (the seeds' success criterion). One per case; setting it again corrects it.

A case whose agreement in force has a goal date that has passed, and no outcome, is *due*.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import col, select

from coordinator.domain.followup import (
    AT_WORKPLACE,
    OutcomeCategory,
    ProblemSolved,
    initials,
    outcome_problem,
)
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Citizen, Outcome, StepUpDay


@dataclass(frozen=True)
class OutcomeView:
    case_id: int
    recorded_on: date
    category: OutcomeCategory
    at_workplace: bool
    problem_solved: ProblemSolved | None
    note: str

    def json(self) -> dict[str, object]:
        return {
            "case": self.case_id,
            "on": self.recorded_on.isoformat(),
            "category": self.category.value,
            "at_workplace": self.at_workplace,
            "problem_solved": self.problem_solved.value if self.problem_solved else None,
            "note": self.note,
        }


@dataclass(frozen=True)
class OutcomeDue:
    """A case whose goal date has passed without an outcome."""

    case_id: int
    citizen: str
    goal_date: date
    days_late: int

    @property
    def citizen_initials(self) -> str:
        return initials(self.citizen)


def _view(outcome: Outcome) -> OutcomeView:
    return OutcomeView(
        case_id=outcome.case_id,
        recorded_on=outcome.recorded_on,
        category=OutcomeCategory(outcome.category),
        at_workplace=outcome.at_workplace,
        problem_solved=ProblemSolved(outcome.problem_solved) if outcome.problem_solved else None,
        note=outcome.note,
    )


def set_outcome(
    store: Store,
    case_id: int,
    category: OutcomeCategory,
    on: date | None = None,
    problem_solved: ProblemSolved | None = None,
    note: str = "",
) -> OutcomeView:
    """Record (or correct) the case's outcome. Not before the meeting, not in the future."""
    today = store.now().date()
    on = on or today
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
        problem = outcome_problem(on, day.date, today)
        if problem:
            raise Invalid(problem)
        outcome = session.exec(select(Outcome).where(Outcome.case_id == case_id)).first()
        action = "update" if outcome else "create"
        now = store.now()
        if outcome is None:
            outcome = Outcome(
                case_id=case_id,
                recorded_on=on,
                category=category.value,
                created_at=now,
                updated_at=now,
            )
        outcome.recorded_on = on
        outcome.category = category.value
        outcome.at_workplace = category in AT_WORKPLACE
        outcome.problem_solved = problem_solved.value if problem_solved else None
        outcome.note = note.strip()
        outcome.recorded_by = store.actor
        outcome.updated_at = now
        session.add(outcome)
        session.flush()
        audit.record(store, session, action, "outcome", outcome.id, category.value)
        return _view(outcome)


def outcome_of(store: Store, case_id: int) -> OutcomeView | None:
    with store.session() as session:
        outcome = session.exec(select(Outcome).where(Outcome.case_id == case_id)).first()
        return _view(outcome) if outcome else None


def outcomes_due(store: Store, today: date) -> list[OutcomeDue]:
    """Cases in force whose goal date is today or past and that have no outcome yet, the
    longest waiting first."""
    from coordinator.store.statistics_followup import in_force

    force = in_force()  # `agreements_in_force` as a subquery: one query, plain rows
    statement = (
        select(force.c.case_id, func.coalesce(Citizen.name, ""), force.c.goal_date)
        .join(Case, col(Case.id) == force.c.case_id)
        .outerjoin(Citizen, col(Citizen.id) == Case.citizen_id)
        .where(force.c.goal_date.is_not(None), force.c.goal_date <= today)
        .where(force.c.case_id.not_in(select(Outcome.case_id)))
        .order_by(force.c.goal_date, force.c.case_id)
    )
    with store.session() as session:
        rows = session.execute(statement).all()
    return [OutcomeDue(case_id, name, goal, (today - goal).days) for case_id, name, goal in rows]
