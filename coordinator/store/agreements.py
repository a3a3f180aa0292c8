"""Agreement documents: the live draft, its items, finalising, versions.

Every write bumps `row_version`; a caller that passes the version it loaded is refused with
`Conflict` when someone else wrote in between, so two laptops never silently overwrite each
other. A final agreement is read-only; reopening it makes the next version. A second
conversation on a later day, whose agreement starts as a copy: store/second_conversation.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, select

from coordinator.domain.agreement_rules import finalise_problems
from coordinator.domain.quickdates import default_goal_date
from coordinator.domain.vocab import (
    AgreementStatus,
    ItemKind,
    ItemStatus,
    ResponsibleKind,
)
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.agreement_views import AGREEMENT_FIELDS, AgreementView, view_of
from coordinator.store.database import Store
from coordinator.store.errors import Conflict, Invalid, NotFound
from coordinator.store.models import (
    Agreement,
    AgreementItem,
    Case,
    Citizen,
    Person,
    Preparation,
    StepUpDay,
)

ITEM_FIELDS = ("kind", "text", "responsible", "due", "status", "position")
CITIZEN_WORDS = {"borger", "borgeren", "citizen", "the citizen"}


def _latest(session: Session, case_id: int) -> Agreement | None:
    statement = (
        select(Agreement)
        .where(Agreement.case_id == case_id)
        .order_by(col(Agreement.version).desc())
        .limit(1)
    )
    return session.exec(statement).first()


def latest(store: Store, case_id: int) -> Agreement | None:
    """The newest version of a case's agreement, draft or final, or None."""
    with store.session() as session:
        return _latest(session, case_id)


def versions(store: Store, case_id: int) -> list[Agreement]:
    with store.session() as session:
        statement = (
            select(Agreement).where(Agreement.case_id == case_id).order_by(col(Agreement.version))
        )
        return list(session.exec(statement))


def ensure_draft(store: Store, case_id: int) -> Agreement:
    """The case's current agreement, creating the first draft if there is none.

    A new draft takes the job goal from the preparation and the goal date of three months
    after the meeting (the model's goal: at a workplace within three months).
    """
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        current = _latest(session, case_id)
        if current is not None:
            return current
        day = session.get(StepUpDay, case.day_id)
        preparation = session.exec(
            select(Preparation).where(Preparation.case_id == case_id)
        ).first()
        now = store.now()
        agreement = Agreement(
            case_id=case_id,
            job_goal=preparation.job_goal if preparation else "",
            goal_date=default_goal_date(day.date) if day else None,
            created_at=now,
            updated_at=now,
        )
        if case.jobbroker_id:
            broker = session.get(Person, case.jobbroker_id)
            agreement.author_id = case.jobbroker_id
            agreement.author_name = broker.name if broker else ""
        session.add(agreement)
        session.flush()
        audit.record(store, session, "create", "agreement", agreement.id)
        return agreement


def _reject_unknown(fields: dict[str, object], known: Iterable[str]) -> None:
    """A misspelt field name is a programming error the caller hears about, not a no-op."""
    unknown = set(fields) - set(known)
    if unknown:
        raise Invalid(_("Unknown field: {fields}").format(fields=", ".join(sorted(unknown))))


def _editable(session: Session, case_id: int) -> Agreement:
    agreement = _latest(session, case_id)
    if agreement is None:
        raise NotFound(_("Case {id} has no agreement yet.").format(id=case_id))
    if agreement.status == AgreementStatus.FINAL:
        raise Invalid(
            _("The agreement of case {id} is final; reopen it to make a new version.").format(
                id=case_id
            )
        )
    return agreement


def set_fields(
    store: Store, case_id: int, expected_version: int | None = None, **fields: object
) -> Agreement:
    """Change agreement fields (job goal, goal date, citizen's words, notes, follow-up)."""
    _reject_unknown(fields, AGREEMENT_FIELDS)
    ensure_draft(store, case_id)
    with store.session() as session:
        agreement = _editable(session, case_id)
        if expected_version is not None and agreement.row_version != expected_version:
            raise Conflict(_("The agreement was changed elsewhere since you opened it."))
        for name, value in fields.items():
            setattr(agreement, name, value)
        agreement.row_version += 1
        agreement.updated_at = store.now()
        session.add(agreement)
        audit.record(store, session, "update", "agreement", agreement.id, ",".join(sorted(fields)))
        return agreement


def items(store: Store, agreement_id: int) -> list[AgreementItem]:
    with store.session() as session:
        return _items(session, agreement_id)


def _items(session: Session, agreement_id: int) -> list[AgreementItem]:
    statement = (
        select(AgreementItem)
        .where(AgreementItem.agreement_id == agreement_id)
        .order_by(col(AgreementItem.kind), col(AgreementItem.position), col(AgreementItem.id))
    )
    return list(session.exec(statement))


