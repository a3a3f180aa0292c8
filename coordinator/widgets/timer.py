"""The running-slot timer: phase, time left in big digits, and an overrun nobody can miss.

The widget only shows what it is given; the screen decides what runs (from the store's stored
start times and the injected clock) and calls `show_running` or `show_idle` every second.
Three looks, as CSS classes: normal, `-warning` (five minutes or less left of the phase) and
`-overrun` (over time: a red panel and `+mm:ss`, readable from the back of a meeting room).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Digits, Static

from coordinator.domain.schedule import RunningPhase
from coordinator.i18n import _
from coordinator.widgets.plain import show

#: "Time is nearly up" from this much time left of a phase.
WARNING_LEFT = timedelta(minutes=5)


def clock_text(delta: timedelta) -> str:
    """mm:ss (h:mm:ss from an hour) of a non-negative duration, rounded down to the second."""
    seconds = max(int(delta.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


def remaining_text(running: RunningPhase) -> str:
    """What the digits show: the time left, or `+mm:ss` over time."""
    if running.is_overrun:
        return "+" + clock_text(running.overrun)
    # Count up to the next whole second so a fresh 45-minute meeting shows 45:00, not 44:59.
    left = running.remaining
    if left.microseconds:
        left += timedelta(seconds=1) - timedelta(microseconds=left.microseconds)
    return clock_text(left)


class MeetingTimer(Widget):
    """Big digits for the phase that runs now, with what it is and when it should end."""

    def compose(self) -> ComposeResult:
        yield Digits("--:--", id="timer-digits")
        with Vertical(id="timer-text"):
            yield Static(id="timer-title")
            yield Static(id="timer-detail")
            yield Static(id="timer-hint")

    def _set(self, digits: str, title: Text, detail: Text, hint: Text, look: str) -> None:
        shown = self.query_one("#timer-digits", Digits)
        if shown.value != digits:
            shown.update(digits)
        show(self.query_one("#timer-title", Static), title)  # each second: only what changed
        show(self.query_one("#timer-detail", Static), detail)
        show(self.query_one("#timer-hint", Static), hint)
        for name in ("-idle", "-running", "-warning", "-overrun"):
            self.set_class(name == look, name)

    def show_running(self, running: RunningPhase, position: int, citizen: str) -> None:
        """A phase runs: its time left (or overrun), and what it is. `citizen` is user text."""
        phase = _("Meeting") if running.phase == "meeting" else _("Pre-meeting")
        if running.is_overrun:
            look = "-overrun"
        elif running.remaining <= WARNING_LEFT:
            look = "-warning"
        else:
            look = "-running"
        title = Text(_("{phase} · case {position} · ").format(phase=phase, position=position))
        title.append(citizen)
        detail = Text(
            _("Started {start} · ends {end}").format(
                start=f"{running.started:%H:%M}", end=f"{running.planned_end:%H:%M}"
            )
        )
        if running.is_overrun:
            minutes = int(running.overrun.total_seconds() // 60)
            hint = Text(_("OVER TIME by {minutes} min").format(minutes=minutes))
        else:
            hint = Text(
                _("left of the meeting")
                if running.phase == "meeting"
                else _("left of the pre-meeting")
            )
        self._set(remaining_text(running), title, detail, hint, look)

    def show_idle(self, now: datetime, title: Text, detail: Text, can_start: bool = True) -> None:
        """Nothing runs: the time of day in the digits and what comes next."""
        hint = Text(_("Space: next step") if can_start else "")
        self._set(f"{now:%H:%M}", title, detail, hint, "-idle")
