"""A small terminal plot for one statistics figure (textual-plotext): bars or a line, beside
the figure's numbers on the statistics screen. Values that are None (no data) are left out.

The value axis gets round ticks (0, 250, 500, … or 0, 25, 50, 75, 100), not plotext's own
division of the range by the rows it has ("1235.1", "2.9" meetings): the steering group reads
these plots, and a count of meetings with a decimal reads as an error. Horizontal bars (one per
profession) get three rows each, so every bar has its label beside it and a gap to the next,
and the first is at the top, as in the numbers beside the plot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from textual_plotext import PlotextPlot

#: At most this many ticks on the value axis.
MOST_TICKS = 6
#: Rows of a horizontal bar plot that are not bars: its title, frame and value axis.
HORIZONTAL_FRAME_ROWS = 6
#: Rows per horizontal bar: the bar and room between it and the next, so two bars of the same
#: length do not run together into one.
ROWS_PER_BAR = 3


def round_ticks(top: float, most: int = MOST_TICKS) -> list[float]:
    """Ticks from 0 to at least `top` at a step of 1, 2, 2.5 or 5 times a power of ten, no more
    than `most` of them (0 and 1 when there is nothing to show)."""
    if top <= 0:
        return [0.0, 1.0]
    magnitude = 10 ** math.floor(math.log10(top / (most - 1)))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if math.ceil(top / step) + 1 <= most:
            break
    count = math.ceil(round(top / step, 9))
    return [round(i * step, 9) for i in range(count + 1)]


def tick_label(value: float) -> str:
    """12.0 as "12", 2.5 as "2.5": a whole tick shows no decimal."""
    return f"{value:g}"


class StatsPlot(PlotextPlot):
    """`bars(labels, values)` or `line(labels, values)`; redraws on each call."""

    DEFAULT_CSS = """
    StatsPlot {
        height: 12;
        min-height: 8;
        width: 1fr;
    }
    """

    def _reset(self) -> None:
        self.plt.clear_data()
        self.plt.clear_figure()

    def bars(
        self,
        labels: Sequence[str],
        values: Sequence[float | None],
        horizontal: bool = False,
        upper: float | None = None,
    ) -> None:
        self._reset()
        pairs = [
            (label, value) for label, value in zip(labels, values, strict=True) if value is not None
        ]
        if horizontal:
            self.styles.height = max(8, ROWS_PER_BAR * len(pairs) + HORIZONTAL_FRAME_ROWS)
        if pairs:
            drawn = pairs[::-1] if horizontal else pairs  # plotext's first bar is the lowest
            self.plt.bar(
                [label for label, _v in drawn],
                [value for _l, value in drawn],
                orientation="horizontal" if horizontal else "vertical",
                width=0.4,
            )
            highest = max(value for _l, value in pairs)
            ticks = round_ticks(upper if upper is not None else highest)
            (self.plt.xlim if horizontal else self.plt.ylim)(0, ticks[-1])
            (self.plt.xticks if horizontal else self.plt.yticks)(
                ticks, [tick_label(tick) for tick in ticks]
            )
        self.refresh()

    def line(self, labels: Sequence[str], values: Sequence[float]) -> None:
        self._reset()
        if values:
            positions = list(range(len(values)))
            self.plt.plot(positions, list(values), marker="dot")
            step = max(1, len(labels) // 6)
            self.plt.xticks(positions[::step], list(labels)[::step])
            ticks = round_ticks(max(values))
            self.plt.ylim(0, ticks[-1])
            self.plt.yticks(ticks, [tick_label(tick) for tick in ticks])
        self.refresh()
