"""The report's charts, drawn by matplotlib without a display (a bare `Figure` renders through
the Agg/SVG canvases; pyplot and its GUI backends are never imported).

Charts read the same suppressed tables as the text (`stats_tables`): a hidden figure is not
drawn, its bar is left out and labelled "<5", so no chart shows what a table hides. Colours
are the Okabe-Ito palette (safe for the common colour-vision deficiencies); labels are in the
report's language.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from matplotlib.figure import Figure

from coordinator.domain.suppression import HIDDEN
from coordinator.export.stats_tables import Table, shown

#: Okabe & Ito (2008): distinguishable with deuteranopia, protanopia and tritanopia.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    figure: Figure

    def svg(self) -> str:
        buffer = io.StringIO()
        self.figure.savefig(buffer, format="svg", bbox_inches="tight")
        text = buffer.getvalue()
        return text[text.index("<svg") :]  # inline: no XML prolog or DOCTYPE

    def png(self, dpi: int = 150) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        return buffer.getvalue()


def _figure(height: float = 2.6) -> Figure:
    figure = Figure(figsize=(6.4, height))
    figure.patch.set_facecolor("white")
    return figure


def _bars(table: Table, value_column: int, percent: bool = False, horizontal: bool = False):  # noqa: ANN202
    """A bar chart of one column; hidden and empty values are labelled, not drawn."""
    figure = _figure(2.2 + 0.25 * len(table.rows) if horizontal else 2.6)
    axes = figure.add_subplot()
    labels = [str(row[0]) for row in table.rows]
    values = [row[value_column] for row in table.rows]
    heights = [
        (v * 100 if percent else v) if isinstance(v, int | float) and v is not HIDDEN else 0
        for v in values
    ]
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(labels))]
    draw = axes.barh if horizontal else axes.bar
    bars = draw(labels, heights, color=colours)
    for bar, value in zip(bars, values, strict=True):
        text = shown(value, percent)
        if horizontal:
            axes.annotate(
                text,
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        else:
            axes.annotate(
                text,
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=8,
            )
    if horizontal:
        axes.invert_yaxis()
        axes.set_xlim(0, 110 if percent else max([1, *heights]) * 1.15)
    else:
        axes.set_ylim(0, max([1, *heights]) * 1.15)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=8)
    if not horizontal:
        for label in axes.get_xticklabels():
            label.set_rotation(20)
            label.set_horizontalalignment("right")
    axes.set_title(table.title, fontsize=10, loc="left")
    return figure


def _line(table: Table) -> Figure:
    figure = _figure()
    axes = figure.add_subplot()
    months = [str(row[0]) for row in table.rows]
    values = [row[1] if isinstance(row[1], int) else None for row in table.rows]
    axes.plot(
        months,
        [v if v is not None else float("nan") for v in values],
        marker="o",
        color=PALETTE[0],
    )
    for month, value in zip(months, values, strict=True):
        if value is None:
            axes.annotate(HIDDEN, (month, 0), fontsize=8, ha="center")
    step = max(1, len(months) // 12)
    axes.set_xticks(range(0, len(months), step), months[::step], rotation=30, fontsize=8)
    axes.set_ylim(bottom=0)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(table.title, fontsize=10, loc="left")
    return figure


def report_charts(tables: list[Table]) -> list[Chart]:
    """One chart per table that has something to draw."""
    by_key = {t.key: t for t in tables}
    plan = (
        ("sager", lambda t: _bars(t, 1)),
        ("plads", lambda t: _bars(t, 3)),
        ("fremmoede", lambda t: _bars(t, 1, percent=True, horizontal=True)),
        ("maal", lambda t: _bars(t, 4, percent=True)),
        ("indsatser", lambda t: _bars(t, 1)),
        ("maaned", _line),
    )
    return [
        Chart(key, by_key[key].title, make(by_key[key])) for key, make in plan if by_key[key].rows
    ]
