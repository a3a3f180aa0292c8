"""The citizen's insight (right of access): everything the app holds about one citizen.

Read through the erasure registry (`store/personal_data.py`), so whatever erasure would take
is exactly what the citizen is shown, table by table, with every column of their rows; then
the challenge kinds of their cases and the audit events about them.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select

from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.erasure import rows_of, table
from coordinator.store.errors import NotFound
from coordinator.store.models import Case, CaseChallenge, Citizen
from coordinator.store.personal_data import PERSONAL

#: Audit events are listed on their own (below), not as a table of rows.
_OWN_SECTION = {"auditevent"}


def _plain(value: object) -> object:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def citizen_insight(store: Store, citizen_id: int) -> dict[str, object]:
    """One document of everything held about the citizen: JSON-ready values only."""
    with store.session() as session:
        citizen = session.get(Citizen, citizen_id)
        if citizen is None:
            raise NotFound(f"There is no citizen {citizen_id}.")
        tables: dict[str, list[dict[str, object]]] = {}
        for rule in PERSONAL:
            if rule.table in _OWN_SECTION:
                continue
            rows = session.execute(table(rule.table).select().where(rows_of(rule, citizen_id)))
            found = [{key: _plain(value) for key, value in row._mapping.items()} for row in rows]
            if found:
                tables[rule.table] = found
        kinds = session.execute(
            select(CaseChallenge.case_id, CaseChallenge.kind)
            .join(Case, Case.id == CaseChallenge.case_id)  # type: ignore[arg-type]
            .where(Case.citizen_id == citizen_id)
            .order_by(CaseChallenge.case_id)
        ).all()
        erased_at = citizen.erased_at
    return {
        "citizen_id": citizen_id,
        "generated_at": store.now().isoformat(timespec="seconds"),
        "erased_at": erased_at.isoformat(timespec="seconds") if erased_at else None,
        "tables": tables,
        "challenges": [{"case_id": case_id, "kind": kind} for case_id, kind in kinds],
        "audit": [line.as_json() for line in audit.events_about(store, citizen_id)],
    }


def citizens(store: Store) -> list[dict[str, object]]:
    """Every citizen with the count of their cases, for `citizen list`."""
    from sqlalchemy import func

    with store.session() as session:
        counts = dict(
            session.execute(select(Case.citizen_id, func.count()).group_by(Case.citizen_id)).all()
        )
        rows = session.execute(select(Citizen).order_by(Citizen.id)).scalars()  # type: ignore[arg-type]
        return [
            {
                "id": citizen.id,
                "name": citizen.name,
                "cpr": _masked(citizen.cpr),
                "cases": counts.get(citizen.id, 0),
                "erased_at": citizen.erased_at.isoformat(timespec="seconds")
                if citizen.erased_at
                else None,
            }
            for citizen in rows
        ]


def _masked(cpr: str | None) -> str | None:
    from coordinator.domain.cpr import mask_cpr

    return mask_cpr(cpr) if cpr else None
