"""Agreement rules: what blocks finalising, what only warns, and how items are named."""

from __future__ import annotations

import ast
import dataclasses
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator import i18n
from coordinator.domain import agreement_rules
from coordinator.domain.agreement_rules import (
    AgreementDraft,
    ItemDraft,
    Problem,
    Severity,
    can_finalise,
    finalise_problems,
    item_label,
    live_warnings,
)
from coordinator.domain.vocab import ItemKind

MEETING = date(2026, 12, 3)
GOAL = date(2027, 3, 3)

#: The health worked example (STEP-UP.md), fictionalised: the agreement as finalised.
ACCOMPANY = ItemDraft(
    kind=ItemKind.SUPPORT,
    text="Jobformidler følger med de første dage i næste praktik",
    responsible="Jobformidler Mette Holm",
    due=date(2027, 1, 15),
    item_id=11,
)
HEALTH_CASE = AgreementDraft(
    job_goal="Lagermedarbejder",
    goal_date=GOAL,
    citizen_words="Jeg låser, når praktikken skal starte. Jeg tror, det er angst.",
    items=(ACCOMPANY,),
    follow_up_date=date(2027, 1, 29),
)


def draft(*items: ItemDraft, **changes: object) -> AgreementDraft:
    return dataclasses.replace(HEALTH_CASE, items=items, **changes)


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


# --- finalise_problems ------------------------------------------------------------------------


def test_the_health_worked_example_can_finalise() -> None:
    assert finalise_problems(HEALTH_CASE) == []
    assert can_finalise(HEALTH_CASE)
    assert live_warnings(HEALTH_CASE, today=MEETING) == []


def test_no_items_blocks() -> None:
    problems = finalise_problems(draft())
    assert codes(problems) == ["no-items"]
    assert problems[0].severity is Severity.ERROR
    assert problems[0].item_index is None
    assert not can_finalise(draft())


def test_no_goal_date_blocks() -> None:
    problems = finalise_problems(draft(ACCOMPANY, goal_date=None))
    assert codes(problems) == ["no-goal-date"]
    assert not can_finalise(draft(ACCOMPANY, goal_date=None))


@pytest.mark.parametrize(
    ("changes", "code", "danish"),
    [
        ({"text": "  "}, "item-no-text", "Støtte 1: skriv hvad der skal ske"),
        ({"responsible": ""}, "item-no-responsible", "Støtte 1: tilføj hvem der er ansvarlig"),
        ({"due": None}, "item-no-due", "Støtte 1: tilføj hvornår det skal ske"),
    ],
)
def test_each_missing_item_field_blocks(changes: dict, code: str, danish: str) -> None:
    item = dataclasses.replace(ACCOMPANY, **changes)
    problems = finalise_problems(draft(item))
    assert problems == [Problem(Severity.ERROR, code, danish, item_id=11, item_index=0)]
    assert not can_finalise(draft(item))


def test_an_item_missing_everything_but_text_lists_each_gap_in_order() -> None:
    item = ItemDraft(ItemKind.ACCOMMODATION, "Nedsat tid de første to uger")
    assert codes(finalise_problems(draft(item))) == ["item-no-responsible", "item-no-due"]


def test_blank_rows_are_ignored() -> None:
    blank = ItemDraft(ItemKind.SUPPORT, "", "  ", None)
    assert blank.is_blank
    assert finalise_problems(draft(ACCOMPANY, blank)) == []
    assert can_finalise(draft(blank, ACCOMPANY, blank))
    assert live_warnings(draft(ACCOMPANY, blank), today=MEETING) == []
    # ...and a blank row alone does not count as an item
    assert codes(finalise_problems(draft(blank))) == ["no-items"]


