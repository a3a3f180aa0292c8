"""Participants and roster contexts for the roster-rule tests (test_roster_rules.py,
test_roster_double_booking.py): a roster sound for a case with no special challenge, and the
professionals the worked examples of STEP-UP.md add to it."""

from __future__ import annotations

from datetime import datetime

from coordinator.domain.roster_rules import BookedSlot, Participant, RosterContext, check_roster
from coordinator.domain.vocab import Attendance, ChallengeKind, Part, Profession, RosterRole

HEALTH = frozenset({ChallengeKind.HEALTH})
FAMILY = frozenset({ChallengeKind.FAMILY})
OTHER = frozenset({ChallengeKind.OTHER})

SLOT = (datetime(2026, 12, 3, 8, 30), datetime(2026, 12, 3, 9, 30))


def pro(
    name: str,
    profession: Profession,
    part: Part = Part.BOTH,
    *,
    attendance: Attendance = Attendance.INVITED,
    authority: bool = False,
    person_id: int | None = None,
) -> Participant:
    return Participant(
        name=name,
        role=RosterRole.PROFESSIONAL,
        part=part,
        attendance=attendance,
        profession=profession,
        decision_authority=authority,
        person_id=person_id,
    )


def citizen(
    name: str = "Mads", part: Part = Part.MEETING, attendance: Attendance = Attendance.INVITED
) -> Participant:
    return Participant(name=name, role=RosterRole.CITIZEN, part=part, attendance=attendance)


def network(name: str, profession: Profession | None = None) -> Participant:
    return Participant(name=name, role=RosterRole.NETWORK, part=Part.MEETING, profession=profession)


CASEWORKER = pro("Sara Sagsbehandler", Profession.CASEWORKER, authority=True, person_id=1)
JOBBROKER = pro("Jonas Jobformidler", Profession.JOBBROKER, person_id=2)
NURSE = pro("Nina Sygeplejerske", Profession.NURSE, person_id=3)
HEALTH_VISITOR = pro("Hanne Sundhedsplejerske", Profession.HEALTH_VISITOR, person_id=4)
FAMILY_COUNSELLOR = pro("Frede Familierådgiver", Profession.FAMILY_COUNSELLOR, person_id=5)

#: A roster that satisfies every rule for a case with no special challenge.
BASE = (citizen(), CASEWORKER, JOBBROKER)


def ctx(
    participants: tuple[Participant, ...] = BASE,
    challenges: frozenset[ChallengeKind] = OTHER,
    **kwargs,
) -> RosterContext:
    return RosterContext(participants=participants, challenges=challenges, **kwargs)


def codes(context: RosterContext) -> list[str]:
    return [finding.code for finding in check_roster(context)]


#: The job broker's other case, overlapping `SLOT` by half an hour.
BOOKED_ELSEWHERE = BookedSlot(
    case_id=9,
    label="Case 2, 2026-12-03",
    start=datetime(2026, 12, 3, 9, 0),
    end=datetime(2026, 12, 3, 10, 0),
    person_ids=frozenset({2}),
)
