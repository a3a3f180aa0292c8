"""Who attends a step-up case: the roster rules, and a first roster to suggest.

The step-up model (shared/domain/STEP-UP.md) is strict about attendance: the citizen, the
caseworker and the job broker are always in the meeting; a health case needs a health
professional and a family case a family professional; the circle must stay small; someone must
have decision authority so interventions start right after the meeting; the 15-minute
pre-meeting is for professionals only; a fixed coordinator leads the day. This module turns those
sentences into findings (domain/findings.py) that a screen, the CLI (`roster check`) and the
day view can show; domain/roster_suggest.py proposes a first roster that meets them.

It is pure: plain frozen dataclasses in, a sorted list of findings out. It knows nothing of
Textual or SQL, so the store builds a `RosterContext` from its rows and every rule is unit- and
property-tested without a terminal or a database.

Decisions on the model's open points (kept here so the code and the reasoning travel together):

* "In the meeting" means part `meeting` or `both`. The `missing-*` rules count everyone *listed*
  for the meeting whatever their attendance: they are on the roster. A listed person who declined
  or is absent is reported by `required-absent` instead, so one problem gives one finding.
* `required-absent` fires for a need (citizen, caseworker, job broker, health or family
  professional) only when *nobody* listed for the meeting who meets that need is expected to come;
  a declined nurse beside a confirmed psychologist is not an error. It names each declined or
  absent person who would have met the need.
* Only professionals meet profession needs and only professionals count as decision authority:
  a network person who happens to be a nurse attends as the citizen's relative, not for the
  health centre. Network persons do count toward the size of the circle.
* The circle size and decision authority count people expected in the room: listed for the
  meeting and not declined or absent (those are the people the citizen faces).
* Double booking compares this case's whole slot (pre-meeting start to meeting end) with other
  booked slots; intervals are half-open, so back-to-back slots do not overlap. Declined or absent
  participants are not checked: they are not coming.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from coordinator.domain.findings import SEVERITY_RANK, Finding, Severity
from coordinator.domain.vocab import (
    FAMILY_PROFESSIONS,
    HEALTH_PROFESSIONS,
    Attendance,
    ChallengeKind,
    Part,
    Profession,
    RosterRole,
    profession_label,
)
from coordinator.i18n import _

__all__ = [
    "DEFAULT_MAX_CIRCLE",
    "RULE_CODES",
    "BookedSlot",
    "Participant",
    "RosterContext",
    "check_roster",
]


MISSING_CITIZEN = "missing-citizen"
MISSING_CASEWORKER = "missing-caseworker"
MISSING_JOBBROKER = "missing-jobbroker"
MISSING_HEALTH_PROFESSIONAL = "missing-health-professional"
MISSING_FAMILY_PROFESSIONAL = "missing-family-professional"
CIRCLE_TOO_LARGE = "circle-too-large"
NO_DECISION_AUTHORITY = "no-decision-authority"
CITIZEN_IN_PRE_MEETING = "citizen-in-pre-meeting"
NO_COORDINATOR = "no-coordinator"
DOUBLE_BOOKED = "double-booked"
REQUIRED_ABSENT = "required-absent"

#: Every rule code, in the order findings of equal severity are listed. The codes are a contract:
#: they appear in `roster check --json` and tests match on them; never rename one.
RULE_CODES: tuple[str, ...] = (
    MISSING_CITIZEN,
    MISSING_CASEWORKER,
    MISSING_JOBBROKER,
    MISSING_HEALTH_PROFESSIONAL,
    MISSING_FAMILY_PROFESSIONAL,
    REQUIRED_ABSENT,
    CITIZEN_IN_PRE_MEETING,
    CIRCLE_TOO_LARGE,
    NO_DECISION_AUTHORITY,
    NO_COORDINATOR,
    DOUBLE_BOOKED,
)

#: The default limit on people in the meeting, citizen included: "keep the circle small".
DEFAULT_MAX_CIRCLE = 7

#: Attendance values that mean the person will not be in the room.
_NOT_COMING = frozenset({Attendance.DECLINED, Attendance.ABSENT})


@dataclass(frozen=True)
class Participant:
    """One roster entry of a case, as the rules need it.

    `person_id` is the directory id of a professional (None for the citizen and network persons,
    who are not in the people directory); only needed for double-booking.
    """

    name: str
    role: RosterRole
    part: Part
    attendance: Attendance = Attendance.INVITED
    profession: Profession | None = None
    decision_authority: bool = False
    person_id: int | None = None

    @property
    def in_meeting(self) -> bool:
        """Listed for the meeting (part meeting or both), whatever the attendance."""
        return self.part.in_meeting

    @property
    def coming(self) -> bool:
        """Expected in the room: not declined and not marked absent."""
        return self.attendance not in _NOT_COMING

    @property
    def professional_profession(self) -> Profession | None:
        """The profession this entry brings to the table: only professionals bring one."""
        return self.profession if self.role is RosterRole.PROFESSIONAL else None


@dataclass(frozen=True)
class BookedSlot:
    """A time another case has booked some people for (e.g. a case on another step-up day)."""

    case_id: int
    label: str
    start: datetime
    end: datetime
    person_ids: frozenset[int]

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"slot {self.label!r} ends before it starts")


@dataclass(frozen=True)
class RosterContext:
    """Everything the roster rules look at for one case.

    `slot` is this case's interval (pre-meeting start to meeting end); without it the
    double-booking rule is skipped. `case_id`, when given, lets `other_slots` safely contain this
    case's own slot (it is ignored), so callers can pass a whole day's bookings.
    """

    participants: tuple[Participant, ...]
    challenges: frozenset[ChallengeKind]
    day_has_coordinator: bool = True
    max_circle: int = DEFAULT_MAX_CIRCLE
    slot: tuple[datetime, datetime] | None = None
    other_slots: tuple[BookedSlot, ...] = ()
    case_id: int | None = None

    def __post_init__(self) -> None:
        if self.max_circle < 1:
            raise ValueError("max_circle must be at least 1")
        if self.slot is not None and self.slot[1] <= self.slot[0]:
            raise ValueError("the case's slot ends before it starts")


def _labels(professions: Iterable[Profession]) -> str:
    """Display names of professions in vocabulary order, so messages follow vocab.py."""
    wanted = set(professions)
    return ", ".join(profession_label(p) for p in Profession if p in wanted)


def _finding_key(finding: Finding) -> tuple[int, int, str, str]:
    return (
        SEVERITY_RANK[finding.severity],
        RULE_CODES.index(finding.code),
        finding.subject or "",
        finding.message,
    )


def _sorted(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; within a severity by rule, subject and message,
    so the same roster always gives the same list whatever order its entries come in."""
    return sorted(findings, key=_finding_key)


