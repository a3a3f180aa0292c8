"""A deterministic, seeded history of `--years` years for the benchmarks: step-up days on
weekdays (250 a year), five cases a day with rosters and preparation forms, final agreements
with items of every kind, item progress events, three-month outcomes and F.I.T. ratings. The
last days are today's (planned, with its five cases' preparations and a draft agreement for the
first) and four weeks of planned days after it, as in a municipality that plans ahead.

Ten years (the default) is 2,500 days and 12,500 cases. Every random draw comes from one
`random.Random(seed)`, so nothing else in the process changes the result. The database is
created and migrated by the app (`Store.open`), then filled with SQLAlchemy Core bulk inserts in
one transaction: the store's own functions would write an audit event per row and take many
minutes, and what is measured is reading, not writing. Same seed, same years: the same
database, row for row (today is fixed at 2026-12-03; run the app with `--today 2026-12-03`).

Run: `python -m bench.stats_db PATH [--years N] [--seed S]` (as a module: `bench/typing.py`
would shadow the standard library for a script run from `bench/`) (about 30 s for ten years on a
laptop; `--years 1` for a quick one).
"""

from __future__ import annotations

import argparse
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import insert

from coordinator.domain.clock import FixedClock
from coordinator.store.database import Store
from coordinator.store.models import (
    Agreement,
    AgreementItem,
    Case,
    CaseChallenge,
    Citizen,
    ItemProgress,
    Outcome,
    Person,
    Preparation,
    Rating,
    RosterEntry,
    StepUpDay,
)

CASES_PER_DAY = 5
PROFESSIONS = (
    ("caseworker", 12),
    ("jobbroker", 10),
    ("nurse", 3),
    ("doctor", 3),
    ("psychologist", 3),
    ("family-counsellor", 3),
    ("ppr-adviser", 2),
    ("mentor", 4),
)
STATUSES = ("done",) * 80 + ("absent",) * 7 + ("cancelled",) * 8 + ("absent-held",) * 5
REASONS = ("Syg", "Glemte mødet", "Flyttet", "Startet i job", "")
DROP_REASONS = ("Ikke relevant længere", "Borgeren ønskede det ikke", "Tilbuddet lukkede")
CATEGORIES = (
    "job",
    "flexjob",
    "wage-subsidy",
    "internship",
    "education",
    "main-model",
    "no-progress",
)
AT_WORKPLACE = {"job", "flexjob", "wage-subsidy", "internship"}


FIRST_NAMES = (
    "Mads", "Sara", "Ali", "Birgitte", "Kasper", "Fatima", "Jonas", "Mette", "Ahmed", "Line",
    "Peter", "Hanne", "Omar", "Camilla", "Lars", "Yasmin", "Søren", "Julie", "Henrik", "Amina",
)  # fmt: skip
LAST_NAMES = (
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Hassan", "Møller",
)  # fmt: skip
ITEMS = {
    "accommodation": ("Kortere arbejdsdage de første uger", "Pauser efter behov", "Fast makker"),
    "support": ("Mentor to timer om ugen", "Hjælp til CV og ansøgning", "Samtale med læge"),
    "intervention": ("Virksomhedspraktik", "Forløb hos psykolog", "Danskundervisning"),
    "action": ("Søge tre job om ugen", "Ringe til virksomheden", "Melde sig til kursus"),
}
RESPONSIBLE = ("person", "person", "citizen", "other")
#: Planned days after today: a municipality plans about a month ahead.
PLANNED_AHEAD = 20


def _days(rng: random.Random, today: date, count: int) -> list[date]:
    """`count` weekdays ending PLANNED_AHEAD step-up days after today, today among them; a few
    weekdays have no step-up (holidays, a cancelled day)."""
    days, day = [], today
    while len(days) < count - PLANNED_AHEAD:
        if day.weekday() < 5 and (day == today or rng.random() < 0.96):
            days.append(day)
        day -= timedelta(days=1)
    days.reverse()
    day = today + timedelta(days=1)
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _preparation(rng: random.Random, case_id: int, on: date, now: datetime) -> dict:
    """The case's preparation form: filled in the weeks before the day."""
    return dict(
        case_id=case_id,
        tried="Jobsøgningskursus og en praktik, der stoppede efter to uger.",
        decided_by=rng.choice(("Rehabiliteringsteamet", "Sagsbehandler", "Teamleder")),
        decided_on=on - timedelta(days=rng.randint(20, 60)),
        main_problem=rng.choice(("Helbred", "Manglende netværk", "Sprog", "Misbrug i familien")),
        answer_reason="Jeg vil gerne videre, men ved ikke hvordan.",
        answer_situations="Når jeg skal møde tidligt, og når der er mange mennesker.",
        answer_goals="Et arbejde med faste tider, gerne udendørs.",
        answer_plan_ideas="Starte med få timer og bygge op.",
        benefit=rng.choice(("Kontanthjælp", "Sygedagpenge", "Ressourceforløbsydelse")),
        time_on_benefit=f"{rng.randint(1, 9)} år",
        health="Ondt i ryggen; går til fysioterapeut.",
        job_goal=rng.choice(("Lager", "Rengøring", "Butik", "Pedel", "Køkken")),
        completed=True,
        updated_at=now,
    )


