"""The running day: status changes of cases, stamped with the store's clock as they happen.

Every change is stored at once (with an audit event), so quitting or a crash in the middle of a
meeting loses nothing: reopening the app reads the stored start and the timer continues. Only
one case runs at a time (one room); a change that breaks the progression raises `Invalid` with
a message the coordinator can act on. The day's status follows its cases: running once a case
has started, finished when every case is done, cancelled or absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlmodel import Session, col, select

from coordinator.domain import schedule as rules
from coordinator.domain.schedule import ScheduleError, build_schedule
from coordinator.domain.text import clean_line
from coordinator.domain.vocab import CASE_STATUS_LABELS, CaseStatus, DayStatus
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.days import plan_of, timing_of
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Citizen, DayBreak, StepUpDay

#: Statuses after which nothing more happens to a case.
FINISHED = frozenset(
    {CaseStatus.DONE, CaseStatus.ABSENT_HELD, CaseStatus.CANCELLED, CaseStatus.ABSENT}
)
RUNNING = frozenset({CaseStatus.PRE_MEETING, CaseStatus.MEETING})


@dataclass(frozen=True)
class Move:
    """A case whose planned start `pull_forward` changed (participants must be told)."""

    case_id: int
    citizen: str
    old_start: datetime
    new_start: datetime


def _status_label(status: str) -> str:
    return _(CASE_STATUS_LABELS[CaseStatus(status)])


def _day_cases(session: Session, day_id: int) -> list[Case]:
    return list(
        session.exec(select(Case).where(Case.day_id == day_id).order_by(col(Case.position)))
    )


def _get(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(_("No case with id {id}.").format(id=case_id))
    return case


def _other_running(session: Session, case: Case) -> Case | None:
    for other in _day_cases(session, case.day_id):
        if other.id != case.id and CaseStatus(other.status) in RUNNING:
            return other
    return None


def _refuse_if_other_running(session: Session, case: Case) -> None:
    other = _other_running(session, case)
    if other is not None:
        raise Invalid(
            _("Case {position} is still in its {phase}; end it first.").format(
                position=other.position, phase=_status_label(other.status).lower()
            )
        )


def _update_day_status(store: Store, session: Session, day_id: int) -> None:
    day = session.get(StepUpDay, day_id)
    if day is None:
        return
    statuses = [CaseStatus(c.status) for c in _day_cases(session, day_id)]
    if statuses and all(s in FINISHED for s in statuses):
        wanted = DayStatus.FINISHED
    elif any(s is not CaseStatus.PLANNED for s in statuses):
        wanted = DayStatus.RUNNING
    else:
        wanted = DayStatus.PLANNED
    if day.status != wanted.value:
        day.status = wanted.value
        day.updated_at = store.now()
        session.add(day)
        audit.record(store, session, "status", "day", day.id, f"status={wanted.value}")


def _save(store: Store, session: Session, case: Case, action: str) -> Case:
    case.updated_at = store.now()
    session.add(case)
    session.flush()
    audit.record(store, session, action, "case", case.id, f"status={case.status}")
    _update_day_status(store, session, case.day_id)
    return case


def _cannot(case: Case, what: str) -> Invalid:
    return Invalid(
        _("Case {position} cannot {what}: it is “{status}”.").format(
            position=case.position, what=what, status=_status_label(case.status)
        )
    )


def _when(store: Store, session: Session, case: Case, at: time | None) -> datetime:
    """The moment of a change: now, or `at` on the case's day (from `--at HH:MM`, so a second
    laptop or a script can record the day). It may not come before the case's last stamp."""
    if at is None:
        moment = store.now()
    else:
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
        moment = datetime.combine(day.date, at)
    stamps = [s for s in (case.pre_started_at, case.meeting_started_at, case.ended_at) if s]
    if stamps and moment < max(stamps):
        raise Invalid(
            _("{time} is before the case's last recorded time {last}.").format(
                time=moment.strftime("%H:%M"), last=max(stamps).strftime("%H:%M")
            )
        )
    return moment


def start_pre_meeting(store: Store, case_id: int, at: time | None = None) -> Case:
    """The professionals' pre-meeting of a planned case starts now (or at `at`)."""
    with store.session() as session:
        case = _get(session, case_id)
        if case.status != CaseStatus.PLANNED:
            raise _cannot(case, _("start its pre-meeting"))
        _refuse_if_other_running(session, case)
        case.status = CaseStatus.PRE_MEETING.value
        case.pre_started_at = _when(store, session, case, at)
        return _save(store, session, case, "start-pre-meeting")


def start_meeting(store: Store, case_id: int, at: time | None = None) -> Case:
    """The meeting with the citizen starts now (ending the pre-meeting; a case whose
    pre-meeting was skipped gets an empty one)."""
    with store.session() as session:
        case = _get(session, case_id)
        if case.status not in (CaseStatus.PLANNED, CaseStatus.PRE_MEETING):
            raise _cannot(case, _("start its meeting"))
        _refuse_if_other_running(session, case)
        now = _when(store, session, case, at)
        if case.status == CaseStatus.PLANNED:
            case.pre_started_at = now
        case.status = CaseStatus.MEETING.value
        case.meeting_started_at = now
        return _save(store, session, case, "start-meeting")


def end_meeting(store: Store, case_id: int, at: time | None = None) -> Case:
    """The meeting ends now; the case is done."""
    with store.session() as session:
        case = _get(session, case_id)
        if case.status != CaseStatus.MEETING:
            raise Invalid(
                _("Case {position} has no meeting running to end (it is “{status}”).").format(
                    position=case.position, status=_status_label(case.status)
                )
            )
        case.ended_at = _when(store, session, case, at)
        case.status = CaseStatus.DONE.value
        return _save(store, session, case, "end-meeting")


