"""The app's multi-line text field: Textual's TextArea, which draws nothing once it is removed.

Textual 8.2 can draw a text area in the frame after the one that removed it: removal clears its
component styles, and the text area's theme reads them while drawing, so the app ends in
`KeyError: "No 'text-area--gutter' key in COMPONENT_CLASSES"` (Textual issue #6528). Here that
happened when the job broker deleted an agreement item with F8 (the item's text area goes), in
about one run in two once the footer stopped rebuilding on every focus change: a meeting must not
end in a traceback because of what a frame would have shown of a field that is already gone.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class StepUpTextArea(TextArea):
    """A TextArea that is blank, not a crash, when drawn without its styles (removed)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError:
            if self.is_attached:  # a styled, attached text area missing a style is a real bug
                raise
            return [Strip.blank(crop.width)] * crop.height
