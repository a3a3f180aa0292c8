"""The audit trail: who changed what and when, without the sensitive values themselves."""

from __future__ import annotations

from sqlmodel import Session, select

from coordinator.store.database import Store
from coordinator.store.models import AuditEvent


def record(
    store: Store,
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str = "",
) -> None:
    """Add an audit event to the session's transaction. `detail` names fields, never values."""
    session.add(
        AuditEvent(
            at=store.now(),
            actor=store.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )


def recent(store: Store, limit: int = 50) -> list[AuditEvent]:
    with store.session() as session:
        statement = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)  # type: ignore[union-attr]
        return list(session.exec(statement))
