"""One template context per document, built by one function, so every format says the same.

Each function reads the store once and returns plain data (strings, numbers, lists, dicts):
the Jinja templates, the PDF, the DOCX and the ICS writers all take the same dictionary.
Labels and dates are already in the document's language. The citizen's CPR number is in the
context masked (`citizen.cpr`); only a template that explicitly uses `citizen.cpr_unmasked`
prints it in full.

The agenda context (sent to many people) holds citizens by initials only and no health or
family details.
"""

from __future__ import annotations

import base64
import mimetypes
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from coordinator.domain.cpr import mask_cpr
from coordinator.domain.names import initials
from coordinator.domain.schedule import Interval
from coordinator.domain.vocab import (
    ATTENDANCE_LABELS,
    MATERIAL_LABELS,
    PROFESSION_LABELS,
    Attendance,
    CaseStatus,
    RosterRole,
)
from coordinator.i18n import N_, translate
from coordinator.store.database import Store
from coordinator.store.days import load_day, resolve_day
from coordinator.store.export_data import (
    CaseDocumentData,
    CitizenRecord,
    case_document_data,
)
from coordinator.store.people import PersonRecord, person_record
from coordinator.store.roster import RosterLine, roster_lines
from coordinator.store.settings import all_settings

Context = dict[str, Any]


def long_date(day: date | None, language: str) -> str:
    """`3. december 2026` / `3 December 2026`; empty for no date."""
    if day is None:
        return ""
    from babel.dates import format_date  # lazy: Babel costs start-up time

    return format_date(day, "long" if language == "da" else "d MMMM y", locale=language)


def hhmm(moment: datetime | time | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


def _t(language: str):  # noqa: ANN202 - a translate function
    return lambda message: translate(message, language)


def letterhead(store: Store) -> Context:
    """Municipality, job centre (name, address, phone) and the optional logo (as a data URI
    and a path)."""
    settings = all_settings(store)
    logo_path = settings.get("logo", "").strip()
    logo: Context = {"path": "", "data_uri": ""}
    if logo_path:
        path = Path(logo_path).expanduser()
        if path.is_file():
            mime = mimetypes.guess_type(path.name)[0] or "image/png"
            encoded = base64.b64encode(path.read_bytes()).decode("ascii")
            logo = {"path": str(path), "data_uri": f"data:{mime};base64,{encoded}"}
    return {
        "municipality": settings.get("municipality", ""),
        "jobcentre": settings.get("jobcentre", ""),
        "address": settings.get("jobcentre_address", ""),
        "phone": settings.get("jobcentre_phone", ""),
        "logo": logo,
    }


def _person(person: PersonRecord | None, language: str) -> Context:
    if person is None:
        return {"name": "", "profession": "", "department": "", "email": "", "phone": ""}
    return {
        "name": person.name,
        "profession": translate(PROFESSION_LABELS[person.profession], language),
        "department": person.department,
        "email": person.email,
        "phone": person.phone,
    }


def _participant(line: RosterLine, language: str) -> Context:
    t = _t(language)
    data = _person(line.person, language)
    data["name"] = line.display_name
    role, part = line.role, line.part
    if role is RosterRole.NETWORK:
        data["profession"] = line.relation or t(N_("Network"))
    elif role is RosterRole.CITIZEN:
        data["profession"] = t(N_("Citizen"))
    data.update(
        role=role.value,
        part=part.value,
        in_pre_meeting=part.in_pre_meeting and role is not RosterRole.CITIZEN,
        in_meeting=part.in_meeting,
        attendance=line.attendance.value,
        attendance_label=t(ATTENDANCE_LABELS[line.attendance]),
    )
    return data


def _attends(participant: Context) -> bool:
    return participant["attendance"] not in (Attendance.DECLINED, Attendance.ABSENT)


def _citizen(citizen: CitizenRecord) -> Context:
    return {
        "name": citizen.name,
        "initials": initials(citizen.name),
        "cpr": mask_cpr(citizen.cpr),
        "cpr_unmasked": citizen.cpr or "",
        "email": citizen.email,
        "phone": citizen.phone,
        "address": citizen.address,
    }


def _slot(store: Store, case: CaseDocumentData) -> tuple[Context, Context]:
    view = load_day(store, case.day_id)
    slot = view.slot(case.case_id)
    day = {
        "id": view.day.id,
        "date": view.day.date.isoformat(),
        "location": view.day.location,
        "coordinator": view.coordinator.name if view.coordinator else "",
    }
    times = {
        "pre_meeting": {
            "start": hhmm(slot.planned_pre.start),
            "end": hhmm(slot.planned_pre.end),
            "start_at": slot.planned_pre.start,
            "end_at": slot.planned_pre.end,
        },
        "meeting": {
            "start": hhmm(slot.planned_meeting.start),
            "end": hhmm(slot.planned_meeting.end),
            "start_at": slot.planned_meeting.start,
            "end_at": slot.planned_meeting.end,
        },
    }
    return day, times


def _document(store: Store, language: str, kind: str, title: str) -> Context:
    now = store.now()
    return {
        "kind": kind,
        "title": title,
        "created": now.isoformat(timespec="minutes"),
        "created_text": long_date(now.date(), language),
    }


def agreement_context(store: Store, case_id: int, language: str) -> Context:
    """The citizen's agreement; built in `export.agreement_context` (kept callable from here
    for the exports that only need the context module)."""
    from coordinator.export.agreement_context import agreement_context as build

    return build(store, case_id, language)


def agenda_context(store: Store, day_ref: str | date | int, language: str) -> Context:
    """The day's agenda for the participants: times, location, who attends which part.

    Citizens appear by initials only; no challenge kinds, problems or network names (the
    agenda goes to many people)."""
    t = _t(language)
    day = resolve_day(store, day_ref)
    view = load_day(store, day.id or 0)
    breaks = [
        {"start": hhmm(b.start), "end": hhmm(b.end), "label": b.label or t(N_("Break"))}
        for b in sorted(view.breaks, key=lambda b: b.start)
    ]
    cases: list[Context] = []
    cancelled: list[Context] = []
    previous = ""
    for row in view.cases:
        slot = view.slot(row.case.id or 0)
        if row.case.status in (CaseStatus.CANCELLED, CaseStatus.ABSENT):
            # Not on the agenda; kept for the invitations, which cancel their events.
            cancelled.append(
                {
                    "id": row.case.id,
                    "position": row.case.position,
                    "citizen": initials(row.citizen.name),
                    "pre_meeting": _part_times(slot.planned_pre),
                    "meeting": _part_times(slot.planned_meeting),
                }
            )
            continue
        pre, meeting = [], []
        network = 0
        for line in roster_lines(store, row.case.id or 0):
            participant = _participant(line, language)
            if not _attends(participant):
                continue
            role = participant["role"]
            if role == RosterRole.NETWORK:
                network += participant["in_meeting"]
                continue
            if role == RosterRole.CITIZEN:
                continue
            public = {k: participant[k] for k in ("name", "profession", "department", "email")}
            if participant["in_pre_meeting"]:
                pre.append(public)
            if participant["in_meeting"]:
                meeting.append(public)
        cases.append(
            {
                "id": row.case.id,
                "breaks_before": [
                    b for b in breaks if previous <= b["start"] < hhmm(slot.planned_pre.start)
                ],
                "position": row.case.position,
                "citizen": initials(row.citizen.name),
                "conversation_number": row.case.conversation_number,
                "pre_meeting": {**_part_times(slot.planned_pre), "participants": pre},
                "meeting": {
                    **_part_times(slot.planned_meeting),
                    "participants": meeting,
                    "network_count": network,
                },
            }
        )
        previous = hhmm(slot.planned_pre.start)
    return {
        "language": language,
        "document": _document(store, language, "agenda", t(N_("Agenda for the step-up day"))),
        "letterhead": letterhead(store),
        "day": {
            "id": day.id,
            "date": day.date.isoformat(),
            "date_text": long_date(day.date, language),
            "start": hhmm(view.day.start_time),
            "end": hhmm(view.schedule.planned_end),
            "location": day.location,
            "coordinator": _person(
                person_record(view.coordinator) if view.coordinator else None, language
            ),
            "pre_minutes": day.pre_minutes,
            "meeting_minutes": day.meeting_minutes,
        },
        "breaks": breaks,
        "breaks_after": [b for b in breaks if b["start"] >= previous],
        "cases": cases,
        "cancelled_cases": cancelled,
    }


def _part_times(interval: Interval) -> Context:
    """The times of one part of a case, as text and as datetimes (for calendars)."""
    return {
        "start": hhmm(interval.start),
        "end": hhmm(interval.end),
        "start_at": interval.start,
        "end_at": interval.end,
    }


#: The preparation form's fields as the material shows them: (section, [(field, label)]).
PREPARATION_SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        N_("Why a step-up"),
        (
            ("main_problem", N_("The most important problem")),
            ("tried", N_("What has been tried")),
            ("decided_by", N_("Decided by")),
        ),
    ),
    (
        N_("The citizen's answers"),
        (
            ("answer_reason", N_("Why does the match drag out?")),
            ("answer_situations", N_("Concrete situations that show the problem")),
            ("answer_goals", N_("The citizen's goals")),
            ("answer_plan_ideas", N_("Ideas for the new plan")),
        ),
    ),
    (
        N_("Status overview"),
        (
            ("benefit", N_("Benefit")),
            ("time_on_benefit", N_("Time on benefit")),
            ("current_interventions", N_("Current interventions")),
            ("earlier_interventions", N_("Earlier interventions")),
            ("health", N_("Health")),
            ("family_situation", N_("Family situation")),
            ("authority_contacts", N_("Contacts with other authorities")),
            ("network", N_("Network")),
            ("job_goal", N_("Job goal")),
        ),
    ),
)


