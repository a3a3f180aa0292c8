"""A small, hand-made history for the statistics tests, written through the store's own
functions (as the app would), with the expected figures worked out by hand in EXPECTED.

Period: 2026-06-01 .. 2026-12-03 (the test day). Day D (2026-05-04) lies before it and must
not count.

Day A 2026-06-01 (45-minute meetings):
  A1 health          held 08:45-09:40 (55 min: 10 over); caseworker, job broker, doctor
  A2 family          held 09:55-10:35 (40 min: not over); job broker declined
  A3 health, family  citizen absent, "Syg"
  A4 other           cancelled, "Flyttet"
  A5 other           held 11:15-12:00 without the citizen ("Glemte mødet"): 45 min, not over
Day B 2026-06-03: B1, B2 both cancelled, "Sygdom" (a day with every case cancelled)
Day C 2026-11-30:
  C1 health          held 08:45-09:55 (70 min: 25 over), no roster at all
  C2 family          held 10:10-11:00 (50 min: 5 over); caseworker, job broker
  C3 other           still planned
"""

from __future__ import annotations

from datetime import date, datetime, time

from coordinator.domain.followup import OutcomeCategory, ProblemSolved, ProgressStatus, RatingKind
from coordinator.domain.vocab import Attendance, ChallengeKind, ItemKind, Part, Profession
from coordinator.store import agreements, roster, timing
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.database import Store
from coordinator.store.day_model import stamped
from coordinator.store.days import DayInput, create_day
from coordinator.store.outcomes import set_outcome
from coordinator.store.people import PersonInput, add_person
from coordinator.store.progress import record_progress
from coordinator.store.ratings import add_rating

H, F, OT = ChallengeKind.HEALTH, ChallengeKind.FAMILY, ChallengeKind.OTHER
START, END = date(2026, 6, 1), date(2026, 12, 3)

EXPECTED = {
    "days": 2,
    "days_planned": 3,
    "cases": {"planned": 10, "held": 5, "absent": 1, "absent_held": 1, "cancelled": 3},
    "not_yet": 1,
    "reasons": {
        "absent": [("Syg", 1)],
        "absent-held": [("Glemte mødet", 1)],
        "cancelled": [("Sygdom", 2), ("Flyttet", 1)],
    },
    # overruns of the meetings that ran over: 5, 10, 25
    "overrun": {"timed": 5, "ran_over": 3, "median": 10.0, "p90": 22.0, "max": 25.0},
    # position -> (meetings, ran over, mean of max(0, over))
    "by_position": {1: (2, 2, 17.5), 2: (2, 1, 2.5), 5: (1, 0, 0.0)},
    # held meetings attended / 5 held
    "attendance": {"caseworker": 0.8, "jobbroker": 0.6, "doctor": 0.2},
    "goal": {"due": 2, "recorded": 1, "reached": 1, "rate": 1.0},
    "goal_health": {"due": 1, "recorded": 1, "reached": 1},
    "goal_family": {"due": 1, "recorded": 0, "reached": 0},
    "items": {
        "total": 7,
        "started_within_14_days": 2,
        "done": 3,
        "done_on_time": 2,
        "overdue": 2,
        "dropped": 1,
    },
    "ratings": {
        "session_mean": 36.5,
        "outcome_cases": 2,
        "outcome_first_mean": 15.0,
        "outcome_last_mean": 21.0,
        "outcome_change_mean": 6.0,
    },
    "held_by_month": {"2026-06": 3, "2026-11": 2},
}


def _people(store: Store) -> None:
    for name, profession in (
        ("Camilla Dahl", Profession.CASEWORKER),
        ("Jonas Berg", Profession.JOBBROKER),
        ("Peter Winther", Profession.DOCTOR),
    ):
        add_person(store, PersonInput(name=name, profession=profession))


def _case(store: Store, day_id: int, citizen: str, kinds, staffed: bool = True) -> int:  # noqa: ANN001
    case = add_case(
        store,
        CaseInput(
            day_id=day_id,
            citizen=citizen,
            challenges=tuple(kinds),
            jobbroker="Jonas Berg" if staffed else None,
            caseworker="Camilla Dahl" if staffed else None,
        ),
    )
    return case.id or 0


def _hold(store: Store, on: date, case_id: int, pre: time, meeting: time, end: time) -> None:
    at = stamped(store, datetime.combine(on, pre))
    timing.start_pre_meeting(at, case_id, pre)
    timing.start_meeting(at, case_id, meeting)
    timing.end_meeting(at, case_id, end)


def _agree(store: Store, case_id: int, goal: date, items: list[tuple[str, date]]) -> list[int]:
    agreements.ensure_draft(store, case_id)
    agreements.set_fields(store, case_id, job_goal="Arbejde", goal_date=goal)
    ids = [
        agreements.add_item(store, case_id, ItemKind.SUPPORT, text, "Jonas Berg", due).id or 0
        for text, due in items
    ]
    agreements.finalise(store, case_id)
    return ids


