"""What the exported documents read about one case, as plain records.

The export package builds its template contexts from these and never opens a session itself:
every query of an export lives here (or in the store module that owns the table).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import col, select

from coordinator.domain.vocab import MaterialKind
from coordinator.i18n import _
from coordinator.store.database import Store
from coordinator.store.errors import NotFound
from coordinator.store.models import Case, Citizen, MaterialItem, Person, Preparation
from coordinator.store.people import PersonRecord, person_record


@dataclass(frozen=True)
class CitizenRecord:
    name: str
    #: Normalised `DDMMYY-SSSS`, or None; documents show it masked unless a template asks.
    cpr: str | None
    email: str
    phone: str
    address: str


@dataclass(frozen=True)
class MaterialRecord:
    """One line of the material checklist."""

    kind: MaterialKind
    label: str
    ready: bool
    file_ref: str


@dataclass(frozen=True)
class CaseDocumentData:
    """A case as its documents (agreement, meeting material) show it."""

    case_id: int
    day_id: int
    conversation_number: int
    problem_statement: str
    citizen: CitizenRecord
    #: The preparation form's fields by name (None: no preparation yet).
    preparation: dict[str, Any] | None
    materials: tuple[MaterialRecord, ...]

    @property
    def preparation_completed(self) -> bool:
        return bool(self.preparation and self.preparation.get("completed"))

    @property
    def decided_on(self) -> date | None:
        return self.preparation.get("decided_on") if self.preparation else None


def case_document_data(store: Store, case_id: int) -> CaseDocumentData:
    """The case, its citizen, preparation and material checklist, read in one session."""
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        citizen = session.get(Citizen, case.citizen_id)
        assert citizen is not None
        preparation = session.exec(
            select(Preparation).where(Preparation.case_id == case_id)
        ).first()
        materials = session.exec(
            select(MaterialItem)
            .where(MaterialItem.case_id == case_id)
            .order_by(col(MaterialItem.id))
        )
        return CaseDocumentData(
            case_id=case_id,
            day_id=case.day_id,
            conversation_number=case.conversation_number,
            problem_statement=case.problem_statement,
            citizen=CitizenRecord(
                name=citizen.name,
                cpr=citizen.cpr,
                email=citizen.email,
                phone=citizen.phone,
                address=citizen.address,
            ),
            preparation=preparation.model_dump() if preparation is not None else None,
            materials=tuple(
                MaterialRecord(MaterialKind(m.kind), m.label, m.ready, m.file_ref)
                for m in materials
            ),
        )


def person_by_id(store: Store, person_id: int | None) -> PersonRecord | None:
    """The directory person with this id, or None (no id, or nobody by it any more)."""
    if person_id is None:
        return None
    with store.session() as session:
        person = session.get(Person, person_id)
        return person_record(person) if person is not None else None
