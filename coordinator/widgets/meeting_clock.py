"""A compact meeting clock for the agreement screen: time left, or the overrun in a warning
colour, computed from the app's injected clock so tests and demos control it."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Static

from coordinator.domain.schedule import RunningPhase, running_phase
from coordinator.i18n import _
from coordinator.store.cases import get_case
from coordinator.store.database import Store
from coordinator.store.days import load_day, timing_of
from coordinator.store.errors import StoreError


def _mmss(delta: timedelta) -> str:
    seconds = int(abs(delta.total_seconds()))
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes:02d}:{seconds:02d}"


def clock_text(phase: RunningPhase | None, planned: str, now: datetime) -> tuple[str, bool]:
    """The clock's text and whether it is overrun, for the running phase (or the plan)."""
    if phase is None:
        return planned, False
    left = phase.planned_end - now
    label = _("Meeting") if phase.phase == "meeting" else _("Pre-meeting")
    if left >= timedelta(0):
        return _("{phase}: {time} left").format(phase=label, time=_mmss(left)), False
    return _("{phase}: +{time} overtime").format(phase=label, time=_mmss(left)), True


class MeetingClock(Static):
    """ "Møde: 12:34 tilbage" / "Møde: +03:10 over tid" for one case, updated every second."""

    RELOAD_EVERY = 15  # seconds between re-reading the day (the coordinator may start/end)

    def __init__(self, store: Store, case_id: int, **kwargs) -> None:  # noqa: ANN003
        super().__init__("", **kwargs)
        self.store = store
        self.case_id = case_id
        self.phase: RunningPhase | None = None
        self.planned = ""
        self._ticks = 0

    def on_mount(self) -> None:
        self.reload()
        self.tick()
        self.set_interval(1, self.tick)

    def reload(self) -> None:
        clock = self.app.clock  # type: ignore[attr-defined]
        now = clock.now()
        try:
            view = load_day(self.store, get_case(self.store, self.case_id).day_id, now)
            timings = [timing_of(row.case) for row in view.cases]
            phase = running_phase(view.schedule, timings, now)
            self.phase = phase if phase and phase.case_id == self.case_id else None
            slot = view.slot(self.case_id).predicted_meeting
            self.planned = _("Meeting {start}–{end}").format(
                start=f"{slot.start:%H:%M}", end=f"{slot.end:%H:%M}"
            )
        except (StoreError, ValueError, StopIteration):
            self.phase, self.planned = None, ""

    def tick(self) -> None:
        self._ticks += 1
        if self._ticks % self.RELOAD_EVERY == 0:
            self.reload()
        now = self.app.clock.now()  # type: ignore[attr-defined]
        text, overrun = clock_text(self.phase, self.planned, now)
        self.update(text)
        self.set_class(overrun, "-overrun")
