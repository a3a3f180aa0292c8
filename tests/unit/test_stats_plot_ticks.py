"""The statistics plots' value axis: round ticks from 0 past the highest value, few of them, at
an even step of 1, 2, 2.5 or 5 times a power of ten, and whole ticks shown without decimals."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from coordinator.widgets.stats_plot import MOST_TICKS, round_ticks, tick_label

tops = st.floats(min_value=1e-3, max_value=1e7, allow_nan=False, allow_infinity=False)


@given(tops)
def test_ticks_start_at_zero_and_reach_the_top(top: float) -> None:
    ticks = round_ticks(top)
    assert ticks[0] == 0
    assert ticks[-1] >= top * (1 - 1e-9)
    assert 2 <= len(ticks) <= MOST_TICKS


@given(tops)
def test_ticks_are_evenly_spaced_at_a_round_step(top: float) -> None:
    ticks = round_ticks(top)
    step = ticks[1] - ticks[0]
    assert all(
        math.isclose(b - a, step, rel_tol=1e-6) for a, b in zip(ticks, ticks[1:], strict=False)
    )
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 2.5, 5, 10))


@given(tops)
def test_the_last_tick_is_not_far_past_the_top(top: float) -> None:
    """No plot drawn mostly empty: the axis ends within two steps of the highest value."""
    ticks = round_ticks(top)
    assert ticks[-1] - top < 2 * (ticks[1] - ticks[0])


def test_counts_get_whole_ticks() -> None:
    assert round_ticks(1235.1) == [0, 250, 500, 750, 1000, 1250]
    assert round_ticks(5.8) == [0, 2, 4, 6]
    assert round_ticks(100) == [0, 20, 40, 60, 80, 100]
    assert [tick_label(t) for t in round_ticks(2.9)] == ["0", "1", "2", "3"]


def test_small_values_keep_their_decimals() -> None:
    assert [tick_label(t) for t in round_ticks(0.3)] == ["0", "0.1", "0.2", "0.3"]


def test_nothing_to_show_is_an_axis_from_0_to_1() -> None:
    assert round_ticks(0) == [0, 1]
