"""What the citizen's own calendar holds: their dated tasks and the follow-up meeting.

The entries are keyed by the agreement item's id (and the case, for the meeting), not by their
place in the list: moving or deleting another item never turns one reminder into another.
Titles are neutral ("Husk: aftale fra jobcentret") since a phone shows them on its lock screen
to whoever holds it; the task itself is in the description.
"""

from __future__ import annotations

from typing import Any

from coordinator.domain.vocab import ResponsibleKind
from coordinator.export.context import long_date
from coordinator.export.environment import clean_text
from coordinator.i18n import N_, translate
from coordinator.store import agreements as agreement_store
from coordinator.store.database import Store
from coordinator.store.days import load_day
from coordinator.store.errors import NotFound
from coordinator.store.export_data import case_document_data
from coordinator.store.settings import installation_id

Context = dict[str, Any]


def followups_context(store: Store, case_id: int, language: str) -> Context:
    """The citizen's dated items and the follow-up meeting of the case's newest agreement."""

    def t(message: str) -> str:
        return translate(message, language)

    case = case_document_data(store, case_id)
    agreement = agreement_store.latest(store, case_id)
    if agreement is None:
        raise NotFound(t(N_("Case {id} has no agreement yet.")).format(id=case_id))
    day = load_day(store, case.day_id).day
    entries: list[Context] = []
    for item in agreement_store.items(store, agreement.id or 0):
        if item.responsible_kind != ResponsibleKind.CITIZEN or item.due is None:
            continue
        entries.append(
            {
                "key": f"item-{item.id}",
                "date": item.due,
                "sequence": max(0, item.row_version - 1),
                "title": t(N_("Reminder: an agreement from the job centre")),
                "detail": clean_text(item.text),
                "contact": "",
            }
        )
    if agreement.follow_up_date is not None:
        contact = clean_text(agreement.follow_up_contact).strip()
        entries.append(
            {
                "key": f"case-{case_id}-follow-up",
                "date": agreement.follow_up_date,
                "sequence": max(0, agreement.row_version - 1),
                "title": t(N_("Meeting at the job centre")),
                "detail": t(N_("Follow-up meeting: how is your plan going?")),
                "contact": t(N_("Contact: {name}")).format(name=contact) if contact else "",
            }
        )
    entries.sort(key=lambda e: (e["date"], e["key"]))
    return {
        "language": language,
        "installation": installation_id(store),
        "case_id": case_id,
        "meeting_date": day.date,
        "meeting_date_text": long_date(day.date, language),
        "entries": entries,
    }
