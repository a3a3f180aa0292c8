"""The preparation form (forberedelsesskema) of one case, autosaved as the user types."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Static, TextArea

from coordinator.domain.findings import counts_text
from coordinator.domain.quickdates import QuickDateError, format_due, parse_past_date
from coordinator.domain.vocab import CHALLENGE_LABELS, MATERIAL_LABELS
from coordinator.i18n import N_, _
from coordinator.screens.autosave import SaveState, in_thread
from coordinator.screens.base import AppScreen
from coordinator.screens.case_dialogs import MaterialDialog, MaterialInput
from coordinator.screens.case_privacy import CasePrivacy
from coordinator.store import audit, preparation, roster
from coordinator.store.autosave import Autosave
from coordinator.store.consent import ConsentView, consent_of_case
from coordinator.store.errors import StoreError
from coordinator.store.preparation import MaterialView, PreparationView
from coordinator.store.readiness import Readiness, case_readiness
from coordinator.store.roster import CaseHeading
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.form_scroll import FormScroll
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain
from coordinator.widgets.text_area import StepUpTextArea
from coordinator.widgets.translated import TranslatedBindings

#: The form, in order: (section title or None, field, label, multi-line?).
_FORM: tuple[tuple[str | None, str, str, bool], ...] = (
    (N_("Why a step-up"), "tried", N_("What has been tried"), True),
    (None, "decided_by", N_("Decided by (job broker, team leader, citizen)"), False),
    (None, "decided_on", N_("Decided on (e.g. 10/11 or 10.11.2026)"), False),
    (
        N_("The most important problem"),
        "main_problem",
        N_("Which problem is the most important one to get help with?"),
        True,
    ),
    (
        N_("The talk with the citizen"),
        "answer_reason",
        N_("1. What does the citizen think is the reason the match drags out?"),
        True,
    ),
    (
        None,
        "answer_situations",
        N_("2. Which concrete situations are good examples of the problem?"),
        True,
    ),
    (
        None,
        "answer_goals",
        N_("3. Which of the citizen's goals are relevant to discuss with the team?"),
        True,
    ),
    (
        None,
        "answer_plan_ideas",
        N_("4. What do the citizen and job broker think could go into the new plan?"),
        True,
    ),
    (N_("Status overview"), "benefit", N_("Benefit"), False),
    (None, "time_on_benefit", N_("Time on benefit"), False),
    (None, "current_interventions", N_("Current interventions"), True),
    (None, "earlier_interventions", N_("Earlier interventions"), True),
    (None, "health", N_("Health"), True),
    (None, "family_situation", N_("Family situation"), True),
    (None, "authority_contacts", N_("Contacts with other authorities"), True),
    (None, "network", N_("Network"), True),
    (N_("Job goal"), "job_goal", N_("The citizen's own job goal"), False),
)


class MaterialTable(TranslatedBindings, DataTable):
    """The material checklist; its keys work while it has focus."""

    BINDINGS = [
        Binding("space", "screen.toggle_material", N_("Tick"), id="case.material_tick"),
        Binding("f", "screen.edit_material", N_("File…"), id="case.material_file"),
    ]


class CaseScreen(CasePrivacy, AppScreen):
    """Preparation of one case: why a step-up, the problem, the four questions, the status
    overview, the job goal and the material checklist. Every change is saved within a second
    by the shared autosave (`screens/autosave.py`); every read and write runs in a thread
    worker, so a locked database never freezes the form."""

    CSS_PATH = "case.tcss"
    AUTO_FOCUS = None  # the first field, once the form is loaded
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="case.back"),
        Binding("ctrl+r", "roster", N_("Roster"), id="case.roster"),
        Binding("ctrl+s", "save_now", N_("Save now"), id="case.save"),
        Binding("f3", "consent", N_("Consent…"), id="case.consent"),
        Binding("f8", "erase_citizen", N_("Erase citizen…"), id="case.erase", show=False),
        # Priority: the App moves focus the moment Tab arrives. A plain binding is first handed
        # to the focused field and acts only when that field has worked through its queue, so
        # keys typed right after a fast Tab would land in the field being left.
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
    ]

    @dataclass
    class Loaded(Message):
        heading: CaseHeading
        form: PreparationView
        materials: list[MaterialView]
        readiness: Readiness
        consent: ConsentView | None = None

    @dataclass
    class LoadFailed(Message):
        message: str

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self._materials: list[MaterialView] = []
        self._readiness: Readiness | None = None

    @property
    def save_state(self) -> SaveState:
        return self.query_one(SaveState)

    @property
    def saver(self) -> Autosave | None:
        return self.save_state.saver

    @property
    def has_unanswered_conflict(self) -> bool:
        """A change made elsewhere waits for the user's choice (the app asks before quitting)."""
        return self.save_state.has_conflict

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(_("Loading…"), id="case-title")
        with Horizontal(id="case-bar"):
            yield Static(id="case-status")
            yield SaveState(
                describe=_field_label,
                after_save=self._readiness_now,
                form=("preparation", self.case_id),
            )
        yield Static(id="case-consent")
        with FormScroll(id="form", disabled=True):
            for section, name, label, multiline in _FORM:
                if section:
                    yield Label(_(section), classes="section")
                yield Label(_(label), classes="field-label")
                if multiline:
                    yield StepUpTextArea(id=f"field-{name}", classes="long", soft_wrap=True)
                elif name == "decided_on":
                    with Horizontal(classes="date-row"):
                        yield Input(id=f"field-{name}", classes="date")
                        yield Static(id="decided-on-shown", classes="date-shown")
                else:
                    # Tab into a filled line puts the cursor at its end: what is typed adds to
                    # the text (Textual's default selects it, and one key wiped the line).
                    yield Input(id=f"field-{name}", select_on_focus=False)
            yield Label(_("Meeting material"), classes="section")
            yield Label(
                _("Space ticks an item, f sets its file; participants get it before the meeting."),
                classes="field-label",
            )
            yield MaterialTable(id="materials", cursor_type="row")
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.query_one("#materials", MaterialTable).add_columns(
            _("Ready"), _("Material"), _("File")
        )
        self._load()

    # -- loading ----------------------------------------------------------------------------

    def _readiness_now(self) -> Readiness:
        """The case's readiness (in a worker thread)."""
        return case_readiness(self.store, self.case_id, self.clock.now())

    @work(thread=True, exclusive=True, group="prep-load")
    def _load(self) -> None:
        try:
            heading = roster.case_heading(self.store, self.case_id)
            form = preparation.read_preparation(self.store, self.case_id)
            materials = preparation.material_views(self.store, self.case_id)
            readiness = self._readiness_now()
            consent = consent_of_case(self.store, self.case_id)
            audit.record_read(self.store, "preparation", self.case_id)
        except StoreError as exc:
            self.post_message(self.LoadFailed(exc.message))
            return
        self.post_message(self.Loaded(heading, form, materials, readiness, consent))

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self.notify(event.message, severity="error", markup=False)
        if self.app.screen is self:
            self.app.pop_screen()

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        heading = event.heading
        title = plain(_("Preparation"), "bold")
        title.append(" · " + _("case {position}").format(position=heading.position) + " · ")
        title.append(heading.citizen)
        title.append(f" · {heading.date.isoformat()}")
        challenges = [_(CHALLENGE_LABELS[c]) for c in CHALLENGE_LABELS if c in heading.challenges]
        if challenges:
            title.append(f" · {', '.join(challenges)}")
        self.query_one("#case-title", Static).update(title)
        self.sub_title = _("Preparation")
        store, case_id = self.store, self.case_id
        writer = partial(preparation.save_fields, store, case_id)
        self.save_state.attach(Autosave(writer, event.form.base()))
        for name, value in event.form.values.items():
            self._show_value(name, value)
        self._show_materials(event.materials)
        self.show_status(event.readiness)
        if event.consent is not None:
            self.show_consent(event.consent)
        self.query_one("#form").disabled = False
        self.query_one("#field-tried", TextArea).focus()

    # -- autosave ---------------------------------------------------------------------------

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._changed(event.text_area.id, event.text_area.text)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._changed(event.input.id, event.value)

    def _changed(self, widget_id: str | None, text: str) -> None:
        if not widget_id or not widget_id.startswith("field-") or self.saver is None:
            return
        name = widget_id.removeprefix("field-")
        if name == "decided_on":
            widget = self.query_one("#field-decided_on", Input)
            shown = self.query_one("#decided-on-shown", Static)
            try:
                value: object = parse_past_date(text, self.clock.now().date())
            except QuickDateError as exc:
                widget.add_class("-invalid")
                shown.set_class(True, "-invalid")
                shown.update(plain(str(exc)))
                return
            widget.remove_class("-invalid")
            shown.set_class(False, "-invalid")
            shown.update(plain(format_due(value)) if isinstance(value, date) else "")
        else:
            value = text
        self.saver.set(name, value)
        self.save_state.show()

    @on(SaveState.Saved)
    def _saved(self, event: SaveState.Saved) -> None:
        if isinstance(event.extra, Readiness):
            self.show_status(event.extra)

    @on(SaveState.TookTheirs)
    def _took_theirs(self, event: SaveState.TookTheirs) -> None:
        """Show what the database holds now in the fields the user gave up."""
        names = [str(key) for key in event.theirs]

        def show(form: object) -> None:
            assert isinstance(form, PreparationView)
            values = {name: form.values[name] for name in names}
            if self.saver is not None:
                self.saver.rebase(values)
            for name, value in values.items():
                self._show_value(name, value)

        in_thread(self, lambda: preparation.read_preparation(self.store, self.case_id), show)

    def _show_value(self, name: str, value: object) -> None:
        text = f"{value:%d.%m.%Y}" if isinstance(value, date) else str(value or "")
        widget = self.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            if widget.text != text:
                widget.load_text(text)
        elif isinstance(widget, Input):
            widget.value = text

    def action_save_now(self) -> None:
        self.save_state.save_now()

    def show_status(self, readiness: Readiness) -> None:
        self._readiness = readiness
        line = plain("")
        if readiness.ready:
            line.append(_("Ready"), "bold green")
        else:
            line.append(_("Not ready"), "bold red")
        missing = len(readiness.missing)
        line.append("  ·  ")
        line.append(
            _("Preparation complete")
            if not missing
            else _("missing: {what}").format(what=readiness.missing_text())
        )
        line.append("  ·  ")
        line.append(counts_text(readiness.counts, ", "))
        self.query_one("#case-status", Static).update(line)

    # -- material checklist ---------------------------------------------------------------

    def _show_materials(self, items: list[MaterialView]) -> None:
        self._materials = items
        table = self.query_one("#materials", MaterialTable)
        row = table.cursor_row
        table.clear()
        for index, item in enumerate(items):
            label = _(MATERIAL_LABELS[item.kind])
            if item.label:
                label = f"{label}: {item.label}"
            table.add_row(
                plain("[x]" if item.ready else "[ ]", "green" if item.ready else "red"),
                plain(label),
                plain(item.file_ref),
                key=str(index),
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _material(self) -> MaterialView | None:
        table = self.query_one("#materials", MaterialTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        return self._materials[int(key)] if key.isdigit() else None

    def _set_material(self, item: MaterialView, ready: bool, file_ref: str) -> None:
        store, case_id = self.store, self.case_id

        def job() -> tuple[list[MaterialView], Readiness]:
            preparation.set_material(store, case_id, item.kind, ready, file_ref, item.label)
            return preparation.material_views(store, case_id), self._readiness_now()

        def then(result: object) -> None:
            materials, readiness = result  # type: ignore[misc]
            self._show_materials(materials)
            self.show_status(readiness)

        in_thread(self, job, then, group="prep-material")

    def action_toggle_material(self) -> None:
        item = self._material()
        if item is not None:
            self._set_material(item, not item.ready, item.file_ref)

    def action_edit_material(self) -> None:
        item = self._material()
        if item is None:
            return

        def done(data: MaterialInput | None) -> None:
            if data is not None:
                self._set_material(item, data.ready, data.file_ref)

        self.app.push_screen(MaterialDialog(_(MATERIAL_LABELS[item.kind]), item), done)  # type: ignore[arg-type]

    # -- navigation -------------------------------------------------------------------------

    def action_roster(self) -> None:
        """The case's roster: back to it when the form was opened from there."""
        from coordinator.screens.roster import RosterScreen

        if self.has_unanswered_conflict:
            self.save_state.ask_about_conflict()
            return
        self.save_state.save()
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, RosterScreen) and below.case_id == self.case_id:
            self.app.pop_screen()
        else:
            self.app.push_screen(RosterScreen(self.case_id))

    def on_screen_resume(self) -> None:
        if self._readiness is not None:  # loaded: the roster may have changed meanwhile
            in_thread(self, self._readiness_now, self._resumed, group="prep-readiness")

    def _resumed(self, readiness: object) -> None:
        if isinstance(readiness, Readiness):
            self.show_status(readiness)

    def action_back(self) -> None:
        """Leave; what is unsaved is written by the app's worker (see `SaveState.hand_over`)."""
        if self.has_unanswered_conflict:
            self.save_state.ask_about_conflict()  # leaving now would drop the unsaved typing
            return
        self.app.pop_screen()


def _field_label(key: object) -> str:
    labels = {name: label for _section, name, label, _multiline in _FORM}
    return _(labels.get(str(key), str(key)))


def _open(app: App, screen_class: type[Screen], case_id: int) -> None:
    app.push_screen(screen_class(case_id))  # type: ignore[call-arg]


def case_commands(app: App, screen: Screen) -> Iterator[SystemCommand]:
    """Palette entries to prepare any case of today or later, and open its roster.

    The cases are the app's `palette_cases`, read in a worker (at start and whenever the
    palette opens), so the palette never waits for the database."""
    from coordinator.screens.roster import RosterScreen

    for case in getattr(app, "palette_cases", ()):
        where = f"{case.date.isoformat()} #{case.position} {case.citizen}"
        yield SystemCommand(
            _("Prepare case: {case}").format(case=where),
            _("The preparation form of the case"),
            partial(_open, app, CaseScreen, case.id),
        )
        yield SystemCommand(
            _("Roster: {case}").format(case=where),
            _("Who attends the case, with the rule findings"),
            partial(_open, app, RosterScreen, case.id),
        )
