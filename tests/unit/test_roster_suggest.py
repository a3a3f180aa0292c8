"""The suggested first roster of a case: who is proposed and why, that accepting it satisfies
the roster rules, and properties over random directories."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator import i18n
from coordinator.domain.roster_rules import RosterContext, check_roster
from coordinator.domain.roster_suggest import NEED_PROFESSIONS, Candidate, suggest_roster
from coordinator.domain.vocab import ChallengeKind, Part, Profession, RosterRole

HEALTH = frozenset({ChallengeKind.HEALTH})
FAMILY = frozenset({ChallengeKind.FAMILY})
OTHER = frozenset({ChallengeKind.OTHER})

# --- who is proposed --------------------------------------------------------------------------

CW = Candidate(1, "Sara Sagsbehandler", Profession.CASEWORKER, decision_authority=True)
JB = Candidate(2, "Jonas Jobformidler", Profession.JOBBROKER)
CO = Candidate(3, "Kim Koordinator", Profession.COORDINATOR)
REPS = (
    Candidate(10, "Nina Sygeplejerske", Profession.NURSE, fixed_representative=True),
    Candidate(11, "Niels Sygeplejerske", Profession.NURSE, True, fixed_representative=True),
    Candidate(12, "Hanne Sundhedsplejerske", Profession.HEALTH_VISITOR, fixed_representative=True),
    Candidate(13, "Frede Familierådgiver", Profession.FAMILY_COUNSELLOR, fixed_representative=True),
    Candidate(14, "Lars Læge", Profession.DOCTOR, fixed_representative=False),
    Candidate(15, "Mette Mentor", Profession.MENTOR, fixed_representative=True),
)


def _ids(suggestions) -> list[int | None]:
    return [s.person_id for s in suggestions]


def test_suggest_for_a_health_case() -> None:
    suggestions = suggest_roster(HEALTH, CW, JB, CO, REPS, citizen="Mads")
    # Citizen, caseworker, job broker, coordinator, then one nurse (the one with authority):
    # one health professional is what the case needs, and a nurse's profession is only a
    # health one, so she comes before the health visitor (health and family).
    assert _ids(suggestions) == [None, 1, 2, 3, 11]
    first = suggestions[0]
    assert (first.role, first.part, first.name) == (RosterRole.CITIZEN, Part.MEETING, "Mads")
    assert all(s.part is Part.BOTH for s in suggestions[1:])
    assert all(s.reason for s in suggestions)


def test_suggest_for_a_family_case() -> None:
    # The family counsellor, whose profession is only a family one, before the health visitor.
    assert _ids(suggest_roster(FAMILY, CW, JB, CO, REPS)) == [1, 2, 3, 13]


def test_suggest_one_representative_who_meets_both_needs() -> None:
    """A health and family case: the health visitor meets both needs alone (a small circle)."""
    suggestions = suggest_roster(HEALTH | FAMILY, CW, JB, CO, REPS)
    assert _ids(suggestions) == [1, 2, 3, 12]
    assert "helbredsmæssige og familiemæssige" in suggestions[-1].reason  # Danish by default
    # Without a health visitor, one per need: a nurse and the family counsellor.
    no_visitor = tuple(r for r in REPS if r.profession is not Profession.HEALTH_VISITOR)
    assert _ids(suggest_roster(HEALTH | FAMILY, CW, JB, CO, no_visitor)) == [1, 2, 3, 11, 13]


def test_suggest_no_representative_for_a_need_the_roster_already_meets() -> None:
    """The nurse is on the roster already: no doctor or health visitor is piled on."""
    assert _ids(suggest_roster(HEALTH, CW, JB, CO, REPS, covered={ChallengeKind.HEALTH})) == [
        1,
        2,
        3,
    ]
    both = suggest_roster(HEALTH | FAMILY, CW, JB, CO, REPS, covered={ChallengeKind.HEALTH})
    assert _ids(both) == [1, 2, 3, 13]


def test_suggest_for_an_other_case_has_no_representatives() -> None:
    assert _ids(suggest_roster(OTHER, CW, JB, CO, REPS)) == [1, 2, 3]


def test_suggest_first_of_equals_wins() -> None:
    reps = (REPS[0], dataclasses.replace(REPS[0], person_id=20, name="Nora"))
    assert _ids(suggest_roster(HEALTH, None, None, None, reps)) == [10]


def test_suggest_skips_people_already_on_the_roster_and_duplicates() -> None:
    same_person_coordinating = dataclasses.replace(CO, person_id=CW.person_id)
    suggestions = suggest_roster(
        HEALTH | FAMILY, CW, JB, same_person_coordinating, REPS, existing_person_ids={2, 12}
    )
    # The job broker and the health visitor are on the roster (not proposed again); without the
    # visitor, the needs are met one by one: a nurse for health, the counsellor for family.
    assert _ids(suggestions) == [1, 11, 13]


LAEGE = Candidate(14, "Lars Læge", Profession.DOCTOR, decision_authority=True)
LEDER = Candidate(16, "Tina Teamleder", Profession.OTHER, decision_authority=True)
PLAIN_CW = dataclasses.replace(CW, decision_authority=False)


def test_suggest_someone_with_decision_authority_when_nobody_has_it() -> None:
    # Nobody proposed can decide: the doctor, whose profession fits the health case, is added.
    health = suggest_roster(HEALTH, PLAIN_CW, JB, CO, REPS[:1], authorities=(LEDER, LAEGE))
    assert _ids(health) == [1, 2, 3, 10, 14]
    assert "beslutningskompetence" in health[-1].reason  # Danish by default
    # For a case where no profession fits, the first with authority.
    assert _ids(suggest_roster(OTHER, PLAIN_CW, JB, CO, (), authorities=(LEDER, LAEGE)))[-1] == 16


def test_no_extra_authority_when_the_roster_or_the_proposal_has_one() -> None:
    assert 14 not in _ids(suggest_roster(HEALTH, CW, JB, CO, REPS[:1], authorities=(LAEGE,)))
    on_roster = suggest_roster(
        HEALTH, PLAIN_CW, JB, CO, REPS[:1], authorities=(LAEGE,), authority_on_roster=True
    )
    assert 14 not in _ids(on_roster)
    # Someone with authority already on the roster is not proposed again.
    already = suggest_roster(
        HEALTH, PLAIN_CW, JB, CO, (), authorities=(LAEGE,), existing_person_ids={14}
    )
    assert 14 not in _ids(already)


def test_suggested_roster_passes_the_rules() -> None:
    """Accepting every suggestion on an empty roster satisfies the model for the case."""
    for challenges in (HEALTH, FAMILY, HEALTH | FAMILY, OTHER):
        participants = tuple(
            s.to_participant() for s in suggest_roster(challenges, CW, JB, CO, REPS, citizen="M")
        )
        assert check_roster(RosterContext(participants, challenges)) == []


def test_suggestion_reasons_are_translated() -> None:
    i18n.set_language("en")
    english = [s.reason for s in suggest_roster(HEALTH | FAMILY, CW, JB, CO, REPS, citizen="M")]
    i18n.set_language("da")
    danish = [s.reason for s in suggest_roster(HEALTH | FAMILY, CW, JB, CO, REPS, citizen="M")]
    assert all(en != da for en, da in zip(english, danish, strict=True))


representatives_st = st.lists(
    st.builds(
        Candidate,
        person_id=st.integers(100, 130),
        name=st.just("Rep"),
        profession=st.sampled_from(Profession),
        decision_authority=st.booleans(),
        fixed_representative=st.booleans(),
    ),
    max_size=8,
    unique_by=lambda c: c.person_id,
)


@settings(max_examples=300)
@given(
    challenges=st.frozensets(st.sampled_from(ChallengeKind)),
    reps=representatives_st,
    covered=st.frozensets(st.sampled_from([ChallengeKind.HEALTH, ChallengeKind.FAMILY])),
)
def test_suggestion_meets_each_open_need_once_and_only_with_fixed_representatives(
    challenges: frozenset[ChallengeKind],
    reps: list[Candidate],
    covered: frozenset[ChallengeKind],
) -> None:
    suggestions = suggest_roster(challenges, CW, JB, CO, reps, covered=covered)
    proposed = [r for r in reps if r.person_id in {s.person_id for s in suggestions}]
    needs = {k: NEED_PROFESSIONS[k] for k in challenges & NEED_PROFESSIONS.keys() - covered}
    assert all(r.fixed_representative for r in proposed)
    # Never more representatives than open needs, and each one meets a need.
    assert len(proposed) <= len(needs)
    assert all(any(r.profession in p for p in needs.values()) for r in proposed)
    for need, professions in needs.items():
        available = any(r.fixed_representative and r.profession in professions for r in reps)
        met = any(r.profession in professions for r in proposed)
        assert met is available, need