@dataclass(frozen=True)
class _Need:
    """A kind of person the meeting must have, for the missing-* and required-absent rules."""

    code: str
    severity: Severity
    missing_message: str
    absent_reason: str
    professions: frozenset[Profession] | None = None  # None: the citizen

    def met_by(self, participant: Participant) -> bool:
        if self.professions is None:
            return participant.role is RosterRole.CITIZEN
        return participant.professional_profession in self.professions


def _needs(challenges: frozenset[ChallengeKind]) -> list[_Need]:
    """The people this case's meeting must have; messages built now, in the current language."""
    needs = [
        _Need(
            MISSING_CITIZEN,
            Severity.ERROR,
            _(
                "Add the citizen to the meeting: the citizen is at the centre of every step-up "
                "meeting."
            ),
            _(
                "The meeting is built around the citizen: contact the citizen, or mark the case "
                "as citizen absent."
            ),
        ),
        _Need(
            MISSING_CASEWORKER,
            Severity.ERROR,
            _("Add the case's caseworker to the meeting: the caseworker always takes part."),
            _("The caseworker always takes part: find a substitute caseworker or move the case."),
            frozenset({Profession.CASEWORKER}),
        ),
        _Need(
            MISSING_JOBBROKER,
            Severity.ERROR,
            _(
                "Add the job broker to the meeting: the job broker always takes part and writes "
                "the agreement."
            ),
            _("The job broker always takes part: find a substitute job broker or move the case."),
            frozenset({Profession.JOBBROKER}),
        ),
    ]
    if ChallengeKind.HEALTH in challenges:
        needs.append(
            _Need(
                MISSING_HEALTH_PROFESSIONAL,
                Severity.ERROR,
                _(
                    "Add a health professional to the meeting ({professions}): the case has "
                    "health-related challenges."
                ).format(professions=_labels(HEALTH_PROFESSIONS)),
                _(
                    "A case with health-related challenges needs a health professional: find a "
                    "substitute or move the case."
                ),
                HEALTH_PROFESSIONS,
            )
        )
    if ChallengeKind.FAMILY in challenges:
        needs.append(
            _Need(
                MISSING_FAMILY_PROFESSIONAL,
                Severity.ERROR,
                _(
                    "Add a family professional to the meeting ({professions}): the case has "
                    "family-related challenges."
                ).format(professions=_labels(FAMILY_PROFESSIONS)),
                _(
                    "A case with family-related challenges needs a family professional: find a "
                    "substitute or move the case."
                ),
                FAMILY_PROFESSIONS,
            )
        )
    return needs


