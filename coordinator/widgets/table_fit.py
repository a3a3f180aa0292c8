"""Tables whose user text never pushes the other columns off screen.

A column as wide as its widest cell let one long name (a citizen's, up to the 200 characters
`domain/limits.py` allows) push the time and the status out of sight (issue 21). The columns of
user text share the width that is left after the short, fixed ones, the widest cut first, and a
cut cell ends in "…". Widths are terminal cells, not characters: æ, ø and å take one, an emoji
or a CJK letter two. A `FittedTable` keeps what it shows and fits it again when its width
changes (a window made narrower cut nothing before: the last columns went out of sight).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from rich.text import Text
from textual import events
from textual.widgets import DataTable

#: A column of user text is never cut below this many cells (it would say nothing).
MIN_TEXT_WIDTH = 8
#: DataTable's padding, one cell each side of every column, and its vertical scrollbar.
CELL_PADDING = 2
SCROLLBAR = 2


def column_widths(
    natural: Sequence[int],
    total: int,
    flexible: Collection[int],
    *,
    minimum: int = MIN_TEXT_WIDTH,
) -> list[int]:
    """The width of each column of a table `total` cells wide: the columns not in `flexible`
    keep their `natural` width; the flexible ones are cut, the widest first, until the table
    fits (never below `minimum`, or the column's own minimum when `flexible` maps each
    column to one: a name may keep more than a department)."""
    widths = list(natural)
    floors = flexible if isinstance(flexible, Mapping) else dict.fromkeys(flexible, minimum)
    spare = total - SCROLLBAR - CELL_PADDING * len(widths) - sum(widths)
    while spare < 0:
        cuttable = [i for i in floors if widths[i] > floors[i]]
        if not cuttable:
            break
        widest = max(cuttable, key=lambda i: widths[i])
        widths[widest] -= 1
        spare += 1
    return widths


def ellipsised(cell: Text, width: int) -> Text:
    """`cell` with each line cut to `width` cells, ending in "…" where it was cut."""
    if cell_width(cell) <= width:
        return cell
    if "\n" not in cell.plain:
        cut = cell.copy()
        cut.truncate(width, overflow="ellipsis")
        return cut
    lines = []
    for line in cell.split("\n"):
        line = line.copy()
        if line.cell_len > width:
            line.truncate(width, overflow="ellipsis")
        lines.append(line)
    return Text("\n").join(lines)


def cell_width(cell: Text | str) -> int:
    """The widest line of a cell, in terminal cells."""
    text = cell if isinstance(cell, Text) else Text(cell)
    return max((line.cell_len for line in text.split("\n")), default=0)


def fill_table(
    table: DataTable,
    headings: Sequence[str],
    rows: Sequence[tuple[str, Sequence[Text]]],
    flexible: Collection[int],
    width: int | None = None,
) -> None:
    """Put `rows` (key, cells) in `table` under `headings`, the columns fitted to `width`
    (kept as `table.fitted_to`, so a screen can fit them again once the table is laid out;
    the table's own width once laid out, else the screen's): the `flexible` columns (user
    text) are cut with "…" where they would push the others out of sight.

    Widths are set here from what is shown, not left to the table's measuring when idle: a
    picture or a slow terminal could catch the columns at their headings' width."""
    if width is None:
        width = table.size.width or table.app.size.width
    natural = [
        max([cell_width(heading), *(cell_width(cells[i]) for _key, cells in rows)])
        for i, heading in enumerate(headings)
    ]
    widths = column_widths(natural, width, flexible)
    table.fitted_to = width  # type: ignore[attr-defined] - the width the columns were fitted to
    table.clear(columns=True)
    for heading, cells_wide in zip(headings, widths, strict=True):
        table.add_column(heading, width=cells_wide)
    for key, cells in rows:
        fitted = [ellipsised(c, w) for c, w in zip(cells, widths, strict=True)]
        table.add_row(*fitted, key=key)


class FittedTable(DataTable):
    """A table whose columns fit its width whenever that width changes, not only when filled.

    `fill` shows rows as `fill_table` does and keeps them (uncut); on a resize to another
    width the same rows are fitted again, the cursor and the scroll position kept. The table
    gets its resize once it is laid out at the new width, so no screen has to wait a refresh
    to measure it."""

    #: What `fill` showed last: headings, the rows uncut, the flexible columns.
    _shown: tuple[Sequence[str], Sequence[tuple[str, Sequence[Text]]], Collection[int]] | None = (
        None
    )

    def fill(
        self,
        headings: Sequence[str],
        rows: Sequence[tuple[str, Sequence[Text]]],
        flexible: Collection[int],
    ) -> None:
        """Show `rows` (key, cells) under `headings`, the `flexible` columns cut to fit."""
        self._shown = (headings, rows, flexible)
        fill_table(self, headings, rows, flexible)

    def on_resize(self, _event: events.Resize) -> None:
        if self._shown is None or self.size.width == getattr(self, "fitted_to", None):
            return
        headings, rows, flexible = self._shown
        row, scroll_y = self.cursor_row, self.scroll_y
        fill_table(self, headings, rows, flexible)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)
            self.scroll_to(y=scroll_y, animate=False)
