"""The footer of every screen: roomy on a wide terminal, compact on a narrow one, and in the
app's language also for the keys Textual's own widgets bind (a Select's "Dismiss menu").

Each key is mounted in the footer's compactness at once instead of flipped after mounting (a
restyle of every key per rebuild). Skipping Textual's rebuild when the keys are unchanged was
tried and left out: it let a newly mounted text area be drawn before its styles were applied
(a KeyError in Textual's renderer, seen in test_delete_undo_and_move_items).
"""

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
            if isinstance(widget, FooterKey):
                if not widget.has_class("-command-palette"):  # (Textual leaves that one compact)
                    widget.set_reactive(FooterKey.compact, self.compact)
                if widget.description:
                    widget.description = _(widget.description)
                    if isinstance(widget.tooltip, str):
                        widget.tooltip = _(widget.tooltip)
            yield widget
