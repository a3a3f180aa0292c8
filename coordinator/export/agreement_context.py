"""The citizen's agreement as one template context: what every format of it says.

Only what was written *for the citizen* is in it: the agreement's own fields and items, the
meeting, the people and how to reach them. The case's problem statement, the preparation
form and the professionals' notes are never read here, so no template (not even a
municipality's own) can print them on the citizen's copy.

Wording for the citizen is plain Danish: the citizen's own tasks say "Det gør du selv",
sections say what they mean ("Det tager vi hensyn til"), dates are written out in full
("mandag den 14. december 2026").
"""

from __future__ import annotations

from datetime import date
from typing import Any

from coordinator.domain.quickdates import add_months
from coordinator.domain.vocab import (
    AGREEMENT_STATUS_LABELS,
    ITEM_STATUS_LABELS,
    AgreementStatus,
    ItemKind,
    ItemStatus,
    ResponsibleKind,
    RosterRole,
)
from coordinator.export.context import (
    Context,
    _attends,
    _citizen,
    _participant,
    _person,
    _slot,
    _t,
    letterhead,
    long_date,
)
from coordinator.i18n import N_
from coordinator.store import agreements as agreement_store
from coordinator.store.database import Store
from coordinator.store.errors import NotFound
from coordinator.store.export_data import case_document_data, person_by_id
from coordinator.store.roster import roster_lines
from coordinator.store.second_conversation import next_conversation
from coordinator.store.settings import get_setting

#: Each kind of item under a heading that says what it means to the citizen.
SECTION_TITLES: dict[ItemKind, str] = {
    ItemKind.ACCOMMODATION: N_("What we take into account"),
    ItemKind.SUPPORT: N_("The help you get"),
    ItemKind.INTERVENTION: N_("Other offers for you"),
    ItemKind.ACTION: N_("What else we agreed"),
}
#: A stored agreement version as `store.agreements.latest` returns it (read, never changed).
Agreement = Any
#: Settings that ask for the citizen's copy in large print.
_YES = {"1", "yes", "ja", "true", "on"}


def full_date(day: date | None, language: str) -> str:
    """`mandag den 14. december 2026` / `Monday 14 December 2026`; empty for no date."""
    if day is None:
        return ""
    from babel.dates import format_date  # lazy: Babel costs start-up time

    pattern = "EEEE 'den' d. MMMM y" if language == "da" else "EEEE d MMMM y"
    return format_date(day, pattern, locale=language)


def large_print_setting(store: Store) -> bool:
    """Whether the job centre asks for every citizen's copy in large print."""
    return get_setting(store, "large_print").strip().casefold() in _YES


def agreement_context(
    store: Store, case_id: int, language: str, large: bool | None = None
) -> Context:
    """Everything the agreement document says, in `language` ("da" or "en").

    `large` (None: the `large_print` setting) asks the templates for large print."""
    t = _t(language)
    case = case_document_data(store, case_id)
    agreement = agreement_store.latest(store, case_id)
    if agreement is None:
        raise NotFound(t(N_("Case {id} has no agreement yet.")).format(id=case_id))
    day, times = _slot(store, case)
    meeting_date = date.fromisoformat(day["date"])
    day["date_text"] = long_date(meeting_date, language)
    day["date_full"] = full_date(meeting_date, language)
    participants = [_participant(line, language) for line in roster_lines(store, case_id)]
    present = [
        p
        for p in participants
        if p["role"] != RosterRole.CITIZEN and p["in_meeting"] and _attends(p)
    ]
    author = _person(person_by_id(store, agreement.author_id), language)
    author["name"] = agreement.author_name or author["name"]
    sections, contacts = _sections(store, agreement, language)
    if author["name"] and author["name"] not in {c["name"] for c in contacts}:
        contacts.insert(0, author)
    head = letterhead(store)
    dated = agreement.finalised_at.date() if agreement.finalised_at else store.now().date()
    return {
        "language": language,
        "large": large_print_setting(store) if large is None else large,
        "document": {
            "kind": "agreement",
            "title": t(N_("Your agreement from the step-up meeting")),
            "created": store.now().isoformat(timespec="minutes"),
            # The date of the version the citizen holds, not of the day it was printed.
            "created_text": long_date(dated, language),
        },
        "letterhead": head,
        "case": {"id": case.case_id, "conversation_number": case.conversation_number},
        "day": day,
        "times": times,
        "citizen": _citizen(case.citizen),
        "participants": present,
        "agreement": _agreement(agreement, meeting_date, language),
        "sections": sections,
        "contacts": contacts,
        "call": _call(author, contacts, head),
        "next_meeting": _next_meeting(store, case_id, agreement, language),
        "author": author,
    }