def build(store: Store) -> dict[str, int]:
    """Write the history (the store's clock stands on the test day)."""
    _people(store)
    day_a = create_day(store, DayInput(date=date(2026, 6, 1))).id or 0
    day_b = create_day(store, DayInput(date=date(2026, 6, 3))).id or 0
    day_c = create_day(store, DayInput(date=date(2026, 11, 30))).id or 0
    day_d = create_day(store, DayInput(date=date(2026, 5, 4))).id or 0
    a1 = _case(store, day_a, "Anna Ahl", [H])
    roster.add_people(store, a1, ["Peter Winther"], Part.BOTH)
    a2 = _case(store, day_a, "Bo Bech", [F])
    a3 = _case(store, day_a, "Carl Crone", [H, F])
    a4 = _case(store, day_a, "Dina Dam", [OT])
    a5 = _case(store, day_a, "Eva Eng", [OT])
    b1 = _case(store, day_b, "Finn Fog", [H])
    b2 = _case(store, day_b, "Gry Gram", [F])
    c1 = _case(store, day_c, "Hans Holm", [H], staffed=False)
    c2 = _case(store, day_c, "Ida Iversen", [F])
    _case(store, day_c, "Jens Juul", [OT])
    d1 = _case(store, day_d, "Kim Krag", [H])

    for line in roster.roster_lines(store, a2):
        if line.name == "Jonas Berg":
            roster.update_entry(store, line.id, attendance=Attendance.DECLINED)
    for line in roster.roster_lines(store, c1):
        roster.remove_entry(store, line.id)

    june1 = date(2026, 6, 1)
    _hold(store, june1, a1, time(8, 30), time(8, 45), time(9, 40))
    _hold(store, june1, a2, time(9, 40), time(9, 55), time(10, 35))
    timing.mark_absent(store, a3, "Syg")
    timing.cancel_case(store, a4, "Flyttet")
    _hold(store, june1, a5, time(11, 0), time(11, 15), time(12, 0))
    timing.mark_absent_held(store, a5, "Glemte mødet")
    timing.cancel_case(store, b1, "Sygdom")
    timing.cancel_case(store, b2, "Sygdom")
    nov30 = date(2026, 11, 30)
    _hold(store, nov30, c1, time(8, 30), time(8, 45), time(9, 55))
    _hold(store, nov30, c2, time(9, 55), time(10, 10), time(11, 0))
    _hold(store, date(2026, 5, 4), d1, time(8, 30), time(8, 45), time(11, 0))

    i1, i2, i3 = _agree(
        store,
        a1,
        date(2026, 9, 1),
        [("Et", date(2026, 6, 15)), ("To", date(2026, 6, 20)), ("Tre", date(2026, 6, 30))],
    )
    i4, i5 = _agree(
        store, a2, date(2026, 9, 1), [("Fire", date(2026, 6, 10)), ("Fem", date(2026, 6, 20))]
    )
    _i6, _i7 = _agree(
        store, c1, date(2027, 2, 20), [("Seks", date(2026, 12, 10)), ("Syv", date(2026, 12, 1))]
    )
    (i8,) = _agree(store, d1, date(2026, 8, 1), [("Otte", date(2026, 5, 10))])
    for item, status, on, note in (
        (i1, ProgressStatus.STARTED, date(2026, 6, 10), ""),
        (i1, ProgressStatus.DONE, date(2026, 6, 14), ""),
        (i2, ProgressStatus.DROPPED, date(2026, 6, 25), "Ikke relevant"),
        (i4, ProgressStatus.STARTED, date(2026, 6, 20), ""),
        (i4, ProgressStatus.DONE, date(2026, 7, 1), ""),
        (i5, ProgressStatus.DONE, date(2026, 6, 5), ""),
        (i8, ProgressStatus.DONE, date(2026, 5, 5), ""),
    ):
        record_progress(store, item, status, on, note)
    del i3  # open and overdue
    set_outcome(store, a1, OutcomeCategory.INTERNSHIP, date(2026, 9, 2), ProblemSolved.PARTLY)
    set_outcome(store, d1, OutcomeCategory.JOB, date(2026, 8, 2), ProblemSolved.YES)

    session = RatingKind.SESSION
    outcome = RatingKind.OUTCOME
    for case_id, kind, scores, on in (
        (a1, session, (8, 9, 8, 8.5), june1),
        (a2, session, (9, 9, 9, 9), june1),
        (c1, session, (10, 10, 10, 10), nov30),
        (d1, session, (1, 1, 1, 1), date(2026, 5, 4)),
        (a1, outcome, (4, 5, 4, 5), june1),
        (a1, outcome, (6, 7, 6, 7), date(2026, 9, 1)),
        (a1, outcome, (5, 5, 5, 5), date(2026, 7, 1)),
        (a2, outcome, (3, 3, 3, 3), june1),
        (a2, outcome, (4, 4, 4, 4), date(2026, 8, 1)),
        (c1, outcome, (5, 5, 5, 5), nov30),
        (d1, outcome, (0, 0, 0, 0), date(2026, 5, 4)),
        (d1, outcome, (9, 9, 9, 9), date(2026, 8, 1)),
    ):
        add_rating(store, case_id, kind, scores, on)
    return {"a1": a1, "a2": a2, "c1": c1, "day_b": day_b}