def mark_absent(store: Store, case_id: int, reason: str = "") -> Case:
    """The citizen did not come: the meeting is not held (a running pre-meeting ends now).
    The reason is kept: the seeds ask the coordinator to find out why."""
    with store.session() as session:
        case = _get(session, case_id)
        if case.status not in (CaseStatus.PLANNED, CaseStatus.PRE_MEETING):
            raise _cannot(case, _("be marked absent"))
        if case.status == CaseStatus.PRE_MEETING:
            case.ended_at = store.now()
        case.status = CaseStatus.ABSENT.value
        case.status_reason = clean_reason(reason)
        return _save(store, session, case, "absent")


def mark_absent_held(store: Store, case_id: int, reason: str = "") -> Case:
    """The citizen did not come but the meeting went on without them: a meeting that is
    running ends now, a finished one is relabelled. Its agreement is drafted as usual."""
    with store.session() as session:
        case = _get(session, case_id)
        if case.status not in (CaseStatus.MEETING, CaseStatus.DONE, CaseStatus.ABSENT_HELD):
            raise Invalid(
                _(
                    "Case {position} has not held its meeting (it is “{status}”); start the "
                    "meeting first, or mark the citizen absent."
                ).format(position=case.position, status=_status_label(case.status))
            )
        if case.status == CaseStatus.MEETING:
            case.ended_at = store.now()
        case.status = CaseStatus.ABSENT_HELD.value
        case.status_reason = clean_reason(reason)
        return _save(store, session, case, "absent-held")


def cancel_case(store: Store, case_id: int, reason: str = "") -> Case:
    """The case is taken off the day; its slot stays as a gap until pulled forward."""
    with store.session() as session:
        case = _get(session, case_id)
        if case.status not in (CaseStatus.PLANNED, CaseStatus.PRE_MEETING):
            raise _cannot(case, _("be cancelled"))
        if case.status == CaseStatus.PRE_MEETING:
            case.ended_at = store.now()
        case.status = CaseStatus.CANCELLED.value
        case.status_reason = clean_reason(reason)
        return _save(store, session, case, "cancel")


def clean_reason(reason: str) -> str:
    """A reason as stored: one line of plain text (no control characters), at most 500."""
    return clean_line(reason)[:500]


def advance(store: Store, case_id: int) -> Case:
    """The case's next step: planned → pre-meeting → meeting → done."""
    case = _get_plain(store, case_id)
    target = rules.next_status(CaseStatus(case.status))
    if target is CaseStatus.PRE_MEETING:
        return start_pre_meeting(store, case_id)
    if target is CaseStatus.MEETING:
        return start_meeting(store, case_id)
    if target is CaseStatus.DONE:
        return end_meeting(store, case_id)
    raise _cannot(case, _("move on"))


def _get_plain(store: Store, case_id: int) -> Case:
    with store.session() as session:
        return _get(session, case_id)


def move_case(store: Store, case_id: int, delta: int) -> Case:
    """Swap a planned case with its neighbour `delta` (-1 up, +1 down) places away.

    The two citizens swap slots: positions and frozen planned starts change places, so the
    times participants were told stay with the slot. Started cases stay where they are.
    """
    with store.session() as session:
        case = _get(session, case_id)
        cases = _day_cases(session, case.day_id)
        index = next(i for i, c in enumerate(cases) if c.id == case.id)
        other_index = index + delta
        if not 0 <= other_index < len(cases):
            raise Invalid(_("Case {position} cannot move further.").format(position=case.position))
        other = cases[other_index]
        for item in (case, other):
            if item.status != CaseStatus.PLANNED:
                raise _cannot(item, _("move"))
        case.position, other.position = other.position, case.position
        case.planned_start, other.planned_start = other.planned_start, case.planned_start
        cases[index], cases[other_index] = other, case
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
        breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
        try:
            build_schedule(plan_of(day, breaks), [timing_of(c) for c in cases])
        except ScheduleError as exc:
            raise Invalid(str(exc)) from exc
        now = store.now()
        for item in (case, other):
            item.updated_at = now
            session.add(item)
        audit.record(store, session, "move", "case", case.id, f"position={case.position}")
        return case


def pull_forward(store: Store, day_id: int, apply: bool = True) -> list[Move]:
    """Close the gaps left by cancelled cases and absent citizens: later planned cases get an
    earlier planned start (never before now). Returns what moved, for the coordinator to tell
    the participants; with `apply=False` only what would move (nothing is stored)."""
    with store.session() as session:
        day = session.get(StepUpDay, day_id)
        if day is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
        breaks = list(session.exec(select(DayBreak).where(DayBreak.day_id == day.id)))
        cases = _day_cases(session, day_id)
        plan = plan_of(day, breaks)
        timings = [timing_of(c) for c in cases]
        now = store.now()
        try:
            schedule = build_schedule(plan, timings, now)
            moves = rules.pull_forward(plan, timings, now)
        except ScheduleError as exc:
            raise Invalid(str(exc)) from exc
        result = []
        for case in cases:
            new_start = moves.get(case.id or 0)
            if new_start is None:
                continue
            citizen = session.get(Citizen, case.citizen_id)
            result.append(
                Move(
                    case_id=case.id or 0,
                    citizen=citizen.name if citizen else "",
                    old_start=schedule.slot(case.id or 0).planned_start,
                    new_start=new_start,
                )
            )
            if not apply:
                continue
            old_start = schedule.slot(case.id or 0).planned_start
            if case.moved_from is None:
                case.moved_from = old_start
            case.planned_start = new_start
            case.updated_at = now
            session.add(case)
            detail = f"planned_start {old_start:%H:%M} -> {new_start:%H:%M}"
            audit.record(store, session, "pull-forward", "case", case.id, detail)
        return result