def test_items_are_named_by_kind_and_number_within_the_kind() -> None:
    blank = ItemDraft(ItemKind.SUPPORT, "")
    no_responsible = ItemDraft(ItemKind.SUPPORT, "Hyppigere opfølgning", due=date(2027, 1, 8))
    accommodation = ItemDraft(ItemKind.ACCOMMODATION, "Kortere dage", due=date(2027, 1, 8))
    problems = finalise_problems(draft(ACCOMPANY, blank, accommodation, no_responsible))
    # the blank row still holds its number, as the editor shows it: the third support row
    assert [(p.message, p.item_index) for p in problems] == [
        ("Hensyn 1: tilføj hvem der er ansvarlig", 2),
        ("Støtte 3: tilføj hvem der er ansvarlig", 3),
    ]


def test_messages_in_english() -> None:
    i18n.set_language("en")
    item = ItemDraft(ItemKind.INTERVENTION, "Fælles møde med skolen og PPR", "PPR-rådgiver")
    assert [p.message for p in finalise_problems(draft(item))] == [
        "Supplementary interventions 1: add by when it should happen"
    ]
    assert item_label(ItemKind.ACTION, 2) == "Other actions 2"


def test_blocking_problems_come_in_a_fixed_order() -> None:
    first = ItemDraft(ItemKind.SUPPORT, "", "Sagsbehandler")
    second = ItemDraft(ItemKind.ACTION, "Ring til lægen")
    problems = finalise_problems(draft(first, second, goal_date=None))
    assert [(p.code, p.item_index) for p in problems] == [
        ("no-goal-date", None),
        ("item-no-text", 0),
        ("item-no-due", 0),
        ("item-no-responsible", 1),
        ("item-no-due", 1),
    ]
    assert finalise_problems(draft(first, second, goal_date=None)) == problems
    assert {p.severity for p in problems} == {Severity.ERROR}


def test_no_goal_date_and_no_items_together() -> None:
    assert codes(finalise_problems(draft(goal_date=None))) == ["no-goal-date", "no-items"]


def test_warnings_never_block() -> None:
    late = dataclasses.replace(ACCOMPANY, due=date(2027, 6, 1))
    the_draft = draft(late, job_goal="")
    assert live_warnings(the_draft, today=date(2027, 7, 1))
    assert can_finalise(the_draft)


# --- live_warnings ----------------------------------------------------------------------------


def test_due_after_goal_warns_with_both_dates() -> None:
    late = dataclasses.replace(ACCOMPANY, due=date(2027, 3, 4))
    warnings = live_warnings(draft(late), today=MEETING)
    assert warnings == [
        Problem(
            Severity.WARNING,
            "due-after-goal",
            "Støtte 1: datoen tors. 4. mar. 2027 ligger efter måldatoen ons. 3. mar. 2027; "
            "ryk den frem eller ret måldatoen",
            item_id=11,
            item_index=0,
        )
    ]


def test_due_on_the_goal_date_is_fine() -> None:
    on_goal = dataclasses.replace(ACCOMPANY, due=GOAL)
    assert live_warnings(draft(on_goal), today=MEETING) == []


def test_due_after_goal_needs_a_goal_date() -> None:
    late = dataclasses.replace(ACCOMPANY, due=date(2030, 1, 1))
    assert live_warnings(draft(late, goal_date=None), today=MEETING) == []


def test_due_in_past_warns_only_before_today() -> None:
    past = dataclasses.replace(ACCOMPANY, due=date(2026, 12, 2))
    assert codes(live_warnings(draft(past), today=MEETING)) == ["due-in-past"]
    today_item = dataclasses.replace(ACCOMPANY, due=MEETING)
    assert live_warnings(draft(today_item), today=MEETING) == []
    # without a clock the past cannot be judged
    assert live_warnings(draft(past)) == []


def test_due_in_past_message_in_english() -> None:
    i18n.set_language("en")
    past = dataclasses.replace(ACCOMPANY, due=date(2026, 12, 2))
    [warning] = live_warnings(draft(past), today=MEETING)
    assert warning.message == "Support 1: the date Wed 2 Dec 2026 has passed; choose a later date"


