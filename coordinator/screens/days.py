"""The list of step-up days: past and coming; create one in a dialog, open one.

The list is read in a worker thread (`DaysLoaded`), so a busy database never freezes it, and a
window of it at a time (`store.day_pages`): a page before today and a page from today on;
moving the cursor past the window's top or bottom reads the next page that way, Ctrl+Home and
Ctrl+End the first and the last page. Ten years of days never sit in the table at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Static

from coordinator.domain.vocab import DAY_STATUS_LABELS
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.store import retention
from coordinator.store.database import Store
from coordinator.store.day_model import DaySummary
from coordinator.store.day_pages import DayPage
from coordinator.store.errors import StoreError
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain

#: Weekday abbreviations, Monday first (translated where shown).
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


@dataclass
class DaysLoaded(Message):
    """The days, read in a worker; `select` is the day the cursor goes to."""

    page: DayPage
    select: int | None = None
    #: "window": the page replaces the list; "older"/"newer": it joins it at the top/bottom.
    join: str = "window"


@dataclass
class PurgeDue(Message):
    """How many citizens are past the retention period (a reminder, never a purge)."""

    count: int


@dataclass
class DaysFailed(Message):
    message: str


@dataclass
class ReminderRead(Message):
    """What waits in the follow-up (overdue items, outcomes due), read in a worker."""

    line: str


class DaysScreen(AppScreen):
    """Every day, past and coming; Enter opens one, n creates one."""

    CSS_PATH = "days.tcss"
    BINDINGS = [
        Binding("enter", "open_day", N_("Open day"), id="days.open"),
        Binding("n", "new_day", N_("New day"), id="days.new"),
        Binding("p", "people", N_("People"), id="days.people", show=False),  # F2 is shown
        Binding("r", "refresh", N_("Refresh"), id="days.refresh"),
        Binding("f", "followup", N_("Follow-up"), id="days.followup"),
        Binding("a", "audit", N_("Audit trail"), id="days.audit"),
        Binding("s", "stats", N_("Statistics"), id="days.stats", show=False),
        Binding("k", "queue", N_("Queue"), id="days.queue"),
        Binding("u,ctrl+z", "undo_delete", N_("Undo delete"), id="days.undo-delete", show=False),
        Binding(
            "ctrl+home", "first_page", N_("First day"), id="days.first", show=False, priority=True
        ),
        Binding("ctrl+end", "last_page", N_("Last day"), id="days.last", show=False, priority=True),
    ]
    #: At most this many pages stay in the table: scrolling on drops the far end.
    WINDOW_PAGES = 3
    #: Ctrl+Home/End read this many days: a screenful at 200x50 with room to spare. Half a page
    #: is half the rows to add and measure on the key (the next page comes as the cursor goes).
    JUMP_DAYS = 50

    def __init__(self) -> None:
        super().__init__()
        self.days: list[DaySummary] = []
        #: There are days before / after the ones in the table.
        self.older = self.newer = False
        #: A page is being read (the cursor at an edge asks for one page at a time).
        self._paging = False
        #: The list was asked for at least once (shown, or read under today's day).
        self._asked = False
        #: The date the rows were drawn on (past days dim, today bold).
        self._filled_on: date | None = None

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="days-reminder")
        yield Static(id="days-hint", classes="empty-hint")
        yield DataTable(id="days", cursor_type="row", zebra_stripes=True)
        yield Static(id="days-purge")
        yield StepUpFooter()

    def on_mount(self) -> None:
        table = self.query_one("#days", DataTable)
        table.add_columns(_("Date"), _("Start"), _("Cases"), _("Status"), _("Location"))

    def on_screen_resume(self) -> None:
        """Read the list each time it is shown (also when first pushed). Under today's day,
        pushed at once on top of it, it waits: the app asks it with `load_hidden` once the
        day is shown, so nothing competes with the day's first read."""
        if self.app.screen is self:  # (`is_current` is also true just under the top screen)
            self.load()

    def load_hidden(self) -> None:
        """Read the list (and its reminders) if it never was: called by the app once the
        first day is shown, so the list and the follow-up notice are ready behind it."""
        if not self._asked and self.is_mounted:
            self.load()

    def load(self, select: int | None = None) -> None:
        """Read the days in a worker; the cursor then goes to `select`, else to the selected
        day, else to today's or the next day. The window is the page around that day. When the
        list is shown, what `f` and `s` open is then read ahead (store/lists_ahead.py)."""
        from coordinator.store.day_pages import day_date, days_around

        self._asked = True
        shown = self.app.screen is self
        store, today = self.store, self.clock.now().date()
        selected = self._selected_day()
        if select is None and selected is not None:
            select = selected.id

        def read() -> None:
            try:
                anchor = (day_date(store, select) if select is not None else None) or today
                page = days_around(store, anchor)
            except StoreError as exc:
                self.post_message(DaysFailed(exc.message))
                return
            self.post_message(DaysLoaded(page, select))
            self._read_reminder(store, today)
            try:  # the retention reminder (store/retention.py): the app never purges by itself
                self.post_message(PurgeDue(retention.due_count(store)))
            except StoreError:
                pass
            if shown:  # (hidden under the day at start: the warm-up reads them later)
                from coordinator.store.lists_ahead import read_lists_ahead

                try:
                    read_lists_ahead(store, today)
                except StoreError:
                    pass  # `f` or `s` reads for itself and says what is wrong

        self.run_worker(read, thread=True, exclusive=True, group="days-read", name="read days")

    def _read_reminder(self, store: Store, today: date) -> None:
        """In the worker: the follow-up's one line (a failure leaves the line as it was)."""
        from coordinator.store.followup_views import reminder

        try:
            line = reminder(store, today).line()
        except StoreError:
            return
        self.post_message(ReminderRead(line))

    @on(ReminderRead)
    def _reminder_read(self, message: ReminderRead) -> None:
        """Show the line; the first time it has something, a notification points there too."""
        widget = self.query_one("#days-reminder", Static)
        widget.update(message.line)
        widget.display = bool(message.line)
        if message.line and not getattr(self.app, "followup_reminded", False):
            self.app.followup_reminded = True  # type: ignore[attr-defined]
            self.notify(message.line, title=_("Follow-up"), markup=False)

    def action_stats(self) -> None:
        from coordinator.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen())

    def action_followup(self) -> None:
        from coordinator.screens.followup import FollowupScreen

        self.app.push_screen(FollowupScreen())

    @on(DaysFailed)
    def _days_failed(self, message: DaysFailed) -> None:
        self.notify(message.message, severity="error", markup=False)

    def _selected_day(self) -> DaySummary | None:
        table = self.query_one("#days", DataTable)
        row = table.cursor_coordinate.row
        return self.days[row] if table.row_count and 0 <= row < len(self.days) else None

    def _read_page(self, join: str) -> None:
        """Read the first or last page, or the page beyond the window's top or bottom."""
        from coordinator.store import day_pages

        if self._paging:
            return
        self._paging = True
        store, days = self.store, list(self.days)

        def read() -> None:
            try:
                if join == "older":
                    page = day_pages.days_before(store, days[0])
                elif join == "newer":
                    page = day_pages.days_after(store, days[-1])
                elif join == "first":
                    page = day_pages.first_days(store, self.JUMP_DAYS)
                else:
                    page = day_pages.last_days(store, self.JUMP_DAYS)
            except StoreError as exc:
                self.post_message(DaysFailed(exc.message))
                return
            select = None
            if join in ("first", "last") and page.days:
                select = page.days[0 if join == "first" else -1].id
            self.post_message(DaysLoaded(page, select, "window" if select else join))

        self.run_worker(read, thread=True, exclusive=True, group="days-page", name="read days")

    def action_first_page(self) -> None:
        """The first day: the cursor goes there at once if the window holds it, else the
        first page is read (and replaces the window)."""
        if self.days and not self.older:
            self.query_one("#days", DataTable).move_cursor(row=0, animate=False)
        else:
            self._read_page("first")

    def action_last_page(self) -> None:
        if self.days and not self.newer:
            table = self.query_one("#days", DataTable)
            table.move_cursor(row=len(self.days) - 1, animate=False)
        else:
            self._read_page("last")

    @on(DataTable.RowHighlighted, "#days")
    def _at_edge(self) -> None:
        """The cursor on the window's first or last row: read the next page that way (the
        cursor as it is now: a highlight posted while the table was refilled is stale)."""
        row = self.query_one("#days", DataTable).cursor_row
        if not self.days:
            return
        if row == 0 and self.older:
            self._read_page("older")
        elif row == len(self.days) - 1 and self.newer:
            self._read_page("newer")

    @on(DaysLoaded)
    def _days_loaded(self, message: DaysLoaded) -> None:
        """Fill the list with the days read, or join a page to it at the top or bottom."""
        from coordinator.store.day_pages import PAGE

        self._paging = False
        table = self.query_one("#days", DataTable)
        page, select, days = message.page, message.select, list(message.page.days)
        keep = (self.WINDOW_PAGES - 1) * PAGE
        if message.join == "newer":  # below the window; its top pages go
            selected = self._selected_day()
            self.older = self.older or len(self.days) > keep
            self.newer = page.newer
            days = self.days[-keep:] + days
            select = selected.id if selected else None
        elif message.join == "older":  # above the window; its bottom pages go
            selected = self._selected_day()
            self.newer = self.newer or len(self.days) > keep
            self.older = page.older
            days += self.days[:keep]
            select = selected.id if selected else None
        else:
            if self._shows(page):  # read again on being shown, and nothing changed
                self._move_to(table, select)
                return
            self.older, self.newer = page.older, page.newer
        self.days = days
        self._filled_on = self.clock.now().date()
        table.clear()
        today = self.clock.now().date()
        cursor = None
        for index, day in enumerate(days):
            self._add_row(table, day)
            if select is not None and day.id == select:
                cursor = index
            elif select is None and cursor is None and day.date >= today:
                cursor = index
        if cursor is not None:
            table.move_cursor(row=cursor, animate=False)
        hint = self.query_one("#days-hint", Static)
        hint.update("" if days else _("No step-up days yet. Press n to create one."))
        hint.display = not days

    def _shows(self, page: DayPage) -> bool:
        """The table shows this very window, drawn today (no refill, no redraw)."""
        return (
            bool(page.days)
            and list(page.days) == self.days
            and (page.older, page.newer) == (self.older, self.newer)
            and self._filled_on == self.clock.now().date()
        )

    def _move_to(self, table: DataTable, select: int | None) -> None:
        """The cursor to `select` (else where it is), scrolled into view: a cursor placed while
        the list was hidden under the day was not scrolled there."""
        ids = [day.id for day in self.days]
        row = ids.index(select) if select in ids else table.cursor_row
        table.move_cursor(row=row, animate=False)

    def _add_row(self, table: DataTable, day: DaySummary) -> None:
        today = self.clock.now().date()
        style = "dim" if day.date < today else ("bold" if day.date == today else "")
        table.add_row(
            Text(f"{day.date.isoformat()}  {_(WEEKDAYS[day.date.weekday()])}", style=style),
            Text(day.start.strftime("%H:%M"), style=style),
            Text(str(day.cases), style=style),
            Text(_(DAY_STATUS_LABELS[day.status]), style=style),
            plain(day.location, style),
            key=str(day.id),
        )

    @on(PurgeDue)
    def _purge_due(self, message: PurgeDue) -> None:
        line = self.query_one("#days-purge", Static)
        line.update(
            _(
                "{n} citizen(s) past the retention period: coordinator purge --dry-run lists them."
            ).format(n=message.count)
            if message.count
            else ""
        )
        line.display = bool(message.count)

    def action_audit(self) -> None:
        from coordinator.screens.audit import AuditScreen

        self.app.push_screen(AuditScreen())

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

        taken = {day.date for day in self.days}
        first_free = next_weekday(self.clock.now().date())
        while first_free in taken:
            first_free = next_weekday(first_free)
        self.app.push_screen(CreateDayDialog(first_free), done)

    def action_queue(self) -> None:
        from coordinator.screens.queue import QueueScreen

        self.app.push_screen(QueueScreen())

    def action_undo_delete(self) -> None:
        """Put back the day (or case) deleted last while the app is open."""
        from coordinator.screens.day_corrections_actions import undo_last

        def done(tombstone) -> None:  # noqa: ANN001 - Tombstone
            day = tombstone.what == "day"
            self.notify(_("The day is back.") if day else _("The case is back."))
            self.load(select=tombstone.entity_id if tombstone.what == "day" else None)

        undo_last(self.app, self.store, done)

    def action_people(self) -> None:
        from coordinator.screens.people import PeopleScreen

        self.app.push_screen(PeopleScreen())
