"""A case's F.I.T. ratings over time as a small terminal plot (textual-plotext): the session
and outcome totals (0-40) by date, with the F.I.T. cut-off of 36 drawn as a line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual_plotext import PlotextPlot

from coordinator.domain.followup import SESSION_CUTOFF
from coordinator.i18n import _


class RatingCurve(PlotextPlot):
    """Give it `(date, kind, total)` points; it draws one line per kind."""

    DEFAULT_CSS = """
    RatingCurve {
        height: 12;
        min-height: 8;
    }
    """

    def show(self, points: Sequence[tuple[date, str, float]]) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        days = sorted({when for when, _kind, _total in points})
        position = {when: index for index, when in enumerate(days)}
        for kind, label, marker in (
            ("session", _("Session rating"), "dot"),
            ("outcome", _("Outcome rating"), "dot"),
        ):
            mine = [(position[w], total) for w, k, total in points if k == kind]
            if mine:
                plt.plot([x for x, _y in mine], [y for _x, y in mine], label=label, marker=marker)
        if days:
            plt.hline(SESSION_CUTOFF, "red")
            plt.xticks(list(range(len(days))), [d.strftime("%d/%m") for d in days])
            plt.xlim(-0.5, len(days) - 0.5)
        plt.ylim(0, 40)
        plt.yticks([0, 10, 20, 30, 36, 40])
        self.refresh()