def resolve_responsible(
    session: Session, case_id: int, text: str
) -> tuple[ResponsibleKind, int | None, str]:
    """Who is meant by `text`: the citizen, a person in the directory, or someone free-form."""
    cleaned = text.strip()
    if not cleaned:
        return ResponsibleKind.OTHER, None, ""
    case = session.get(Case, case_id)
    citizen = session.get(Citizen, case.citizen_id) if case else None
    if cleaned.casefold() in CITIZEN_WORDS or (
        citizen is not None and cleaned.casefold() == citizen.name.casefold()
    ):
        return ResponsibleKind.CITIZEN, None, citizen.name if citizen else cleaned
    from coordinator.store.people import persons_named

    person = next(iter(persons_named(session, cleaned)), None)
    if person is not None:
        return ResponsibleKind.PERSON, person.id, person.name
    return ResponsibleKind.OTHER, None, cleaned


def add_item(
    store: Store,
    case_id: int,
    kind: ItemKind,
    text: str = "",
    responsible: str = "",
    due: date | None = None,
) -> AgreementItem:
    """Add an item at the end of its kind's section of the current draft."""
    ensure_draft(store, case_id)
    with store.session() as session:
        agreement = _editable(session, case_id)
        siblings = [i for i in _items(session, agreement.id or 0) if i.kind == kind.value]
        who_kind, who_id, who_text = resolve_responsible(session, case_id, responsible)
        now = store.now()
        item = AgreementItem(
            agreement_id=agreement.id or 0,
            kind=kind.value,
            position=(max(i.position for i in siblings) + 1) if siblings else 0,
            text=text,
            responsible_kind=who_kind.value,
            responsible_person_id=who_id,
            responsible_text=who_text,
            due=due,
            created_at=now,
            updated_at=now,
        )
        session.add(item)
        # Adding an item changes no agreement field, so the agreement's row_version stays:
        # a broker typing the job goal elsewhere is not told of a conflict that is none.
        session.flush()
        audit.record(store, session, "add", "agreement-item", item.id)
        return item


def update_item(
    store: Store, item_id: int, expected_version: int | None = None, **fields: object
) -> AgreementItem:
    """Change an item; `responsible` is resolved like in `add_item`."""
    _reject_unknown(fields, ITEM_FIELDS)
    with store.session() as session:
        item = session.get(AgreementItem, item_id)
        if item is None:
            raise NotFound(_("No agreement item with id {id}.").format(id=item_id))
        agreement = session.get(Agreement, item.agreement_id)
        assert agreement is not None
        _editable(session, agreement.case_id)
        if expected_version is not None and item.row_version != expected_version:
            raise Conflict(_("This item was changed elsewhere since you opened it."))
        for name, value in fields.items():
            if name == "responsible":
                kind, person_id, text = resolve_responsible(session, agreement.case_id, str(value))
                item.responsible_kind, item.responsible_person_id = kind.value, person_id
                item.responsible_text = text
            elif name in ("kind", "status"):
                enum = ItemKind if name == "kind" else ItemStatus
                setattr(item, name, enum(value).value)
            else:
                setattr(item, name, value)
        item.row_version += 1
        item.updated_at = store.now()
        session.add(item)
        audit.record(store, session, "update", "agreement-item", item_id, ",".join(sorted(fields)))
        return item


def delete_item(store: Store, item_id: int) -> None:
    with store.session() as session:
        item = session.get(AgreementItem, item_id)
        if item is None:
            raise NotFound(_("No agreement item with id {id}.").format(id=item_id))
        agreement = session.get(Agreement, item.agreement_id)
        assert agreement is not None
        _editable(session, agreement.case_id)
        session.delete(item)
        audit.record(store, session, "delete", "agreement-item", item_id)


def _meeting_date(session: Session, case_id: int) -> date | None:
    case = session.get(Case, case_id)
    day = session.get(StepUpDay, case.day_id) if case else None
    return day.date if day else None


def finalise_warnings(store: Store, case_id: int) -> list[str]:
    """What finalising the case's agreement lets pass but should say (e.g. a far goal date
    without a reason); the CLI and the screen show these with the result."""
    from coordinator.domain.agreement_rules import finalise_warnings as rule

    with store.session() as session:
        agreement = _latest(session, case_id)
        if agreement is None:
            return []
        draft = view_of(
            agreement, _items(session, agreement.id or 0), _meeting_date(session, case_id)
        ).draft()
        return [problem.message for problem in rule(draft)]


