"""What makes an agreement draft ready to finalise, and the warnings shown while it is typed.

The agreement must make concrete "what happens, who is responsible, and when" (STEP-UP.md, the
agreement document). Two kinds of findings serve two moments:

- `finalise_problems`: the *blocking* rules, checked when the broker presses finalise. A final
  agreement goes home with the citizen, so every item needs a text, a responsible and a date,
  there must be at least one item, and there must be a goal date.
- `live_warnings`: *non-blocking* hints shown while typing, so gaps are fixed during the meeting
  while everyone is still at the table rather than discovered at finalise.

Blank rows: an item with no text, no responsible and no date is ignored by both functions. The
editor adds a row the moment the broker presses "new item"; a row never used is not a mistake
in the agreement and is dropped on export, so it must neither block finalising nor count as
"at least one item".

Items are named in messages by their kind's label and their number *within that kind*, counted
in draft order over all rows (blank ones included), because that is how the editor numbers the
rows the broker is looking at ("Støtte 2: tilføj hvem der er ansvarlig"). `item_index` is the
position in `AgreementDraft.items`, for the screen to focus the row.

Findings come in a fixed order: draft-level findings first, in the order of the form (job goal,
goal date, items), then per item in draft order, and within an item text, responsible, date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from coordinator.domain.quickdates import add_months, format_due
from coordinator.domain.vocab import ITEM_KIND_LABELS, ItemKind
from coordinator.i18n import _

__all__ = [
    "AgreementDraft",
    "ItemDraft",
    "Problem",
    "Severity",
    "can_finalise",
    "carried_past_due",
    "finalise_problems",
    "finalise_warnings",
    "goal_needs_reason",
    "item_label",
    "live_warnings",
]


class Severity(StrEnum):
    """How much a finding matters; the values match the `--json` severities of the CLI."""

    ERROR = "error"  # blocks finalising
    WARNING = "warning"  # shown, never blocks


@dataclass(frozen=True)
class ItemDraft:
    """One agreement item as typed so far; any field may still be empty."""

    kind: ItemKind
    text: str
    responsible: str = ""
    due: date | None = None
    item_id: int | None = None
    #: Carried over from an earlier agreement (a first conversation, or a version before a
    #: reopen): its date was agreed then, so a date before this meeting is a warning, not an
    #: error (see `_before_the_meeting`).
    carried: bool = False
    #: Marked done: its date is history and is not measured against the meeting.
    done: bool = False

    @property
    def is_blank(self) -> bool:
        """True for a row that was added but never used (no text, responsible or date)."""
        return not self.text.strip() and not self.responsible.strip() and self.due is None


@dataclass(frozen=True)
class AgreementDraft:
    """The agreement as typed so far: an immutable snapshot the rules can inspect."""

    job_goal: str
    goal_date: date | None
    citizen_words: str
    items: tuple[ItemDraft, ...]
    follow_up_date: date | None = None
    #: Why the goal date is far off (see `goal_needs_reason`).
    goal_reason: str = ""
    #: The meeting's date, which the goal date is measured from (None: not checked).
    meeting_date: date | None = None


#: A goal further than this many months after the meeting needs a reason written down: the
#: model aims at a workplace within three months (STEP-UP.md).
GOAL_MONTHS = 3


@dataclass(frozen=True)
class Problem:
    """One finding: a stable `code` for tests and JSON, a translated `message` for people."""

    severity: Severity
    code: str
    message: str
    item_id: int | None = None
    item_index: int | None = None


def item_label(kind: ItemKind, number: int) -> str:
    """How messages name an item: the kind's translated label and its number, e.g. "Støtte 2"."""
    return _("{kind} {number}").format(kind=_(ITEM_KIND_LABELS[ItemKind(kind)]), number=number)


def _numbered_items(draft: AgreementDraft) -> list[tuple[int, int, ItemDraft]]:
    """(index in draft, number within its kind, item) for every row, blank ones included."""
    seen: dict[ItemKind, int] = {}
    numbered = []
    for index, item in enumerate(draft.items):
        kind = ItemKind(item.kind)
        seen[kind] = seen.get(kind, 0) + 1
        numbered.append((index, seen[kind], item))
    return numbered


