"""The footer of every screen: roomy on a wide terminal, compact on a narrow one, and in the
app's language also for the keys Textual's own widgets bind (a Select's "Dismiss menu").

Textual's footer rebuilds its keys whenever the screen's bindings may have changed (a screen
shown, the focus moved, a binding refreshed), each key a widget restyled as it mounts: 60 to
100 ms of the event loop per screen opened (issue 19, the lists). This one rebuilds only when
the keys it would show differ from those it shows, and mounts each key in the footer's
compactness at once instead of flipping it after mounting. (The rebuild on every focus change
used to hide a crash in Textual's text area when one is removed: see widgets/text_area.py.)
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

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - Footer's own
        super().__init__(*args, **kwargs)
        #: What the keys shown were built from (None: nothing built yet).
        self._built_from: tuple | None = None

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW

    def _keys_wanted(self) -> tuple:
        """Everything the keys are built from: the bindings shown, enabled or not, with their
        tooltips, and the palette's key if it is shown."""
        bindings = self.screen.active_bindings
        shown = tuple(
            (
                binding.key,
                self.app.get_key_display(binding),
                binding.action,
                binding.description,
                binding.group,
                enabled,
                tooltip,
            )
            for (_node, binding, enabled, tooltip) in bindings.values()
            if binding.show
        )
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            entry = bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _node, binding, enabled, tooltip = entry
                palette = (binding.key, self.app.get_key_display(binding), enabled, tooltip)
        return (shown, palette)

    async def recompose(self) -> None:
        """Rebuild the keys only if they would differ from those shown."""
        if not self.is_attached:
            return
        if self._built_from is not None and self._keys_wanted() == self._built_from:
            return
        await super().recompose()

    def compose(self) -> ComposeResult:
        """Textual's keys, their descriptions translated: the app's own bindings are translated
        already (`_` of a Danish text is itself), Textual's widgets' are English msgids that the
        danish catalog translates."""
        if self._bindings_ready:
            self._built_from = self._keys_wanted()
        for widget in super().compose():  # a group's keys come through here one by one too
            if isinstance(widget, FooterKey):
                if not widget.has_class("-command-palette"):  # (Textual leaves that one compact)
                    widget.set_reactive(FooterKey.compact, self.compact)
                if widget.description:
                    widget.description = _(widget.description)
                    if isinstance(widget.tooltip, str):
                        widget.tooltip = _(widget.tooltip)
            yield widget