def finalise(store: Store, case_id: int) -> Agreement:
    """Make the draft final, or raise `Invalid` listing everything still missing."""
    with store.session() as session:
        agreement = _editable(session, case_id)
        draft = view_of(
            agreement, _items(session, agreement.id or 0), _meeting_date(session, case_id)
        ).draft()
        problems = finalise_problems(draft)
        if problems:
            raise Invalid(
                _("The agreement cannot be finalised yet: {problems}").format(
                    problems="; ".join(p.message for p in problems)
                )
            )
        agreement.status = AgreementStatus.FINAL.value
        agreement.finalised_at = store.now()
        agreement.row_version += 1
        agreement.updated_at = store.now()
        session.add(agreement)
        audit.record(store, session, "finalise", "agreement", agreement.id)
        return agreement


def reopen(store: Store, case_id: int) -> Agreement:
    """Start the next version from a final agreement; the final one is kept as it was."""
    with store.session() as session:
        current = _latest(session, case_id)
        if current is None:
            raise NotFound(_("Case {id} has no agreement yet.").format(id=case_id))
        if current.status != AgreementStatus.FINAL:
            return current
        return copy_agreement(store, session, current, case_id, current.version + 1)


def copy_agreement(
    store: Store, session: Session, source: Agreement, case_id: int, version: int
) -> Agreement:
    """A new draft with the fields and items of `source` (new version, or a second
    conversation's case carrying the agreement forward)."""
    now = store.now()
    copy = Agreement(
        case_id=case_id,
        version=version,
        job_goal=source.job_goal,
        goal_date=source.goal_date,
        goal_reason=source.goal_reason,
        citizen_words=source.citizen_words,
        notes=source.notes,
        follow_up_date=source.follow_up_date,
        follow_up_contact=source.follow_up_contact,
        author_id=source.author_id,
        author_name=source.author_name,
        created_at=now,
        updated_at=now,
    )
    session.add(copy)
    session.flush()
    for item in _items(session, source.id or 0):
        session.add(
            AgreementItem(
                agreement_id=copy.id or 0,
                kind=item.kind,
                position=item.position,
                text=item.text,
                responsible_kind=item.responsible_kind,
                responsible_person_id=item.responsible_person_id,
                responsible_text=item.responsible_text,
                due=item.due,
                status=item.status,
                lineage_id=item.lineage_id or item.id,  # the item keeps its history
                created_at=now,
                updated_at=now,
            )
        )
    audit.record(store, session, "create", "agreement", copy.id, f"from={source.id}")
    return copy


def agreement_json(store: Store, case_id: int) -> dict[str, object]:
    """The `agreement show --json` document (DESIGN.md)."""
    agreement = latest(store, case_id)
    if agreement is None:
        raise NotFound(_("Case {id} has no agreement yet.").format(id=case_id))
    return {
        "case": case_id,
        "status": agreement.status,
        "version": agreement.version,
        "job_goal": agreement.job_goal,
        "goal_date": agreement.goal_date.isoformat() if agreement.goal_date else None,
        "goal_reason": agreement.goal_reason,
        "citizen_words": agreement.citizen_words,
        "notes": agreement.notes,
        "follow_up": {
            "date": agreement.follow_up_date.isoformat() if agreement.follow_up_date else None,
            "contact": agreement.follow_up_contact,
        },
        "author": agreement.author_name,
        "finalised_at": agreement.finalised_at.isoformat() if agreement.finalised_at else None,
        "items": [
            {
                "id": item.id,
                "kind": item.kind,
                "text": item.text,
                "responsible": item.responsible_text,
                "responsible_kind": item.responsible_kind,
                "due": item.due.isoformat() if item.due else None,
                "status": item.status,
            }
            for item in items(store, agreement.id or 0)
        ],
    }


def agreement_by_id(store: Store, agreement_id: int) -> Agreement:
    """One stored version of an agreement (for viewing earlier versions)."""
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None:
            raise NotFound(_("No agreement with id {id}.").format(id=agreement_id))
        return agreement


# --- the editor's edge: plain values, and the autosave's field-level writer -------------------


def open_for_editing(store: Store, case_id: int) -> AgreementView:
    """The case's current agreement (the first draft is made if there is none)."""
    agreement = ensure_draft(store, case_id)
    with store.session() as session:
        meeting = _meeting_date(session, case_id)
    return view_of(agreement, items(store, agreement.id or 0), meeting)


def version_views(store: Store, case_id: int) -> list[AgreementView]:
    """Every version of the case's agreement, oldest first, with its items."""
    with store.session() as session:
        statement = (
            select(Agreement).where(Agreement.case_id == case_id).order_by(col(Agreement.version))
        )
        return [view_of(a, _items(session, a.id or 0)) for a in session.exec(statement)]
