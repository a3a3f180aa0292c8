"""A small terminal plot for one statistics figure (textual-plotext): bars or a line, beside
the figure's numbers on the statistics screen. Values that are None (no data) are left out."""

from __future__ import annotations

from collections.abc import Sequence

from textual_plotext import PlotextPlot


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
        if pairs:
            self.plt.bar(
                [label for label, _v in pairs],
                [value for _l, value in pairs],
                orientation="horizontal" if horizontal else "vertical",
                width=0.4,
            )
            highest = max(value for _l, value in pairs)
            top = upper if upper is not None else max(1.0, highest * 1.15)
            (self.plt.xlim if horizontal else self.plt.ylim)(0, top)
        self.refresh()

    def line(self, labels: Sequence[str], values: Sequence[float]) -> None:
        self._reset()
        if values:
            positions = list(range(len(values)))
            self.plt.plot(positions, list(values), marker="dot")
            step = max(1, len(labels) // 6)
            self.plt.xticks(positions[::step], list(labels)[::step])
            self.plt.ylim(0, max(values) * 1.1 or 1)
        self.refresh()
