"""A compact meeting clock for the agreement screen: time left, or the overrun in a warning
colour, computed from the app's injected clock so tests and demos control it.

The widget knows nothing of the store. The hosting screen gives it a `read` function (called in
a worker thread, never on the event loop) that returns the running phase and the predicted
meeting of its case; the clock calls it once on mount and then on a slow poll, and in between
counts down from what it has. A screen that knows the day changed can call `reload()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from rich.cells import cell_len
from textual import on
from textual.message import Message
from textual.widgets import Static

from coordinator.domain.schedule import Interval, RunningPhase
from coordinator.i18n import _


class ClockFeed(Protocol):
    """What the clock shows: the case's running phase (None when neither of its phases runs)
    and its predicted meeting."""

    @property
    def phase(self) -> RunningPhase | None: ...

    @property
    def meeting(self) -> Interval | None: ...


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

    @dataclass
    class Fed(Message):
        """A read of the clock's data arrived from the worker (None: it could not be read)."""

        feed: ClockFeed | None

    def __init__(self, read: Callable[[datetime], ClockFeed], **kwargs) -> None:  # noqa: ANN003
        super().__init__("", **kwargs)
        self.read = read
        self.phase: RunningPhase | None = None
        self.planned = ""
        self._shown: tuple[str, bool] | None = None

    def on_mount(self) -> None:
        self.reload()
        self.set_interval(self.RELOAD_EVERY, self.reload)
        self.set_interval(1, self.tick)

    def reload(self) -> None:
        """Read the clock's data again, in a worker thread."""
        read, now = self.read, self.app.clock.now()  # type: ignore[attr-defined]

        def work() -> None:
            try:
                feed: ClockFeed | None = read(now)
            except Exception:  # noqa: BLE001 - busy, gone, unplannable: keep what is shown
                feed = None
            self.post_message(self.Fed(feed))

        self.run_worker(work, thread=True, exclusive=True, group="meeting-clock")

    @on(Fed)
    def _fed(self, message: Fed) -> None:
        message.stop()
        feed = message.feed
        if feed is None:
            return  # a busy or unreadable database: keep what was shown
        self.phase = feed.phase
        meeting = feed.meeting
        self.planned = (
            _("Meeting {start}–{end}").format(
                start=f"{meeting.start:%H:%M}", end=f"{meeting.end:%H:%M}"
            )
            if meeting is not None
            else ""
        )
        self.tick()

    def tick(self) -> None:
        now = self.app.clock.now()  # type: ignore[attr-defined]
        shown = clock_text(self.phase, self.planned, now)
        if shown == self._shown:
            return
        text, overrun = shown
        # Laid out again only when the width changes: a layout each second would redo the
        # whole screen's (a long read-back's) while the job broker types.
        self.update(text, layout=self._shown is None or cell_len(text) != cell_len(self._shown[0]))
        self._shown = shown
        self.set_class(overrun, "-overrun")
