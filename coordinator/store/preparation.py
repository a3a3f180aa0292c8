"""The preparation form of a case and its material checklist."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, select

from coordinator.domain.vocab import MaterialKind
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.autosave import WriteOutcome
from coordinator.store.database import Store
from coordinator.store.errors import Conflict, Invalid, NotFound
from coordinator.store.models import Case, MaterialItem, Preparation

#: The free-text fields of the form, in the order the form shows them.
TEXT_FIELDS = (
    "tried",
    "decided_by",
    "main_problem",
    "answer_reason",
    "answer_situations",
    "answer_goals",
    "answer_plan_ideas",
    "benefit",
    "time_on_benefit",
    "current_interventions",
    "earlier_interventions",
    "health",
    "family_situation",
    "authority_contacts",
    "network",
    "job_goal",
)
#: What must be filled in before the preparation counts as complete.
REQUIRED_FIELDS = (
    "main_problem",
    "answer_reason",
    "answer_situations",
    "answer_goals",
    "answer_plan_ideas",
    "job_goal",
)


def _stored(session: Session, case_id: int) -> Preparation | None:
    """The case's stored preparation, or None when nobody has written one yet."""
    if session.get(Case, case_id) is None:
        raise NotFound(_("No case with id {id}.").format(id=case_id))
    return session.exec(select(Preparation).where(Preparation.case_id == case_id)).first()


def _standard_items(store: Store, case_id: int) -> list[MaterialItem]:
    """The material checklist every preparation starts with (nothing ready)."""
    return [
        MaterialItem(case_id=case_id, kind=kind.value, updated_at=store.now())
        for kind in MaterialKind
        if kind is not MaterialKind.OTHER
    ]


def _get_or_create(store: Store, session: Session, case_id: int) -> Preparation:
    """For writers only: the stored preparation, made (with its checklist) on the first
    write. Readers use `_stored` and an unsaved blank form: viewing never writes, so a
    read-only database can be viewed and looking at a case changes nothing."""
    preparation = _stored(session, case_id)
    if preparation is None:
        preparation = Preparation(case_id=case_id, updated_at=store.now())
        session.add(preparation)
        session.flush()
        session.add_all(_standard_items(store, case_id))
    return preparation


def get_preparation(store: Store, case_id: int) -> Preparation:
    """The stored preparation, or a blank one (not stored) for a case that has none yet."""
    with store.session() as session:
        return _stored(session, case_id) or Preparation(case_id=case_id, updated_at=store.now())


class PreparationConflict(Conflict):
    """Fields were changed by someone else since the caller read them; nothing was written.

    `theirs` holds the other writer's value of each such field, so the user can choose."""

    def __init__(self, theirs: dict[str, object]) -> None:
        super().__init__(_("Someone else changed this preparation since you opened it."))
        self.theirs = theirs


def update_preparation(
    store: Store,
    case_id: int,
    expected: Mapping[str, object] | None = None,
    **fields: object,
) -> Preparation:
    """Change preparation fields. With `expected` (each field's value as the caller last read
    it), a field someone else has changed since is not overwritten: `PreparationConflict`.
    Two people typing in different fields of the same form never conflict."""
    allowed = set(TEXT_FIELDS) | {"decided_on", "completed"}
    unknown = set(fields) - allowed
    if unknown:
        raise Invalid(_("Unknown field: {fields}").format(fields=", ".join(sorted(unknown))))
    with store.session() as session:
        preparation = _get_or_create(store, session, case_id)
        if expected is not None:
            theirs = {
                name: getattr(preparation, name)
                for name, value in fields.items()
                if name in expected
                and getattr(preparation, name) != expected[name]
                and getattr(preparation, name) != value
            }
            if theirs:
                raise PreparationConflict(theirs)
        for name, value in fields.items():
            setattr(preparation, name, value)
        preparation.updated_at = store.now()
        session.add(preparation)
        audit.record(store, session, "update", "preparation", case_id, ",".join(sorted(fields)))
        return preparation


#: Every field the form edits: the free text, and the date of the decision.
FORM_FIELDS = (*TEXT_FIELDS, "decided_on")


