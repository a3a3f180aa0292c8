"""The statistics screen: the steering group's figures for a period, each beside its plot.

The period is typed as from/to (`10/11`, `10.11.2026`, `2026-11-10`), or chosen with `k` (this
quarter) and `y` (the last 12 months). The coordinator sees every number here, small ones too;
the small-number rule applies to what is exported for others (`coordinator export stats`).

The figures are read in a worker (`Loaded`): SQL aggregates, a few quick queries, but a busy
or remote database must never freeze the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, Static

from coordinator.domain.quickdates import QuickDateError, parse_past_date
from coordinator.domain.statistics import Statistics, last_twelve_months, this_quarter
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.screens.stats_text import SECTIONS, Section
from coordinator.store.database import Store
from coordinator.store.errors import StoreError
from coordinator.store.statistics import statistics_remembered
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain
from coordinator.widgets.stats_plot import StatsPlot

#: Seconds between the numbers and their plots: time for the numbers' frame (laid out and
#: painted in some 10 ms) to go out on its own, before the plots are drawn.
PLOTS_AFTER = 0.05


class StatsScreen(AppScreen):
    """Figures for the steering group, with small terminal plots."""

    CSS_PATH = "stats.tcss"
    #: Focused as the screen is composed, before its first frame: focusing it in `on_mount`
    #: moved the focus from the first Input after that frame, restyling the whole body and
    #: laying the screen out again while the figures were being read.
    AUTO_FOCUS = "#stats-body"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="stats.back"),
        Binding("k", "quarter", N_("This quarter"), id="stats.quarter"),
        Binding("y", "year", N_("Last 12 months"), id="stats.year"),
        Binding("slash", "period", N_("Period"), id="stats.period"),
        Binding("ctrl+r", "refresh", N_("Refresh"), id="stats.refresh", show=False),
    ]

    @dataclass
    class Loaded(Message):
        stats: Statistics

    @dataclass
    class LoadFailed(Message):
        message: str

    #: The period shown: the last twelve months by the app's clock, set as the screen is
    #: composed (the clock is the app's), then chosen with k, y or typed.
    start: date
    end: date

    def __init__(self) -> None:
        super().__init__()
        self.stats: Statistics | None = None
        self._loading = True
        #: The figures the plots show (drawn `PLOTS_AFTER` after their numbers).
        self._drawn: Statistics | None = None

    @property
    def settled(self) -> bool:
        """The figures read are shown, plots too (for tests and snapshots)."""
        return not self._loading and self._drawn is self.stats

    @property
    def today(self) -> date:
        return self.clock.now().date()

    def compose(self) -> ComposeResult:
        # The period, the title and the note are given as the widgets are made, not set in
        # `on_mount`: each change after mounting is one more layout of the screen on the event
        # loop while the worker reads, and the worker waits for the event loop (the GIL).
        self.sub_title = _("Statistics")
        self.start, self.end = last_twelve_months(self.today)
        yield StepUpHeader()
        with Horizontal(id="stats-period"):
            yield Label(_("From"))
            yield Input(self.start.isoformat(), id="stats-from", compact=True)
            yield Label(_("To"))
            yield Input(self.end.isoformat(), id="stats-to", compact=True)
            yield Static(_("Reading…"), id="stats-period-note")
        with VerticalScroll(id="stats-body"):
            for section in SECTIONS:
                # The plot joins its numbers once it has something to show (`_plot`): an
                # empty plot costs a full one's drawing, and each widget more is laid out
                # again in every layout on the event loop before the numbers come.
                with Horizontal(id=f"section-{section.key}", classes="stats-section"):
                    yield Static(id=f"stats-{section.key}", classes="stats-numbers")
        yield StepUpFooter()

    def on_mount(self) -> None:
        self._read(self.store, self.start, self.end)

    def _show_period(self) -> None:
        self.query_one("#stats-from", Input).value = self.start.isoformat()
        self.query_one("#stats-to", Input).value = self.end.isoformat()

    def load(self) -> None:
        self._loading = True
        self.query_one("#stats-period-note", Static).update(_("Reading…"))
        self._read(self.store, self.start, self.end)

    @work(thread=True, exclusive=True, group="stats-read")
    def _read(self, store: Store, start: date, end: date) -> None:
        try:
            self.post_message(self.Loaded(statistics_remembered(store, start, end)))
        except StoreError as exc:
            self.post_message(self.LoadFailed(exc.message))

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self._loading = False
        self.query_one("#stats-period-note", Static).update("")
        self.notify(message.message, severity="error", markup=False)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        """The numbers now, the plots once the numbers are on the screen: painting the seven
        plots takes some 25 ms, and the figures need not wait for the pictures."""
        self.stats = message.stats
        note = _("Small numbers are shown here; exports for others hide them.")
        self.query_one("#stats-period-note", Static).update(plain(note))
        for section in SECTIONS:
            self.query_one(f"#stats-{section.key}", Static).update(
                plain(section.text(message.stats))
            )
        self._loading = False
        # A timer, not `call_after_refresh`: that ran before the numbers' frame (the screen is
        # idle before the updated widgets ask it for a layout), so the numbers waited for the
        # plots' painting after all.
        self.set_timer(PLOTS_AFTER, partial(self._draw, message.stats))

    def _draw(self, stats: Statistics) -> None:
        if stats is not self.stats:
            return  # another period was read meanwhile: its own drawing follows
        for section in SECTIONS:
            self._plot(section, stats)
        self._drawn = stats

    def _plot(self, section: Section, stats: Statistics) -> None:
        plots = self.query(f"#plot-{section.key}").results(StatsPlot)
        plot = next(plots, None)
        new = plot is None
        if plot is None:
            plot = StatsPlot(id=f"plot-{section.key}")
        section.draw(plot, stats)
        plot.plt.title(section.title())
        if new:
            self.query_one(f"#section-{section.key}", Horizontal).mount(plot)
        else:
            plot.refresh()

    # --- the period --------------------------------------------------------------------------

    def _choose(self, start: date, end: date) -> None:
        self.start, self.end = start, end
        self._show_period()
        self.load()

    def action_quarter(self) -> None:
        self._choose(*this_quarter(self.today))

    def action_year(self) -> None:
        self._choose(*last_twelve_months(self.today))

    def action_period(self) -> None:
        self.query_one("#stats-from", Input).focus()

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(Input.Submitted)
    def _period_typed(self, event: Input.Submitted) -> None:
        try:
            start = parse_past_date(self.query_one("#stats-from", Input).value, self.today)
            end = parse_past_date(self.query_one("#stats-to", Input).value, self.today)
        except QuickDateError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        start, end = start or self.start, end or self.today
        if end < start:
            self.notify(
                _("The period ends ({end}) before it starts ({start}).").format(
                    end=end.isoformat(), start=start.isoformat()
                ),
                severity="error",
                markup=False,
            )
            return
        if event.input.id == "stats-from":
            self.query_one("#stats-to", Input).focus()
        else:
            self.query_one("#stats-body", VerticalScroll).focus()
        self._choose(start, end)
