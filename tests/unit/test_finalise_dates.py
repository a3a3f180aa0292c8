"""Finalising refuses dates before the meeting (issue 21, item 20): a goal date of 01.01.2025
and a due date of 15.1.2020 were finalised with only a warning. A due date already passed but
after the meeting (an agreement finalised late) stays finalisable."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from coordinator.domain.agreement_rules import (
    AgreementDraft,
    ItemDraft,
    can_finalise,
    finalise_problems,
    finalise_warnings,
)
from coordinator.domain.vocab import ItemKind

MEETING = date(2026, 11, 30)


def _draft(goal: date, *dues: date) -> AgreementDraft:
    items = tuple(
        ItemDraft(ItemKind.SUPPORT, f"Punkt {n}", "Sofie", due) for n, due in enumerate(dues)
    )
    return AgreementDraft("Kok", goal, "", items, meeting_date=MEETING)


def test_a_goal_date_before_the_meeting_blocks_finalising() -> None:
    problems = finalise_problems(_draft(date(2025, 1, 1), date(2026, 12, 14), date(2026, 12, 15)))
    assert [(p.code, p.item_index) for p in problems] == [("goal-before-meeting", None)]
    assert "01.01.2025" in problems[0].message


def test_dates_on_or_after_the_meeting_are_fine_even_if_passed_today() -> None:
    assert finalise_problems(_draft(date(2027, 2, 1), MEETING, date(2026, 12, 1))) == []


def test_without_a_meeting_date_nothing_is_measured() -> None:
    draft = AgreementDraft(
        "Kok", date(2025, 1, 1), "", (ItemDraft(ItemKind.SUPPORT, "x", "y", date(2020, 1, 1)),)
    )
    assert finalise_problems(draft) == []


# --- due dates (decided: issue 21, item 20) -----------------------------------------------------


def test_a_due_date_agreed_at_this_meeting_before_it_blocks_finalising() -> None:
    problems = finalise_problems(_draft(date(2027, 2, 1), date(2026, 12, 14), date(2020, 1, 15)))
    assert [(p.code, p.item_index) for p in problems] == [("due-before-meeting", 1)]
    assert "15.01.2020" in problems[0].message and "30.11.2026" in problems[0].message


def test_a_carried_item_with_an_earlier_date_is_a_warning_naming_it() -> None:
    carried = ItemDraft(ItemKind.SUPPORT, "Sofie følger med", "Sofie", date(2026, 11, 2), 7, True)
    draft = AgreementDraft("Kok", date(2027, 2, 1), "", (carried,), meeting_date=MEETING)
    assert finalise_problems(draft) == []
    (warning,) = finalise_warnings(draft)
    assert (warning.code, warning.item_id) == ("carried-past-due", 7)
    assert "02.11.2026" in warning.message
    done = AgreementDraft(
        "Kok", date(2027, 2, 1), "", (replace(carried, done=True),), meeting_date=MEETING
    )
    assert finalise_problems(done) == [] and finalise_warnings(done) == []


_dates = st.dates(date(2019, 1, 1), date(2028, 12, 31))


@given(
    st.lists(st.tuples(st.none() | _dates, st.booleans(), st.booleans()), max_size=6),
    _dates,
)
def test_every_item_dated_before_the_meeting_is_named_once(items, meeting) -> None:
    """For any items: an error for exactly the new, not-done items dated before the meeting;
    a warning for exactly the carried, not-done ones; nothing for the others."""
    drafts = tuple(
        ItemDraft(ItemKind.SUPPORT, f"Punkt {n}", "Sofie", due, n, carried, done)
        for n, (due, carried, done) in enumerate(items)
    )
    draft = AgreementDraft("Kok", meeting, "", drafts, meeting_date=meeting)
    early = {n for n, (due, _c, done) in enumerate(items) if due and due < meeting and not done}
    carried = {n for n, (_d, c, _done) in enumerate(items) if c}
    errors = {p.item_id for p in finalise_problems(draft) if p.code == "due-before-meeting"}
    warned = {p.item_id for p in finalise_warnings(draft) if p.code == "carried-past-due"}
    assert errors == early - carried
    assert warned == early & carried
    assert can_finalise(draft) == (bool(items) and not errors and all(d for d, _c, _x in items))