@dataclass(frozen=True)
class PreparationView:
    """The preparation form of a case as screens show it: each field of `FORM_FIELDS`."""

    case_id: int
    values: Mapping[str, str | date | None]

    def base(self) -> dict[object, object]:
        """Every field under its autosave key (its name)."""
        return dict(self.values)


@dataclass(frozen=True)
class MaterialView:
    """One line of the material checklist."""

    kind: MaterialKind
    label: str
    ready: bool
    file_ref: str


def read_preparation(store: Store, case_id: int) -> PreparationView:
    """The form's values (an empty form for a case that has none; it is stored when first
    written)."""
    preparation = get_preparation(store, case_id)
    return PreparationView(case_id, {n: getattr(preparation, n) for n in FORM_FIELDS})


def material_views(store: Store, case_id: int) -> list[MaterialView]:
    return [
        MaterialView(MaterialKind(i.kind), i.label, i.ready, i.file_ref)
        for i in materials(store, case_id)
    ]


def save_fields(
    store: Store, case_id: int, changes: Mapping[object, object], base: Mapping[object, object]
) -> WriteOutcome:
    """The autosave's writer: write `changes` field by field in one transaction. A field whose
    stored value is neither `base`'s (what the form read) nor the new one was changed by someone
    else: it is not written but reported in `theirs`; the other fields are written."""
    fields = {str(k): v for k, v in changes.items()}
    unknown = set(fields) - set(FORM_FIELDS)
    if unknown:
        raise Invalid(_("Unknown field: {fields}").format(fields=", ".join(sorted(unknown))))
    with store.session() as session:
        preparation = _get_or_create(store, session, case_id)
        theirs: dict[object, object] = {}
        accepted: dict[str, object] = {}
        for name, value in fields.items():
            stored = getattr(preparation, name)
            if name in base and stored != base[name] and stored != value:
                theirs[name] = stored
            else:
                accepted[name] = value
        if accepted:
            for name, value in accepted.items():
                setattr(preparation, name, value)
            preparation.updated_at = store.now()
            session.add(preparation)
            audit.record(
                store, session, "update", "preparation", case_id, ",".join(sorted(accepted))
            )
        written = {name: getattr(preparation, name) for name in accepted}
    return WriteOutcome(written, theirs)


def missing_fields(preparation: Preparation) -> list[str]:
    """The required fields still empty."""
    return [name for name in REQUIRED_FIELDS if not str(getattr(preparation, name)).strip()]


def materials(store: Store, case_id: int) -> list[MaterialItem]:
    """The material checklist; the standard one (not stored) before the preparation is."""
    with store.session() as session:
        if _stored(session, case_id) is None:
            return _standard_items(store, case_id)
        return list(
            session.exec(
                select(MaterialItem)
                .where(MaterialItem.case_id == case_id)
                .order_by(MaterialItem.id)  # type: ignore[arg-type]
            )
        )


def set_material(
    store: Store, case_id: int, kind: MaterialKind, ready: bool, file_ref: str = "", label: str = ""
) -> MaterialItem:
    """Tick a material item; a file reference must point at an existing file."""
    if file_ref and not Path(file_ref).expanduser().is_file():
        raise Invalid(_("No such file: {path}").format(path=file_ref))
    with store.session() as session:
        _get_or_create(store, session, case_id)
        item = session.exec(
            select(MaterialItem).where(
                MaterialItem.case_id == case_id,
                MaterialItem.kind == kind.value,
                MaterialItem.label == label,
            )
        ).first() or MaterialItem(
            case_id=case_id, kind=kind.value, label=label, updated_at=store.now()
        )
        item.ready, item.file_ref, item.updated_at = ready, file_ref, store.now()
        session.add(item)
        return item


def is_complete(store: Store, case_id: int) -> bool:
    """Complete = the required fields filled and every standard material item ready."""
    preparation = get_preparation(store, case_id)
    items = materials(store, case_id)
    standard_ready = all(i.ready for i in items if i.kind != MaterialKind.OTHER.value)
    return not missing_fields(preparation) and standard_ready
