"""The list of step-up days: past and coming; create one in a dialog, open one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from coordinator.domain.vocab import DAY_STATUS_LABELS, DayStatus
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.store.days import list_days
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain

#: Weekday abbreviations, Monday first (translated where shown).
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


class DaysScreen(AppScreen):
    """Every day, past and coming; Enter opens one, n creates one."""

    CSS_PATH = "days.tcss"
    BINDINGS = [
        Binding("enter", "open_day", N_("Open day"), id="days.open"),
        Binding("n", "new_day", N_("New day"), id="days.new"),
        Binding("p", "people", N_("People"), id="days.people", show=False),  # F2 is shown
        Binding("r", "refresh", N_("Refresh"), id="days.refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="days-hint", classes="empty-hint")
        yield DataTable(id="days", cursor_type="row", zebra_stripes=True)
        yield StepUpFooter()

    def on_mount(self) -> None:
        table = self.query_one("#days", DataTable)
        table.add_columns(_("Date"), _("Start"), _("Cases"), _("Status"), _("Location"))
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self, select: int | None = None) -> None:
        """Fill the list; the cursor goes to `select`, else to today's or the next day."""
        table = self.query_one("#days", DataTable)
        table.clear()
        today = self.clock.now().date()
        days = list_days(self.store)
        cursor = None
        for index, (day, count) in enumerate(days):
            style = "dim" if day.date < today else ("bold" if day.date == today else "")
            table.add_row(
                Text(f"{day.date.isoformat()}  {_(WEEKDAYS[day.date.weekday()])}", style=style),
                Text(day.start_time.strftime("%H:%M"), style=style),
                Text(str(count), style=style),
                Text(_(DAY_STATUS_LABELS[DayStatus(day.status)]), style=style),
                plain(day.location, style),
                key=str(day.id),
            )
            if select is not None and day.id == select:
                cursor = index
            elif select is None and cursor is None and day.date >= today:
                cursor = index
        if cursor is not None:
            table.move_cursor(row=cursor, animate=False)
        hint = self.query_one("#days-hint", Static)
        hint.update("" if days else _("No step-up days yet. Press n to create one."))
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

    def action_new_day(self) -> None:
        from coordinator.screens.day_dialogs import CreateDayDialog, next_weekday

        def done(day_id: int | None) -> None:
            if day_id:
                self.load(select=day_id)
                self.notify(_("Day created. Press enter to open it and add cases."))

        from coordinator.store.days import list_days

        taken = {day.date for day, _count in list_days(self.store)}
        first_free = next_weekday(self.clock.now().date())
        while first_free in taken:
            first_free = next_weekday(first_free)
        self.app.push_screen(CreateDayDialog(first_free), done)

    def action_people(self) -> None:
        from coordinator.screens.people import PeopleScreen

        self.app.push_screen(PeopleScreen())
