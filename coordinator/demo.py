"""A fictional but realistic step-up day for today, for trying the app and for screenshots,
with a history of two earlier days (`demo_history`) so the follow-up has something to show.

Five citizens, 08:30 start, 15 + 45 minutes, lunch 11:30–12:00. The first two cases are the
worked examples of STEP-UP.md (a man who "locks up" before internships; a mother with a bowel
disease and a son often sent home from school), with their preparation filled in and, for the
first, an agreement being drafted. Every name is invented. Running it twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coordinator.demo_history import create_history, demo_day_input
from coordinator.domain.vocab import ChallengeKind, ItemKind, MaterialKind, Part, Profession
from coordinator.store import agreements, preparation, roster
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.database import Store
from coordinator.store.days import create_day
from coordinator.store.models import StepUpDay
from coordinator.store.people import PersonInput, add_person
from coordinator.store.settings import get_setting, set_setting

P = Profession

PEOPLE: tuple[PersonInput, ...] = (
    PersonInput(
        "Lene Holm", P.COORDINATOR, "Jobcenter, Flere skal med", "leho@demo.dk", "7211 0001", True
    ),
    PersonInput(
        "Jonas Berg", P.JOBBROKER, "Jobcenter, Virksomhedsservice", "jobe@demo.dk", "7211 0002"
    ),
    PersonInput(
        "Sofie Kjær", P.JOBBROKER, "Jobcenter, Virksomhedsservice", "sokj@demo.dk", "7211 0003"
    ),
    PersonInput(
        "Anders Lund", P.CASEWORKER, "Jobcenter, Ydelser", "anlu@demo.dk", "7211 0004", True
    ),
    PersonInput(
        "Camilla Dahl", P.CASEWORKER, "Jobcenter, Ydelser", "cada@demo.dk", "7211 0005", True
    ),
    PersonInput(
        "Helle Nygaard", P.NURSE, "Sundhedscentret", "heny@demo.dk", "7211 0101", True, True
    ),
    PersonInput(
        "Peter Winther",
        P.DOCTOR,
        "Jobcenter, lægekonsulent",
        "pewi@demo.dk",
        "7211 0102",
        False,
        True,
    ),
    PersonInput(
        "Maria Friis",
        P.FAMILY_COUNSELLOR,
        "Børn og Familie",
        "mafr@demo.dk",
        "7211 0201",
        True,
        True,
    ),
    PersonInput(
        "Karen Bech", P.HEALTH_VISITOR, "Sundhedsplejen", "kabe@demo.dk", "7211 0202", False, True
    ),
    PersonInput(
        "Thomas Krogh", P.PPR_ADVISER, "Børn og Unge, PPR", "thkr@demo.dk", "7211 0203", False, True
    ),
    PersonInput(
        "Rikke Lauridsen", P.PSYCHOLOGIST, "Sundhed og Omsorg", "rila@demo.dk", "7211 0103"
    ),
)


@dataclass(frozen=True)
class DemoCase:
    citizen: str
    challenges: tuple[ChallengeKind, ...]
    jobbroker: str
    caseworker: str
    problem: str
    extra: tuple[tuple[str, Part], ...] = ()


H, F, OTHER = ChallengeKind.HEALTH, ChallengeKind.FAMILY, ChallengeKind.OTHER
CASES: tuple[DemoCase, ...] = (
    DemoCase(
        "Mads Eriksen",
        (H,),
        "Jonas Berg",
        "Anders Lund",
        "Trækker sig hver gang en praktik skal starte; siger han 'låser'.",
        (("Helle Nygaard", Part.BOTH),),
    ),
    DemoCase(
        "Sara Jensen",
        (F, H),
        "Sofie Kjær",
        "Camilla Dahl",
        "Har ikke overskud til praktik; sønnen sendes ofte hjem fra skole.",
        (("Karen Bech", Part.BOTH), ("Maria Friis", Part.BOTH)),
    ),
    DemoCase(
        "Ali Hassan",
        (H,),
        "Jonas Berg",
        "Anders Lund",
        "Rygsmerter gør lange arbejdsdage svære; vil gerne være lagermedarbejder.",
        (("Peter Winther", Part.BOTH),),
    ),
    DemoCase(
        "Birgitte Olsen",
        (OTHER,),
        "Sofie Kjær",
        "Camilla Dahl",
        "Gæld og boligsituation fylder; mangler overblik over økonomien.",
    ),
    DemoCase(
        "Kasper Møller",
        (F,),
        "Jonas Berg",
        "Anders Lund",
        "Alene med to børn efter samlivsbrud; pasning passer ikke med arbejdstider.",
        (("Maria Friis", Part.BOTH),),
    ),
)


@dataclass(frozen=True)
class DemoResult:
    day_id: int
    day_date: date
    created: bool


def create_demo(store: Store, history: bool = False) -> DemoResult:
    """Create today's demo day, or return the one made earlier today; with `history` also the
    two earlier held days (`demo_history`; `coordinator demo` makes them, tests mostly not)."""
    today = store.now().date()
    key = f"demo-day:{today.isoformat()}"
    existing = get_setting(store, key)
    if existing.isdigit():
        with store.session() as session:
            if session.get(StepUpDay, int(existing)) is not None:
                return DemoResult(int(existing), today, created=False)
    for person in PEOPLE:
        add_person(store, person)
    day = create_day(store, demo_day_input(today))
    case_ids = []
    for demo_case in CASES:
        case = add_case(
            store,
            CaseInput(
                day_id=day.id or 0,
                citizen=demo_case.citizen,
                challenges=demo_case.challenges,
                jobbroker=demo_case.jobbroker,
                caseworker=demo_case.caseworker,
                problem_statement=demo_case.problem,
            ),
        )
        case_ids.append(case.id or 0)
        for name, part in demo_case.extra:
            roster.add_people(store, case.id or 0, [name], part)
    _prepare_health_example(store, case_ids[0])
    _prepare_family_example(store, case_ids[1])
    _draft_health_agreement(store, case_ids[0], today)
    _give_consents(store, case_ids, today)
    if history:
        create_history(store, today)
    _send_material(store, case_ids)
    set_setting(store, key, str(day.id))
    return DemoResult(day.id or 0, today, created=True)


def _give_consents(store: Store, case_ids: list[int], today: date) -> None:
    """Every demo citizen consented two weeks ago; the last one has withdrawn it since."""
    from coordinator.store.consent import set_consent

    given = today - timedelta(days=14)
    for case_id in case_ids:
        set_consent(store, case_id, given, "Jobcenter, sundhed og familie må dele oplysninger")
    set_consent(store, case_ids[-1], given, withdrawn_on=today - timedelta(days=2))


def _send_material(store: Store, case_ids: list[int]) -> None:
    """The material went out three days before (the prepared cases first, the rest after:
    the demo day is today, so the day screen would otherwise flag every case as late)."""
    from coordinator.store.material_sent import record_sent

    when = store.now() - timedelta(days=3)
    for case_id in case_ids:
        record_sent(store, case_id, ["Lene Holm"], at=when)


def _tick_materials(store: Store, case_id: int) -> None:
    for kind in (
        MaterialKind.PREPARATION_FORM,
        MaterialKind.MIN_PLAN,
        MaterialKind.CV,
        MaterialKind.JOB_GOAL,
    ):
        preparation.set_material(store, case_id, kind, ready=True)


def _prepare_health_example(store: Store, case_id: int) -> None:
    preparation.update_preparation(
        store,
        case_id,
        tried="To praktikker aftalt hos virksomheder han selv fandt; mødte ikke op første dag.",
        decided_by="Jobformidler, teamleder og borger",
        main_problem="Han 'låser' når en praktik skal starte; han tror selv det er noget psykisk.",
        answer_reason="Jeg bliver helt låst dagen før. Jeg kan ikke få mig selv ud af døren.",
        answer_situations="Aftenen før første praktikdag i august og igen i oktober.",
        answer_goals="Job som lagermedarbejder eller chauffør; vil gerne tjene egne penge.",
        answer_plan_ideas="At jobformidleren er med den første dag.",
        benefit="Kontanthjælp",
        time_on_benefit="2 år og 4 måneder",
        current_interventions="Virksomhedsrettet forløb i Flere skal med",
        earlier_interventions="Kursus i truckcertifikat (gennemført)",
        health="Ingen diagnoser; egen læge kender til søvnproblemer.",
        family_situation="Bor alene; god kontakt til sin søster.",
        authority_contacts="Egen læge",
        network="Søster (kan deltage)",
        job_goal="Lagermedarbejder",
        completed=True,
    )
    _tick_materials(store, case_id)


def _prepare_family_example(store: Store, case_id: int) -> None:
    preparation.update_preparation(
        store,
        case_id,
        tried="Praktik drøftet flere gange; borgeren har ikke overskud til at starte.",
        decided_by="Jobformidler og teamleder; drøftet med lægekonsulenten",
        main_problem="Ikke overskud til praktik ved siden af familien og en tarmsygdom.",
        answer_reason="Jeg har ikke overskud. Der sker hele tiden noget med børnene.",
        answer_situations="Min søn bliver sendt hjem fra skole flere gange om ugen.",
        answer_goals="Arbejde i en børnehave eller et køkken, på deltid til at starte med.",
        answer_plan_ideas="Hjælp til samarbejdet med skolen.",
        benefit="Kontanthjælp",
        time_on_benefit="1 år og 8 måneder",
        current_interventions="Ingen",
        earlier_interventions="Krisecenterophold for et år siden",
        health="Tarmsygdom i medicinsk behandling.",
        family_situation="Alene med to børn (7 og 10 år) efter et voldeligt ægteskab.",
        authority_contacts="Egen læge, skolen, Børn og Familie",
        network="Mor (bor i nærheden)",
        job_goal="Køkkenmedhjælper på deltid",
        completed=True,
    )
    _tick_materials(store, case_id)


def _draft_health_agreement(store: Store, case_id: int, today: date) -> None:
    agreements.ensure_draft(store, case_id)
    agreements.set_fields(
        store,
        case_id,
        job_goal="Lagermedarbejder",
        citizen_words="Jeg vil gerne prøve igen, hvis der er nogen med den første dag.",
    )
    agreements.add_item(
        store,
        case_id,
        ItemKind.SUPPORT,
        "Jonas følger med de første dage i den næste praktik.",
        "Jonas Berg",
        today + timedelta(days=21),
    )
    agreements.add_item(
        store,
        case_id,
        ItemKind.INTERVENTION,
        "Samtale med sygeplejersken om angst og hvad der sker i kroppen.",
        "Helle Nygaard",
        today + timedelta(days=14),
    )
