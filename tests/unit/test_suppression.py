"""The small-number rule: nothing shown for others reveals a group of 1 to 4, directly or by
subtraction."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coordinator.domain.statistics import percentile
from coordinator.domain.suppression import Suppressor, is_small, merge_small_groups


def test_small_counts_are_hidden_and_recorded() -> None:
    s = Suppressor()
    assert s.count("a", 4) is None and s.count("b", 5) == 5 and s.count("c", 0) == 0
    assert s.hidden == ["a"] and s.suppressed


def test_the_coordinators_view_hides_nothing() -> None:
    s = Suppressor(active=False)
    assert s.count("a", 1) == 1 and s.share("b", 1, 3) == 0.333 and not s.suppressed


def test_a_share_from_a_small_count_or_a_small_rest_is_hidden() -> None:
    s = Suppressor()
    assert s.share("x", 3, 100) is None  # small numerator
    assert s.share("x", 9, 10) is None  # one did not: the rest is small
    assert s.share("x", 5, 10) == 0.5
    assert s.share("x", 0, 0) is None  # nothing to divide by: no data


@given(st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 40), min_size=1))
def test_a_partition_never_gives_back_a_hidden_cell(cells: dict[str, int]) -> None:
    shown = Suppressor().partition(cells)
    hidden = [k for k, v in shown.items() if v is None]
    assert all(v is None or not is_small(v) for v in shown.values())
    # knowing the whole and the shown cells, a lone hidden non-zero cell would be derivable
    # (unless the whole is small itself, and so hidden too)
    lone = len([k for k in hidden if cells[k] > 0]) == 1
    assert not lone or is_small(sum(cells.values()))


def test_small_reason_groups_are_folded_into_one_row() -> None:
    groups = [("Syg", 7), ("Flyttet", 1), ("Glemte", 2)]
    assert merge_small_groups(groups, "Andre") == [("Syg", 7), ("Andre", 3)]


def test_percentile_interpolates_like_percentile_cont() -> None:
    assert percentile([], 0.5) is None
    assert percentile([5.0, 10.0, 25.0], 0.5) == 10.0
    assert percentile([5.0, 10.0, 25.0], 0.9) == 22.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