def _item_problem(
    severity: Severity, code: str, template: str, index: int, number: int, item: ItemDraft, **extra
) -> Problem:
    message = template.format(item=item_label(item.kind, number), **extra)
    return Problem(severity, code, message, item_id=item.item_id, item_index=index)


def _missing_item_fields(
    severity: Severity, index: int, number: int, item: ItemDraft
) -> list[Problem]:
    """The "what, who, when" gaps of one used row, shared by both checks."""
    found = []
    if not item.text.strip():
        found.append(
            _item_problem(
                severity, "item-no-text", _("{item}: write what will happen"), index, number, item
            )
        )
    if not item.responsible.strip():
        found.append(
            _item_problem(
                severity,
                "item-no-responsible",
                _("{item}: add who is responsible"),
                index,
                number,
                item,
            )
        )
    if item.due is None:
        found.append(
            _item_problem(
                severity,
                "item-no-due",
                _("{item}: add by when it should happen"),
                index,
                number,
                item,
            )
        )
    return found


def finalise_problems(draft: AgreementDraft) -> list[Problem]:
    """The blocking problems (all `Severity.ERROR`) that stop `draft` from being finalised.

    Codes: `no-goal-date`, `no-items`, `goal-before-meeting`, and per used item `item-no-text`,
    `item-no-responsible`, `item-no-due`, `due-before-meeting`. Blank rows are ignored (see the
    module docstring).
    """
    problems: list[Problem] = []
    if draft.goal_date is None:
        problems.append(
            Problem(
                Severity.ERROR,
                "no-goal-date",
                _("Set a goal date: by when the citizen should be at a workplace."),
            )
        )
    used = [entry for entry in _numbered_items(draft) if not entry[2].is_blank]
    if not used:
        problems.append(
            Problem(
                Severity.ERROR,
                "no-items",
                _(
                    "Add at least one item: an accommodation, support, a supplementary "
                    "intervention or another action."
                ),
            )
        )
    for index, number, item in used:
        problems.extend(_missing_item_fields(Severity.ERROR, index, number, item))
    problems.extend(_before_the_meeting(draft, used))
    return problems


def _before_the_meeting(
    draft: AgreementDraft, used: list[tuple[int, int, ItemDraft]]
) -> list[Problem]:
    """A goal date or a due date before the meeting is impossible (a typo: 01.01.2025,
    15.1.2020). Only items agreed at this meeting are measured: an item carried over from an
    earlier agreement kept the date agreed then (`carried_past_due` warns about it), and a done
    item's date is history. A due date already passed but after the meeting (an agreement
    finalised late) is only the live warning `due-in-past`."""
    meeting = draft.meeting_date
    if meeting is None:
        return []
    problems = []
    if draft.goal_date is not None and draft.goal_date < meeting:
        message = _("The goal date {date} is before the meeting ({meeting}).")
        shown = {"date": f"{draft.goal_date:%d.%m.%Y}", "meeting": f"{meeting:%d.%m.%Y}"}
        problems.append(Problem(Severity.ERROR, "goal-before-meeting", message.format(**shown)))
    for index, number, item in used:
        if item.due is not None and item.due < meeting and not (item.carried or item.done):
            problems.append(
                _item_problem(
                    Severity.ERROR,
                    "due-before-meeting",
                    _("{item}: the date {date} is before the meeting ({meeting})."),
                    index,
                    number,
                    item,
                    date=f"{item.due:%d.%m.%Y}",
                    meeting=f"{meeting:%d.%m.%Y}",
                )
            )
    return problems


def carried_past_due(draft: AgreementDraft) -> list[Problem]:
    """Carried-over items (not done) whose date lies before this meeting, each named: a
    warning (code `carried-past-due`), since the date was agreed at an earlier meeting; the
    item needs a new date or to be marked done."""
    meeting = draft.meeting_date
    if meeting is None:
        return []
    return [
        _item_problem(
            Severity.WARNING,
            "carried-past-due",
            _(
                "{item} was carried over with the date {date}, before this meeting: give it a "
                "new date or mark it done."
            ),
            index,
            number,
            item,
            date=f"{item.due:%d.%m.%Y}",
        )
        for index, number, item in _numbered_items(draft)
        if not item.is_blank
        and item.carried
        and not item.done
        and item.due is not None
        and item.due < meeting
    ]


