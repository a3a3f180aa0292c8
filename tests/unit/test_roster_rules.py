"""The roster rules of a case: every rule firing and not firing, the two worked examples from
STEP-UP.md, the boundaries, and properties over random rosters (double booking in detail:
test_roster_double_booking.py; the suggested roster: test_roster_suggest.py; the rosters
checked: tests/roster_data.py)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator import i18n
from coordinator.domain.findings import Finding, Severity, count_by_severity
from coordinator.domain.roster_rules import (
    RULE_CODES,
    BookedSlot,
    Participant,
    RosterContext,
    check_roster,
)
from coordinator.domain.vocab import Attendance, ChallengeKind, Part, Profession, RosterRole
from tests.roster_data import (
    BASE,
    BOOKED_ELSEWHERE,
    CASEWORKER,
    FAMILY,
    FAMILY_COUNSELLOR,
    HEALTH,
    HEALTH_VISITOR,
    JOBBROKER,
    NURSE,
    SLOT,
    citizen,
    codes,
    ctx,
    network,
    pro,
)


def test_a_sound_roster_has_no_findings() -> None:
    assert check_roster(ctx()) == []


# Every rule code: a context where it fires, and a near-identical one where it does not.
NEXT_SLOT = dataclasses.replace(
    BOOKED_ELSEWHERE, start=datetime(2026, 12, 3, 9, 30), end=datetime(2026, 12, 3, 10, 30)
)
DECLINED_CASEWORKER = dataclasses.replace(CASEWORKER, attendance=Attendance.DECLINED)
PRESENT_CASEWORKER = dataclasses.replace(CASEWORKER, attendance=Attendance.PRESENT)
NETWORK_FOUR = tuple(network(f"Relative {i}") for i in range(4))

RULE_CASES: dict[str, tuple[RosterContext, RosterContext]] = {
    "missing-citizen": (ctx((CASEWORKER, JOBBROKER)), ctx()),
    "missing-caseworker": (ctx((citizen(), JOBBROKER)), ctx()),
    "missing-jobbroker": (ctx((citizen(), CASEWORKER)), ctx()),
    "missing-health-professional": (ctx(BASE, HEALTH), ctx((*BASE, NURSE), HEALTH)),
    "missing-family-professional": (ctx(BASE, FAMILY), ctx((*BASE, FAMILY_COUNSELLOR), FAMILY)),
    # 3 + 4 network persons = 7 is the limit; one more nurse makes 8.
    "circle-too-large": (ctx((*BASE, *NETWORK_FOUR, NURSE)), ctx((*BASE, *NETWORK_FOUR))),
    "no-decision-authority": (
        ctx((citizen(), dataclasses.replace(CASEWORKER, decision_authority=False), JOBBROKER)),
        ctx(),
    ),
    "citizen-in-pre-meeting": (ctx((citizen(part=Part.BOTH), CASEWORKER, JOBBROKER)), ctx()),
    "no-coordinator": (ctx(day_has_coordinator=False), ctx(day_has_coordinator=True)),
    "double-booked": (
        ctx(slot=SLOT, other_slots=(BOOKED_ELSEWHERE,)),
        ctx(slot=SLOT, other_slots=(NEXT_SLOT,)),
    ),
    "required-absent": (
        ctx((citizen(), DECLINED_CASEWORKER, JOBBROKER)),
        ctx((citizen(), PRESENT_CASEWORKER, JOBBROKER)),
    ),
}


def test_rule_cases_cover_every_code() -> None:
    assert set(RULE_CASES) == set(RULE_CODES)
    assert len(RULE_CODES) == len(set(RULE_CODES))


@pytest.mark.parametrize("code", RULE_CODES)
def test_rule_fires(code: str) -> None:
    firing, _ = RULE_CASES[code]
    assert code in codes(firing)


@pytest.mark.parametrize("code", RULE_CODES)
def test_rule_does_not_fire(code: str) -> None:
    _, quiet = RULE_CASES[code]
    assert code not in codes(quiet)


EXPECTED_SEVERITY = {
    "missing-citizen": Severity.ERROR,
    "missing-caseworker": Severity.ERROR,
    "missing-jobbroker": Severity.ERROR,
    "missing-health-professional": Severity.ERROR,
    "missing-family-professional": Severity.ERROR,
    "circle-too-large": Severity.WARNING,
    "no-decision-authority": Severity.WARNING,
    "citizen-in-pre-meeting": Severity.ERROR,
    "no-coordinator": Severity.WARNING,
    "double-booked": Severity.WARNING,
    "required-absent": Severity.ERROR,
}


@pytest.mark.parametrize("code", RULE_CODES)
def test_rule_severity_and_translated_message(code: str) -> None:
    firing, _ = RULE_CASES[code]
    i18n.set_language("en")
    english = next(f for f in check_roster(firing) if f.code == code)
    i18n.set_language("da")
    danish = next(f for f in check_roster(firing) if f.code == code)
    assert english.severity is EXPECTED_SEVERITY[code]
    assert english.message and danish.message
    assert english.message != danish.message, "the Danish catalog lacks this message"
    assert "{" not in danish.message, "a placeholder was left unformatted"


# --- the worked examples of STEP-UP.md ------------------------------------------------------


def test_health_example_with_the_nurse_is_sound() -> None:
    """The man in his mid-30s who "locks up": caseworker, job broker and a nurse from the health
    administration; no family adviser is needed."""
    roster = (citizen("Mads, mid-30s"), CASEWORKER, JOBBROKER, NURSE)
    findings = codes(ctx(roster, HEALTH))
    assert "missing-health-professional" not in findings
    assert findings == []


def test_health_example_without_the_nurse_lacks_a_health_professional() -> None:
    roster = (citizen("Mads, mid-30s"), CASEWORKER, JOBBROKER)
    assert codes(ctx(roster, HEALTH)) == ["missing-health-professional"]


def test_family_example_with_health_visitor_and_family_counsellor_is_sound() -> None:
    """The woman in her late 30s with two children and a bowel disease: a health and a family
    case; the health visitor and the family counsellor were added."""
    roster = (citizen("Karen, late 30s"), CASEWORKER, JOBBROKER, HEALTH_VISITOR, FAMILY_COUNSELLOR)
    assert codes(ctx(roster, HEALTH | FAMILY)) == []


def test_health_visitor_alone_covers_both_health_and_family() -> None:
    roster = (*BASE, HEALTH_VISITOR)
    assert codes(ctx(roster, HEALTH | FAMILY)) == []


def test_family_counsellor_does_not_cover_health() -> None:
    roster = (*BASE, FAMILY_COUNSELLOR)
    assert codes(ctx(roster, HEALTH | FAMILY)) == ["missing-health-professional"]


# --- details of the rules --------------------------------------------------------------------


def test_network_person_counts_for_the_circle_not_for_professions() -> None:
    relative_nurse = network("Aunt Bodil", Profession.NURSE)
    assert codes(ctx((*BASE, relative_nurse), HEALTH)) == ["missing-health-professional"]


def test_professional_only_in_pre_meeting_is_not_in_the_meeting() -> None:
    pre_only = pro("Sara", Profession.CASEWORKER, Part.PRE, authority=True)
    # Not in the meeting: neither a caseworker there nor decision authority there.
    assert codes(ctx((citizen(), pre_only, JOBBROKER))) == [
        "missing-caseworker",
        "no-decision-authority",
    ]


def test_citizen_only_in_pre_meeting_is_both_missing_and_misplaced() -> None:
    roster = (citizen(part=Part.PRE), CASEWORKER, JOBBROKER)
    assert codes(ctx(roster)) == ["missing-citizen", "citizen-in-pre-meeting"]


def test_declined_caseworker_is_required_absent_not_missing() -> None:
    declined = dataclasses.replace(CASEWORKER, attendance=Attendance.DECLINED)
    findings = check_roster(ctx((citizen(), declined, JOBBROKER)))
    assert [f.code for f in findings] == ["required-absent", "no-decision-authority"]
    assert findings[0].subject == declined.name
    assert declined.name in findings[0].message


@pytest.mark.parametrize("attendance", [Attendance.DECLINED, Attendance.ABSENT])
def test_absent_citizen_is_required_absent(attendance: Attendance) -> None:
    roster = (citizen(attendance=attendance), CASEWORKER, JOBBROKER)
    assert codes(ctx(roster)) == ["required-absent"]


@pytest.mark.parametrize(
    "attendance", [Attendance.INVITED, Attendance.CONFIRMED, Attendance.PRESENT]
)
def test_coming_attendance_is_not_required_absent(attendance: Attendance) -> None:
    roster = (citizen(), CASEWORKER, dataclasses.replace(JOBBROKER, attendance=attendance))
    assert codes(ctx(roster)) == []


def test_declined_health_professional_with_a_stand_in_is_fine() -> None:
    declined_nurse = dataclasses.replace(NURSE, attendance=Attendance.DECLINED)
    psychologist = pro("Per Psykolog", Profession.PSYCHOLOGIST)
    assert codes(ctx((*BASE, declined_nurse, psychologist), HEALTH)) == []


def test_declined_sole_health_professional_is_required_absent() -> None:
    declined_nurse = dataclasses.replace(NURSE, attendance=Attendance.ABSENT)
    findings = check_roster(ctx((*BASE, declined_nurse), HEALTH))
    assert [(f.code, f.subject) for f in findings] == [("required-absent", NURSE.name)]


def test_declined_sole_family_professional_is_required_absent() -> None:
    declined = dataclasses.replace(FAMILY_COUNSELLOR, attendance=Attendance.DECLINED)
    assert codes(ctx((*BASE, declined), FAMILY)) == ["required-absent"]


@pytest.mark.parametrize(("size", "fires"), [(6, False), (7, False), (8, True)])
def test_circle_boundary_at_the_default_of_seven(size: int, fires: bool) -> None:
    roster = BASE + tuple(network(f"Relative {i}") for i in range(size - len(BASE)))
    assert ("circle-too-large" in codes(ctx(roster))) is fires


def test_circle_limit_is_configurable() -> None:
    assert "circle-too-large" in codes(ctx(BASE, max_circle=2))
    assert "circle-too-large" not in codes(ctx(BASE, max_circle=3))


def test_circle_counts_neither_declined_nor_pre_meeting_only() -> None:
    extra = (
        *NETWORK_FOUR,
        dataclasses.replace(NURSE, attendance=Attendance.DECLINED),
        pro("Pia, pre only", Profession.OTHER, Part.PRE),
    )
    assert "circle-too-large" not in codes(ctx((*BASE, *extra)))


def test_circle_message_names_count_and_limit() -> None:
    i18n.set_language("en")
    roster = BASE + tuple(network(f"Relative {i}") for i in range(6))
    (finding,) = check_roster(ctx(roster))
    assert "9" in finding.message and "7" in finding.message


def test_decision_authority_must_be_coming_and_professional() -> None:
    no_authority_caseworker = dataclasses.replace(CASEWORKER, decision_authority=False)
    declined_boss = pro(
        "Bo, team leader", Profession.OTHER, authority=True, attendance=Attendance.DECLINED
    )
    powerful_relative = dataclasses.replace(network("Uncle"), decision_authority=True)
    roster = (citizen(), no_authority_caseworker, JOBBROKER, declined_boss, powerful_relative)
    assert codes(ctx(roster)) == ["no-decision-authority"]


def test_max_circle_below_one_is_rejected() -> None:
    with pytest.raises(ValueError):
        ctx(max_circle=0)


# --- ordering, counting, JSON ----------------------------------------------------------------


def test_findings_sorted_errors_first() -> None:
    context = ctx((network("Cousin"),), HEALTH | FAMILY, day_has_coordinator=False, max_circle=1)
    findings = check_roster(context)
    ranks = [list(Severity).index(f.severity) for f in findings]
    assert ranks == sorted(ranks)
    assert findings[0].severity is Severity.ERROR
    assert findings[-1].severity is Severity.WARNING


def test_count_by_severity_includes_zero_counts() -> None:
    findings = check_roster(ctx((CASEWORKER, JOBBROKER), day_has_coordinator=False))
    assert count_by_severity(findings) == {Severity.ERROR: 1, Severity.WARNING: 1, Severity.INFO: 0}
    assert count_by_severity([]) == dict.fromkeys(Severity, 0)


def test_finding_as_dict_is_the_json_shape() -> None:
    finding = Finding(Severity.ERROR, "missing-jobbroker", "Add one", None)
    assert finding.as_dict() == {
        "severity": "error",
        "code": "missing-jobbroker",
        "message": "Add one",
        "subject": None,
    }


# --- properties ------------------------------------------------------------------------------

DAY_START = datetime(2026, 12, 3, 8, 0)
participants_st = st.builds(
    Participant,
    name=st.sampled_from(["Anna", "Bo", "Carl", "Dina", "Eva"]),
    role=st.sampled_from(RosterRole),
    part=st.sampled_from(Part),
    attendance=st.sampled_from(Attendance),
    profession=st.one_of(st.none(), st.sampled_from(Profession)),
    decision_authority=st.booleans(),
    person_id=st.one_of(st.none(), st.integers(1, 4)),
)
slots_st = st.builds(
    lambda case_id, start, minutes, ids: BookedSlot(
        case_id=case_id,
        label=f"Case {case_id}",
        start=DAY_START + timedelta(minutes=start),
        end=DAY_START + timedelta(minutes=start + minutes),
        person_ids=frozenset(ids),
    ),
    st.integers(1, 3),
    st.integers(0, 180),
    st.integers(15, 60),
    st.sets(st.integers(1, 4), max_size=3),
)
contexts_st = st.builds(
    RosterContext,
    participants=st.lists(participants_st, max_size=10).map(tuple),
    challenges=st.frozensets(st.sampled_from(ChallengeKind)),
    day_has_coordinator=st.booleans(),
    max_circle=st.integers(1, 9),
    slot=st.one_of(st.none(), st.just(SLOT)),
    other_slots=st.lists(slots_st, max_size=3).map(tuple),
)


@settings(max_examples=200)
@given(context=contexts_st, data=st.data())
def test_findings_are_deterministic_sorted_and_order_independent(
    context: RosterContext, data: st.DataObject
) -> None:
    findings = check_roster(context)
    assert findings == check_roster(context)
    ranks = [list(Severity).index(f.severity) for f in findings]
    assert ranks == sorted(ranks)
    assert all(f.code in RULE_CODES for f in findings)
    shuffled = data.draw(st.permutations(context.participants))
    assert check_roster(dataclasses.replace(context, participants=tuple(shuffled))) == findings


@settings(max_examples=200)
@given(context=contexts_st, extra=participants_st)
def test_adding_someone_to_the_meeting_never_creates_a_missing_finding(
    context: RosterContext, extra: Participant
) -> None:
    extra = dataclasses.replace(extra, part=Part.MEETING)
    before = {f.code for f in check_roster(context) if f.code.startswith("missing-")}
    bigger = dataclasses.replace(context, participants=(*context.participants, extra))
    after = {f.code for f in check_roster(bigger) if f.code.startswith("missing-")}
    assert after <= before
