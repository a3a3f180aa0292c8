"""The follow-up list's columns fitted to the terminal's width.

The item's text is the last column (what must fit comes before it). On a wide terminal every
column shows whole; at 80 columns they do not all fit, and the text, the one thing the list is
for, fell off the right edge. So when they do not fit, the kind column is left out (the detail
line under the list names it and shows the whole text), the responsible is shortened, and the
text gets what is left, cut with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

#: Each column takes its width plus one cell of padding on either side (DataTable's default).
PADDING = 2
#: Room kept for the table's vertical scrollbar.
SCROLLBAR = 2
#: The indexes of the columns given up or shortened when they do not all fit.
KIND, RESPONSIBLE, ITEM = 6, 5, 7
CITIZEN = 1
RESPONSIBLE_NARROW = 12
#: A citizen's name (up to 200 characters) is cut to this when the columns do not all fit.
CITIZEN_NARROW = 20
ITEM_AT_LEAST = 16


def fit_columns(
    headings: Sequence[str], rows: Sequence[Sequence[Text]], width: int
) -> tuple[list[tuple[str, int]], list[list[Text]]]:
    """The columns (heading, width) and the rows' cells to show in `width` terminal cells."""
    widths = [max([len(h), *(row[i].cell_len for row in rows)]) for i, h in enumerate(headings)]
    available = width - SCROLLBAR
    if sum(w + PADDING for w in widths) <= available:
        return list(zip(headings, widths, strict=True)), [list(row) for row in rows]
    keep = [i for i in range(len(headings)) if i != KIND]
    widths[RESPONSIBLE] = min(
        widths[RESPONSIBLE], max(len(headings[RESPONSIBLE]), RESPONSIBLE_NARROW)
    )
    widths[CITIZEN] = min(widths[CITIZEN], max(len(headings[CITIZEN]), CITIZEN_NARROW))
    others = sum(widths[i] + PADDING for i in keep if i != ITEM)
    widths[ITEM] = max(ITEM_AT_LEAST, len(headings[ITEM]), available - others - PADDING)
    columns = [(headings[i], widths[i]) for i in keep]
    cut = [[_cut(row[i], widths[i]) for i in keep] for row in rows]
    return columns, cut


def _cut(cell: Text, width: int) -> Text:
    if cell.cell_len <= width:
        return cell
    cut = cell.copy()
    cut.truncate(width, overflow="ellipsis")
    return cut
