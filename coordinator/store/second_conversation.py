"""A second conversation: the citizen's next step-up meeting on a later day, whose agreement
starts as a copy of the first one (STEP-UP.md allows one or two conversations).

Kept apart from store/agreements.py (one agreement's drafts, items and versions) because it
books a new case; the agreement screen and the agreement document ask it when and where the
next meeting is.
"""

from __future__ import annotations

from sqlmodel import col, select

from coordinator.i18n import _
from coordinator.store.agreement_views import DayChoice
from coordinator.store.agreements import _latest, copy_agreement, ensure_draft
from coordinator.store.database import Store
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Citizen, Person, StepUpDay


def later_days(store: Store, case_id: int) -> list[DayChoice]:
    """The step-up days after the case's own day, in date order."""
    with store.session() as session:
        case = session.get(Case, case_id)
        day = session.get(StepUpDay, case.day_id) if case else None
        if day is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        statement = select(StepUpDay).where(StepUpDay.date > day.date).order_by(col(StepUpDay.date))
        return [DayChoice(d.id or 0, d.date, d.location) for d in session.exec(statement)]


def schedule_second_conversation(store: Store, case_id: int, day_id: int) -> Case:
    """A second conversation for the case's citizen on a later day, whose agreement starts
    as a draft copy of the current one (STEP-UP.md allows one or two conversations)."""
    from coordinator.store.cases import CaseInput, add_case

    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        if case.conversation_number >= 2:
            raise Invalid(_("This is already the second conversation; a case has at most two."))
        later = session.exec(select(Case).where(Case.previous_case_id == case_id)).first()
        if later is not None:
            raise Invalid(_("A second conversation is already scheduled for this case."))
        day = session.get(StepUpDay, case.day_id)
        target = session.get(StepUpDay, day_id)
        if target is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
        if day is not None and target.date <= day.date:
            raise Invalid(_("A second conversation must be on a later day than the first."))
        citizen = session.get(Citizen, case.citizen_id)
        broker = session.get(Person, case.jobbroker_id) if case.jobbroker_id else None
        worker = session.get(Person, case.caseworker_id) if case.caseworker_id else None
        data = CaseInput(
            day_id=day_id,
            citizen=citizen.name if citizen else "",
            cpr=citizen.cpr if citizen else None,
            challenges=case.challenge_kinds,
            jobbroker=broker.name if broker else None,
            caseworker=worker.name if worker else None,
            problem_statement=case.problem_statement,
            trigger=case.trigger,
            conversation_number=2,
            previous_case_id=case_id,
        )
    second = add_case(store, data)
    ensure_draft(store, case_id)
    with store.session() as session:
        source = _latest(session, case_id)
        assert source is not None
        copy_agreement(store, session, source, second.id or 0, 1)
    return second


def next_conversation(store: Store, case_id: int) -> int | None:
    """The id of the second conversation booked after `case_id`, if any (the agreement
    tells the citizen when and where the next meeting is)."""
    with store.session() as session:
        later = session.exec(select(Case).where(Case.previous_case_id == case_id)).first()
        return later.id if later is not None else None
