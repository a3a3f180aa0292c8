"""A second conversation: the citizen's next step-up meeting on a later day, whose agreement
starts as a copy of the first one, and what it carries over (issue 21, item 18).

STEP-UP.md allows one or two conversations; the second usually has the same people around the
table and the same length. So `propose_second` reads (and writes nothing) what the dialog
shows: every roster line of the first case, the roster rules' findings for them (the
coordinator confirms or edits the list, and the findings follow), the first meeting's length,
the later days, and the settings a new day would get (the first day's). `create_second` stores
what was confirmed: a new day if asked (`days.create_day`, the one place days are made), the
case with its agreement carried forward (`schedule_second_conversation`), its meeting length,
and the chosen roster lines.

Kept apart from store/agreements.py (one agreement's drafts, items and versions) and
store/roster.py because it books a new case; the agreement screen and the agreement document
ask it when and where the next meeting is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, col, select

from coordinator.domain.findings import Finding
from coordinator.domain.roster_rules import Participant, RosterContext, check_roster
from coordinator.domain.series import day_warning
from coordinator.domain.vocab import Attendance, ChallengeKind
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.agreement_views import DayChoice
from coordinator.store.agreements import _latest, copy_agreement, ensure_draft
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day, plan_of
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Citizen, DayBreak, Person, RosterEntry, StepUpDay
from coordinator.store.roster import RosterLine, line_of
from coordinator.store.roster_checks import participant_of
from coordinator.store.settings import effective_max_circle


def _first_conversation(session: Session, case_id: int) -> Case:
    """The case, which must be a first conversation without a second one yet (one line
    otherwise: STEP-UP.md allows one or two conversations)."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(_("No case with id {id}.").format(id=case_id))
    if case.conversation_number >= 2:
        raise Invalid(_("This is already the second conversation; a case has at most two."))
    if session.exec(select(Case).where(Case.previous_case_id == case_id)).first():
        raise Invalid(_("A second conversation is already scheduled for this case."))
    return case


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
        case = _first_conversation(session, case_id)
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


@dataclass(frozen=True)
class SecondProposal:
    """What the second conversation would carry over; nothing is stored yet."""

    case_id: int
    citizen: str
    challenges: frozenset[ChallengeKind]
    #: The first case's roster, as the proposal's lines (all proposed).
    roster: tuple[RosterLine, ...]
    #: The same lines as the roster rules see them (for checking an edited choice).
    participants: tuple[Participant, ...]
    max_circle: int
    #: The first conversation's pre-meeting and meeting minutes.
    pre_minutes: int
    meeting_minutes: int
    #: The step-up days after the first one, in date order (may be empty).
    later_days: tuple[DayChoice, ...]
    #: The first day's date and settings: a new day for the second conversation copies them.
    first_date: date
    new_day: DayInput

    def findings(self, chosen: Sequence[int] | None = None) -> list[Finding]:
        """The roster rules on the chosen lines (by id; all when None)."""
        keep = set(chosen) if chosen is not None else {line.id for line in self.roster}
        participants = tuple(
            p for line, p in zip(self.roster, self.participants, strict=True) if line.id in keep
        )
        return check_roster(
            RosterContext(
                participants=participants, challenges=self.challenges, max_circle=self.max_circle
            )
        )


def propose_second(store: Store, case_id: int) -> SecondProposal:
    """The carry-over of a case's second conversation, read only. Refused (one line) when the
    case is itself a second conversation or already has one."""
    with store.session() as session:
        case = _first_conversation(session, case_id)
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
        breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
        plan = plan_of(day, breaks)
        entries = session.exec(
            select(RosterEntry).where(RosterEntry.case_id == case_id).order_by(col(RosterEntry.id))
        )
        lines = tuple(
            line_of(e, session.get(Person, e.person_id) if e.person_id else None) for e in entries
        )
        later = session.exec(
            select(StepUpDay).where(StepUpDay.date > day.date).order_by(col(StepUpDay.date))
        )
        citizen = session.get(Citizen, case.citizen_id)
        coordinator = session.get(Person, day.coordinator_id) if day.coordinator_id else None
        return SecondProposal(
            case_id=case_id,
            citizen=citizen.name if citizen else "",
            challenges=frozenset(case.challenge_kinds),
            roster=lines,
            participants=tuple(participant_of(line) for line in lines),
            max_circle=effective_max_circle(store, session),
            pre_minutes=plan.pre_minutes,
            meeting_minutes=case.meeting_minutes or plan.meeting_minutes,
            later_days=tuple(DayChoice(d.id or 0, d.date, d.location) for d in later),
            first_date=day.date,
            new_day=DayInput(
                date=day.date,
                start=plan.start,
                pre_minutes=plan.pre_minutes,
                meeting_minutes=plan.meeting_minutes,
                breaks=tuple((b.start, b.end) for b in plan.breaks),
                latest_starts=tuple(b.latest_start for b in plan.breaks),
                location=day.location,
                coordinator=coordinator.name if coordinator else None,
                break_policy=plan.break_policy,
            ),
        )


def new_day_warning(proposal: SecondProposal, when: date) -> str | None:
    """What a new day on `when` would be told (a weekend or a public holiday), or why it
    cannot be (not after the first conversation)."""
    if when <= proposal.first_date:
        return _("A second conversation must be on a later day than the first.")
    return day_warning(when)


def create_second(
    store: Store,
    proposal: SecondProposal,
    roster: Sequence[int],
    meeting_minutes: int,
    day_id: int | None = None,
    new_date: date | None = None,
) -> Case:
    """Store the confirmed second conversation: on `day_id`, or on a new day on `new_date` with
    the first day's settings; with the chosen roster lines (ids of the first case's lines) and
    the meeting length. Returns the new case."""
    if meeting_minutes < 1:
        raise Invalid(_("The meeting must last at least one minute."))
    if day_id is None:
        if new_date is None:
            raise Invalid(_("Choose a day for the second conversation."))
        if new_date <= proposal.first_date:
            raise Invalid(_("A second conversation must be on a later day than the first."))
        day_id = create_day(store, replace(proposal.new_day, date=new_date)).id or 0
    second = schedule_second_conversation(store, proposal.case_id, day_id)
    keep = set(roster)
    with store.session() as session:
        case = session.get(Case, second.id)
        day = session.get(StepUpDay, day_id)
        assert case is not None and day is not None
        case.meeting_minutes = meeting_minutes if meeting_minutes != day.meeting_minutes else None
        session.add(case)
        # The roster is the confirmed proposal exactly: the lines `add_case` put on by itself
        # (citizen, job broker, caseworker) go, and come back if they were chosen.
        for entry in session.exec(select(RosterEntry).where(RosterEntry.case_id == case.id)):
            session.delete(entry)
        session.flush()
        now = store.now()
        for line in proposal.roster:
            if line.id not in keep:
                continue
            session.add(
                RosterEntry(
                    case_id=case.id or 0,
                    role=line.role.value,
                    person_id=line.person_id,
                    name=line.name,
                    relation=line.relation,
                    part=line.part.value,
                    attendance=Attendance.INVITED.value,
                    created_at=now,
                    updated_at=now,
                )
            )
        detail = f"from={proposal.case_id} roster={len(keep)} meeting={meeting_minutes}"
        audit.record(store, session, "carry-over", "case", case.id, detail)
    return second
