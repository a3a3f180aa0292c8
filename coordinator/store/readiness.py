"""Is a case ready for its step-up meeting? Preparation complete and no error findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from coordinator.domain.roster_rules import Finding, Severity, count_by_severity
from coordinator.domain.vocab import MATERIAL_LABELS, PREPARATION_FIELD_LABELS, MaterialKind
from coordinator.i18n import _
from coordinator.store import preparation, roster
from coordinator.store.database import Store


@dataclass(frozen=True)
class Readiness:
    """The readiness of one case, for the day screen and the case and roster screens.

    `missing` names the required preparation fields still empty (ids from
    `preparation.REQUIRED_FIELDS`) and `material:<kind>` for each standard material item not
    ticked; `counts` has every severity (zero when none).
    """

    preparation_complete: bool
    missing: list[str]
    counts: dict[Severity, int]
    ready: bool
    findings: list[Finding] = field(default_factory=list)

    def missing_text(self) -> str:
        """What is still missing, by name ("the job goal; material: CV, Min Plan"), for the
        coordinator to act on."""
        fields, material = [], []
        for missing in self.missing:
            if missing.startswith("material:"):
                kind = MaterialKind(missing.removeprefix("material:"))
                material.append(_(MATERIAL_LABELS[kind]))
            else:
                fields.append(_(PREPARATION_FIELD_LABELS.get(missing, missing)))
        parts = [", ".join(fields)] if fields else []
        if material:
            parts.append(_("material: {names}").format(names=", ".join(material)))
        return "; ".join(parts)


def case_readiness(store: Store, case_id: int, now: datetime | None = None) -> Readiness:
    """Ready = the preparation is complete and the roster has no error findings."""
    form = preparation.get_preparation(store, case_id)
    missing = preparation.missing_fields(form)
    missing += [
        f"material:{item.kind}"
        for item in preparation.materials(store, case_id)
        if item.kind != MaterialKind.OTHER.value and not item.ready
    ]
    findings = roster.check(store, case_id, now)
    counts = count_by_severity(findings)
    complete = not missing
    return Readiness(
        preparation_complete=complete,
        missing=missing,
        counts=counts,
        ready=complete and counts[Severity.ERROR] == 0,
        findings=findings,
    )
