"""The audit trail: who read, changed, exported or erased what and when, never the values.

Append-only from the app's side: this module adds events and reads them; nothing updates or
deletes one, except the erasure registry blanking the export paths of an erased citizen
(`store/personal_data.py`). Details name fields and counts, never what was typed; an export's
event keeps the file's path (purge lists the exported files still on disk).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlmodel import Session, col, or_, select

from coordinator.store.database import Store
from coordinator.store.errors import StoreError
from coordinator.store.models import Agreement, AuditEvent, Case

#: Actions of reading a citizen's full data and of writing it to a file.
READ = "read"
EXPORT = "export"


def record(
    store: Store,
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str = "",
    *,
    citizen_id: int | None = None,
    path: str = "",
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
            citizen_id=citizen_id,
            path=path,
        )
    )


def citizen_of_case(session: Session, case_id: int) -> int | None:
    case = session.get(Case, case_id)
    return case.citizen_id if case else None


def record_read(store: Store, entity: str, case_id: int) -> None:
    """Someone opened a citizen's full data (the preparation form, the agreement).

    Not on a database opened read-only: nothing can be written to it (viewing it must still
    work), and the app says it is read-only; the file's own permissions guard it then."""
    if store.read_only:
        return
    with store.session() as session:
        citizen_id = citizen_of_case(session, case_id)
        record(store, session, READ, entity, case_id, citizen_id=citizen_id)


def record_export(
    store: Store,
    what: str,
    entity_id: int | None,
    paths: Iterable[Path],
    *,
    case: bool = False,
    citizen_id: int | None = None,
) -> None:
    """Files written by an export: one event per file with its format and path. `case` says
    `entity_id` is a case (its citizen is recorded); a day's export names no citizen.

    A file whose export cannot be recorded (a read-only or damaged database) is deleted again:
    no copy of personal data is left that the audit trail does not know of."""
    paths = list(paths)
    try:
        with store.session() as session:
            if case and entity_id:
                citizen_id = citizen_of_case(session, entity_id)
            for path in paths:
                record(
                    store,
                    session,
                    EXPORT,
                    what,
                    entity_id,
                    f"format={path.suffix.lstrip('.') or '-'}",
                    citizen_id=citizen_id,
                    path=str(path),
                )
    except StoreError:
        for path in paths:
            path.unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class AuditLine:
    """One event as the CLI and the screen show it."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    detail: str
    citizen_id: int | None
    path: str

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "actor": self.actor,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "detail": self.detail,
            "citizen_id": self.citizen_id,
            "path": self.path,
        }


def _line(event: AuditEvent) -> AuditLine:
    return AuditLine(
        id=event.id or 0,
        at=event.at,
        actor=event.actor,
        action=event.action,
        entity=event.entity,
        entity_id=event.entity_id,
        detail=event.detail,
        citizen_id=event.citizen_id,
        path=event.path,
    )


def events(store: Store, since: date | None = None, limit: int | None = None) -> list[AuditLine]:
    """The trail, oldest first (the newest `limit` when given)."""
    with store.session() as session:
        statement = select(AuditEvent)
        if since is not None:
            statement = statement.where(AuditEvent.at >= datetime.combine(since, time()))
        statement = statement.order_by(col(AuditEvent.id).desc())
        if limit is not None:
            statement = statement.limit(limit)
        return [_line(event) for event in reversed(list(session.exec(statement)))]


def recent(store: Store, limit: int = 50) -> list[AuditLine]:
    """The newest events, newest first."""
    return list(reversed(events(store, limit=limit)))


def events_about(store: Store, citizen_id: int) -> list[AuditLine]:
    """Every event about one citizen: marked with them, or about their cases and agreements
    (changes recorded before events carried the citizen)."""
    with store.session() as session:
        cases = list(session.exec(select(Case.id).where(Case.citizen_id == citizen_id)))
        agreements = list(
            session.exec(select(Agreement.id).where(col(Agreement.case_id).in_(cases)))
        )
        statement = (
            select(AuditEvent)
            .where(
                or_(
                    AuditEvent.citizen_id == citizen_id,
                    (col(AuditEvent.entity).in_(("case", "preparation")))
                    & col(AuditEvent.entity_id).in_(cases),
                    (AuditEvent.entity == "agreement") & col(AuditEvent.entity_id).in_(agreements),
                    (AuditEvent.entity == "citizen") & (AuditEvent.entity_id == citizen_id),
                )
            )
            .order_by(col(AuditEvent.id))
        )
        return [_line(event) for event in session.exec(statement)]


@dataclass(frozen=True)
class ExportedFile:
    path: str
    at: datetime
    citizen_id: int | None


def exported_files_still_there(
    store: Store, citizen_ids: Iterable[int] | None = None
) -> list[ExportedFile]:
    """Exported files the trail knows of that still exist (of these citizens, or all)."""
    with store.session() as session:
        statement = select(AuditEvent).where(AuditEvent.action == EXPORT, AuditEvent.path != "")
        if citizen_ids is not None:
            statement = statement.where(col(AuditEvent.citizen_id).in_(list(citizen_ids)))
        found: dict[str, ExportedFile] = {}
        for event in session.exec(statement.order_by(col(AuditEvent.id))):
            found[event.path] = ExportedFile(event.path, event.at, event.citizen_id)
    return [file for path, file in found.items() if Path(path).exists()]