def generate(path: Path, years: int = 10, seed: int = 2026) -> dict[str, int]:
    rng = random.Random(seed)
    now = datetime(2026, 12, 3, 8, 0)
    today = now.date()
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    store = Store.open(str(path), clock=FixedClock(now), actor="bench")
    n_days = 250 * years
    days = _days(rng, today, n_days)
    rows: dict[type, list[dict]] = {
        t: []
        for t in (
            Person,
            Citizen,
            StepUpDay,
            Case,
            Preparation,
            CaseChallenge,
            RosterEntry,
            Agreement,
            AgreementItem,
            ItemProgress,
            Outcome,
            Rating,
        )
    }
    people: dict[str, list[int]] = {}
    person_id = 0
    for profession, count in PROFESSIONS:
        for _i in range(count):
            person_id += 1
            people.setdefault(profession, []).append(person_id)
            rows[Person].append(
                dict(
                    id=person_id,
                    name=f"{profession} {person_id}",
                    profession=profession,
                    created_at=now,
                    updated_at=now,
                )
            )
    case_id = agreement_id = item_id = 0
    for day_id, on in enumerate(days, start=1):
        rows[StepUpDay].append(
            dict(
                id=day_id,
                date=on,
                start_time=time(8, 30),
                pre_minutes=15,
                meeting_minutes=45,
                status="finished" if on < today else "planned",
                break_policy="floating",
                created_at=now,
                updated_at=now,
            )
        )
        clock = datetime.combine(on, time(8, 30))
        for position in range(1, CASES_PER_DAY + 1):
            case_id += 1
            status = rng.choice(STATUSES) if on < today else "planned"
            held = status in ("done", "absent-held")
            overrun = max(-10, int(rng.gauss(3 + position, 8)))
            pre, meeting = clock, clock + timedelta(minutes=15)
            end = meeting + timedelta(minutes=45 + overrun)
            rows[Citizen].append(
                dict(
                    id=case_id,
                    name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {case_id}",
                    created_at=now,
                    updated_at=now,
                )
            )
            rows[Case].append(
                dict(
                    id=case_id,
                    day_id=day_id,
                    position=position,
                    citizen_id=case_id,
                    status=status,
                    jobbroker_id=rng.choice(people["jobbroker"]),
                    caseworker_id=rng.choice(people["caseworker"]),
                    problem_statement="Hvad skal der til, for at borgeren kan arbejde?",
                    status_reason=rng.choice(REASONS)
                    if status in ("absent", "cancelled", "absent-held")
                    else "",
                    pre_started_at=pre if held else None,
                    meeting_started_at=meeting if held else None,
                    ended_at=end if held else None,
                    created_at=now,
                    updated_at=now,
                )
            )
            clock = end if held else clock + timedelta(hours=1)
            kinds = rng.sample(("health", "family", "other"), rng.choice((1, 1, 2)))
            rows[CaseChallenge] += [dict(case_id=case_id, kind=kind) for kind in kinds]
            rows[RosterEntry].append(
                dict(
                    case_id=case_id,
                    role="citizen",
                    person_id=None,
                    name="",
                    part="meeting",
                    attendance="invited",
                    created_at=now,
                    updated_at=now,
                )
            )
            # (profession, on the roster, came): CTI's figures for the two always invited
            for profession, invited, came in (
                ("caseworker", 1.0, 0.93),
                ("jobbroker", 1.0, 0.88),
                ("psychologist", 0.3, 0.9),
                ("doctor", 0.3, 0.8),
                ("nurse", 0.2, 0.9),
                ("family-counsellor", 0.3, 0.85),
                ("mentor", 0.2, 0.9),
            ):
                if rng.random() < invited:
                    attended = rng.random() < came
                    rows[RosterEntry].append(
                        dict(
                            case_id=case_id,
                            role="professional",
                            person_id=rng.choice(people[profession]),
                            name="",
                            part="both",
                            attendance="present" if attended else "absent",
                            created_at=now,
                            updated_at=now,
                        )
                    )
            if on <= today:  # filled before the day; the planned ones ahead have none yet
                rows[Preparation].append(_preparation(rng, case_id, on, now))
            if on == today and position == 1:  # the agreement being drafted this morning
                agreement_id += 1
                rows[Agreement].append(
                    dict(
                        id=agreement_id,
                        case_id=case_id,
                        version=1,
                        status="draft",
                        goal_date=None,
                        job_goal="Lager",
                        citizen_words="",
                        follow_up_date=None,
                        created_at=now,
                        updated_at=now,
                        finalised_at=None,
                    )
                )
            if not held:
                continue
            agreement_id += 1
            goal = on + timedelta(days=91)
            rows[Agreement].append(
                dict(
                    id=agreement_id,
                    case_id=case_id,
                    version=1,
                    status="final",
                    goal_date=goal,
                    job_goal=rng.choice(("Lager", "Rengøring", "Butik", "Pedel", "Køkken")),
                    citizen_words="Jeg vil gerne prøve at arbejde igen, hvis jeg kan holde pauser.",
                    follow_up_date=goal,
                    created_at=now,
                    updated_at=now,
                    finalised_at=end,
                )
            )
            for position_k in range(rng.randint(2, 4)):
                item_id += 1
                due = on + timedelta(days=rng.randint(7, 60))
                kind = rng.choice(tuple(ITEMS))
                responsible = rng.choice(RESPONSIBLE)
                rows[AgreementItem].append(
                    dict(
                        id=item_id,
                        agreement_id=agreement_id,
                        kind=kind,
                        position=position_k,
                        text=rng.choice(ITEMS[kind]),
                        responsible_kind=responsible,
                        responsible_person_id=rng.choice(people["mentor"])
                        if responsible == "person"
                        else None,
                        responsible_text="Familiens netværk" if responsible == "other" else "",
                        due=due,
                        created_at=now,
                        updated_at=now,
                    )
                )
                fate = rng.random()
                started = on + timedelta(days=rng.randint(1, 30))
                if fate < 0.75 and started <= today:
                    rows[ItemProgress].append(
                        dict(
                            item_id=item_id,
                            lineage_id=item_id,
                            status="started",
                            effective_on=started,
                            note="",
                            recorded_at=now,
                        )
                    )
                    finished = started + timedelta(days=rng.randint(3, 50))
                    if fate < 0.6 and finished <= today:
                        rows[ItemProgress].append(
                            dict(
                                item_id=item_id,
                                lineage_id=item_id,
                                status="done",
                                effective_on=finished,
                                note="",
                                recorded_at=now,
                            )
                        )
                elif fate < 0.85 and started <= today:
                    rows[ItemProgress].append(
                        dict(
                            item_id=item_id,
                            lineage_id=item_id,
                            status="dropped",
                            effective_on=started,
                            note=rng.choice(DROP_REASONS),
                            recorded_at=now,
                        )
                    )
            if goal <= today and rng.random() < 0.85:
                category = rng.choice(CATEGORIES)
                rows[Outcome].append(
                    dict(
                        case_id=case_id,
                        recorded_on=goal,
                        category=category,
                        at_workplace=category in AT_WORKPLACE,
                        problem_solved=rng.choice(("yes", "partly", "no")),
                        created_at=now,
                        updated_at=now,
                    )
                )
            base = rng.uniform(3, 6)
            for kind, count in (("session", 1), ("outcome", rng.randint(1, 4))):
                for k in range(count):
                    rated = on + timedelta(days=30 * k)
                    if rated > today:
                        break
                    level = base + (1.2 * k if kind == "outcome" else 3.5)
                    scores = [round(min(10.0, max(0.0, rng.gauss(level, 1))), 1) for _s in range(4)]
                    rows[Rating].append(
                        dict(
                            case_id=case_id,
                            kind=kind,
                            rated_on=rated,
                            score_1=scores[0],
                            score_2=scores[1],
                            score_3=scores[2],
                            score_4=scores[3],
                            created_at=now,
                        )
                    )
    with store.engine.begin() as connection:
        for table, found in rows.items():
            for start in range(0, len(found), 5000):
                connection.execute(insert(table), found[start : start + 5000])
    store.close()
    return {table.__name__: len(found) for table, found in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    counts = generate(args.path, args.years, args.seed)
    for name, count in counts.items():
        print(f"{name:<14} {count:>8}")


if __name__ == "__main__":
    main()
