"""Is a case ready for its step-up meeting? Preparation complete and no error findings.

The findings are the roster rules' and the consent's (store/consent.py): a citizen who has not
consented, or withdrew, is a warning here, or an error under the `consent_rule` setting, so
the day screen, the case and the roster screens all show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from coordinator.domain.findings import SEVERITY_RANK, Finding, Severity, count_by_severity
from coordinator.domain.roster_rules import BookedSlot, RosterContext, check_roster
from coordinator.domain.schedule import SlotTimes, build_schedule
from coordinator.domain.vocab import (
    MATERIAL_LABELS,
    PREPARATION_FIELD_LABELS,
    MaterialKind,
    RosterRole,
)
from coordinator.i18n import _
from coordinator.store import consent, preparation, roster, roster_checks
from coordinator.store.database import Store
from coordinator.store.days import plan_of, timing_of
from coordinator.store.errors import NotFound
from coordinator.store.models import (
    Case,
    DayBreak,
    MaterialItem,
    Person,
    Preparation,
    RosterEntry,
    StepUpDay,
)
from coordinator.store.settings import max_circle_in


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
    items = list(preparation.materials(store, case_id))
    findings = roster_checks.check(store, case_id, now) + consent.consent_findings(store, case_id)
    return _readiness(form, items, findings)


def day_readiness(store: Store, day_id: int, now: datetime | None = None) -> dict[int, Readiness]:
    """The readiness of every case of a day, by case id: the same answer as `case_readiness`
    per case, read with a fixed handful of queries however many cases the day has, and
    without writing (a case never opened in the preparation form counts as unprepared)."""
    with store.session() as session:
        day = session.get(StepUpDay, day_id)
        if day is None:
            raise NotFound(_("No step-up day with id {id}.").format(id=day_id))
        return readiness_in(session, day, now)


def readiness_in(session: Session, day: StepUpDay, now: datetime | None) -> dict[int, Readiness]:
    """`day_readiness` inside an open session (for a caller reading more of the day with it)."""
    days = list(session.exec(select(StepUpDay).where(StepUpDay.date == day.date)))
    day_ids = [d.id for d in days]
    breaks: dict[int, list[DayBreak]] = {}
    for brk in session.exec(select(DayBreak).where(col(DayBreak.day_id).in_(day_ids))):
        breaks.setdefault(brk.day_id, []).append(brk)
    cases_of: dict[int, list[Case]] = {}
    for case in session.exec(
        select(Case).where(col(Case.day_id).in_(day_ids)).order_by(col(Case.position))
    ):
        cases_of.setdefault(case.day_id, []).append(case)
    own = cases_of.get(day.id or 0, [])
    if not own:
        return {}
    all_ids = [c.id for cases in cases_of.values() for c in cases]
    entries = list(
        session.exec(
            select(RosterEntry)
            .where(col(RosterEntry.case_id).in_(all_ids))
            .order_by(col(RosterEntry.id))
        )
    )
    person_ids = {e.person_id for e in entries if e.person_id}
    people = (
        {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(person_ids)))}
        if person_ids
        else {}
    )
    limit = max_circle_in(session)
    own_ids = [c.id for c in own]
    consents = consent.views_of_cases(session, [i for i in own_ids if i is not None])
    consent_is_error = consent.consent_is_an_error_in(session)
    forms = {
        p.case_id: p
        for p in session.exec(select(Preparation).where(col(Preparation.case_id).in_(own_ids)))
    }
    items: dict[int, list[MaterialItem]] = {}
    for item in session.exec(
        select(MaterialItem)
        .where(col(MaterialItem.case_id).in_(own_ids))
        .order_by(col(MaterialItem.id))
    ):
        items.setdefault(item.case_id, []).append(item)

    lines: dict[int, list[roster.RosterLine]] = {}
    for entry in entries:
        person = people.get(entry.person_id) if entry.person_id else None
        lines.setdefault(entry.case_id, []).append(roster.line_of(entry, person))
    order = {RosterRole.CITIZEN: 0, RosterRole.PROFESSIONAL: 1, RosterRole.NETWORK: 2}
    booked: list[tuple[Case, SlotTimes]] = []
    for other_day in days:
        cases = cases_of.get(other_day.id or 0, [])
        schedule = build_schedule(
            plan_of(other_day, breaks.get(other_day.id or 0, [])),
            [timing_of(c) for c in cases],
            now,
        )
        booked.extend((c, schedule.slot(c.id or 0)) for c in cases)
    slots = {case.id: slot for case, slot in booked}

    result: dict[int, Readiness] = {}
    for case in own:
        case_id = case.id or 0
        case_lines = sorted(lines.get(case_id, []), key=lambda line: order[line.role])
        others = tuple(
            BookedSlot(
                case_id=other.id or 0,
                label=_("case {position} at {time}").format(
                    position=other.position, time=slot.planned_start.strftime("%H:%M")
                ),
                start=slot.planned_start,
                end=slot.planned_end,
                person_ids=frozenset(
                    line.person_id
                    for line in lines.get(other.id or 0, [])
                    if line.person_id is not None
                ),
            )
            for other, slot in booked
            if other.id != case_id
        )
        findings = check_roster(
            RosterContext(
                participants=tuple(roster_checks.participant_of(line) for line in case_lines),
                challenges=roster.challenges_of(case),
                day_has_coordinator=day.coordinator_id is not None,
                max_circle=limit,
                slot=(slots[case_id].planned_start, slots[case_id].planned_end),
                other_slots=others,
                case_id=case_id,
            )
        )
        if case_id in consents:
            findings += consent.findings_of(consents[case_id], consent_is_error)
        result[case_id] = _readiness(forms.get(case_id), items.get(case_id), findings)
    return result


def _readiness(
    form: Preparation | None, items: list[MaterialItem] | None, findings: list[Finding]
) -> Readiness:
    """Readiness from what was read; no form yet means nothing filled in and, as the form
    would be created with them, every standard material item still to do."""
    if form is None:
        missing = list(preparation.REQUIRED_FIELDS)
        kinds = [kind.value for kind in MaterialKind if kind is not MaterialKind.OTHER]
    else:
        missing = preparation.missing_fields(form)
        kinds = [
            item.kind
            for item in items or []
            if item.kind != MaterialKind.OTHER.value and not item.ready
        ]
    missing += [f"material:{kind}" for kind in kinds]
    findings = sorted(findings, key=lambda finding: SEVERITY_RANK[finding.severity])  # errors first
    counts = count_by_severity(findings)
    complete = not missing
    return Readiness(
        preparation_complete=complete,
        missing=missing,
        counts=counts,
        ready=complete and counts[Severity.ERROR] == 0,
        findings=findings,
    )
