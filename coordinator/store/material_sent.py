"""When a case's meeting material went out, and to whom.

The participants must have the material before the meeting (STEP-UP.md, preparation point 5);
the day screen warns about a case whose material has not gone out two working days before
its day. Every sending is a row (sent again after a change is a second row, not an overwrite).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import NotFound
from coordinator.store.models import Case, MaterialSent


@dataclass(frozen=True)
class SentRecord:
    case_id: int
    sent_at: datetime
    recipients: tuple[str, ...]


def record_sent(
    store: Store, case_id: int, recipients: Iterable[str], at: datetime | None = None
) -> SentRecord:
    """Record that the material of `case_id` went out now (or `at`) to `recipients`."""
    names = tuple(dict.fromkeys(n.strip() for n in recipients if n.strip()))
    when = at or store.now()
    with store.session() as session:
        if session.get(Case, case_id) is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        session.add(
            MaterialSent(
                case_id=case_id, sent_at=when, recipients="; ".join(names), actor=store.actor
            )
        )
        audit.record(store, session, "sent", "material", case_id, f"recipients={len(names)}")
    return SentRecord(case_id, when, names)


def sent_records(store: Store, case_id: int) -> list[SentRecord]:
    """Every sending of the case's material, oldest first."""
    with store.session() as session:
        rows = session.exec(
            select(MaterialSent)
            .where(MaterialSent.case_id == case_id)
            .order_by(col(MaterialSent.sent_at), col(MaterialSent.id))
        )
        return [
            SentRecord(r.case_id, r.sent_at, tuple(n for n in r.recipients.split("; ") if n))
            for r in rows
        ]


def first_sent_in(session: Session, case_ids: Iterable[int]) -> dict[int, datetime]:
    """When each case's material first went out (cases never sent are absent); inside an open
    session, for the day screen's batch read."""
    ids = list(case_ids)
    if not ids:
        return {}
    found: dict[int, datetime] = {}
    for row in session.exec(
        select(MaterialSent)
        .where(col(MaterialSent.case_id).in_(ids))
        .order_by(col(MaterialSent.sent_at))
    ):
        found.setdefault(row.case_id, row.sent_at)
    return found
