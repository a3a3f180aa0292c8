"""What a day screen is made of and how it draws a day at a moment: one place for the day
screen and the first look at today's agenda (`day_glance`), so the two look alike to the cell
and the one can replace the other without a jump."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from coordinator.domain.schedule import running_phase
from coordinator.screens.day_agenda import AgendaTable
from coordinator.screens.day_status import StatusPanel, SummaryLine
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widget import Widget

    from coordinator.store.day_views import DayModel


def day_widgets() -> ComposeResult:
    """The header, the day's summary line, the timer panel, the agenda and the footer (laid
    out by day.tcss)."""
    yield StepUpHeader()
    yield SummaryLine(id="day-top")
    yield from day_body()
    yield StepUpFooter()


def day_body() -> list[Widget]:
    """The timer panel and the agenda, between the summary line and the footer."""
    return [StatusPanel(id="day-status"), AgendaTable(id="agenda")]


def draw_day(screen: Screen, model: DayModel, now: datetime) -> None:
    """Re-predict the day at `now` and redraw the timer panel and the agenda (the agenda only
    where it changed)."""
    schedule = model.schedule(now)
    running = running_phase(schedule, model.timings, now)
    screen.query_one(StatusPanel).show_day(model, schedule, running, now)
    screen.query_one("#agenda", AgendaTable).show_day(
        model, schedule, running, screen.size.width, now
    )
