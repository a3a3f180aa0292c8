"""Who attends a step-up case: the roster rules, and a first roster to suggest.

The step-up model (shared/domain/STEP-UP.md) is strict about attendance: the citizen, the
caseworker and the job broker are always in the meeting; a health case needs a health
professional and a family case a family professional; the circle must stay small; someone must
have decision authority so interventions start right after the meeting; the 15-minute
pre-meeting is for professionals only; a fixed coordinator leads the day. This module turns those
sentences into findings that a screen, the CLI (`roster check`) and the day view can show.

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

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

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
from coordinator.i18n import _, ngettext

__all__ = [
    "NEED_PROFESSIONS",
    "RULE_CODES",
    "BookedSlot",
    "Candidate",
    "Finding",
    "Participant",
    "RosterContext",
    "Severity",
    "Suggestion",
    "check_roster",
    "count_by_severity",
    "counts_text",
    "suggest_roster",
]


class Severity(StrEnum):
    """How bad a finding is: an error must be fixed for a sound meeting, a warning is advice,
    info is a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: Sort rank of each severity: errors first, because those must be fixed before the day.
_SEVERITY_RANK: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

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
class Finding:
    """One thing wrong (or worth knowing) about a roster, with a message that says what to do.

    `message` is already translated into the current language; `subject` is the name of the
    participant the finding is about, so a screen can highlight the row.
    """

    severity: Severity
    code: str
    message: str
    subject: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The JSON shape of `roster check --json` (plus the subject, null when none)."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "subject": self.subject,
        }


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
        _SEVERITY_RANK[finding.severity],
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


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity; every severity is present (zero when none), so a
    status bar can show "0 errors" without special cases."""
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def counts_text(counts: dict[Severity, int], separator: str = " · ") -> str:
    """ "1 error · 2 warnings", in the current language with its plural forms."""
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    return separator.join(
        (
            ngettext("{count} error", "{count} errors", errors).format(count=errors),
            ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        )
    )


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


#: The needs a case can have and the professions that meet each (see the rules above).
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
