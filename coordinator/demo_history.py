"""The demo's history: two earlier step-up days, three months and a month back, whose meetings
were held and whose agreements are final, with what happened since (items started, done,
dropped), a three-month outcome and the citizens' F.I.T. ratings. So a new user opening the
demo sees the follow-up and the rating curves filled, and an outcome that is due.

Everything is written as it would have been at the time (a store whose clock is stopped at
that moment), so the audit trail and the rules (nothing before the meeting, nothing in the
future) hold. Every name is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from coordinator.domain.followup import OutcomeCategory, ProblemSolved, ProgressStatus, RatingKind
from coordinator.domain.quickdates import add_months
from coordinator.domain.vocab import ChallengeKind, ItemKind, Part
from coordinator.store import agreements, roster, timing
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.database import Store
from coordinator.store.day_model import stamped
from coordinator.store.days import DayInput, create_day
from coordinator.store.outcomes import set_outcome
from coordinator.store.progress import record_progress
from coordinator.store.ratings import add_rating

H, F = ChallengeKind.HEALTH, ChallengeKind.FAMILY
S, IV, A = ItemKind.SUPPORT, ItemKind.INTERVENTION, ItemKind.ACTION


@dataclass(frozen=True)
class PastCase:
    citizen: str
    challenges: tuple[ChallengeKind, ...]
    jobbroker: str
    caseworker: str
    problem: str
    job_goal: str
    extra: tuple[str, ...]
    #: (kind, text, responsible, due: days after the meeting)
    items: tuple[tuple[ItemKind, str, str, int], ...]
    session: tuple[float, float, float, float]
    outcome_rating: tuple[float, float, float, float]


THREE_MONTHS_BACK = (
    PastCase(
        "Lone Petersen",
        (H,),
        "Sofie Kjær",
        "Camilla Dahl",
        "Langvarige smerter; har opgivet at finde et arbejde, hun kan holde til.",
        "Butiksmedhjælper på nedsat tid",
        ("Peter Winther",),
        (
            (IV, "Afklaring af smerter hos lægekonsulenten.", "Peter Winther", 14),
            (S, "Sofie finder en praktik i en butik med fleksible timer.", "Sofie Kjær", 30),
            (A, "Lone fører smertedagbog i fire uger.", "borger", 28),
        ),
        (8, 9, 8, 8.5),
        (4, 5, 4.5, 4.5),
    ),
    PastCase(
        "Henrik Nielsen",
        (F,),
        "Jonas Berg",
        "Anders Lund",
        "Delebørn hver anden uge; kan ikke møde tidligt de uger.",
        "Pedelmedhjælper",
        ("Maria Friis",),
        (
            (S, "Familierådgiveren hjælper med en fast pasningsaftale.", "Maria Friis", 21),
            (S, "Jonas taler med virksomheden om senere mødetid.", "Jonas Berg", 10),
        ),
        (9.5, 9, 9.5, 9.5),
        (5, 4, 5, 5),
    ),
)

MONTH_BACK = (
    PastCase(
        "Fatima Ahmed",
        (H, F),
        "Sofie Kjær",
        "Camilla Dahl",
        "Angst og en søn med særlige behov; praktikker er stoppet efter få dage.",
        "Køkkenmedhjælper",
        ("Rikke Lauridsen", "Thomas Krogh"),
        (
            (IV, "Forløb hos psykologen om angst (seks samtaler).", "Rikke Lauridsen", 14),
            (S, "PPR-rådgiveren holder møde med skolen om sønnen.", "Thomas Krogh", 21),
            (A, "Fatima besøger to køkkener sammen med Sofie.", "borger", 28),
        ),
        (7, 8, 8, 8),
        (3, 4, 4, 3.5),
    ),
)


def demo_day_input(on: date) -> DayInput:
    """The demo's step-up day on `on` (today's and the earlier ones alike)."""
    return DayInput(
        date=on,
        start=time(8, 30),
        breaks=((time(11, 30), time(12, 0)),),
        location="Jobcenter Demo, mødelokale 2",
        coordinator="Lene Holm",
    )


def _held_day(store: Store, on: date, cases: tuple[PastCase, ...]) -> list[int]:
    """A day on `on` whose cases were held, with final agreements; returns the case ids."""
    day = create_day(store, demo_day_input(on))
    ids = []
    for past in cases:
        case = add_case(
            store,
            CaseInput(
                day_id=day.id or 0,
                citizen=past.citizen,
                challenges=past.challenges,
                jobbroker=past.jobbroker,
                caseworker=past.caseworker,
                problem_statement=past.problem,
            ),
        )
        roster.add_people(store, case.id or 0, list(past.extra), Part.BOTH)
        ids.append(case.id or 0)
    moment = datetime.combine(on, time(8, 30))
    for past, case_id in zip(cases, ids, strict=True):
        then = stamped(store, moment)
        timing.start_pre_meeting(then, case_id)
        then = stamped(store, moment + timedelta(minutes=15))
        timing.start_meeting(then, case_id)
        agreements.ensure_draft(then, case_id)
        agreements.set_fields(then, case_id, job_goal=past.job_goal)
        for kind, text, who, days in past.items:
            agreements.add_item(then, case_id, kind, text, who, on + timedelta(days=days))
        then = stamped(store, moment + timedelta(minutes=58))
        agreements.finalise(then, case_id)
        add_rating(then, case_id, RatingKind.OUTCOME, past.outcome_rating)
        add_rating(then, case_id, RatingKind.SESSION, past.session)
        timing.end_meeting(then, case_id)
        moment += timedelta(hours=1)
    return ids


def _item_ids(store: Store, case_id: int) -> list[int]:
    agreement = agreements.latest(store, case_id)
    assert agreement is not None
    return [
        i.id or 0
        for i in sorted(agreements.items(store, agreement.id or 0), key=lambda i: i.id or 0)
    ]


def _at(store: Store, on: date) -> Store:
    return stamped(store, datetime.combine(on, time(10, 0)))


def _weekday_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def create_history(store: Store, today: date) -> None:
    """The two earlier days and what happened since, as seen from `today`."""
    early = _weekday_on_or_before(add_months(today, -3))
    month = _weekday_on_or_before(add_months(today, -1))
    lone, henrik = _held_day(store, early, THREE_MONTHS_BACK)
    (fatima,) = _held_day(store, month, MONTH_BACK)
    pain, shop, diary = _item_ids(store, lone)
    record_progress(_at(store, early + timedelta(days=9)), pain, ProgressStatus.STARTED)
    record_progress(
        _at(store, early + timedelta(days=30)),
        pain,
        ProgressStatus.DONE,
        note="Smerterne kan håndteres med pauser; højst 25 timer om ugen.",
    )
    record_progress(_at(store, early + timedelta(days=40)), shop, ProgressStatus.STARTED)
    record_progress(
        _at(store, early + timedelta(days=35)),
        diary,
        ProgressStatus.DROPPED,
        note="Dagbogen blev erstattet af samtalerne hos lægekonsulenten.",
    )
    childcare, later_start = _item_ids(store, henrik)
    record_progress(_at(store, early + timedelta(days=12)), later_start, ProgressStatus.DONE)
    del childcare  # left open: overdue in the follow-up
    set_outcome(
        _at(store, today),
        lone,
        OutcomeCategory.INTERNSHIP,
        problem_solved=ProblemSolved.PARTLY,
        note="Praktik i en dagligvarebutik, 20 timer om ugen.",
    )
    add_rating(_at(store, today), lone, RatingKind.OUTCOME, (6.5, 7, 6, 6.5))
    add_rating(_at(store, early + timedelta(days=45)), henrik, RatingKind.OUTCOME, (5.5, 5, 6, 5.5))
    psychologist, _school, _visits = _item_ids(store, fatima)
    record_progress(
        _at(store, month + timedelta(days=5)),
        psychologist,
        ProgressStatus.STARTED,
        note="Første samtale holdt; næste om to uger.",
    )
