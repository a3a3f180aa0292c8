"""The app header, with a clock that reads the app's injected clock (not the wall clock), so
tests, snapshots and demos show the time the rest of the app computes with."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderIcon, HeaderTitle


class InjectedClock(HeaderClock):
    """HH:MM:SS from `app.clock`."""

    def render(self) -> RenderResult:
        clock = getattr(self.app, "clock", None)
        if clock is None:
            return super().render()
        return Text(clock.now().strftime("%H:%M:%S"))


class StepUpHeader(Header):
    """Textual's header with the injected clock in its corner."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield HeaderTitle()
        yield InjectedClock()
