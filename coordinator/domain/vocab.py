"""The fixed vocabularies of the step-up model, with their display names.

Ids are stable (stored in the database, typed on the command line, used in JSON); display names
are English msgids translated through gettext. Parsers accept the id, the English name or the
Danish name, case-insensitively, because coordinators type what they say.
"""

from __future__ import annotations

from enum import StrEnum

from coordinator.i18n import LANGUAGES, N_, _, translate


class Profession(StrEnum):
    COORDINATOR = "coordinator"
    JOBBROKER = "jobbroker"
    CASEWORKER = "caseworker"
    NURSE = "nurse"
    DOCTOR = "doctor"
    HEALTH_VISITOR = "health-visitor"
    FAMILY_COUNSELLOR = "family-counsellor"
    PPR_ADVISER = "ppr-adviser"
    PSYCHOLOGIST = "psychologist"
    MENTOR = "mentor"
    OTHER = "other"


PROFESSION_LABELS: dict[Profession, str] = {
    Profession.COORDINATOR: N_("Coordinator"),
    Profession.JOBBROKER: N_("Job broker"),
    Profession.CASEWORKER: N_("Caseworker"),
    Profession.NURSE: N_("Nurse"),
    Profession.DOCTOR: N_("Doctor / medical consultant"),
    Profession.HEALTH_VISITOR: N_("Health visitor"),
    Profession.FAMILY_COUNSELLOR: N_("Family counsellor"),
    Profession.PPR_ADVISER: N_("PPR adviser"),
    Profession.PSYCHOLOGIST: N_("Psychologist"),
    Profession.MENTOR: N_("Mentor"),
    Profession.OTHER: N_("Other"),
}

#: Extra names people use for a profession (both languages), beyond the display names.
PROFESSION_ALIASES: dict[str, Profession] = {
    "doctor": Profession.DOCTOR,
    "medical consultant": Profession.DOCTOR,
    "læge": Profession.DOCTOR,
    "lægekonsulent": Profession.DOCTOR,
    "job broker": Profession.JOBBROKER,
    "health visitor": Profession.HEALTH_VISITOR,
    "family counsellor": Profession.FAMILY_COUNSELLOR,
    "family counselor": Profession.FAMILY_COUNSELLOR,
    "ppr": Profession.PPR_ADVISER,
    "mødeleder": Profession.COORDINATOR,
}

#: Professions that satisfy "a health professional in the meeting" (STEP-UP.md).
HEALTH_PROFESSIONS = frozenset(
    {Profession.NURSE, Profession.DOCTOR, Profession.HEALTH_VISITOR, Profession.PSYCHOLOGIST}
)
#: Professions that satisfy "a family professional in the meeting".
FAMILY_PROFESSIONS = frozenset(
    {Profession.FAMILY_COUNSELLOR, Profession.HEALTH_VISITOR, Profession.PPR_ADVISER}
)


class ChallengeKind(StrEnum):
    HEALTH = "health"
    FAMILY = "family"
    OTHER = "other"


CHALLENGE_LABELS: dict[ChallengeKind, str] = {
    ChallengeKind.HEALTH: N_("Health"),
    ChallengeKind.FAMILY: N_("Family"),
    ChallengeKind.OTHER: N_("Other"),
}


class DayStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"


DAY_STATUS_LABELS: dict[DayStatus, str] = {
    DayStatus.PLANNED: N_("Planned"),
    DayStatus.RUNNING: N_("Running"),
    DayStatus.FINISHED: N_("Finished"),
}


class CaseStatus(StrEnum):
    PLANNED = "planned"
    PRE_MEETING = "pre-meeting"
    MEETING = "meeting"
    DONE = "done"
    CANCELLED = "cancelled"
    ABSENT = "absent"
    #: The citizen did not come but the meeting went on without them (the seeds allow it): a
    #: held meeting whose agreement is drafted as usual.
    ABSENT_HELD = "absent-held"


CASE_STATUS_LABELS: dict[CaseStatus, str] = {
    CaseStatus.PLANNED: N_("Planned"),
    CaseStatus.PRE_MEETING: N_("Pre-meeting"),
    CaseStatus.MEETING: N_("Meeting"),
    CaseStatus.DONE: N_("Done"),
    CaseStatus.CANCELLED: N_("Cancelled"),
    CaseStatus.ABSENT: N_("Citizen absent"),
    CaseStatus.ABSENT_HELD: N_("Citizen absent, meeting held"),
}


class ReferralStatus(StrEnum):
    WAITING = "waiting"
    PLANNED = "planned"
    WITHDRAWN = "withdrawn"


REFERRAL_STATUS_LABELS: dict[ReferralStatus, str] = {
    ReferralStatus.WAITING: N_("Waiting"),
    ReferralStatus.PLANNED: N_("Planned"),
    ReferralStatus.WITHDRAWN: N_("Withdrawn"),
}