def _agreement(agreement: Agreement, meeting_date: date, language: str) -> Context:
    t = _t(language)
    goal = agreement.goal_date
    far = goal is not None and goal > add_months(meeting_date, 3)
    return {
        "status": agreement.status,
        "status_label": t(AGREEMENT_STATUS_LABELS[AgreementStatus(agreement.status)]),
        "is_final": agreement.status == AgreementStatus.FINAL,
        "version": agreement.version,
        "agreed_on_text": full_date(meeting_date, language),
        "job_goal": agreement.job_goal,
        "goal_date": goal.isoformat() if goal else "",
        "goal_date_text": long_date(goal, language),
        "goal_date_full": full_date(goal, language),
        "goal_is_far": far,
        "goal_reason": agreement.goal_reason if far else "",
        "goal_needs_reason": far and not agreement.goal_reason.strip(),
        "citizen_words": agreement.citizen_words,
        "follow_up_date": (
            agreement.follow_up_date.isoformat() if agreement.follow_up_date else ""
        ),
        "follow_up_date_text": long_date(agreement.follow_up_date, language),
        "follow_up_date_full": full_date(agreement.follow_up_date, language),
        "follow_up_contact": agreement.follow_up_contact,
        "finalised": long_date(
            agreement.finalised_at.date() if agreement.finalised_at else None, language
        ),
        "finalised_on": (
            agreement.finalised_at.date().isoformat() if agreement.finalised_at else ""
        ),
    }


def _sections(
    store: Store, agreement: Agreement, language: str
) -> tuple[list[Context], list[Context]]:
    """The items by kind, and every directory person responsible for one (role, phone)."""
    t = _t(language)
    stored = agreement_store.items(store, agreement.id or 0)
    contacts: dict[int, Context] = {}
    sections = []
    for kind in ItemKind:
        items = []
        for item in stored:
            if item.kind != kind.value or _blank(item.text, item.responsible_text, item.due):
                continue
            own = item.responsible_kind == ResponsibleKind.CITIZEN
            person = None
            if item.responsible_person_id is not None and not own:
                person = contacts.get(item.responsible_person_id)
                if person is None:
                    record = person_by_id(store, item.responsible_person_id)
                    person = _person(record, language) if record else None
                    if person is not None:
                        contacts[item.responsible_person_id] = person
            items.append(
                {
                    "text": item.text,
                    "responsible": item.responsible_text,
                    "responsible_is_citizen": own,
                    "who": t(N_("You do it yourself")) if own else item.responsible_text,
                    "who_role": person["profession"] if person else "",
                    "who_phone": person["phone"] if person else "",
                    "due": item.due.isoformat() if item.due else "",
                    "due_text": full_date(item.due, language) or t(N_("No fixed date")),
                    "status": item.status,
                    "status_label": t(ITEM_STATUS_LABELS[ItemStatus(item.status)]),
                    "position": item.position,
                }
            )
        if items:
            sections.append({"kind": kind.value, "label": t(SECTION_TITLES[kind]), "items": items})
    return sections, list(contacts.values())


def _blank(text: str, responsible: str, due: date | None) -> bool:
    """A row added in the editor but never used is not part of the agreement."""
    return not text.strip() and not responsible.strip() and due is None


def _call(author: Context, contacts: list[Context], head: Context) -> Context:
    """Whom the citizen rings when ill or when something agreed cannot be done: the job
    broker who wrote the agreement, else the first contact with a phone, else the job
    centre."""
    for person in [author, *contacts]:
        if person["name"] and person["phone"]:
            return {"name": person["name"], "phone": person["phone"]}
    return {"name": head["jobcentre"], "phone": head["phone"]}


def _next_meeting(store: Store, case_id: int, agreement: Agreement, language: str) -> Context:
    """The next meeting: the booked second conversation (date, time, place), else the
    follow-up date of the agreement (date only), else nothing (`date_text` empty)."""
    later = next_conversation(store, case_id)
    if later is not None:
        day, times = _slot(store, case_document_data(store, later))
        return {
            "date_text": full_date(date.fromisoformat(day["date"]), language),
            "start": times["meeting"]["start"],
            "location": day["location"],
            "contact": agreement.follow_up_contact,
        }
    return {
        "date_text": full_date(agreement.follow_up_date, language),
        "start": "",
        "location": "",
        "contact": agreement.follow_up_contact,
    }


__all__ = ["SECTION_TITLES", "agreement_context", "full_date"]
