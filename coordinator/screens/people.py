"""The people directory: the professionals who can be put on a roster.

The directory is read in a worker as the user types a search (`Loaded`, the latest read wins);
adding, editing and (de)activating are stored in order by a worker (`StoreJobs`), and the list
is read again once they are stored, so a busy database never freezes typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from coordinator.domain.vocab import profession_label
from coordinator.i18n import N_, _
from coordinator.screens.autosave import in_thread
from coordinator.screens.base import AppScreen
from coordinator.screens.case_dialogs import PersonDialog
from coordinator.screens.store_jobs import StoreJobs
from coordinator.store import people
from coordinator.store.database import Store
from coordinator.store.errors import StoreError
from coordinator.store.people import PersonInput, PersonRecord
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain
from coordinator.widgets.table_fit import FittedTable


class PeopleScreen(AppScreen):
    """Add, edit, search as you type, and deactivate professionals."""

    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="people.back"),
        Binding("ctrl+n", "add", N_("Add"), id="people.add", priority=True),
        Binding("ctrl+e", "edit", N_("Edit"), id="people.edit", priority=True),
        # One key each, two meanings: the footer names what the key will do now.
        Binding(
            "ctrl+d", "set_active(False)", N_("Deactivate"), id="people.deactivate", priority=True
        ),
        Binding(
            "ctrl+d", "set_active(True)", N_("Reactivate"), id="people.reactivate", priority=True
        ),
        Binding(
            "ctrl+t",
            "show_inactive(True)",
            N_("Show inactive"),
            id="people.show-inactive",
            priority=True,
        ),
        Binding(
            "ctrl+t",
            "show_inactive(False)",
            N_("Hide inactive"),
            id="people.hide-inactive",
            priority=True,
        ),
        Binding("ctrl+f", "search", N_("Search"), id="people.search", show=False),
    ]

    @dataclass
    class Loaded(Message):
        """The people matching `query`, read in a worker (`read` numbers it)."""

        found: list[PersonRecord]
        query: str
        read: int

    @dataclass
    class LoadFailed(Message):
        message: str

    def __init__(self) -> None:
        super().__init__()
        self.show_inactive = False
        self._inactive_ids: set[int] = set()
        self._loading = False
        self._reads = 0
        #: The person the cursor goes to when the next read arrives.
        self._select: int | None = None
        self._jobs = StoreJobs(self, "people-write", self.load)

    @property
    def settled(self) -> bool:
        """The list is shown and every read and change is done (for tests and snapshots)."""
        return not self._loading and not self._jobs.writing

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Input(placeholder=_("Search: name, profession, department, e-mail"), id="search")
        yield Static(id="people-hint", classes="empty-hint")
        yield FittedTable(id="people", cursor_type="row", zebra_stripes=True)
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.sub_title = _("People")
        self.query_one("#people-hint", Static).display = False
        self.load()
        self.query_one("#search", Input).focus()

    def load(self, select: int | None = None) -> None:
        """Read the people matching the search in a worker; `Loaded` shows them (the cursor
        on `select`, else on the person selected)."""
        if select is not None:
            self._select = select
        self._loading = True
        self._reads += 1
        query = self.query_one("#search", Input).value.strip()
        self._read(self.store, self.show_inactive, query, self._reads)

    @work(thread=True, exclusive=True, group="people-read")
    def _read(self, store: Store, include_inactive: bool, query: str, read: int) -> None:
        try:
            found = people.list_people(store, include_inactive=include_inactive, search=query)
        except StoreError as exc:
            self.post_message(self.LoadFailed(exc.message))
            return
        self.post_message(self.Loaded(found, query, read))

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self._loading = False
        self.notify(event.message, severity="error", markup=False)

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        if event.read != self._reads:
            return  # a newer read (the search typed on) is on its way
        self._loading = False
        if self._jobs.writing:
            return  # the list is read again once the changes are stored
        found, query = event.found, event.query
        table = self.query_one("#people", FittedTable)
        previous = self._select if self._select is not None else self._selected_id()
        self._select = None
        self._inactive_ids = {p.id for p in found if not p.active and p.id is not None}
        rows = []
        for person in found:
            flags = []
            if person.decision_authority:
                flags.append(_("authority"))
            if person.fixed_representative:
                flags.append(_("fixed rep."))
            if not person.active:
                flags.append(_("inactive"))
            style = "dim" if not person.active else ""
            cells = (
                plain(person.name, style),
                plain(profession_label(person.profession), style),
                plain(", ".join(flags), style),
                plain(person.department, style),
                plain(person.email, style),
                plain(person.phone, style),
            )
            rows.append((str(person.id), cells))
        headings = (_("Name"), _("Profession"), _("Flags"), _("Department"), _("E-mail"))
        # The name keeps the most; the phone (short) always shows.
        table.fill((*headings, _("Phone")), rows, flexible={0: 16, 1: 10, 2: 8, 3: 8, 4: 8})
        if previous is not None and str(previous) in {str(p.id) for p in found}:
            table.move_cursor(row=table.get_row_index(str(previous)))
        hint = self.query_one("#people-hint", Static)
        if found:
            hint.display = False
        else:
            hint.display = True
            hint.update(
                _("Nobody matches the search.")
                if query
                else _("The directory is empty. Press Ctrl+N to add a person.")
            )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show only the meaning of ctrl+d and ctrl+t that applies to what is selected."""
        if action == "set_active":
            selected = self._selected_id()
            if selected is None:
                return None if parameters[0] is False else False
            return parameters[0] is (selected in self._inactive_ids)
        if action == "show_inactive":
            return parameters[0] is not self.show_inactive
        return True

    @on(DataTable.RowHighlighted, "#people")
    def _row_highlighted(self) -> None:
        self.refresh_bindings()

    def _selected_id(self) -> int | None:
        table = self.query_one("#people", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key else None

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self.load()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#people", DataTable).focus()

    @on(DataTable.RowSelected, "#people")
    def _row_selected(self) -> None:
        self.action_edit()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
            return
        self.app.pop_screen()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def _write(
        self, job: Callable[[Store], object], then: Callable[[Any], object] | None = None
    ) -> None:
        """Queue a change (`job(store)` in a worker); the list is read again once every
        queued change is stored."""
        store = self.store
        self._jobs.submit(lambda: job(store), then)

    def action_add(self) -> None:
        def added(data: PersonInput | None) -> None:
            if data is not None:
                self._write(lambda store: people.add_person(store, data), told)

        def told(person: object) -> None:
            assert isinstance(person, PersonRecord)
            self._select = person.id
            self.query_one("#search", Input).value = ""  # (read again once stored)
            self.notify(_("Added {name}.").format(name=person.name))

        self.app.push_screen(PersonDialog(), added)

    def action_edit(self) -> None:
        """Read the selected person (in a worker), then edit them in the dialog."""
        person_id = self._selected_id()
        if person_id is None:
            return
        store = self.store

        def edit(person: object) -> None:
            assert isinstance(person, PersonRecord)
            self.app.push_screen(PersonDialog(person), edited)

        def edited(data: PersonInput | None) -> None:
            if data is None:
                return
            self._write(
                lambda store: people.update_person(
                    store,
                    person_id,
                    name=data.name,
                    profession=data.profession,
                    department=data.department,
                    email=data.email,
                    phone=data.phone,
                    decision_authority=data.decision_authority,
                    fixed_representative=data.fixed_representative,
                )
            )

        in_thread(self, lambda: people.get_person(store, person_id), edit, group="people-edit")

    def action_set_active(self, active: bool) -> None:
        person_id = self._selected_id()
        if person_id is None:
            return

        def told(person: object) -> None:
            assert isinstance(person, PersonRecord)
            message = _("{name} is active again.") if person.active else _("{name} is deactivated.")
            self.notify(message.format(name=person.name))

        self._write(lambda store: people.set_active(store, person_id, active), told)

    def action_show_inactive(self, show: bool) -> None:
        self.show_inactive = show
        self.load()
