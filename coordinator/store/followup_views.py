"""What the follow-up screens show, read in one go: the list with its counts, one case's
follow-up (items with their history, the outcome, the ratings), and the days screen's
one-line reminder. Plain frozen values; no rows leave here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coordinator.i18n import _, ngettext
from coordinator.store.database import Store
from coordinator.store.errors import NotFound
from coordinator.store.followup import FollowupItem, followup_items
from coordinator.store.models import Case, Citizen, StepUpDay
from coordinator.store.outcomes import OutcomeDue, OutcomeView, outcome_of, outcomes_due
from coordinator.store.ratings import RatingView, ratings_of
from coordinator.store.settings import get_setting, set_setting

#: The person "mine" means on this database (chosen once in the follow-up screen).
ME_SETTING = "followup-me"


@dataclass(frozen=True)
class FollowupList:
    """Everything the follow-up screen lists: every open item in force, or (`view` set) a page
    of one view's items with the counts of all (`store/followup_page.py`)."""

    items: tuple[FollowupItem, ...]
    outcomes_due: tuple[OutcomeDue, ...]
    me: str
    #: The view the items are a page of; None: every item, for any view and filter.
    view: str | None = None
    #: A page's counts: the items of its view, all items, those overdue, the outcomes due.
    matched: int | None = None
    total: int | None = None
    overdue_count: int | None = None
    outcomes_count: int | None = None

    @property
    def overdue(self) -> int:
        if self.overdue_count is not None:
            return self.overdue_count
        return sum(1 for item in self.items if item.overdue)

    @property
    def outcomes(self) -> int:
        return len(self.outcomes_due) if self.outcomes_count is None else self.outcomes_count

    @property
    def all_items(self) -> int:
        return len(self.items) if self.total is None else self.total


@dataclass(frozen=True)
class CaseFollowup:
    """One case after its meeting: its items (closed ones too), outcome and rating curve."""

    case_id: int
    citizen: str
    meeting_date: date
    items: tuple[FollowupItem, ...]
    outcome: OutcomeView | None
    ratings: tuple[RatingView, ...]

    @property
    def flagged(self) -> bool:
        """The newest session rating is below the F.I.T. cut-off."""
        sessions = [r for r in self.ratings if r.kind.value == "session"]
        return bool(sessions) and sessions[-1].flagged


@dataclass(frozen=True)
class Reminder:
    """The days screen's one line: what waits in the follow-up."""

    overdue: int
    outcomes_due: int

    def line(self) -> str:
        if not (self.overdue or self.outcomes_due):
            return ""
        items = ngettext("{n} item overdue", "{n} items overdue", self.overdue)
        outcomes = ngettext("{n} outcome due", "{n} outcomes due", self.outcomes_due)
        return _("{items}, {outcomes} (press f: follow-up)").format(
            items=items.format(n=self.overdue), outcomes=outcomes.format(n=self.outcomes_due)
        )


def followup_list(store: Store, today: date) -> FollowupList:
    return FollowupList(
        items=tuple(followup_items(store, today)),
        outcomes_due=tuple(outcomes_due(store, today)),
        me=get_setting(store, ME_SETTING),
    )


def remember_me(store: Store, name: str) -> None:
    set_setting(store, ME_SETTING, name.strip())


@dataclass(frozen=True)
class FollowupCounts:
    """The items in force still open, those overdue, those due this week, the outcomes due."""

    total: int
    overdue: int
    week: int
    outcomes: int


def followup_counts(store: Store, today: date) -> FollowupCounts:
    """A pass over the items in force and one COUNT, remembered until the database changes
    (`store/memo.py`): the days list's reminder asks at start, the follow-up list on `f`."""
    from coordinator.domain.followup import end_of_week
    from coordinator.store.followup_query import open_counts, outcomes_due_count
    from coordinator.store.memo import remembered

    sunday = end_of_week(today)

    def count() -> FollowupCounts:
        with store.session() as session:
            total, overdue, week = open_counts(session, today, sunday)
            return FollowupCounts(total, overdue, week, outcomes_due_count(session, today))

    return remembered(store, "followup-counts", today, count)


def reminder(store: Store, today: date) -> Reminder:
    """The counts' overdue and outcomes: the days screen asks at start, on a database of any
    size."""
    counts = followup_counts(store, today)
    return Reminder(counts.overdue, counts.outcomes)


def case_followup(store: Store, case_id: int, today: date) -> CaseFollowup:
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        citizen = session.get(Citizen, case.citizen_id)
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
    return CaseFollowup(
        case_id=case_id,
        citizen=citizen.name if citizen else "",
        meeting_date=day.date,
        items=tuple(followup_items(store, today, case_id=case_id, include_closed=True)),
        outcome=outcome_of(store, case_id),
        ratings=tuple(ratings_of(store, case_id)),
    )