def material_context(store: Store, case_id: int, language: str) -> Context:
    """The meeting material for the participants: the preparation form with the status
    overview, the material checklist and who attends (STEP-UP.md, preparation point 5)."""
    t = _t(language)
    case = case_document_data(store, case_id)
    preparation = case.preparation
    day, times = _slot(store, case)
    day["date_text"] = long_date(date.fromisoformat(day["date"]), language)
    sections = []
    for title, fields in PREPARATION_SECTIONS:
        sections.append(
            {
                "title": t(title),
                "fields": [
                    {
                        "name": name,
                        "label": t(label),
                        "value": str(preparation.get(name) or "") if preparation else "",
                    }
                    for name, label in fields
                ],
            }
        )
    participants = [_participant(line, language) for line in roster_lines(store, case_id)]
    return {
        "language": language,
        "document": _document(
            store, language, "material", t(N_("Material for the step-up meeting"))
        ),
        "letterhead": letterhead(store),
        "case": {
            "id": case.case_id,
            "conversation_number": case.conversation_number,
            "problem": case.problem_statement,
        },
        "day": day,
        "times": times,
        "citizen": _citizen(case.citizen),
        "preparation": {
            "exists": preparation is not None,
            "completed": case.preparation_completed,
            "decided_on_text": long_date(case.decided_on, language),
            "sections": sections,
        },
        "materials": [
            {
                "label": m.label or t(MATERIAL_LABELS[m.kind]),
                "ready": m.ready,
                "file": Path(m.file_ref).name if m.file_ref else "",
            }
            for m in case.materials
        ],
        "participants": [p for p in participants if _attends(p)],
    }