def goal_is_far(goal_date: date | None, meeting_date: date | None) -> bool:
    """True when the goal date is more than `GOAL_MONTHS` after the meeting (unknown dates
    are not far): then the agreement asks why."""
    if goal_date is None or meeting_date is None:
        return False
    return goal_date > add_months(meeting_date, GOAL_MONTHS)


def goal_needs_reason(draft: AgreementDraft) -> bool:
    """True when the goal date is far (`goal_is_far`) and no reason is written: a warning
    (live and at finalise), never a block, since a longer road can be right; the reason is
    kept in the agreement so the follow-up knows why."""
    return goal_is_far(draft.goal_date, draft.meeting_date) and not draft.goal_reason.strip()


def _goal_reason_warning(draft: AgreementDraft) -> list[Problem]:
    if not goal_needs_reason(draft):
        return []
    return [
        Problem(
            Severity.WARNING,
            "goal-needs-reason",
            _(
                "The goal date is more than 3 months after the meeting: "
                "write down why (the goal's reason)."
            ),
        )
    ]


def finalise_warnings(draft: AgreementDraft) -> list[Problem]:
    """What finalising says but lets pass (codes `goal-needs-reason`, `carried-past-due`)."""
    return _goal_reason_warning(draft) + carried_past_due(draft)


def can_finalise(draft: AgreementDraft) -> bool:
    """True when nothing blocks finalising; warnings never do."""
    return not any(problem.severity is Severity.ERROR for problem in finalise_problems(draft))


def live_warnings(draft: AgreementDraft, today: date | None = None) -> list[Problem]:
    """Non-blocking hints (all `Severity.WARNING`) to show while the agreement is typed.

    Codes: `no-job-goal`, and per used item `item-no-text`, `item-no-responsible`,
    `item-no-due` (the same gaps finalise will block on, flagged early), `due-in-past` and
    `due-after-goal`. `today` comes from the app's clock; without it the past-date check is
    skipped, since pure domain code never reads the wall clock. Blank rows are ignored.

    The same as `agreement_warnings` followed by each item's `item_warnings`, which the editor
    calls separately so that a keystroke in one item re-checks that item only.
    """
    warnings = agreement_warnings(draft)
    for index, number, item in _numbered_items(draft):
        warnings.extend(item_warnings(index, number, item, draft.goal_date, today))
    return warnings


def agreement_warnings(draft: AgreementDraft) -> list[Problem]:
    """The live warnings about the agreement's own fields (the job goal, the goal's reason)."""
    warnings: list[Problem] = []
    if not draft.job_goal.strip():
        warnings.append(
            Problem(
                Severity.WARNING,
                "no-job-goal",
                _("Write the citizen's job goal: it is the starting point of the plan."),
            )
        )
    warnings.extend(_goal_reason_warning(draft))
    return warnings


def item_warnings(
    index: int, number: int, item: ItemDraft, goal_date: date | None, today: date | None
) -> list[Problem]:
    """The live warnings of one item: it is `number` of its kind and at `index` of the draft.
    They depend on nothing else, so a caller may keep them until one of these changes."""
    if item.is_blank:
        return []
    warnings = _missing_item_fields(Severity.WARNING, index, number, item)
    if item.due is None:
        return warnings
    if today is not None and item.due < today:
        warnings.append(
            _item_problem(
                Severity.WARNING,
                "due-in-past",
                _("{item}: the date {due} has passed; choose a later date"),
                index,
                number,
                item,
                due=format_due(item.due),
            )
        )
    if goal_date is not None and item.due > goal_date:
        warnings.append(
            _item_problem(
                Severity.WARNING,
                "due-after-goal",
                _(
                    "{item}: the date {due} is after the goal date {goal}; "
                    "move it earlier or change the goal date"
                ),
                index,
                number,
                item,
                due=format_due(item.due),
                goal=format_due(goal_date),
            )
        )
    return warnings
