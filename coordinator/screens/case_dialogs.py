"""Dialogs of the preparation screens: a person, a directory pick, a network person, the
suggested roster, and a material item. Each is a modal returning a value (None = cancelled)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.fuzzy import Matcher
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from coordinator.domain.roster_suggest import Suggestion
from coordinator.domain.search import fold
from coordinator.domain.vocab import PART_LABELS, Profession, RosterRole, profession_label
from coordinator.i18n import N_, _
from coordinator.screens.base import AppModal, FormModal
from coordinator.store.people import PersonInput, PersonRecord
from coordinator.widgets.plain import plain


class PersonDialog(FormModal[PersonInput | None]):
    """Add or edit a professional of the directory."""

    CSS_PATH = "case_dialogs.tcss"

    def __init__(self, person: PersonRecord | None = None) -> None:
        super().__init__()
        self.person = person

    def compose(self) -> ComposeResult:
        person = self.person
        with Vertical(classes="dialog"):
            yield Label(_("Edit person") if person else _("Add person"), classes="dialog-title")
            yield Label(_("Name"))
            yield Input(person.name if person else "", id="person-name", compact=True)
            yield Label(_("Profession"))
            yield Select(
                [(profession_label(p), p) for p in Profession],
                value=person.profession if person else Profession.OTHER,
                allow_blank=False,
                id="person-profession",
                compact=True,
            )
            yield Label(_("Department"))
            yield Input(person.department if person else "", id="person-department", compact=True)
            with Horizontal(classes="dialog-pair"):
                yield Input(
                    person.email if person else "",
                    placeholder=_("E-mail"),
                    id="person-email",
                    compact=True,
                )
                yield Input(
                    person.phone if person else "",
                    placeholder=_("Phone"),
                    id="person-phone",
                    compact=True,
                )
            yield Checkbox(
                _("Decision authority"),
                bool(person and person.decision_authority),
                id="person-authority",
                compact=True,
            )
            yield Checkbox(
                _("Fixed step-up representative of the department"),
                bool(person and person.fixed_representative),
                id="person-fixed",
                compact=True,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def action_save(self) -> None:
        name = self.query_one("#person-name", Input).value.strip()
        if not name:
            self.notify(_("A person needs a name."), severity="error")
            self.query_one("#person-name", Input).focus()
            return
        self.dismiss(
            PersonInput(
                name=name,
                profession=self._profession(),
                department=self.query_one("#person-department", Input).value,
                email=self.query_one("#person-email", Input).value,
                phone=self.query_one("#person-phone", Input).value,
                decision_authority=self.query_one("#person-authority", Checkbox).value,
                fixed_representative=self.query_one("#person-fixed", Checkbox).value,
            )
        )

    def _profession(self) -> Profession:
        chosen = self.query_one("#person-profession", Select).value
        return chosen if isinstance(chosen, Profession) else Profession.OTHER


class PickPersonDialog(AppModal[int | None]):
    """Choose a professional from the directory by fuzzy search; returns the person's id."""

    CSS_PATH = "case_dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel"),
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
    ]

    def __init__(self, people: list[PersonRecord]) -> None:
        super().__init__()
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Add from the directory"), classes="dialog-title")
            yield Input(
                placeholder=_("Type a name, profession or department"),
                id="pick-search",
                compact=True,
            )
            yield OptionList(id="pick-list")

    def on_mount(self) -> None:
        self._fill("")

    @staticmethod
    def _haystack(person: PersonRecord) -> str:
        return f"{person.name} {profession_label(person.profession)} {person.department}"

    def _fill(self, query: str) -> None:
        options = self.query_one("#pick-list", OptionList)
        options.clear_options()
        scored = [(1.0, p) for p in self.people]
        if query.strip():
            matcher = Matcher(fold(query))
            scored = [(matcher.match(fold(self._haystack(p))), p) for p in self.people]
            scored = sorted((s for s in scored if s[0] > 0), key=lambda s: -s[0])
        for _score, person in scored:
            label = plain(person.name, "bold")
            label.append(f"  {profession_label(person.profession)}", "")
            if person.department:
                label.append("  · ")
                label.append(person.department)
            options.add_option(Option(label, id=str(person.id)))
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#pick-search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_cursor_down(self) -> None:
        self.query_one("#pick-list", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#pick-list", OptionList).action_cursor_up()

    @on(Input.Submitted, "#pick-search")
    def _choose_highlighted(self) -> None:
        options = self.query_one("#pick-list", OptionList)
        if options.highlighted is None:
            self.notify(_("Nobody matches; add the person on the people screen."))
            return
        option = options.get_option_at_index(options.highlighted)
        self.dismiss(int(option.id or 0))

    @on(OptionList.OptionSelected, "#pick-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class NetworkInput:
    name: str
    relation: str


class NetworkDialog(AppModal[NetworkInput | None]):
    """A person from the citizen's network, by name and relation."""

    CSS_PATH = "case_dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Add a network person"), classes="dialog-title")
            yield Label(_("Name"))
            yield Input(id="network-name", compact=True)
            yield Label(_("Relation to the citizen (e.g. sister, friend)"))
            yield Input(id="network-relation", compact=True)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        name = self.query_one("#network-name", Input).value.strip()
        if event.input.id == "network-name" and name:
            self.query_one("#network-relation", Input).focus()
            return
        if not name:
            self.notify(_("A network person needs a name."), severity="error")
            self.query_one("#network-name", Input).focus()
            return
        self.dismiss(NetworkInput(name, self.query_one("#network-relation", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)


class SuggestDialog(AppModal[list[Suggestion] | None]):
    """The suggested roster: all ticked; space unticks one, Enter accepts the ticked ones,
    `a` accepts all."""

    CSS_PATH = "case_dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel"),
        Binding("enter", "accept", N_("Accept ticked"), id="suggest.accept", priority=True),
        Binding("a", "accept_all", N_("Accept all"), id="suggest.accept_all"),
    ]

    def __init__(self, suggestions: list[Suggestion]) -> None:
        super().__init__()
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(_("Suggested roster"), classes="dialog-title")
            items = []
            for index, suggestion in enumerate(self.suggestions):
                label = plain(suggestion.name, "bold")
                if suggestion.role is RosterRole.CITIZEN:
                    label.append(f"  {_('Citizen')}")
                elif suggestion.profession:
                    label.append(f"  {profession_label(suggestion.profession)}")
                label.append(f"  ({_(PART_LABELS[suggestion.part])})")
                items.append((label, index, True))
            yield SelectionList[int](*items, id="suggestions")
            # The reason of the highlighted line, in full (a list line is cut at the edge).
            yield Static(id="suggestion-reason", classes="dialog-reason")
            yield Label(
                _("Space: tick or untick · Enter: accept ticked · a: accept all · Esc: cancel"),
                classes="dialog-hint",
            )

    @on(SelectionList.SelectionHighlighted, "#suggestions")
    def _show_reason(self, event: SelectionList.SelectionHighlighted) -> None:
        suggestion = self.suggestions[event.selection.value]
        self.query_one("#suggestion-reason", Static).update(plain(suggestion.reason))

    def action_accept(self) -> None:
        chosen = self.query_one("#suggestions", SelectionList).selected
        self.dismiss([self.suggestions[i] for i in sorted(chosen)])

    def action_accept_all(self) -> None:
        self.dismiss(list(self.suggestions))

    def action_cancel(self) -> None:
        self.dismiss(None)


class MaterialState(Protocol):
    """What the material dialog shows of an item: is it ready, and which file."""

    @property
    def ready(self) -> bool: ...

    @property
    def file_ref(self) -> str: ...


@dataclass(frozen=True)
class MaterialInput:
    ready: bool
    file_ref: str


class MaterialDialog(AppModal[MaterialInput | None]):
    """Tick a material item and point at its file (checked to exist when saved)."""

    CSS_PATH = "case_dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="dialog.cancel")]

    def __init__(self, title: str, item: MaterialState) -> None:
        super().__init__()
        self.title_text = title
        self.item = item

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield Checkbox(
                _("Ready and sent to the participants"),
                self.item.ready,
                id="mat-ready",
                compact=True,
            )
            yield Label(_("File (optional; must exist)"))
            yield Input(
                self.item.file_ref, placeholder="~/Documents/…", id="mat-file", compact=True
            )
            yield Label(_("Enter saves · Esc cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#mat-file", Input).focus()

    @on(Input.Submitted, "#mat-file")
    def _submitted(self) -> None:
        self.dismiss(
            MaterialInput(
                self.query_one("#mat-ready", Checkbox).value,
                self.query_one("#mat-file", Input).value.strip(),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
