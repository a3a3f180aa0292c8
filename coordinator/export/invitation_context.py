"""What the participants' calendar invitations say, as plain data (the ICS writer's input).

An invitation lands in Outlook, on phones and in shared calendars, so it says why the person
is invited without saying who the citizen is or what ails them: the citizen by initials and
case number only; the case's purpose and question told from the job goal and the kinds of
challenge, never from the free-text fields of the preparation (where names and diagnoses are
written); network persons counted, not named. The free text is in the meeting material, which
goes to the participants by a safer road.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coordinator.domain.names import initials
from coordinator.domain.vocab import (
    CHALLENGE_LABELS,
    MATERIAL_LABELS,
    PROFESSION_LABELS,
    Attendance,
    CaseStatus,
    ChallengeKind,
    MaterialKind,
    Part,
    Profession,
    RosterRole,
)
from coordinator.export.context import long_date
from coordinator.export.environment import clean_text
from coordinator.i18n import N_, translate
from coordinator.store.database import Store
from coordinator.store.days import load_day, resolve_day
from coordinator.store.export_data import case_document_data
from coordinator.store.invitations import sequences
from coordinator.store.people import person_record
from coordinator.store.roster import roster_lines
from coordinator.store.settings import installation_id

Context = dict[str, Any]

PARTS = ("pre_meeting", "meeting")

#: Why a profession sits at the table (the text after "You are invited as …").
PROFESSION_ROLES: dict[Profession, str] = {
    Profession.COORDINATOR: N_("you lead the meeting and keep the time"),
    Profession.JOBBROKER: N_(
        "you bring the job goal and the companies, and write the agreement with the citizen"
    ),
    Profession.CASEWORKER: N_("you know the case and the benefit, and the decisions it needs"),
    Profession.NURSE: N_(
        "you bring the health view: what the health situation means for work, and which "
        "health help can start"
    ),
    Profession.DOCTOR: N_("you bring the medical view on the ability to work and on treatment"),
    Profession.HEALTH_VISITOR: N_("you bring the view of the family's and the children's health"),
    Profession.FAMILY_COUNSELLOR: N_(
        "you bring the family's situation and the help the family department can give"
    ),
    Profession.PPR_ADVISER: N_("you bring the children's school and the cooperation with it"),
    Profession.PSYCHOLOGIST: N_("you bring the psychological view and the help that is possible"),
    Profession.MENTOR: N_("you bring the everyday support of the citizen"),
    Profession.OTHER: N_("you bring your knowledge of the case"),
}

#: The kinds of challenge as the question of the case names them (no diagnosis, no detail).
CHALLENGE_QUESTIONS: dict[ChallengeKind, str] = {
    ChallengeKind.HEALTH: N_("health-related challenges"),
    ChallengeKind.FAMILY: N_("family-related challenges"),
    ChallengeKind.OTHER: N_("other challenges"),
}


def _t(language: str):  # noqa: ANN202 - a translate function
    return lambda message: translate(message, language)


def scrub(text: str, citizen_name: str) -> str:
    """`text` without the citizen's name: each part of the name (two letters or more) becomes
    the initials, so a job goal like "Mads vil være chauffør" does not name him."""
    cleaned = clean_text(text)
    short = initials(citizen_name)
    for word in sorted(citizen_name.split(), key=len, reverse=True):
        if len(word) >= 2:
            cleaned = cleaned.replace(word, short)
    return cleaned


def _question(kinds: tuple[ChallengeKind, ...], job_goal: str, t) -> str:  # noqa: ANN001
    named = [t(CHALLENGE_QUESTIONS[k]) for k in kinds] or [t(N_("the challenges"))]
    challenges = (
        named[0] if len(named) == 1 else f"{', '.join(named[:-1])} {t(N_('and'))} {named[-1]}"
    )
    if job_goal:
        return t(N_("How can {challenges} be handled alongside the way to work as {goal}?")).format(
            challenges=challenges, goal=job_goal
        )
    return t(N_("How can {challenges} be handled alongside the way to a workplace?")).format(
        challenges=challenges
    )


def invitations_context(
    store: Store, day_ref: str | int, language: str, *, record: bool = True
) -> Context:
    """The day's meetings as the invitations show them, with each part's SEQUENCE.

    With `record` (the default) the parts' current time, place and status are stored, so the
    next export raises SEQUENCE only for a part that changed (`store.invitations`)."""
    t = _t(language)
    day_row = resolve_day(store, day_ref)
    view = load_day(store, day_row.id or 0)
    coordinator = person_record(view.coordinator) if view.coordinator else None
    location = clean_text(view.day.location)
    cases: list[Context] = []
    fingerprints: dict[tuple[int, str], str] = {}
    for row in view.cases:
        case_id = row.case.id or 0
        slot = view.slot(case_id)
        status = CaseStatus(row.case.status)
        cancelled = status in (CaseStatus.CANCELLED, CaseStatus.ABSENT)
        data = case_document_data(store, case_id)
        prep = data.preparation or {}
        citizen = row.citizen.name
        job_goal = scrub(str(prep.get("job_goal") or ""), citizen).strip()
        read_first = [t(N_("the preparation form with the status overview"))]
        # Named by kind only: an "other" item's own label may name a diagnosis.
        read_first += list(
            dict.fromkeys(
                t(MATERIAL_LABELS[m.kind])
                for m in data.materials
                if m.kind is not MaterialKind.PREPARATION_FORM and (m.ready or m.file_ref)
            )
        )
        people: list[Context] = []
        network = 0
        for line in roster_lines(store, case_id):
            if line.role is RosterRole.CITIZEN:
                continue
            if line.attendance is Attendance.DECLINED:
                continue
            if line.role is RosterRole.NETWORK:
                network += line.part.in_meeting
                continue
            person = line.person
            profession = person.profession if person else Profession.OTHER
            people.append(
                {
                    "name": clean_text(line.display_name),
                    "email": clean_text(person.email if person else "").strip(),
                    "profession": t(PROFESSION_LABELS[profession]),
                    "role_text": t(PROFESSION_ROLES[profession]),
                    "authority": bool(person and person.decision_authority),
                    "part": line.part.value,
                    "in": {
                        "pre_meeting": line.part.in_pre_meeting,
                        "meeting": line.part.in_meeting,
                    },
                }
            )
        parts: dict[str, Context] = {}
        for part, interval in (
            ("pre_meeting", slot.planned_pre),
            ("meeting", slot.planned_meeting),
        ):
            fingerprint = "|".join(
                (interval.start.isoformat(), interval.end.isoformat(), location, status.value)
            )
            fingerprints[(case_id, part)] = fingerprint
            parts[part] = {
                "start_at": interval.start,
                "end_at": interval.end,
                "start": f"{interval.start:%H:%M}",
                "end": f"{interval.end:%H:%M}",
                "participants": [p for p in people if p["in"][part]],
            }
        cases.append(
            {
                "id": case_id,
                "position": row.case.position,
                "citizen": initials(citizen),
                "cancelled": cancelled,
                "purpose": t(
                    N_(
                        "A shared plan, so the challenges are handled alongside the way to work "
                        "and the citizen returns to the main programme."
                    )
                ),
                "question": _question(row.case.challenge_kinds, job_goal, t),
                "challenges": [t(CHALLENGE_LABELS[k]) for k in row.case.challenge_kinds],
                "read_first": read_first,
                "network_count": network,
                "parts": parts,
            }
        )
    if record:
        numbers = sequences(store, fingerprints)
    else:
        numbers = dict.fromkeys(fingerprints, 0)
    for case in cases:
        for part in PARTS:
            case["parts"][part]["sequence"] = numbers[(case["id"], part)]
    return {
        "language": language,
        "installation": installation_id(store),
        "title": t(N_("Step-up day {date}")).format(date=long_date(view.day.date, language)),
        "day": {
            "id": view.day.id,
            "date": view.day.date.isoformat(),
            "date_text": long_date(view.day.date, language),
            "location": location,
            "coordinator": {
                "name": clean_text(coordinator.name) if coordinator else "",
                "email": clean_text(coordinator.email).strip() if coordinator else "",
                "phone": clean_text(coordinator.phone) if coordinator else "",
            },
        },
        "cases": cases,
    }


def part_label(part: str, language: str) -> str:
    return translate(
        N_("Pre-meeting") if part == "pre_meeting" else N_("Step-up meeting"), language
    )


def attends_text(part: Part | str, case: Context, language: str) -> str:
    """Which part a participant attends, with the times ("both: the pre-meeting 08:30–08:45
    without the citizen, and the meeting 08:45–09:30")."""
    t = _t(language)
    pre, meeting = case["parts"]["pre_meeting"], case["parts"]["meeting"]
    pre_text = t(N_("the pre-meeting {start}–{end}, without the citizen")).format(**pre)
    meeting_text = t(N_("the meeting {start}–{end}, with the citizen")).format(**meeting)
    value = Part(part)
    if value is Part.BOTH:
        return t(N_("both parts: {pre}, and {meeting}")).format(pre=pre_text, meeting=meeting_text)
    return pre_text if value is Part.PRE else meeting_text


def stamp(now: datetime) -> datetime:
    """DTSTAMP: the export's moment (local wall clock) in UTC."""
    from datetime import UTC
    from zoneinfo import ZoneInfo

    return now.replace(tzinfo=ZoneInfo("Europe/Copenhagen")).astimezone(UTC)