def test_no_job_goal_warns() -> None:
    for job_goal in ("", "   "):
        warnings = live_warnings(draft(ACCOMPANY, job_goal=job_goal), today=MEETING)
        assert codes(warnings) == ["no-job-goal"]
        assert warnings[0].severity is Severity.WARNING
        assert "jobmål" in warnings[0].message


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"responsible": ""}, "item-no-responsible"),
        ({"due": None}, "item-no-due"),
        ({"text": ""}, "item-no-text"),
    ],
)
def test_missing_item_fields_warn_while_typing(changes: dict, code: str) -> None:
    item = dataclasses.replace(ACCOMPANY, **changes)
    warnings = live_warnings(draft(item), today=MEETING)
    assert [(w.severity, w.code, w.item_id, w.item_index) for w in warnings] == [
        (Severity.WARNING, code, 11, 0)
    ]


def test_live_warnings_come_in_a_fixed_order() -> None:
    no_due = ItemDraft(ItemKind.ACCOMMODATION, "Arbejde stående", "Borgeren")
    past_and_late = ItemDraft(ItemKind.SUPPORT, "", "Mentor", date(2026, 1, 1))
    late = ItemDraft(ItemKind.SUPPORT, "Opfølgning", "Jobformidler", date(2027, 5, 1))
    the_draft = draft(no_due, past_and_late, late, job_goal="", goal_date=date(2025, 12, 1))
    warnings = live_warnings(the_draft, today=MEETING)
    assert [(w.code, w.item_index) for w in warnings] == [
        ("no-job-goal", None),
        ("item-no-due", 0),
        ("item-no-text", 1),
        ("due-in-past", 1),
        ("due-after-goal", 1),
        ("due-after-goal", 2),
    ]
    assert live_warnings(the_draft, today=MEETING) == warnings


def test_every_message_has_a_danish_translation() -> None:
    source = Path(agreement_rules.__file__).read_text(encoding="utf-8")
    messages = [
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "_"
        and isinstance(node.args[0], ast.Constant)
    ]
    assert len(messages) >= 8
    for message in messages:
        if message != "{kind} {number}":  # the same in both languages
            assert i18n.translate(message, "da") != message, message


# --- properties -------------------------------------------------------------------------------

_items = st.builds(
    ItemDraft,
    kind=st.sampled_from(list(ItemKind)),
    text=st.sampled_from(["", " ", "Mentor to timer om ugen"]),
    responsible=st.sampled_from(["", "Borgeren", "Jobformidler"]),
    due=st.one_of(st.none(), st.dates(date(2026, 1, 1), date(2028, 1, 1))),
)
_drafts = st.builds(
    AgreementDraft,
    job_goal=st.sampled_from(["", "Butiksassistent"]),
    goal_date=st.one_of(st.none(), st.dates(date(2026, 6, 1), date(2027, 12, 31))),
    citizen_words=st.just(""),
    items=st.lists(_items, max_size=6).map(tuple),
)


@given(_drafts)
def test_can_finalise_exactly_when_every_used_item_is_complete(the_draft: AgreementDraft) -> None:
    used = [item for item in the_draft.items if not item.is_blank]
    complete = all(item.text.strip() and item.responsible and item.due for item in used)
    expected = bool(used) and complete and the_draft.goal_date is not None
    assert can_finalise(the_draft) is expected
    assert all(p.severity is Severity.ERROR for p in finalise_problems(the_draft))


@given(_drafts, st.dates(date(2026, 1, 1), date(2028, 1, 1)))
def test_findings_point_at_used_rows_only(the_draft: AgreementDraft, today: date) -> None:
    findings = finalise_problems(the_draft) + live_warnings(the_draft, today)
    for finding in findings:
        if finding.item_index is not None:
            assert not the_draft.items[finding.item_index].is_blank
    assert all(w.severity is Severity.WARNING for w in live_warnings(the_draft, today))