def _check_needs(ctx: RosterContext) -> Iterable[Finding]:
    """missing-* when nobody meeting a need is listed for the meeting; required-absent when
    someone is listed but nobody meeting the need is coming."""
    in_meeting = [p for p in ctx.participants if p.in_meeting]
    for need in _needs(ctx.challenges):
        listed = [p for p in in_meeting if need.met_by(p)]
        if not listed:
            yield Finding(need.severity, need.code, need.missing_message)
            continue
        if any(p.coming for p in listed):
            continue
        for person in listed:
            if person.attendance is Attendance.DECLINED:
                status = _("{name} has declined.").format(name=person.name)
            else:
                status = _("{name} is marked absent.").format(name=person.name)
            yield Finding(
                Severity.ERROR, REQUIRED_ABSENT, f"{status} {need.absent_reason}", person.name
            )


def _check_pre_meeting(ctx: RosterContext) -> Iterable[Finding]:
    """The pre-meeting is where professionals tune in without the citizen."""
    for person in ctx.participants:
        if person.role is RosterRole.CITIZEN and person.part.in_pre_meeting:
            yield Finding(
                Severity.ERROR,
                CITIZEN_IN_PRE_MEETING,
                _(
                    "Take the citizen {name} off the pre-meeting: the pre-meeting is for "
                    "professionals only."
                ).format(name=person.name),
                person.name,
            )


def _check_circle(ctx: RosterContext) -> Iterable[Finding]:
    """A big circle exhausts the citizen; count the people who will actually sit there."""
    count = sum(1 for p in ctx.participants if p.in_meeting and p.coming)
    if count > ctx.max_circle:
        yield Finding(
            Severity.WARNING,
            CIRCLE_TOO_LARGE,
            _(
                "The meeting has {count} participants, more than the limit of {limit}: keep the "
                "circle small and invite only those the case needs."
            ).format(count=count, limit=ctx.max_circle),
        )


def _check_authority(ctx: RosterContext) -> Iterable[Finding]:
    """Interventions should start right after the meeting, so someone there must be able to
    decide; only a professional who is coming can."""
    if not any(
        p.in_meeting and p.coming and p.role is RosterRole.PROFESSIONAL and p.decision_authority
        for p in ctx.participants
    ):
        yield Finding(
            Severity.WARNING,
            NO_DECISION_AUTHORITY,
            _(
                "Nobody in the meeting has decision authority: invite someone who can start "
                "interventions right after the meeting."
            ),
        )


def _check_coordinator(ctx: RosterContext) -> Iterable[Finding]:
    """A fixed coordinator summons and leads the meetings of the day."""
    if not ctx.day_has_coordinator:
        yield Finding(
            Severity.WARNING,
            NO_COORDINATOR,
            _("The step-up day has no coordinator: appoint one to summon and lead the meetings."),
        )


def _overlaps(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    """Half-open intervals: a slot ending at 09:30 and one starting at 09:30 do not clash."""
    return a[0] < b[1] and b[0] < a[1]


def _check_double_booking(ctx: RosterContext) -> Iterable[Finding]:
    """A person cannot sit in two meetings at once; name the person and the other case."""
    if ctx.slot is None:
        return
    for person in ctx.participants:
        if person.person_id is None or not person.coming:
            continue
        for other in ctx.other_slots:
            if ctx.case_id is not None and other.case_id == ctx.case_id:
                continue
            if person.person_id in other.person_ids and _overlaps(
                ctx.slot, (other.start, other.end)
            ):
                yield Finding(
                    Severity.WARNING,
                    DOUBLE_BOOKED,
                    _(
                        "{name} is also booked for {other} ({start}–{end}): move one of the "
                        "bookings or find a substitute."
                    ).format(
                        name=person.name,
                        other=other.label,
                        start=other.start.strftime("%H:%M"),
                        end=other.end.strftime("%H:%M"),
                    ),
                    person.name,
                )


def check_roster(ctx: RosterContext) -> list[Finding]:
    """All findings for one case's roster: errors first, then warnings, then info.

    Deterministic: the same context (in any participant order) gives the same list, so the
    roster screen does not flicker and `roster check --json` is stable for scripts.
    """
    findings: list[Finding] = []
    for rule in (
        _check_needs,
        _check_pre_meeting,
        _check_circle,
        _check_authority,
        _check_coordinator,
        _check_double_booking,
    ):
        findings.extend(rule(ctx))
    return _sorted(findings)
