"""The follow-up: every open item of every final agreement, across cases and days.

Filter as you type (/ goes to the filter: a responsible, a case number, a kind, a word of the
text), views for overdue, due this week and mine (v cycles; m chooses who "mine" is, once),
sorted by due date. s, d, x mark the item started, done or dropped (with the date it happened,
a reason for a drop), n adds a note; Enter opens the case's agreement, F3 the case's follow-up
(outcome and ratings). Citizens show as initials (the list may be on a projector); c shows
names.

Read in a worker (`Loaded`); progress is stored in order by a worker (`StoreJobs`) and the list
read again, so a busy database never freezes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from coordinator.domain.followup import PROGRESS_LABELS, ProgressStatus
from coordinator.domain.search import fold
from coordinator.domain.vocab import ITEM_KIND_LABELS
from coordinator.i18n import N_, _, ngettext
from coordinator.screens.base import AppScreen
from coordinator.screens.case_followup import CaseFollowupDialog, progress_text
from coordinator.screens.followup_columns import fit_columns
from coordinator.screens.followup_dialogs import MeDialog, ProgressDialog, ProgressInput
from coordinator.screens.followup_filter import Haystacks, haystacks, in_view, matches
from coordinator.screens.live import LiveScreen
from coordinator.screens.store_jobs import StoreJobs
from coordinator.store.database import Store
from coordinator.store.errors import StoreError
from coordinator.store.followup import FollowupItem
from coordinator.store.followup_page import PAGE_ROWS, PAGED_VIEWS, followup_page_remembered
from coordinator.store.followup_views import FollowupList, followup_list, remember_me
from coordinator.store.progress import record_progress
from coordinator.widgets.fixed_table import FixedWidthTable
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain

#: The views `v` cycles through, with their names (translated where shown).
VIEWS = (
    ("all", N_("All open")),
    ("overdue", N_("Overdue")),
    ("week", N_("Due this week")),
    ("mine", N_("Mine")),
)


class FollowupScreen(LiveScreen, AppScreen):
    """Follow up the agreements' items across cases."""

    CSS_PATH = "followup.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="followup.back"),
        Binding("enter", "open_agreement", N_("Agreement"), id="followup.open"),
        Binding("s", "progress('started')", N_("Started"), id="followup.started"),
        Binding("d", "progress('done')", N_("Done"), id="followup.done"),
        Binding("x", "progress('dropped')", N_("Dropped"), id="followup.dropped"),
        Binding("n", "note", N_("Note"), id="followup.note"),
        Binding("v", "next_view", N_("View"), id="followup.view"),
        Binding("m", "choose_me", N_("Who am I"), id="followup.me", show=False),
        Binding("c", "toggle_names", N_("Names"), id="followup.names", show=False),
        Binding("f3", "case_followup", N_("Outcome and ratings"), id="followup.case"),
        Binding("slash", "filter", N_("Filter"), id="followup.filter"),
        Binding("ctrl+r", "refresh", N_("Refresh"), id="followup.refresh", show=False),
    ]

    @dataclass
    class Loaded(Message):
        found: FollowupList
        haystacks: Haystacks

    @dataclass
    class LoadFailed(Message):
        message: str

    def __init__(self, view: str = "all") -> None:
        super().__init__()
        self.view = view
        self.names = False
        self.found: FollowupList | None = None
        self.shown: list[FollowupItem] = []
        #: The width the columns were last fitted to.
        self._fitted_width = 0
        #: Items of the view and filter not in the table (beyond PAGE_ROWS).
        self._beyond = 0
        self._loading = True
        #: The folded text of every item of a full list (`haystacks`).
        self._haystacks: Haystacks = {}
        self._jobs = StoreJobs(self, "followup-write", self.load)
        self._resumed = False

    @property
    def settled(self) -> bool:
        """The list is shown and every change is stored (for tests and snapshots)."""
        return not self._loading and not self._jobs.writing

    @property
    def today(self) -> date:
        return self.clock.now().date()

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="followup-summary")
        yield Input(
            placeholder=_("Filter: responsible, case, kind, text (press /)"),
            id="followup-filter",
            compact=True,
        )
        yield FixedWidthTable(id="followup", cursor_type="row", zebra_stripes=True)
        yield Static(id="followup-detail")
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Follow-up")
        self.query_one("#followup", DataTable).focus()
        self.follow_changes(self.store)
        self.load()  # at once, not after the first frame: that is what the user waits for

    @property
    def busy_with_store(self) -> bool:
        return self._loading or self._jobs.writing

    def reload_changed(self) -> None:
        """Someone else recorded progress: read the list again (filter and cursor stay)."""
        self.load()

    def on_resize(self) -> None:
        """Fit the columns to the new width (the text column gets what is left)."""
        if self.size.width != self._fitted_width:
            self.show()

    def on_screen_resume(self) -> None:
        """Read the list again when shown again (back from the agreement); the first read
        started with the mount."""
        if self._resumed:
            self.load()
        self._resumed = True

    #: The columns, the item's text last: it is the long one, and what must fit is before it.
    COLUMNS = (
        N_("Case"),
        N_("Citizen"),
        N_("Due"),
        N_("Overdue"),
        N_("Progress"),
        N_("Responsible"),
        N_("Kind"),
        N_("Item"),
    )

    def _wanted(self) -> str | None:
        """What to read: a page of the view (nothing typed in the filter), else every item
        (None: the filter folds every item's text, and "mine" every responsible's name)."""
        if self.view in PAGED_VIEWS and not self._words():
            return self.view
        return None

    def _words(self) -> list[str]:
        return fold(self.query_one("#followup-filter", Input).value).split()

    def load(self) -> None:
        self._loading = True
        self._read(self.store, self.today, self._wanted())

    def _show_or_read(self) -> None:
        """After the view or the filter changed: show what was read if it holds the items
        wanted (every item, or a page of this view), else read them."""
        found, wanted = self.found, self._wanted()
        if found is not None and (found.view is None or found.view == wanted):
            self.show()
        else:
            self.load()

    @work(thread=True, exclusive=True, group="followup-read")
    def _read(self, store: Store, today: date, view: str | None) -> None:
        self.before_reading()
        try:
            if view is None:
                found = followup_list(store, today)
            else:
                found = followup_page_remembered(store, today, view, PAGE_ROWS)
            self.post_message(self.Loaded(found, haystacks(found)))
        except StoreError as exc:
            self.post_message(self.LoadFailed(exc.message))

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self._loading = False
        self.notify(message.message, severity="error", markup=False)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self._loading = False
        if self._jobs.writing:
            return  # read again once the changes are stored
        if message.found.view is not None and message.found.view != self._wanted():
            return  # an earlier view's page, read before the view changed
        if message.found == self.found:
            return  # nothing changed (a second read, a change elsewhere to other data)
        self.found, self._haystacks = message.found, message.haystacks
        self.show()

    def _matches(self, item: FollowupItem, words: list[str]) -> bool:
        folded = self._haystacks.get(item.id)
        if folded is None:
            return matches(item, words, self.names)
        found = folded[1] if self.names else folded[0]
        return all(word in found for word in words)

    # --- showing --------------------------------------------------------------------------------

    @property
    def me(self) -> str:
        return self.found.me if self.found else ""

    def show(self) -> None:
        """Fill the table from what was read, the view and the filter (no query)."""
        found = self.found
        if found is None:
            return
        table = self.query_one("#followup", DataTable)
        selected = self.selected
        words = self._words()
        matched = [  # (nothing typed: no item's text is folded to be searched)
            item
            for item in found.items
            if found.view is not None  # a page of the view, cut in the database
            or (in_view(item, self.view, self.me) and (not words or self._matches(item, words)))
        ]
        # The most urgent first, and no more than a table fills fast: ten years can leave
        # thousands open; the filter narrows to the rest.
        self.shown = matched[:PAGE_ROWS]
        self._beyond = (len(matched) if found.matched is None else found.matched) - len(self.shown)
        rows = [
            (
                Text(str(item.case_id)),
                plain(item.citizen if self.names else item.citizen_initials),
                Text(item.due.isoformat() if item.due else "-"),
                Text(str(item.overdue), "bold red") if item.overdue else Text(""),
                Text(_(PROGRESS_LABELS[item.status])),
                plain(item.responsible),
                Text(_(ITEM_KIND_LABELS[item.kind])),
                plain(item.text),
            )
            for item in self.shown
        ]
        # Widths measured here from what is shown, not left to the table's measuring when
        # idle: a picture (or a slow terminal) could catch the columns at their headings'
        # width ("2026-"). They fit the screen's width (the text stays in view at 80 columns).
        columns, cells = fit_columns([_(label) for label in self.COLUMNS], rows, self.size.width)
        self._fitted_width = self.size.width
        table.clear(columns=True)
        for heading, width in columns:
            table.add_column(heading, width=width)
        for item, row in zip(self.shown, cells, strict=True):
            table.add_row(*row, key=str(item.id))
        ids = [item.id for item in self.shown]
        if selected is not None and selected.id in ids:
            table.move_cursor(row=ids.index(selected.id), animate=False)
        self._summarise()
        self._detail()

    def _summarise(self) -> None:
        found = self.found
        assert found is not None
        views = []
        for key, label in VIEWS:
            shown = _(label) if key != "mine" or not self.me else f"{_(label)} ({self.me})"
            views.append((shown, "reverse" if key == self.view else "dim"))
        line = Text()
        for index, (label, style) in enumerate(views):
            if index:
                line.append(" ")
            line.append(f" {label} ", style)
        line.append("   ")
        total, outcomes = found.all_items, found.outcomes
        counts = (
            ngettext("{shown} of {total} item", "{shown} of {total} items", total).format(
                shown=len(self.shown), total=total
            ),
            _("{n} overdue").format(n=found.overdue),
            ngettext("{n} outcome due", "{n} outcomes due", outcomes).format(n=outcomes),
        )
        line.append(" · ".join(counts))
        if self._beyond:
            line.append("   ")
            line.append(_("{n} more: narrow with the filter (/)").format(n=self._beyond), "bold")
        self.query_one("#followup-summary", Static).update(line)

    def _detail(self) -> None:
        item = self.selected
        detail = self.query_one("#followup-detail", Static)
        if item is None:
            detail.update(_("Nothing to follow up in this view.") if self.found else _("Reading…"))
            return
        text = Text(
            _("Case {case}, meeting {date}: ").format(
                case=item.case_id, date=item.meeting_date.isoformat()
            )
        )
        text.append_text(progress_text(item))
        text.append(f" · {_(ITEM_KIND_LABELS[item.kind])}\n")
        text.append_text(plain(item.text))  # whole, also when the column cuts it
        for event in item.events[-3:]:
            text.append("\n  " + event.effective_on.isoformat() + "  ")
            text.append(_(PROGRESS_LABELS[event.status]))
            if event.note:
                text.append("  ")
                text.append_text(plain(event.note, "italic"))
        detail.update(text)

    @property
    def selected(self) -> FollowupItem | None:
        table = self.query_one("#followup", DataTable)
        if not table.row_count or not self.shown:
            return None
        row = table.cursor_coordinate.row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    @on(DataTable.RowHighlighted, "#followup")
    def _highlighted(self) -> None:
        self._detail()

    @on(DataTable.RowSelected, "#followup")
    def _row_selected(self) -> None:
        """Enter on the list (the table takes the key before the screen's binding)."""
        self.action_open_agreement()

    @on(Input.Changed, "#followup-filter")
    def _filter_changed(self) -> None:
        self._show_or_read()

    @on(Input.Submitted, "#followup-filter")
    def _filter_done(self) -> None:
        self.query_one("#followup", DataTable).focus()

    # --- actions --------------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.query_one("#followup-filter", Input).has_focus:
            self.query_one("#followup", DataTable).focus()
            return
        self.app.pop_screen()

    def action_filter(self) -> None:
        self.query_one("#followup-filter", Input).focus()

    def action_refresh(self) -> None:
        self.load()

    def action_next_view(self) -> None:
        keys = [key for key, _label in VIEWS]
        self.view = keys[(keys.index(self.view) + 1) % len(keys)]
        if self.view == "mine" and not self.me:
            self.action_choose_me()
        self._show_or_read()

    def action_toggle_names(self) -> None:
        self.names = not self.names
        self.show()

    def action_choose_me(self) -> None:
        store = self.store

        def done(name: str | None) -> None:
            if name:
                self.view = "mine"
                self._jobs.submit(lambda: remember_me(store, name))

        self.app.push_screen(MeDialog(self.me), done)

    def action_open_agreement(self) -> None:
        item = self.selected
        if item is not None:
            from coordinator.screens.agreement import AgreementScreen

            self.app.push_screen(AgreementScreen(item.case_id))

    def action_case_followup(self) -> None:
        item = self.selected
        if item is not None:
            self.app.push_screen(CaseFollowupDialog(item.case_id), lambda _r: self.load())

    def action_progress(self, status: str) -> None:
        self._ask(ProgressStatus(status), note_only=False)

    def action_note(self) -> None:
        item = self.selected
        if item is not None:
            self._ask(item.status, note_only=True)

    def _ask(self, status: ProgressStatus, note_only: bool) -> None:
        item = self.selected
        if item is None:
            return
        store, item_id = self.store, item.id

        def done(answer: ProgressInput | None) -> None:
            if answer is None:
                return
            self._jobs.submit(
                lambda: record_progress(store, item_id, answer.status, answer.on, answer.note),
                lambda saved: self.notify(
                    _("Item {id}: {status}.").format(
                        id=saved.id, status=_(PROGRESS_LABELS[saved.status])
                    )
                ),
            )

        self.app.push_screen(ProgressDialog(status, item.text, self.today, note_only), done)
