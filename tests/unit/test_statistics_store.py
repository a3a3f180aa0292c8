"""The statistics against figures worked out by hand (tests/unit/stats_fixture.py), on both
engines, and the odd data: no held meetings, a day with every case cancelled, a case without a
roster, outcomes not yet due."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator.domain.statistics import stats_json
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.statistics import statistics
from tests.unit.stats_fixture import END, EXPECTED, START, build

pytestmark = pytest.mark.both_engines


@pytest.fixture
def store(db_url: str, clock) -> Store:  # noqa: ANN001
    opened = Store.open(db_url, clock=clock)
    yield opened
    opened.close()


def test_figures_match_the_hand_computed_ones(store: Store) -> None:
    build(store)
    doc = stats_json(statistics(store, START, END))
    assert doc["from"] == "2026-06-01" and doc["to"] == "2026-12-03"
    assert doc["days"] == EXPECTED["days"]
    assert doc["days_planned"] == EXPECTED["days_planned"]
    for key, value in EXPECTED["cases"].items():
        assert doc["cases"][key] == value, key
    assert doc["cases"]["not_yet"] == EXPECTED["not_yet"]
    reasons = {
        status: [(r["reason"], r["count"]) for r in found]
        for status, found in doc["cases"]["reasons"].items()
    }
    assert reasons == EXPECTED["reasons"]
    over = doc["overrun_minutes"]
    for key, value in EXPECTED["overrun"].items():
        assert over[key] == pytest.approx(value), key
    positions = {
        p["position"]: (p["meetings"], p["ran_over"], p["mean_minutes"])
        for p in over["by_position"]
    }
    assert positions == pytest.approx(EXPECTED["by_position"])
    assert doc["attendance_by_profession"] == pytest.approx(EXPECTED["attendance"])
    for key, value in EXPECTED["goal"].items():
        assert doc["goal"][key] == value, key
    assert doc["goal"]["problem_solved"] == {"yes": 0, "partly": 1, "no": 0}
    by_kind = doc["goal"]["by_challenge"]
    for kind in ("health", "family"):
        for key, value in EXPECTED[f"goal_{kind}"].items():
            assert by_kind[kind][key] == value, (kind, key)
    assert by_kind["family"]["rate"] is None  # due, but no outcome recorded: no data
    for key, value in EXPECTED["items"].items():
        assert doc["items"][key] == value, key
    assert doc["items"]["dropped_reasons"] == [{"reason": "Ikke relevant", "count": 1}]
    for key, value in EXPECTED["ratings"].items():
        assert doc["ratings"][key] == pytest.approx(value), key
    assert doc["ratings"]["session_count"] == 3
    assert doc["held_by_month"] == EXPECTED["held_by_month"]
    assert doc["suppressed"] is False


def test_an_empty_period_is_no_data_not_an_error(store: Store) -> None:
    build(store)
    doc = stats_json(statistics(store, date(2020, 1, 1), date(2020, 12, 31)))
    assert doc["days"] == 0 and doc["cases"]["planned"] == 0
    assert doc["overrun_minutes"]["median"] is None
    assert doc["overrun_minutes"]["max"] is None
    assert doc["attendance_by_profession"] == {}
    assert doc["goal"]["rate"] is None
    assert doc["ratings"]["session_mean"] is None
    assert doc["ratings"]["outcome_change_mean"] is None


def test_a_day_with_every_case_cancelled_holds_nothing(store: Store) -> None:
    build(store)
    doc = stats_json(statistics(store, date(2026, 6, 3), date(2026, 6, 3)))
    assert doc["days"] == 0 and doc["days_planned"] == 1
    assert doc["cases"]["cancelled"] == 2 and doc["cases"]["held"] == 0
    assert doc["attendance_by_profession"] == {}
    assert doc["items"]["total"] == 0


def test_a_held_meeting_without_roster_counts_in_the_denominator(store: Store) -> None:
    build(store)
    doc = stats_json(statistics(store, date(2026, 11, 30), date(2026, 11, 30)))
    # C1 (no roster) and C2 (caseworker, job broker): each attended one of two
    assert doc["attendance_by_profession"] == {"caseworker": 0.5, "jobbroker": 0.5}


def test_outcomes_not_yet_due_are_no_data(store: Store) -> None:
    build(store)
    doc = stats_json(statistics(store, date(2026, 11, 1), date(2026, 12, 3)))
    assert doc["goal"]["due"] == 0 and doc["goal"]["rate"] is None
    assert doc["goal"]["by_challenge"] == {}


def test_an_empty_database(store: Store) -> None:
    doc = stats_json(statistics(store, START, END))
    assert doc["cases"]["planned"] == 0 and doc["items"]["total"] == 0


def test_a_period_ending_before_it_starts_is_refused(store: Store) -> None:
    with pytest.raises(Invalid):
        statistics(store, END, START)
