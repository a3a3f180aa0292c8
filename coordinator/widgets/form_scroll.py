"""A scrolling form that keeps the field being typed in on screen.

Textual scrolls a newly focused widget into view only when its place is already known: a field
just mounted (Ctrl+N's new item) or one that grows as the user types (a text area gaining lines
at the bottom of the screen) stayed below the fold, and the typing "went nowhere" (issue 21).
The form itself is no Tab stop: a focused container shows nothing and swallows the keys.
"""

from __future__ import annotations

from textual import events, on
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import TextArea


class FormScroll(VerticalScroll, can_focus=False):
    """A vertical scroll of fields: the focused field is always inside the visible region."""

    @on(events.DescendantFocus)
    def _focus_moved(self, _event: events.DescendantFocus) -> None:
        self.call_after_refresh(self.keep_focus_in_view)

    @on(TextArea.Changed)
    def _text_grew(self, _event: TextArea.Changed) -> None:
        self.call_after_refresh(self.keep_focus_in_view)

    def keep_focus_in_view(self, retry: bool = True) -> None:
        """Scroll (at once, no animation: the next key is already coming) so the focused
        field lies inside the visible region, once its place on screen is known."""
        focused: Widget | None = self.screen.focused if self.is_attached else None
        if focused is None or focused is self or self not in focused.ancestors:
            return
        region = focused.region
        if not region.area:  # not laid out yet (or hidden): look once more after the next refresh
            if retry:
                self.call_after_refresh(self.keep_focus_in_view, False)
            return
        if not self.content_region.contains_region(region):
            self.scroll_to_widget(focused, animate=False, immediate=True)
