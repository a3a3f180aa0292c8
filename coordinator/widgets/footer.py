"""The footer of every screen: roomy on a wide terminal, compact on a narrow one, and in the
app's language also for the keys Textual's own widgets bind (a Select's "Dismiss menu")."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from coordinator.i18n import _

#: Below this many columns the keys are packed closer, so more of them stay in view at 80x24.
COMPACT_BELOW = 120


class StepUpFooter(Footer):
    """Textual's footer, compact when the terminal is narrow (the coordinator's laptop) and
    roomy when it is wide (the projector)."""

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW

    def compose(self) -> ComposeResult:
        """Textual's keys, their descriptions translated: the app's own bindings are translated
        already (`_` of a Danish text is itself), Textual's widgets' are English msgids that the
        danish catalog translates."""
        for widget in super().compose():  # a group's keys come through here one by one too
            if isinstance(widget, FooterKey) and widget.description:
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str):
                    widget.tooltip = _(widget.tooltip)
            yield widget
