"""SQLModel tables: the whole data model of DESIGN.md.

The schema is owned by the Alembic migrations in `store/migrations`; these classes describe it
and a unit test proves the newest migration and these classes agree. Enumerated values are
stored as their string ids from `domain.vocab` (plain VARCHAR: readable in the database, and no
database-specific enum types to migrate). Datetimes are naive local wall-clock times
(`NaiveDatetime`: SQLModel would otherwise demand time zones, and a step-up day happens in one
room on one wall clock).
"""

from __future__ import annotations

import datetime as dt

from pydantic import NaiveDatetime
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, relationship
from sqlmodel import Field, Relationship, SQLModel

from coordinator.domain.vocab import ChallengeKind
from coordinator.store.day_views import challenge_kinds

#: Optimistic locking for a table a person edits: SQLAlchemy adds `AND row_version = <the one
#: read>` to every UPDATE and DELETE of the row and raises `StaleDataError` when no row matched
#: (the store says `Conflict`), so the check and the write are one atomic statement on both
#: engines; a lost update is impossible even between two laptops. The version goes up by one
#: with each write.
VERSIONED = declared_attr(lambda cls: {"version_id_col": cls.__table__.c.row_version})
#: The same check where the store sets the next version itself (the agreement and its items,
#: whose versions the editor compares field by field).
VERSIONED_BY_HAND = declared_attr(
    lambda cls: {"version_id_col": cls.__table__.c.row_version, "version_id_generator": False}
)


