"""The list of step-up days: open one, or see that there are none yet."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from coordinator.domain.vocab import DAY_STATUS_LABELS, DayStatus
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.store.days import list_days
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain


class DaysScreen(AppScreen):
    """Every day, past and coming; Enter opens one."""

    BINDINGS = [
        Binding("enter", "open_day", N_("Open day"), id="days.open"),
        Binding("r", "refresh", N_("Refresh"), id="days.refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="days-hint", classes="empty-hint")
        yield DataTable(id="days", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#days", DataTable)
        table.add_columns(_("Date"), _("Start"), _("Cases"), _("Status"), _("Location"))
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self) -> None:
        table = self.query_one("#days", DataTable)
        table.clear()
        days = list_days(self.app.store)  # type: ignore[attr-defined]
        for day, count in days:
            table.add_row(
                day.date.isoformat(),
                day.start_time.strftime("%H:%M"),
                str(count),
                _(DAY_STATUS_LABELS[DayStatus(day.status)]),
                plain(day.location),
                key=str(day.id),
            )
        hint = self.query_one("#days-hint", Static)
        hint.update(
            ""
            if days
            else _("No step-up days yet. Create one with: coordinator day create YYYY-MM-DD")
        )
        hint.display = not days

    def action_refresh(self) -> None:
        self.load()

    @on(DataTable.RowSelected, "#days")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def action_open_day(self) -> None:
        table = self.query_one("#days", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self._open(key)

    def _open(self, key: str | None) -> None:
        from coordinator.screens.day import DayScreen

        if key:
            self.app.push_screen(DayScreen(int(key)))
