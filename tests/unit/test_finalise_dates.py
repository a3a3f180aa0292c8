"""Finalising refuses dates before the meeting (issue 21, item 20): a goal date of 01.01.2025
and a due date of 15.1.2020 were finalised with only a warning. A due date already passed but
after the meeting (an agreement finalised late) stays finalisable."""

from __future__ import annotations

from datetime import date

from coordinator.domain.agreement_rules import AgreementDraft, ItemDraft, finalise_problems
from coordinator.domain.vocab import ItemKind

MEETING = date(2026, 11, 30)


def _draft(goal: date, *dues: date) -> AgreementDraft:
    items = tuple(
        ItemDraft(ItemKind.SUPPORT, f"Punkt {n}", "Sofie", due) for n, due in enumerate(dues)
    )
    return AgreementDraft("Kok", goal, "", items, meeting_date=MEETING)


def test_a_goal_date_before_the_meeting_blocks_finalising() -> None:
    problems = finalise_problems(_draft(date(2025, 1, 1), date(2026, 12, 14), date(2020, 1, 15)))
    assert [(p.code, p.item_index) for p in problems] == [("goal-before-meeting", None)]
    assert "01.01.2025" in problems[0].message


def test_dates_on_or_after_the_meeting_are_fine_even_if_passed_today() -> None:
    assert finalise_problems(_draft(date(2027, 2, 1), MEETING, date(2026, 12, 1))) == []


def test_without_a_meeting_date_nothing_is_measured() -> None:
    draft = AgreementDraft(
        "Kok", date(2025, 1, 1), "", (ItemDraft(ItemKind.SUPPORT, "x", "y", date(2020, 1, 1)),)
    )
    assert finalise_problems(draft) == []
