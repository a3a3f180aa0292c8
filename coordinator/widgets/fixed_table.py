"""A DataTable whose columns the screen sizes itself (issue 19).

Textual's DataTable measures every cell of every new row when it next goes idle, to widen the
columns that size themselves to their content. A screen that gives each column its width
(`add_column(..., width=...)`, as the follow-up list does after fitting the columns to the
terminal) has nothing to learn from that: for its 300 rows it was 2,400 measurements, 20-30 ms
on the event loop between the list's data and the frame that shows it. Here those rows are
left out of the measuring; rows with a label or an automatic height are measured as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class FixedWidthTable(DataTable):  # type: ignore[type-arg]
    """A DataTable that skips measuring cells when no column sizes itself to its content."""

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        if not any(column.auto_width for column in self.columns.values()):
            new_rows = [
                key
                for key in new_rows
                if (row := self.rows.get(key)) is not None
                and (row.auto_height or row.label is not None)
            ]
        super()._update_dimensions(new_rows)
