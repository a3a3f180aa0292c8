"""The footer of every screen: roomy on a wide terminal, compact on a narrow one."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

#: Below this many columns the keys are packed closer, so more of them stay in view at 80x24.
COMPACT_BELOW = 120


class StepUpFooter(Footer):
    """Textual's footer, compact when the terminal is narrow (the coordinator's laptop) and
    roomy when it is wide (the projector)."""

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW
