"""The follow-up's pure rules: progress dates, overdue, outcome categories, F.I.T. scores."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator import i18n
from coordinator.domain.followup import (
    AT_WORKPLACE,
    OutcomeCategory,
    ProgressStatus,
    RatingKind,
    days_overdue,
    due_this_week,
    initials,
    needs_attention,
    outcome_problem,
    parse_category,
    parse_progress,
    parse_scores,
    progress_from_item_status,
    progress_problem,
    scores_problem,
)


@pytest.fixture(autouse=True)
def english() -> None:
    """The messages are checked in English (the suite resets to Danish afterwards)."""
    i18n.set_language("en")


MEETING = date(2026, 12, 3)
TODAY = date(2027, 2, 1)  # a Monday


def test_progress_cannot_start_before_the_meeting_or_in_the_future() -> None:
    assert progress_problem(ProgressStatus.STARTED, MEETING, MEETING, TODAY, "") is None
    assert "before the meeting" in progress_problem(
        ProgressStatus.STARTED, MEETING - timedelta(days=1), MEETING, TODAY, ""
    )
    assert progress_problem(ProgressStatus.DONE, TODAY + timedelta(days=1), MEETING, TODAY, "")


def test_a_drop_needs_a_reason() -> None:
    assert progress_problem(ProgressStatus.DROPPED, TODAY, MEETING, TODAY, "  ")
    assert progress_problem(ProgressStatus.DROPPED, TODAY, MEETING, TODAY, "moved away") is None


def test_only_items_not_yet_started_are_overdue() -> None:
    due = date(2027, 1, 20)
    assert days_overdue(due, ProgressStatus.OPEN, TODAY) == 12
    for status in (ProgressStatus.STARTED, ProgressStatus.DONE, ProgressStatus.DROPPED):
        assert days_overdue(due, status, TODAY) == 0
    assert days_overdue(None, ProgressStatus.OPEN, TODAY) == 0
    assert days_overdue(TODAY, ProgressStatus.OPEN, TODAY) == 0


def test_due_this_week_runs_to_sunday() -> None:
    assert due_this_week(TODAY, ProgressStatus.OPEN, TODAY)
    assert due_this_week(date(2027, 2, 7), ProgressStatus.STARTED, TODAY)
    assert not due_this_week(date(2027, 2, 8), ProgressStatus.OPEN, TODAY)
    assert not due_this_week(date(2027, 2, 3), ProgressStatus.DONE, TODAY)
    assert not due_this_week(date(2027, 1, 31), ProgressStatus.OPEN, TODAY)


@given(st.dates(), st.dates(), st.sampled_from(list(ProgressStatus)))
def test_overdue_is_never_negative_and_only_for_open_items(due, today, status) -> None:
    days = days_overdue(due, status, today)
    assert days >= 0
    assert (days > 0) == (status is ProgressStatus.OPEN and due < today)


def test_parsers_say_what_is_allowed() -> None:
    assert parse_progress(" Started ") is ProgressStatus.STARTED
    with pytest.raises(ValueError, match="open, started, done or dropped"):
        parse_progress("finished")
    assert parse_category("flexjob") is OutcomeCategory.FLEXJOB
    with pytest.raises(ValueError, match="wage-subsidy"):
        parse_category("pension")
    assert progress_from_item_status("in-progress") is ProgressStatus.STARTED
    assert progress_from_item_status("done") is ProgressStatus.DONE


def test_at_a_workplace_is_the_four_workplace_categories() -> None:
    assert {c.value for c in AT_WORKPLACE} == {"job", "flexjob", "wage-subsidy", "internship"}


def test_an_outcome_follows_the_meeting() -> None:
    assert outcome_problem(MEETING - timedelta(days=1), MEETING, TODAY)
    assert outcome_problem(TODAY + timedelta(days=1), MEETING, TODAY)
    assert outcome_problem(TODAY, MEETING, TODAY) is None


@pytest.mark.parametrize(
    "text", ["8,9,7", "8,9,7,11", "8,9,-1,7", "a,b,c,d", "8,,9,9", "8.25,9,9,9", "nan,9,9,9"]
)
def test_bad_scores_are_refused(text) -> None:
    with pytest.raises(ValueError):
        parse_scores(text)


def test_scores_and_the_fit_cut_off() -> None:
    assert parse_scores("9, 9.5,8,10") == (9.0, 9.5, 8.0, 10.0)
    assert needs_attention(RatingKind.SESSION, (9, 9, 9, 8.9))
    assert not needs_attention(RatingKind.SESSION, (9, 9, 9, 9))
    assert not needs_attention(RatingKind.OUTCOME, (1, 1, 1, 1))


@given(st.lists(st.integers(0, 100), min_size=4, max_size=4))
def test_every_score_in_tenths_from_0_to_10_is_accepted(tenths) -> None:
    scores = [t / 10 for t in tenths]
    assert scores_problem(scores) is None
    assert parse_scores(",".join(f"{s:g}" for s in scores)) == tuple(scores)


def test_initials() -> None:
    assert initials("Mads  Eriksen") == "M.E."
    assert initials("ali hassan el-sayed") == "A.H.E."