class Part(StrEnum):
    """Which part of a case a participant attends."""

    PRE = "pre"
    MEETING = "meeting"
    BOTH = "both"

    @property
    def in_pre_meeting(self) -> bool:
        return self in (Part.PRE, Part.BOTH)

    @property
    def in_meeting(self) -> bool:
        return self in (Part.MEETING, Part.BOTH)


PART_LABELS: dict[Part, str] = {
    Part.PRE: N_("Pre-meeting"),
    Part.MEETING: N_("Meeting"),
    Part.BOTH: N_("Both"),
}


class Attendance(StrEnum):
    INVITED = "invited"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    PRESENT = "present"
    ABSENT = "absent"


ATTENDANCE_LABELS: dict[Attendance, str] = {
    Attendance.INVITED: N_("Invited"),
    Attendance.CONFIRMED: N_("Confirmed"),
    Attendance.DECLINED: N_("Declined"),
    Attendance.PRESENT: N_("Present"),
    Attendance.ABSENT: N_("Absent"),
}


class RosterRole(StrEnum):
    """Who a roster entry is: a professional from the directory, the citizen, or a network
    person of the citizen's (named free-form, with a relation)."""

    PROFESSIONAL = "professional"
    CITIZEN = "citizen"
    NETWORK = "network"


class ItemKind(StrEnum):
    ACCOMMODATION = "accommodation"
    SUPPORT = "support"
    INTERVENTION = "intervention"
    ACTION = "action"


ITEM_KIND_LABELS: dict[ItemKind, str] = {
    ItemKind.ACCOMMODATION: N_("Accommodations"),
    ItemKind.SUPPORT: N_("Support"),
    ItemKind.INTERVENTION: N_("Supplementary interventions"),
    ItemKind.ACTION: N_("Other actions"),
}


class ItemStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"


ITEM_STATUS_LABELS: dict[ItemStatus, str] = {
    ItemStatus.OPEN: N_("Open"),
    ItemStatus.IN_PROGRESS: N_("In progress"),
    ItemStatus.DONE: N_("Done"),
}


class ResponsibleKind(StrEnum):
    """Who answers for an agreement item: a professional, the citizen, or someone named freely."""

    PERSON = "person"
    CITIZEN = "citizen"
    OTHER = "other"


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


AGREEMENT_STATUS_LABELS: dict[AgreementStatus, str] = {
    AgreementStatus.DRAFT: N_("Draft"),
    AgreementStatus.FINAL: N_("Final"),
}


class MaterialKind(StrEnum):
    """The meeting material that always goes out before a meeting (STEP-UP.md, point 5)."""

    PREPARATION_FORM = "preparation-form"
    MIN_PLAN = "min-plan"
    CV = "cv"
    JOB_GOAL = "job-goal"
    OTHER = "other"


#: The required preparation fields (`store.preparation.REQUIRED_FIELDS`) as a list of what is
#: still missing names them: short, lower case, to be joined with commas.
PREPARATION_FIELD_LABELS: dict[str, str] = {
    "main_problem": N_("the most important problem"),
    "answer_reason": N_("why the match drags out"),
    "answer_situations": N_("concrete situations"),
    "answer_goals": N_("the citizen's goals"),
    "answer_plan_ideas": N_("ideas for the new plan"),
    "job_goal": N_("the job goal"),
}

MATERIAL_LABELS: dict[MaterialKind, str] = {
    MaterialKind.PREPARATION_FORM: N_("Preparation form"),
    MaterialKind.MIN_PLAN: N_("Min Plan"),
    MaterialKind.CV: N_("CV"),
    MaterialKind.JOB_GOAL: N_("Job goal"),
    MaterialKind.OTHER: N_("Other material"),
}


def profession_label(profession: Profession | str) -> str:
    """The display name of a profession in the current language."""
    return _(PROFESSION_LABELS[Profession(profession)])


def parse_profession(text: str) -> Profession:
    """A profession from its id, or its English or Danish name, case-insensitively.

    Raises ValueError listing the accepted ids when nothing matches.
    """
    wanted = text.strip().casefold()
    for profession in Profession:
        names = {profession.value}
        names.update(translate(PROFESSION_LABELS[profession], lang) for lang in LANGUAGES)
        if wanted in {name.casefold() for name in names}:
            return profession
    if wanted in PROFESSION_ALIASES:
        return PROFESSION_ALIASES[wanted]
    # The names in the user's language (each is accepted, as are the ids).
    accepted = ", ".join(_(PROFESSION_LABELS[p]).lower() for p in Profession)
    raise ValueError(
        _("unknown profession {text!r}; use one of: {accepted}").format(
            text=text, accepted=accepted
        )
    )


def parse_challenge(text: str) -> ChallengeKind:
    """A challenge kind from its id or its English or Danish name."""
    wanted = text.strip().casefold()
    for kind in ChallengeKind:
        names = {kind.value} | {translate(CHALLENGE_LABELS[kind], lang) for lang in LANGUAGES}
        if wanted in {name.casefold() for name in names}:
            return kind
    raise ValueError(
        _("unknown challenge {text!r}; use one of: health, family, other").format(text=text)
    )
