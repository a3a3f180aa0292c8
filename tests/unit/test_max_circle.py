"""The circle limit has one reader: `settings.effective_max_circle` (the job centre's setting,
or the domain's `DEFAULT_MAX_CIRCLE`), and the roster rules get their limit from it."""

from __future__ import annotations

import pytest

from coordinator.store.settings import effective_max_circle

pytestmark = pytest.mark.both_engines


def test_effective_max_circle_without_and_with_a_setting(store) -> None:
    """One reader of the circle limit: the domain's default until the job centre sets one."""
    from coordinator.domain.roster_rules import DEFAULT_MAX_CIRCLE
    from coordinator.store.settings import DEFAULTS, change_setting, set_setting

    assert effective_max_circle(store) == DEFAULT_MAX_CIRCLE
    assert DEFAULTS["max_circle"] == str(DEFAULT_MAX_CIRCLE), "settings show the same default"
    change_setting(store, "max_circle", "4")
    assert effective_max_circle(store) == 4
    with store.session() as session:
        assert effective_max_circle(store, session) == 4
    set_setting(store, "max_circle", "zero")  # stored around the validation: not trusted
    assert effective_max_circle(store) == DEFAULT_MAX_CIRCLE
    set_setting(store, "max_circle", "0")
    assert effective_max_circle(store) == DEFAULT_MAX_CIRCLE


def test_the_roster_rules_use_the_effective_max_circle(store) -> None:
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import DayInput, create_day
    from coordinator.store.roster import add_network_person
    from coordinator.store.roster_checks import check, roster_context
    from coordinator.store.settings import change_setting

    day = create_day(store, DayInput(date=store.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id or 0, citizen="Mads Eriksen")).id or 0
    for name in ("A", "B"):
        add_network_person(store, case_id, name)
    assert roster_context(store, case_id).max_circle == effective_max_circle(store)
    assert "circle-too-large" not in {f.code for f in check(store, case_id)}
    change_setting(store, "max_circle", "2")
    assert roster_context(store, case_id).max_circle == 2
    assert "circle-too-large" in {f.code for f in check(store, case_id)}
