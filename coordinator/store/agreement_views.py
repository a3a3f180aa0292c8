"""The agreement as the screens and exports see it: plain, frozen values with the enums parsed,
made from the stored rows at the store's edge (screens never hold a database row)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from coordinator.domain.agreement_rules import AgreementDraft, ItemDraft
from coordinator.domain.vocab import (
    AgreementStatus,
    ItemKind,
    ItemStatus,
)
from coordinator.store.models import (
    Agreement,
    AgreementItem,
)

#: The agreement's own fields a person edits (the autosave's keys for them).
AGREEMENT_FIELDS = (
    "job_goal",
    "goal_date",
    "goal_reason",
    "citizen_words",
    "notes",
    "follow_up_date",
    "follow_up_contact",
)


@dataclass(frozen=True)
class ItemView:
    """One stored agreement item, as screens show it."""

    id: int
    kind: ItemKind
    position: int
    text: str
    responsible: str
    due: date | None
    status: ItemStatus
    #: Carried over from an earlier agreement (it has a lineage): its date was agreed then.
    carried: bool = False

    @property
    def key(self) -> str:
        """The autosave's key of a stored item."""
        return f"i{self.id}"


@dataclass(frozen=True)
class AgreementView:
    """One version of a case's agreement with its items, as screens show it."""

    id: int
    case_id: int
    version: int
    status: AgreementStatus
    job_goal: str
    goal_date: date | None
    citizen_words: str
    notes: str
    follow_up_date: date | None
    follow_up_contact: str
    author_name: str
    finalised_at: datetime | None
    updated_at: datetime
    items: tuple[ItemView, ...] = ()
    goal_reason: str = ""
    #: The date of the case's meeting (the goal date is measured from it).
    meeting_date: date | None = None

    @property
    def final(self) -> bool:
        return self.status is AgreementStatus.FINAL

    def base(self) -> dict[object, object]:
        """Every editable value under its autosave key (what the editor starts from)."""
        values: dict[object, object] = {name: getattr(self, name) for name in AGREEMENT_FIELDS}
        for item in self.items:
            for name in EDITOR_ITEM_FIELDS:
                values[(item.key, name)] = getattr(item, name)
            values[(item.key, "deleted")] = False
        return values

    def draft(self) -> AgreementDraft:
        return AgreementDraft(
            job_goal=self.job_goal,
            goal_date=self.goal_date,
            citizen_words=self.citizen_words,
            follow_up_date=self.follow_up_date,
            goal_reason=self.goal_reason,
            meeting_date=self.meeting_date,
            items=tuple(
                ItemDraft(
                    kind=i.kind,
                    text=i.text,
                    responsible=i.responsible,
                    due=i.due,
                    item_id=i.id,
                    carried=i.carried,
                    done=i.status is ItemStatus.DONE,
                )
                for i in self.items
            ),
        )


#: The item values the editor keeps under `(key, name)`.
EDITOR_ITEM_FIELDS = ("kind", "position", "text", "responsible", "due", "status")


def view_of(
    agreement: Agreement,
    agreement_items: Iterable[AgreementItem],
    meeting_date: date | None = None,
) -> AgreementView:
    return AgreementView(
        id=agreement.id or 0,
        case_id=agreement.case_id,
        version=agreement.version,
        status=AgreementStatus(agreement.status),
        job_goal=agreement.job_goal,
        goal_date=agreement.goal_date,
        goal_reason=agreement.goal_reason,
        meeting_date=meeting_date,
        citizen_words=agreement.citizen_words,
        notes=agreement.notes,
        follow_up_date=agreement.follow_up_date,
        follow_up_contact=agreement.follow_up_contact,
        author_name=agreement.author_name,
        finalised_at=agreement.finalised_at,
        updated_at=agreement.updated_at,
        items=tuple(
            ItemView(
                id=i.id or 0,
                kind=ItemKind(i.kind),
                position=i.position,
                text=i.text,
                responsible=i.responsible_text,
                due=i.due,
                status=ItemStatus(i.status),
                carried=i.lineage_id is not None,
            )
            for i in agreement_items
        ),
    )


@dataclass(frozen=True)
class DayChoice:
    """A step-up day to choose (for a second conversation)."""

    id: int
    date: date
    location: str
