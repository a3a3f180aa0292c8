"""The app's first screen while the database opens, with today's agenda as soon as it is read.

The store takes most of a second to load (SQLAlchemy, SQLModel, pydantic). This screen is the
day screen's frame (`day_view`), shown at once saying that the database opens; when the first
look (`store.day_glance`, `sqlite3` alone) has read today's day, the same frame shows it, and
the clock ticks. Filling the frame in place costs far less than showing a second screen. Once
the store is open the days list and the day screen go on top, the day screen drawn from the
same look, and the readiness fills in. Nothing here acts on a case: there is no store to act
with yet, so the screen has no keys of its own.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from coordinator.i18n import _
from coordinator.screens.day_status import SummaryLine
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from coordinator.store.day_views import DayModel


class DayGlanceScreen(Screen):
    """The day screen's look, without its keys, until the store is open."""

    # Laid out by screens/day.tcss, which the app loads (see CoordinatorApp.CSS_PATH).

    def __init__(self) -> None:
        super().__init__(id="_default")
        #: Today's day as glanced at, once read (None: opening, or no day today).
        self.model: DayModel | None = None
        self._ticking: Timer | None = None

    def compose(self) -> ComposeResult:
        """The frame's lines; the timer panel and the agenda are added with a glance (the
        first frame is then no heavier than a bare app's)."""
        yield StepUpHeader()
        yield SummaryLine(id="day-top")
        yield StepUpFooter()

    def on_mount(self) -> None:
        if self.model is None:  # a glance may come before the screen's own mount
            self.query_one("#day-summary", Static).update(_("Opening the database…"))

    async def show_glance(self, model: DayModel, painted: threading.Event) -> None:
        """Show the day glanced at; `painted` is set once it is on the terminal (the store's
        loading waits for it, so this frame does not share the processor with that). The
        agenda is drawn as soon as it is mounted: the first frame with it has the day."""
        from coordinator.screens.day_view import day_body

        self.model = model
        self.sub_title = f"{model.date:%d.%m.%Y}"
        summary = self.query_one(SummaryLine)
        summary.show_day(model)
        summary.show_state(busy=False, writing=False, loading=True)
        await self.mount_all(day_body(), before=self.query_one(StepUpFooter))
        self._ticking = self.set_interval(1, self.tick)
        self.tick()
        self.query_one("#agenda").focus()  # its cursor as bright as on the day screen
        self.call_after_refresh(painted.set)

    @property
    def ticking(self) -> bool:
        """The glanced day's clock runs (it stops once the store's screens cover it)."""
        return self._ticking is not None

    def on_screen_suspend(self) -> None:
        """Covered by the days list once the store is open: the clock stops here."""
        if self._ticking is not None:
            self._ticking.stop()
            self._ticking = None

    def on_resize(self) -> None:
        self.tick()

    def tick(self) -> None:
        from coordinator.screens.day_view import draw_day

        if self.model is not None and self._ticking is not None:
            draw_day(self, self.model, self.app.clock.now())  # type: ignore[attr-defined]
