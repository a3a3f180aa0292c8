"""The one registry of the citizen's personal data: which text goes when a citizen is erased.

Every text column of every table is either listed in `PERSONAL` (blanked, or its rows deleted,
for the erased citizen) or in `ANONYMOUS` with the reason it says nothing about a citizen.
`tests/unit/test_personal_data.py` walks the tables and fails on a text column in neither, so a
new table (a referral's reason, a progress note, a rating's comment) cannot silently escape
erasure: its author has to decide here. Erasure (`store/erasure.py`), the citizen's insight
(`store/insight.py`) and retention all read this registry and nothing else.

What stays of an erased citizen is anonymous: the case rows with their day, position, status
and times, challenge kinds, roster roles and attendance by profession, dates and ratings.
"""

from __future__ import annotations

from dataclasses import dataclass

from coordinator.i18n import N_
from coordinator.store.preparation import TEXT_FIELDS as PREPARATION_TEXT_FIELDS


@dataclass(frozen=True)
class Personal:
    """A table holding the citizen's data, and how its rows are found from the citizen.

    `via` is the chain of columns from this table to the citizen's id: each but the last is a
    foreign key to the next table, the last holds the citizen's id (`()`: the citizen table
    itself). `blank` columns are set to "" (or NULL where allowed); `delete_rows` deletes the
    citizen's rows outright (when nothing in them is worth counting)."""

    table: str
    via: tuple[str, ...]
    blank: tuple[str, ...] = ()
    delete_rows: bool = False


PERSONAL: tuple[Personal, ...] = (
    Personal("citizen", (), blank=("name", "cpr", "email", "phone", "address")),
    Personal("consent", ("citizen_id",), delete_rows=True),
    # Why a case was cancelled or the citizen absent is about the citizen (ill, in crisis).
    Personal("case", ("citizen_id",), blank=("problem_statement", "trigger", "status_reason")),
    # A referral waiting in the queue: why the citizen was referred goes, the dates stay.
    Personal("referral", ("citizen_id",), blank=("reason",)),
    # Every free-text field of the preparation form (the form's own list, so a new field is
    # erased without anyone remembering it here).
    Personal("preparation", ("case_id", "citizen_id"), blank=PREPARATION_TEXT_FIELDS),
    # Material lines name documents and file paths of the citizen: nothing to count.
    Personal("materialitem", ("case_id", "citizen_id"), delete_rows=True),
    # The roster keeps role, part and attendance (attendance by profession goes through
    # person_id); the name snapshot and a network person's relation go.
    Personal("rosterentry", ("case_id", "citizen_id"), blank=("name", "relation")),
    Personal(
        "agreement",
        ("case_id", "citizen_id"),
        blank=("job_goal", "citizen_words", "notes", "follow_up_contact", "goal_reason"),
    ),
    Personal(
        "agreementitem",
        ("agreement_id", "case_id", "citizen_id"),
        blank=("text", "responsible_text"),
    ),
    # After the meeting: a progress event keeps its status and dates (items started and done
    # on time are counted), its note goes; the outcome keeps its category, its note goes.
    Personal("itemprogress", ("item_id", "agreement_id", "case_id", "citizen_id"), blank=("note",)),
    Personal("outcome", ("case_id", "citizen_id"), blank=("note",)),
    # Who the material went to can name the citizen's network: the names go, the date stays.
    Personal("materialsent", ("case_id", "citizen_id"), blank=("recipients",)),
    # The trail about the citizen stays (it never holds values), but where their exports were
    # written goes: a file name carries initials, and a chosen path may carry more.
    Personal("auditevent", ("citizen_id",), blank=("path",)),
)

#: What erasure takes, table by table, in words for the confirmation (every PERSONAL table).
TABLE_LABELS: dict[str, str] = {
    "citizen": N_("name, CPR number and contact details"),
    "consent": N_("consent"),
    "case": N_("problem and trigger of the cases"),
    "referral": N_("reasons for referral"),
    "preparation": N_("preparation forms"),
    "materialitem": N_("material and file references"),
    "rosterentry": N_("names of participants and network persons"),
    "agreement": N_("agreement texts"),
    "agreementitem": N_("agreement items"),
    "itemprogress": N_("notes on the progress of items"),
    "outcome": N_("notes on the outcome"),
    "materialsent": N_("who the material was sent to"),
    "auditevent": N_("paths of exported files in the audit trail"),
}

#: Text columns that hold nothing about a citizen, each with the reason.
ANONYMOUS: dict[tuple[str, str], str] = {
    ("person", "name"): "a professional in the directory, not a citizen",
    ("person", "profession"): "a professional's profession (attendance by profession)",
    ("person", "department"): "a professional's department",
    ("person", "email"): "a professional's work e-mail",
    ("person", "phone"): "a professional's work phone",
    ("stepupday", "location"): "the meeting room of a day",
    ("stepupday", "status"): "a day's status (vocabulary id)",
    ("daybreak", "label"): "a break's label (lunch)",
    ("case", "status"): "a case's status (vocabulary id): held, absent, cancelled counts",
    ("casechallenge", "kind"): "a challenge kind (vocabulary id): statistics by kind",
    ("rosterentry", "role"): "a participant's role (vocabulary id)",
    ("rosterentry", "part"): "which part a participant attends (vocabulary id)",
    ("rosterentry", "attendance"): "attendance (vocabulary id): attendance by profession",
    ("agreement", "status"): "draft or final (vocabulary id)",
    ("agreement", "author_name"): "the professional who wrote the agreement",
    ("agreementitem", "kind"): "an item's section (vocabulary id)",
    ("agreementitem", "responsible_kind"): "person, citizen or other (vocabulary id)",
    ("agreementitem", "status"): "an item's status (vocabulary id)",
    ("auditevent", "actor"): "the professional's login who acted",
    ("auditevent", "action"): "what was done (a fixed word)",
    ("auditevent", "entity"): "what kind of thing it was done to (a fixed word)",
    ("auditevent", "detail"): "field names and counts, never values (store/audit.py)",
    ("itemprogress", "status"): "an item's progress (vocabulary id): started and done counts",
    ("itemprogress", "recorded_by"): "the professional's login who recorded it",
    ("outcome", "category"): "the three-month outcome (vocabulary id): the goal's statistics",
    ("outcome", "problem_solved"): "yes, partly or no (vocabulary id)",
    ("outcome", "recorded_by"): "the professional's login who recorded it",
    ("rating", "kind"): "session or outcome (vocabulary id); a rating is only numbers",
    ("rating", "recorded_by"): "the professional's login who recorded it",
    ("invitationstate", "part"): "pre-meeting or meeting (vocabulary id)",
    (
        "invitationstate",
        "fingerprint",
    ): "a meeting's time, room and status joined (no names, no text)",
    ("materialsent", "actor"): "the professional's login who sent it",
    ("referral", "status"): "waiting, planned or withdrawn (vocabulary id)",
    ("referralchallenge", "kind"): "a challenge kind (vocabulary id)",
    ("stepupday", "break_policy"): "fixed or floating (vocabulary id)",
    ("setting", "key"): "the job centre's settings",
    ("setting", "value"): "the job centre's settings (letterhead, limits, periods)",
}


def personal_tables() -> dict[str, Personal]:
    return {rule.table: rule for rule in PERSONAL}
