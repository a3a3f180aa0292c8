"""The autosave's writer for the agreement: each field and item value checked on its own against
what the editor last read, so a change made elsewhere disputes only that field and every other
edit is written in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session

from coordinator.domain.vocab import (
    ItemKind,
    ItemStatus,
    ResponsibleKind,
)
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.agreement_views import AGREEMENT_FIELDS, EDITOR_ITEM_FIELDS
from coordinator.store.agreements import (
    ITEM_FIELDS,
    _editable,
    _reject_unknown,
    resolve_responsible,
)
from coordinator.store.autosave import DELETED, WriteOutcome
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.models import (
    AgreementItem,
)


def _item_value(item: AgreementItem, name: str) -> object:
    if name == "responsible":
        return item.responsible_text
    if name == "kind":
        return ItemKind(item.kind)
    if name == "status":
        return ItemStatus(item.status)
    return getattr(item, name)


def _apply_item_fields(
    session: Session, case_id: int, item: AgreementItem, fields: Mapping[str, object]
) -> None:
    for name, value in fields.items():
        if name not in ITEM_FIELDS:
            raise Invalid(_("Unknown field: {fields}").format(fields=name))
        if name == "responsible":
            kind, person_id, text = resolve_responsible(session, case_id, str(value))
            item.responsible_kind, item.responsible_person_id = kind.value, person_id
            # Keep exactly what was typed (a person's name is matched, not re-cased).
            item.responsible_text = str(value).strip() if kind != ResponsibleKind.PERSON else text
        elif name in ("kind", "status"):
            enum = ItemKind if name == "kind" else ItemStatus
            setattr(item, name, enum(value).value)  # type: ignore[operator]
        else:
            setattr(item, name, value)


def _disputed(stored: object, base: Mapping[object, object], key: object, value: object) -> bool:
    """Someone else wrote `key` since the editor read it, and to another value than its own."""
    return key in base and stored != base[key] and stored != value


def save_edits(
    store: Store,
    case_id: int,
    changes: Mapping[object, object],
    base: Mapping[object, object],
    ids: Mapping[str, int],
) -> tuple[WriteOutcome, dict[str, int]]:
    """Write an editor's batch in one transaction, field by field (the autosave's writer).

    `changes` holds agreement fields by name and item fields under `(key, name)`; `ids` maps
    item keys to stored ids (a key without one is created from its `"kind"`; `"deleted"`
    deletes). A field someone else changed since the editor read it (`base`) is not written
    but reported in `theirs`; the rest of the batch is written all the same. An item deleted
    elsewhere reports `DELETED`; once the user keeps theirs over it, it is made again.
    Returns the outcome and the ids of the items created.
    """
    fields = {k: v for k, v in changes.items() if isinstance(k, str)}
    _reject_unknown(fields, AGREEMENT_FIELDS)
    by_item: dict[str, dict[str, object]] = {}
    for key, value in changes.items():
        if isinstance(key, tuple):
            item_key, name = key
            by_item.setdefault(item_key, {})[name] = value
    written: dict[object, object] = {}
    theirs: dict[object, object] = {}
    created: dict[str, int] = {}
    with store.session() as session:
        agreement = _editable(session, case_id)
        now = store.now()
        accepted = {}
        for name, value in fields.items():
            stored = getattr(agreement, name)
            if _disputed(stored, base, name, value):
                theirs[name] = stored
            else:
                accepted[name] = value
        if accepted:
            for name, value in accepted.items():
                setattr(agreement, name, value)
            agreement.row_version += 1
            agreement.updated_at = now
            session.add(agreement)
            audit.record(
                store, session, "update", "agreement", agreement.id, ",".join(sorted(accepted))
            )
            written.update({name: getattr(agreement, name) for name in accepted})
        for key, values in by_item.items():
            item_id = ids.get(key)
            item = session.get(AgreementItem, item_id) if item_id is not None else None
            if item is not None and item.agreement_id != agreement.id:
                item = None
            gone = item_id is not None and item is None
            if values.get("deleted"):
                if item is not None:
                    disputed = [
                        n
                        for n in EDITOR_ITEM_FIELDS
                        if _disputed(_item_value(item, n), base, (key, n), DELETED)
                    ]
                    if disputed:  # changed elsewhere: not deleted over it
                        theirs[(key, "deleted")] = False
                        continue
                    session.delete(item)
                    audit.record(store, session, "delete", "agreement-item", item.id)
                written.update({(key, n): v for n, v in values.items()})
                continue
            if gone and not all(base.get((key, n)) is DELETED for n in values):
                theirs.update({(key, n): DELETED for n in values})  # deleted elsewhere
                continue
            if item is None:  # new, or made again over a delete elsewhere
                kind = values.get("kind", base.get((key, "kind")))
                if kind is None or kind is DELETED:
                    raise Invalid(_("Unknown field: {fields}").format(fields=key))
                start = {
                    n: base[(key, n)]
                    for n in EDITOR_ITEM_FIELDS
                    if gone and base.get((key, n), DELETED) is not DELETED
                }
                item = AgreementItem(
                    agreement_id=agreement.id or 0,
                    kind=ItemKind(kind).value,  # type: ignore[arg-type]
                    created_at=now,
                    updated_at=now,
                )
                _apply_item_fields(session, case_id, item, {**start, **values})
                session.add(item)
                session.flush()
                created[key] = item.id or 0
                audit.record(store, session, "add", "agreement-item", item.id)
                written.update({(key, n): _item_value(item, n) for n in EDITOR_ITEM_FIELDS})
                written[(key, "deleted")] = False
                continue
            accepted = {}
            for name, value in values.items():
                stored = _item_value(item, name)
                if _disputed(stored, base, (key, name), value):
                    theirs[(key, name)] = stored
                else:
                    accepted[name] = value
            if accepted:
                _apply_item_fields(session, case_id, item, accepted)
                item.row_version += 1
                item.updated_at = now
                session.add(item)
                audit.record(
                    store, session, "update", "agreement-item", item.id, ",".join(sorted(accepted))
                )
                written.update({(key, n): _item_value(item, n) for n in accepted})
    return WriteOutcome(written, theirs), created
