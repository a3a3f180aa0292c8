"""A first roster to suggest for a case, so the coordinator starts from the model, not a blank.

Pure like the rules it serves (domain/roster_rules.py): directory candidates in, proposed
roster entries out, each with the reason the coordinator reads before accepting it. The store
(store/roster_suggestions.py) reads the candidates from the people directory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from coordinator.domain.roster_rules import Participant
from coordinator.domain.vocab import (
    FAMILY_PROFESSIONS,
    HEALTH_PROFESSIONS,
    Attendance,
    ChallengeKind,
    Part,
    Profession,
    RosterRole,
)
from coordinator.i18n import _

__all__ = ["NEED_PROFESSIONS", "Candidate", "Suggestion", "suggest_roster"]


@dataclass(frozen=True)
class Candidate:
    """A person from the directory who could be put on a case's roster."""

    person_id: int
    name: str
    profession: Profession
    decision_authority: bool = False
    fixed_representative: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A proposed roster entry with the reason for it (translated), for the roster screen to
    offer; the coordinator accepts or drops each one. The citizen has no `person_id`."""

    name: str
    role: RosterRole
    part: Part
    reason: str
    profession: Profession | None = None
    decision_authority: bool = False
    person_id: int | None = None

    def to_participant(self) -> Participant:
        """The roster entry this suggestion becomes once accepted (invited, not yet confirmed)."""
        return Participant(
            name=self.name,
            role=self.role,
            part=self.part,
            attendance=Attendance.INVITED,
            profession=self.profession,
            decision_authority=self.decision_authority,
            person_id=self.person_id,
        )


def _professional(candidate: Candidate, reason: str) -> Suggestion:
    return Suggestion(
        name=candidate.name,
        role=RosterRole.PROFESSIONAL,
        part=Part.BOTH,
        reason=reason,
        profession=candidate.profession,
        decision_authority=candidate.decision_authority,
        person_id=candidate.person_id,
    )


#: The needs a case can have and the professions that meet each (see domain/roster_rules.py).
NEED_PROFESSIONS: dict[ChallengeKind, frozenset[Profession]] = {
    ChallengeKind.HEALTH: HEALTH_PROFESSIONS,
    ChallengeKind.FAMILY: FAMILY_PROFESSIONS,
}
_VOCABULARY_ORDER = {profession: index for index, profession in enumerate(Profession)}


def _representative_rank(
    index: int, rep: Candidate, outstanding: dict[ChallengeKind, frozenset[Profession]]
) -> tuple[int, int, bool, int, int]:
    """Sort key of a fitting representative: the smallest is proposed (see `suggest_roster`)."""
    meets = sum(rep.profession in professions for professions in outstanding.values())
    fits = sum(rep.profession in professions for professions in NEED_PROFESSIONS.values())
    return (-meets, fits, not rep.decision_authority, _VOCABULARY_ORDER[rep.profession], index)


def suggest_roster(
    challenges: Iterable[ChallengeKind],
    caseworker: Candidate | None,
    jobbroker: Candidate | None,
    coordinator: Candidate | None,
    representatives: Sequence[Candidate],
    *,
    citizen: str | None = None,
    existing_person_ids: Set[int] = frozenset(),
    authorities: Sequence[Candidate] = (),
    authority_on_roster: bool = False,
    covered: Set[ChallengeKind] = frozenset(),
) -> list[Suggestion]:
    """A first roster for a case, so the coordinator starts from the model instead of a blank.

    Proposes, in this order: the citizen (meeting only; pass `citizen=None` when the citizen is
    already on the roster), the case's caseworker and job broker and the day's coordinator (both
    parts: they tune in at the pre-meeting), then fixed department representatives for the
    case's needs (health -> a health profession, family -> a family profession) that the roster
    does not meet yet (`covered`): one per need, and one alone when their profession meets both
    (a health visitor for a health and family case), because the circle must stay small. Among
    those who fit, one who meets more open needs wins, then one whose profession is more
    specific to the need (a family counsellor before a health visitor for a family case), then
    one with decision authority, then vocabulary order, then the order given. People who are
    not fixed representatives are never proposed here. Nobody in `existing_person_ids` is
    proposed, and nobody twice (a caseworker who is also the coordinator appears once).

    When nobody on the roster (`authority_on_roster`) or proposed has decision authority, one
    of `authorities` (people who have it) is proposed too, one whose profession fits the
    challenges first: the `no-decision-authority` rule would otherwise fire right away.
    """
    kinds = frozenset(challenges)
    fitting = frozenset().union(*(NEED_PROFESSIONS.get(kind, ()) for kind in kinds))

    taken: set[int] = set(existing_person_ids)
    suggestions: list[Suggestion] = []
    if citizen is not None:
        suggestions.append(
            Suggestion(
                name=citizen,
                role=RosterRole.CITIZEN,
                part=Part.MEETING,
                reason=_("The citizen is at the centre of the meeting."),
            )
        )

    def add(candidate: Candidate, reason: str) -> None:
        if candidate.person_id in taken:
            return
        taken.add(candidate.person_id)
        suggestions.append(_professional(candidate, reason))

    if caseworker is not None:
        add(caseworker, _("The case's caseworker always takes part."))
    if jobbroker is not None:
        add(jobbroker, _("The case's job broker always takes part and writes the agreement."))
    if coordinator is not None:
        add(coordinator, _("The coordinator summons and leads the meeting."))

    # One fixed representative per need the roster does not cover yet; one who covers both
    # needs is enough, so the circle stays as small as the model allows.
    outstanding = {
        kind: professions
        for kind, professions in NEED_PROFESSIONS.items()
        if kind in kinds and kind not in covered
    }
    chosen: list[Candidate] = []
    while outstanding:
        pool = [
            (index, rep)
            for index, rep in enumerate(representatives)
            if rep.fixed_representative
            and rep.person_id not in taken
            and any(rep.profession in professions for professions in outstanding.values())
        ]
        if not pool:
            break
        rep = min(pool, key=lambda item: _representative_rank(*item, outstanding))[1]
        met = [kind for kind, professions in outstanding.items() if rep.profession in professions]
        for kind in met:
            del outstanding[kind]
        if len(met) > 1:
            reason = _("Fixed representative for the health-related and family-related challenges.")
        elif met == [ChallengeKind.HEALTH]:
            reason = _("Fixed representative for the health-related challenges.")
        else:
            reason = _("Fixed representative for the family-related challenges.")
        add(rep, reason)
        chosen.append(rep)

    has_authority = authority_on_roster or any(
        c is not None and c.decision_authority
        for c in (caseworker, jobbroker, coordinator, *chosen)
    )
    available = [c for c in authorities if c.decision_authority and c.person_id not in taken]
    if not has_authority and available:
        decider = next((c for c in available if c.profession in fitting), available[0])
        add(decider, _("Has decision authority: someone in the meeting must be able to decide."))
    return suggestions
