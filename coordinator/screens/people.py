"""The people directory: the professionals who can be put on a roster."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from coordinator.domain.vocab import profession_label
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.screens.case_dialogs import PersonDialog
from coordinator.store import people
from coordinator.store.errors import StoreError
from coordinator.store.people import PersonInput
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain


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

    def __init__(self) -> None:
        super().__init__()
        self.show_inactive = False
        self._inactive_ids: set[int] = set()

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Input(placeholder=_("Search: name, profession, department, e-mail"), id="search")
        yield Static(id="people-hint", classes="empty-hint")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.sub_title = _("People")
        table = self.query_one("#people", DataTable)
        table.add_columns(
            _("Name"), _("Profession"), _("Flags"), _("Department"), _("E-mail"), _("Phone")
        )
        self.load()
        self.query_one("#search", Input).focus()

    def load(self) -> None:
        table = self.query_one("#people", DataTable)
        query = self.query_one("#search", Input).value
        previous = self._selected_id()
        table.clear()
        found = people.list_people(
            self.store, include_inactive=self.show_inactive, search=query.strip()
        )
        self._inactive_ids = {p.id for p in found if not p.active and p.id is not None}
        for person in found:
            flags = []
            if person.decision_authority:
                flags.append(_("authority"))
            if person.fixed_representative:
                flags.append(_("fixed rep."))
            if not person.active:
                flags.append(_("inactive"))
            style = "dim" if not person.active else ""
            table.add_row(
                plain(person.name, style),
                plain(profession_label(person.profession), style),
                plain(", ".join(flags), style),
                plain(person.department, style),
                plain(person.email, style),
                plain(person.phone, style),
                key=str(person.id),
            )
        if previous is not None and str(previous) in {str(p.id) for p in found}:
            table.move_cursor(row=table.get_row_index(str(previous)))
        hint = self.query_one("#people-hint", Static)
        if found:
            hint.display = False
        else:
            hint.display = True
            hint.update(
                _("Nobody matches the search.")
                if query.strip()
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

    def action_add(self) -> None:
        def added(data: PersonInput | None) -> None:
            if data is None:
                return
            try:
                person = people.add_person(self.store, data)
            except StoreError as exc:
                self.notify(exc.message, severity="error")
                return
            self.query_one("#search", Input).value = ""
            self.load()
            table = self.query_one("#people", DataTable)
            table.move_cursor(row=table.get_row_index(str(person.id)))
            self.notify(_("Added {name}.").format(name=person.name))

        self.app.push_screen(PersonDialog(), added)

    def action_edit(self) -> None:
        person_id = self._selected_id()
        if person_id is None:
            return
        try:
            person = people.get_person(self.store, person_id)
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return

        def edited(data: PersonInput | None) -> None:
            if data is None:
                return
            try:
                people.update_person(
                    self.store,
                    person_id,
                    name=data.name,
                    profession=data.profession,
                    department=data.department,
                    email=data.email,
                    phone=data.phone,
                    decision_authority=data.decision_authority,
                    fixed_representative=data.fixed_representative,
                )
            except StoreError as exc:
                self.notify(exc.message, severity="error")
                return
            self.load()

        self.app.push_screen(PersonDialog(person), edited)

    def action_set_active(self, active: bool) -> None:
        person_id = self._selected_id()
        if person_id is None:
            return
        try:
            person = people.set_active(self.store, person_id, active)
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        message = _("{name} is active again.") if person.active else _("{name} is deactivated.")
        self.notify(message.format(name=person.name))
        self.load()

    def action_show_inactive(self, show: bool) -> None:
        self.show_inactive = show
        self.load()
