"""The roster rules applied to a stored case: the context they read, and their findings.

The rules themselves are pure (domain/roster_rules.py); this module reads one case's roster,
its day's slot and the other bookings on the same date into a `RosterContext`, so the CLI
(`roster check`), the readiness and the screens all check a case the same way.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from coordinator.domain.findings import Finding
from coordinator.domain.roster_rules import BookedSlot, Participant, RosterContext, check_roster
from coordinator.i18n import _
from coordinator.store.database import Store
from coordinator.store.days import _view
from coordinator.store.models import RosterEntry, StepUpDay
from coordinator.store.roster import RosterLine, _case, _lines, challenges_of
from coordinator.store.settings import effective_max_circle


def participant_of(line: RosterLine) -> Participant:
    person = line.person
    return Participant(
        name=line.display_name,
        role=line.role,
        part=line.part,
        attendance=line.attendance,
        profession=person.profession if person else None,
        decision_authority=bool(person and person.decision_authority),
        person_id=person.id if person else None,
    )


def roster_context(store: Store, case_id: int, now: datetime | None = None) -> RosterContext:
    """Everything the roster rules need about one case, read from the store.

    Other cases on the same date are read with one query for all their roster entries (not one
    query per case), so checking every case of a full day stays fast.
    """
    with store.session() as session:
        case = _case(session, case_id)
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
        participants = tuple(participant_of(line) for line in _lines(session, case_id))
        limit = effective_max_circle(store, session)
        same_date_days = list(session.exec(select(StepUpDay).where(StepUpDay.date == day.date)))
        views = [_view(session, d, now) for d in same_date_days]
        other_ids = [row.case.id or 0 for v in views for row in v.cases if row.case.id != case_id]
        booked: dict[int, set[int]] = {}
        if other_ids:
            rows = session.exec(
                select(RosterEntry.case_id, RosterEntry.person_id).where(
                    col(RosterEntry.case_id).in_(other_ids),
                    col(RosterEntry.person_id).is_not(None),
                )
            )
            for other_case, person_id in rows:
                if person_id is not None:
                    booked.setdefault(other_case, set()).add(person_id)
    view = next(v for v in views if v.day.id == day.id)
    slot = view.slot(case_id)
    others: list[BookedSlot] = []
    for other_view in views:
        for row in other_view.cases:
            if row.case.id == case_id:
                continue
            other_slot = other_view.slot(row.case.id or 0)
            others.append(
                BookedSlot(
                    case_id=row.case.id or 0,
                    label=_("case {position} at {time}").format(
                        position=row.case.position,
                        time=other_slot.planned_start.strftime("%H:%M"),
                    ),
                    start=other_slot.planned_start,
                    end=other_slot.planned_end,
                    person_ids=frozenset(booked.get(row.case.id or 0, ())),
                )
            )
    return RosterContext(
        participants=participants,
        challenges=challenges_of(case),
        day_has_coordinator=day.coordinator_id is not None,
        max_circle=limit,
        slot=(slot.planned_start, slot.planned_end),
        other_slots=tuple(others),
        case_id=case_id,
    )


def check(store: Store, case_id: int, now: datetime | None = None) -> list[Finding]:
    """The roster rule findings of a case, errors first."""
    return check_roster(roster_context(store, case_id, now))