class Person(SQLModel, table=True):
    """A professional in the municipality's directory (not the citizen)."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    profession: str = Field(index=True)
    department: str = ""
    email: str = ""
    phone: str = ""
    decision_authority: bool = False
    #: The department's fixed step-up attendee (as in Faxe: one named person per department).
    fixed_representative: bool = False
    active: bool = True
    created_at: NaiveDatetime
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED


class Citizen(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    #: Normalised `DDMMYY-SSSS`, or None; always shown masked.
    cpr: str | None = None
    email: str = ""
    phone: str = ""
    address: str = ""
    #: When the citizen's personal data was erased (store/erasure.py); the row stays, blank,
    #: so the anonymous counts of their cases still add up.
    erased_at: NaiveDatetime | None = None
    created_at: NaiveDatetime
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED


class Consent(SQLModel, table=True):
    """What a citizen agreed to share and with whom: one row per citizen, changed in place
    (the audit trail keeps the history of changes, without the scope's wording)."""

    id: int | None = Field(default=None, primary_key=True)
    citizen_id: int = Field(foreign_key="citizen.id", unique=True, ondelete="CASCADE")
    given_on: dt.date | None = None
    #: Which professions/departments may share what, in the coordinator's words.
    scope: str = ""
    withdrawn_on: dt.date | None = None
    created_at: NaiveDatetime
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED


class StepUpDay(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    start_time: dt.time
    pre_minutes: int = 15
    meeting_minutes: int = 45
    location: str = ""
    coordinator_id: int | None = Field(default=None, foreign_key="person.id")
    status: str = "planned"
    #: `fixed` (cases move past the break) or `floating` (the break moves with an overrun, up to
    #: each break's latest start); see domain.breaks. New days float; days stored before the
    #: policy existed keep the fixed breaks they were planned with.
    break_policy: str = "floating"
    created_at: NaiveDatetime
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED


class DayBreak(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="stepupday.id", index=True, ondelete="CASCADE")
    start: dt.time
    end: dt.time
    label: str = ""
    #: A floating break never starts later than this (None: it floats as far as the day needs).
    latest_start: dt.time | None = None


class Case(SQLModel, table=True):
    """One agenda slot of a day: a citizen's pre-meeting and meeting."""

    id: int | None = Field(default=None, primary_key=True)
    day_id: int = Field(foreign_key="stepupday.id", index=True)
    position: int
    citizen_id: int = Field(foreign_key="citizen.id", index=True)
    problem_statement: str = ""
    trigger: str = ""
    conversation_number: int = 1
    #: Indexed: the follow-up's agreements in force look for later conversations (0010).
    previous_case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    jobbroker_id: int | None = Field(default=None, foreign_key="person.id")
    caseworker_id: int | None = Field(default=None, foreign_key="person.id")
    #: A shorter or longer meeting than the day's default (e.g. a short second conversation).
    meeting_minutes: int | None = None
    #: Frozen planned start once participants are invited; None = follows the agenda.
    planned_start: NaiveDatetime | None = None
    #: The start participants were first invited to, once the case has been pulled forward:
    #: the agenda shows the change until they have been told (it stays as a record).
    moved_from: NaiveDatetime | None = None
    #: Indexed: the app opens on a running day, found by its cases' status (0010).
    status: str = Field(default="planned", index=True)
    #: Why the citizen was absent or the case cancelled (the seeds: find out why).
    status_reason: str = ""
    pre_started_at: NaiveDatetime | None = None
    meeting_started_at: NaiveDatetime | None = None
    ended_at: NaiveDatetime | None = None
    created_at: NaiveDatetime
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED

    #: One row per challenge kind, loaded with the case (a second SELECT for all cases of a
    #: query), so `challenge_kinds` also works on rows read in a session that has closed.
    challenge_rows: Mapped[list[CaseChallenge]] = Relationship(
        sa_relationship=relationship(
            "CaseChallenge",
            lazy="selectin",
            cascade="all, delete-orphan",
            passive_deletes=True,
        )
    )

    @property
    def challenge_kinds(self) -> tuple[ChallengeKind, ...]:
        """The case's challenge kinds, in the vocabulary's order: the one reader of how they
        are stored."""
        return challenge_kinds(row.kind for row in self.challenge_rows)


class CaseChallenge(SQLModel, table=True):
    """One challenge kind of a case (health, family, other): a row each, so statistics can
    group cases by kind in SQL."""

    case_id: int = Field(foreign_key="case.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(primary_key=True)


class Referral(SQLModel, table=True):
    """A citizen referred to a step-up, waiting in the queue for a slot on a day."""

    id: int | None = Field(default=None, primary_key=True)
    citizen_id: int = Field(foreign_key="citizen.id", index=True)
    referred_by_id: int | None = Field(default=None, foreign_key="person.id")
    reason: str = ""
    urgent: bool = False
    referred_on: dt.date
    #: waiting / planned / withdrawn (domain.vocab.ReferralStatus).
    status: str = Field(default="waiting", index=True)
    #: The case the referral became once planned onto a day.
    case_id: int | None = Field(default=None, foreign_key="case.id", ondelete="SET NULL")
    created_at: NaiveDatetime
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED

    challenge_rows: Mapped[list[ReferralChallenge]] = Relationship(
        sa_relationship=relationship(
            "ReferralChallenge",
            lazy="selectin",
            cascade="all, delete-orphan",
            passive_deletes=True,
        )
    )

    @property
    def challenge_kinds(self) -> tuple[ChallengeKind, ...]:
        return challenge_kinds(row.kind for row in self.challenge_rows)


class ReferralChallenge(SQLModel, table=True):
    """One challenge kind of a referral, as for cases (carried over when it is planned)."""

    referral_id: int = Field(foreign_key="referral.id", primary_key=True, ondelete="CASCADE")
    kind: str = Field(primary_key=True)


class RosterEntry(SQLModel, table=True):
    """A participant of a case: a professional, the citizen, or a network person by name."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    role: str = "professional"
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    #: For network persons (and a snapshot of the name for everyone else).
    name: str = ""
    relation: str = ""
    part: str = "both"
    attendance: str = "invited"
    created_at: NaiveDatetime
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED


class Preparation(SQLModel, table=True):
    """The preparation form (forberedelsesskema) of a case, page 1 being the status overview."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", unique=True, ondelete="CASCADE")
    # Why a step-up: what was tried, who decided, when.
    tried: str = ""
    decided_by: str = ""
    decided_on: dt.date | None = None
    main_problem: str = ""
    # The four questions of the talk with the citizen (STEP-UP.md), the citizen's answers.
    answer_reason: str = ""
    answer_situations: str = ""
    answer_goals: str = ""
    answer_plan_ideas: str = ""
    # Status overview.
    benefit: str = ""
    time_on_benefit: str = ""
    current_interventions: str = ""
    earlier_interventions: str = ""
    health: str = ""
    family_situation: str = ""
    authority_contacts: str = ""
    network: str = ""
    job_goal: str = ""
    completed: bool = False
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED


class MaterialItem(SQLModel, table=True):
    """One line of the material checklist: preparation form, Min Plan, CV, job goal, other."""

    __table_args__ = (UniqueConstraint("case_id", "kind", "label"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    kind: str
    label: str = ""
    ready: bool = False
    file_ref: str = ""
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED


class Agreement(SQLModel, table=True):
    """One version of a case's agreement document. Reopening a final one makes a new version."""

    __table_args__ = (UniqueConstraint("case_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    version: int = 1
    status: str = "draft"
    job_goal: str = ""
    goal_date: dt.date | None = None
    #: Why the goal date is more than three months after the meeting (recorded, not required).
    goal_reason: str = ""
    citizen_words: str = ""
    notes: str = ""
    follow_up_date: dt.date | None = None
    follow_up_contact: str = ""
    author_id: int | None = Field(default=None, foreign_key="person.id")
    author_name: str = ""
    finalised_at: NaiveDatetime | None = None
    #: Optimistic concurrency: bumped on every write; a writer holding an older value is told.
    row_version: int = 1
    __mapper_args__ = VERSIONED_BY_HAND
    created_at: NaiveDatetime
    updated_at: NaiveDatetime


class AgreementItem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="agreement.id", index=True, ondelete="CASCADE")
    kind: str
    position: int = 0
    text: str = ""
    responsible_kind: str = "person"
    responsible_person_id: int | None = Field(default=None, foreign_key="person.id")
    responsible_text: str = ""
    #: Indexed: the follow-up list's page walks the items by due date (migration 0011).
    due: dt.date | None = Field(default=None, index=True)
    status: str = "open"
    #: The item this one was carried from (a new version, or a second conversation): the id
    #: of the first row of its line, so progress follows the item; None on the first row.
    #: An item's stable id is `lineage_id or id` (`store.progress.lineage_of`).
    lineage_id: int | None = Field(default=None, index=True)
    row_version: int = 1
    __mapper_args__ = VERSIONED_BY_HAND
    created_at: NaiveDatetime
    updated_at: NaiveDatetime


class AuditEvent(SQLModel, table=True):
    """Who changed what and when. Never holds the sensitive values themselves."""

    id: int | None = Field(default=None, primary_key=True)
    at: NaiveDatetime = Field(index=True)
    actor: str = ""
    action: str
    entity: str
    entity_id: int | None = None
    detail: str = ""
    #: The citizen the event is about (reads, exports, changes of their case), for the
    #: citizen's insight; no foreign key, so the trail outlives nothing it should not.
    citizen_id: int | None = Field(default=None, index=True)
    #: Where an export was written (the file's path): purge lists the ones still there.
    path: str = ""


class Setting(SQLModel, table=True):
    """Key/value settings kept with the data (letterhead, circle limit, templates folder)."""

    key: str = Field(primary_key=True)
    value: str = ""


class ItemProgress(SQLModel, table=True):
    """One event in an agreement item's life after the meeting (started, done, dropped, a
    note): a history beside the final agreement's wording, never an overwrite of it."""

    id: int | None = Field(default=None, primary_key=True)
    #: The row (of a final agreement) the event was recorded on.
    item_id: int = Field(foreign_key="agreementitem.id", index=True, ondelete="CASCADE")
    #: The item's stable id across versions and conversations (see AgreementItem.lineage_id).
    lineage_id: int = Field(index=True)
    status: str
    #: The day the status took effect (the day it actually started, was done, was dropped).
    effective_on: dt.date
    note: str = ""
    recorded_by: str = ""
    recorded_at: NaiveDatetime


class Outcome(SQLModel, table=True):
    """The three-month follow-up of a case: where the citizen is, and whether the problem
    discussed was taken care of."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", unique=True, ondelete="CASCADE")
    recorded_on: dt.date
    category: str
    at_workplace: bool = False
    problem_solved: str | None = None
    note: str = ""
    recorded_by: str = ""
    created_at: NaiveDatetime
    updated_at: NaiveDatetime
    row_version: int = 1
    __mapper_args__ = VERSIONED


class Rating(SQLModel, table=True):
    """A F.I.T. rating by the citizen: four scores 0-10 (the scales depend on the kind,
    `domain.followup.SCALES`); only the numbers, never the questionnaire's text."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    kind: str
    rated_on: dt.date
    score_1: float
    score_2: float
    score_3: float
    score_4: float
    recorded_by: str = ""
    created_at: NaiveDatetime


class InvitationState(SQLModel, table=True):
    """What the participants were last sent for one part of a case (its time, place and
    status as a fingerprint) and the calendar SEQUENCE it went out with: the next export
    raises SEQUENCE only when the meeting itself changed, so a calendar takes a moved or
    cancelled meeting as newer and an unchanged one as the same."""

    case_id: int = Field(foreign_key="case.id", primary_key=True, ondelete="CASCADE")
    part: str = Field(primary_key=True)
    fingerprint: str = ""
    sequence: int = 0
    updated_at: NaiveDatetime


class MaterialSent(SQLModel, table=True):
    """The meeting material of a case went out: when, and to whom (names as typed)."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True, ondelete="CASCADE")
    sent_at: NaiveDatetime
    recipients: str = ""
    actor: str = ""
