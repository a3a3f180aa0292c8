"""The citizen's consent: what they agreed to share and with whom, given and withdrawn on.

One row per citizen (a citizen's second case shares the first one's consent). A case whose
citizen has not consented (none given, or withdrawn) is a warning on the day screen and in
the roster check; the `consent_rule` setting makes it an error where the municipality says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlmodel import Session, col, select

from coordinator.domain.findings import Finding, Severity
from coordinator.i18n import N_, _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Consent, Setting
from coordinator.store.settings import DEFAULTS, get_setting


class ConsentState(StrEnum):
    GIVEN = "given"
    WITHDRAWN = "withdrawn"
    MISSING = "missing"


CONSENT_LABELS: dict[ConsentState, str] = {
    ConsentState.GIVEN: N_("Consent given"),
    ConsentState.WITHDRAWN: N_("Consent withdrawn"),
    ConsentState.MISSING: N_("No consent"),
}


@dataclass(frozen=True)
class ConsentView:
    citizen_id: int
    given_on: date | None
    scope: str
    withdrawn_on: date | None

    @property
    def state(self) -> ConsentState:
        if self.withdrawn_on is not None:
            return ConsentState.WITHDRAWN
        return ConsentState.GIVEN if self.given_on is not None else ConsentState.MISSING

    def as_json(self) -> dict[str, object]:
        return {
            "citizen_id": self.citizen_id,
            "state": self.state.value,
            "given_on": self.given_on.isoformat() if self.given_on else None,
            "scope": self.scope,
            "withdrawn_on": self.withdrawn_on.isoformat() if self.withdrawn_on else None,
        }


def _view(citizen_id: int, row: Consent | None) -> ConsentView:
    if row is None:
        return ConsentView(citizen_id, None, "", None)
    return ConsentView(citizen_id, row.given_on, row.scope, row.withdrawn_on)


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(_("There is no case {id}.").format(id=case_id))
    return case


def _row(session: Session, citizen_id: int) -> Consent | None:
    return session.exec(select(Consent).where(Consent.citizen_id == citizen_id)).first()


def consent_of_case(store: Store, case_id: int) -> ConsentView:
    with store.session() as session:
        case = _case(session, case_id)
        return _view(case.citizen_id, _row(session, case.citizen_id))


def set_consent(
    store: Store,
    case_id: int,
    given_on: date | None,
    scope: str | None = None,
    withdrawn_on: date | None = None,
) -> ConsentView:
    """Record the consent of the case's citizen (`scope` None keeps the stored scope)."""
    if given_on and withdrawn_on and withdrawn_on < given_on:
        raise Invalid(_("Consent cannot be withdrawn before it was given."))
    with store.session() as session:
        case = _case(session, case_id)
        row = _row(session, case.citizen_id)
        now = store.now()
        if row is None:
            row = Consent(citizen_id=case.citizen_id, created_at=now, updated_at=now)
        changed = [
            name
            for name, old, new in (
                ("given_on", row.given_on, given_on),
                ("scope", row.scope, row.scope if scope is None else scope.strip()),
                ("withdrawn_on", row.withdrawn_on, withdrawn_on),
            )
            if old != new
        ]
        row.given_on = given_on
        if scope is not None:
            row.scope = scope.strip()
        row.withdrawn_on = withdrawn_on
        row.updated_at = now
        session.add(row)
        session.flush()
        audit.record(
            store,
            session,
            "update",
            "consent",
            case_id,
            ",".join(changed),
            citizen_id=case.citizen_id,
        )
        return _view(case.citizen_id, row)


def consent_is_an_error(store: Store) -> bool:
    """The municipality's rule: a missing consent blocks (error) or only warns."""
    return get_setting(store, "consent_rule").strip() == "error"


def consent_is_an_error_in(session: Session) -> bool:
    """`consent_is_an_error` inside a session already open (the day's readiness)."""
    row = session.get(Setting, "consent_rule")
    value = row.value if row else DEFAULTS["consent_rule"]
    return value.strip() == "error"


def views_of_cases(session: Session, case_ids: list[int]) -> dict[int, ConsentView]:
    """Each case's consent, for a day's agenda in one query."""
    rows = session.exec(
        select(Case.id, Case.citizen_id, Consent)
        .join(Consent, col(Consent.citizen_id) == col(Case.citizen_id), isouter=True)
        .where(col(Case.id).in_(case_ids))
    )
    return {case_id: _view(citizen_id, row) for case_id, citizen_id, row in rows}


def states_of_cases(session: Session, case_ids: list[int]) -> dict[int, ConsentState]:
    """Each case's consent state, for a day's agenda in one query."""
    return {case_id: view.state for case_id, view in views_of_cases(session, case_ids).items()}


def unconsented_cases(store: Store, day_id: int) -> list[int]:
    """The day's cases (not cancelled) whose citizen has no consent in force."""
    with store.session() as session:
        ids = list(
            session.exec(select(Case.id).where(Case.day_id == day_id, Case.status != "cancelled"))
        )
        states = states_of_cases(session, [i for i in ids if i is not None])
    return sorted(case_id for case_id, state in states.items() if state != ConsentState.GIVEN)


def consent_findings(store: Store, case_id: int) -> list[Finding]:
    """The roster check's finding about consent: none when given, else a warning (an error
    under the `consent_rule` setting)."""
    return findings_of(consent_of_case(store, case_id), consent_is_an_error(store))


def findings_of(view: ConsentView, as_error: bool) -> list[Finding]:
    """The finding about one case's consent (the one wording, for the roster check and the
    day's readiness): none when given, else a warning, or an error when `as_error`."""
    if view.state == ConsentState.GIVEN:
        return []
    severity = Severity.ERROR if as_error else Severity.WARNING
    if view.state == ConsentState.WITHDRAWN:
        message = _("The citizen withdrew their consent on {date}.").format(
            date=view.withdrawn_on.isoformat() if view.withdrawn_on else ""
        )
        return [Finding(severity, "consent-withdrawn", message)]
    message = _("The citizen has not given consent to share information (consent set).")
    return [Finding(severity, "consent-missing", message)]
