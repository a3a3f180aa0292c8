"""The preparation form (forberedelsesskema) of one case, autosaved as the user types."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Input, Label, Static, TextArea

from coordinator.domain.quickdates import QuickDateError, format_due, parse_past_date
from coordinator.domain.roster_rules import counts_text
from coordinator.domain.vocab import CHALLENGE_LABELS, MATERIAL_LABELS, MaterialKind
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.screens.case_dialogs import MaterialDialog, MaterialInput
from coordinator.store import preparation, roster
from coordinator.store.days import list_days, load_day
from coordinator.store.errors import StoreError
from coordinator.store.readiness import Readiness, case_readiness
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain
from coordinator.widgets.translated import TranslatedBindings

#: Seconds between the first unsaved keystroke and the save (the design asks for < 1 s).
SAVE_DELAY = 0.4
RETRY_DELAY = 2.0  # seconds before a failed save (a locked database) is tried again

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


class CaseScreen(AppScreen):
    """Preparation of one case: why a step-up, the problem, the four questions, the status
    overview, the job goal and the material checklist. Every change is saved within a second."""

    CSS_PATH = "case.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="case.back"),
        Binding("ctrl+r", "roster", N_("Roster"), id="case.roster"),
        Binding("ctrl+s", "save_now", N_("Save now"), id="case.save"),
    ]

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        #: Field values typed but not yet confirmed saved.
        self.pending: dict[str, object] = {}
        #: The values as last read from or written to the store.
        self.stored: dict[str, object] = {}
        self._timer: Timer | None = None
        #: The last save error shown, so a locked database is reported once.
        self._save_error: str | None = None
        #: Fields someone else changed since this screen read them: their values, kept until
        #: the user chooses (Ctrl+S or Esc); they are not saved meanwhile.
        self._conflict: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="case-title")
        yield Static(id="case-status")
        with VerticalScroll(id="form"):
            for section, name, label, multiline in _FORM:
                if section:
                    yield Label(_(section), classes="section")
                yield Label(_(label), classes="field-label")
                if multiline:
                    yield TextArea(id=f"field-{name}", classes="long", soft_wrap=True)
                elif name == "decided_on":
                    with Horizontal(classes="date-row"):
                        yield Input(id=f"field-{name}", classes="date")
                        yield Static(id="decided-on-shown", classes="date-shown")
                else:
                    yield Input(id=f"field-{name}")
            yield Label(_("Meeting material"), classes="section")
            yield Label(
                _("Space ticks an item, f sets its file; participants get it before the meeting."),
                classes="field-label",
            )
            yield MaterialTable(id="materials", cursor_type="row")
        yield StepUpFooter()

    def on_mount(self) -> None:
        try:
            heading = roster.case_heading(self.store, self.case_id)
            form = preparation.get_preparation(self.store, self.case_id)
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            self.app.pop_screen()
            return
        title = plain(_("Preparation"), "bold")
        title.append(" · " + _("case {position}").format(position=heading.position) + " · ")
        title.append(heading.citizen)
        title.append(f" · {heading.date.isoformat()}")
        challenges = [_(CHALLENGE_LABELS[c]) for c in CHALLENGE_LABELS if c in heading.challenges]
        if challenges:
            title.append(f" · {', '.join(challenges)}")
        self.query_one("#case-title", Static).update(title)
        self.sub_title = _("Preparation")
        for _section, name, _label, _multiline in _FORM:
            value = getattr(form, name)
            self.stored[name] = value
            self._show_value(name, value)
        table = self.query_one("#materials", MaterialTable)
        table.add_columns(_("Ready"), _("Material"), _("File"))
        self.load_materials()
        self.show_status(case_readiness(self.store, self.case_id, self.clock.now()), None)
        self.query_one("#field-tried", TextArea).focus()

    # -- autosave ---------------------------------------------------------------------------

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._changed(event.text_area.id, event.text_area.text)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._changed(event.input.id, event.value)

    def _changed(self, widget_id: str | None, text: str) -> None:
        if not widget_id or not widget_id.startswith("field-"):
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
        if name not in self.pending and self.stored.get(name) == value:
            return  # the value as loaded (or unchanged): nothing to save
        self.pending[name] = value
        if self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self._flush)
        self._show_saved(_("editing…"))

    def _flush(self) -> None:
        """Hand everything unsaved to the save worker; typing goes on meanwhile."""
        self._timer = None
        if undisputed := self._undisputed():
            self._save(undisputed)

    def _undisputed(self) -> dict[str, object]:
        """What is typed and unsaved, less the fields waiting for a changed-elsewhere choice."""
        return {name: value for name, value in self.pending.items() if name not in self._conflict}

    def _write(self, fields: dict[str, object]) -> None:
        """Save `fields` unless someone else changed one of them since this screen read it."""
        expected = {name: self.stored.get(name) for name in fields}
        preparation.update_preparation(self.store, self.case_id, expected, **fields)

    @work(thread=True, exclusive=True, group="prep-save")
    def _save(self, fields: dict[str, object]) -> None:
        try:
            self._write(fields)
            readiness = case_readiness(self.store, self.case_id, self.clock.now())
        except preparation.PreparationConflict as exc:
            self.app.call_from_thread(self._on_conflict, exc.theirs)
            return
        except StoreError as exc:
            self.app.call_from_thread(self._save_failed, exc.message)
            return
        self.app.call_from_thread(self._saved, fields, readiness)

    def _save_failed(self, message: str) -> None:
        """Keep what was typed and try again shortly; say it once, not at every retry."""
        if message != self._save_error:
            self._save_error = message
            self.notify(message, severity="error", timeout=20, markup=False)
        self._show_saved(_("not saved yet"))
        if self._timer is None:
            self._timer = self.set_timer(RETRY_DELAY, self._flush)

    def _on_conflict(self, theirs: dict[str, object]) -> None:
        """Someone else changed fields being saved: never overwrite silently, and never put a
        dialog in the way of typing (a typed "t" would take theirs). Say so once; Ctrl+S or
        Esc asks whose version to keep. The other fields are saved on the next round, which
        leaves the disputed ones out."""
        first = not self._conflict
        self._conflict.update(theirs)
        self._show_saved(_("not saved: changed elsewhere"))
        if self._undisputed() and self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self._flush)
        if first:
            self.notify(
                self._conflict_text()
                + " "
                + _("Your typing is kept. Ctrl+S: choose whose version to keep."),
                severity="warning",
                timeout=30,
                markup=False,
            )

    def _conflict_text(self) -> str:
        labels = {name: _(label) for _section, name, label, _multiline in _FORM}
        return _("Changed by someone else since you opened this form: {fields}.").format(
            fields="; ".join(f"“{labels.get(name, name)}”" for name in self._conflict)
        )

    def _ask_about_conflict(self) -> None:
        from coordinator.screens.agreement_dialogs import ConflictDialog

        theirs = dict(self._conflict)

        def chosen(choice: str | None) -> None:
            if choice == "mine":
                self.stored.update(theirs)  # seen and overruled: save over it deliberately
                self._conflict.clear()
                self._flush()
            elif choice == "theirs":
                self._conflict.clear()
                for name, value in theirs.items():
                    self.pending.pop(name, None)
                    self.stored[name] = value
                    self._show_value(name, value)
                self._show_saved(_("took the other change"))

        self.app.push_screen(ConflictDialog(self._conflict_text()), chosen)

    def _show_value(self, name: str, value: object) -> None:
        text = f"{value:%d.%m.%Y}" if isinstance(value, date) else str(value or "")
        widget = self.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            widget.load_text(text)
        elif isinstance(widget, Input):
            widget.value = text

    def _saved(self, fields: dict[str, object], readiness: Readiness) -> None:
        self._save_error = None
        self.stored.update(fields)
        for name, value in fields.items():
            if self.pending.get(name, object()) == value:
                del self.pending[name]
        self.show_status(readiness, self.clock.now().strftime("%H:%M:%S"))
        if self._conflict:
            self._show_saved(_("not saved: changed elsewhere"))
        if self._undisputed() and self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self._flush)

    def save_now(self) -> bool:
        """Save synchronously (leaving the screen): nothing typed is lost. False when it could
        not be saved (the user is told and asked), so the caller stays on the screen."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.pending:
            return True
        if self._conflict:
            self._ask_about_conflict()
            return False
        fields = dict(self.pending)
        try:
            self._write(fields)
        except preparation.PreparationConflict as exc:
            self._on_conflict(exc.theirs)
            self._ask_about_conflict()
            return False
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return False
        self._saved(fields, case_readiness(self.store, self.case_id, self.clock.now()))
        return True

    def action_save_now(self) -> None:
        self.save_now()

    def _show_saved(self, text: str) -> None:
        self._saved_text = text
        self._render_status()

    def show_status(self, readiness: Readiness, saved_at: str | None) -> None:
        self._readiness = readiness
        if saved_at:
            self._saved_text = _("saved {time}").format(time=saved_at)
        elif not hasattr(self, "_saved_text"):
            self._saved_text = ""
        self._render_status()

    def _render_status(self) -> None:
        readiness = getattr(self, "_readiness", None)
        line = plain("")
        if readiness is not None:
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
        if self._saved_text:
            line.append(f"  ·  {self._saved_text}", "dim")
        self.query_one("#case-status", Static).update(line)

    # -- material checklist ---------------------------------------------------------------

    def load_materials(self) -> None:
        table = self.query_one("#materials", MaterialTable)
        row = table.cursor_row
        table.clear()
        for item in preparation.materials(self.store, self.case_id):
            label = _(MATERIAL_LABELS[MaterialKind(item.kind)])
            if item.label:
                label = f"{label}: {item.label}"
            table.add_row(
                plain("[x]" if item.ready else "[ ]", "green" if item.ready else "red"),
                plain(label),
                plain(item.file_ref),
                key=f"{item.kind}\t{item.label}",
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _material(self):  # noqa: ANN202 - MaterialItem | None
        table = self.query_one("#materials", MaterialTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        kind, _tab, label = key.partition("\t")
        items = preparation.materials(self.store, self.case_id)
        return next((i for i in items if i.kind == kind and i.label == label), None)

    def _set_material(self, ready: bool, file_ref: str) -> None:
        item = self._material()
        if item is None:
            return
        try:
            preparation.set_material(
                self.store, self.case_id, MaterialKind(item.kind), ready, file_ref, item.label
            )
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        self.load_materials()
        self.show_status(
            case_readiness(self.store, self.case_id, self.clock.now()),
            self.clock.now().strftime("%H:%M:%S"),
        )

    def action_toggle_material(self) -> None:
        item = self._material()
        if item is not None:
            self._set_material(not item.ready, item.file_ref)

    def action_edit_material(self) -> None:
        item = self._material()
        if item is None:
            return
        title = _(MATERIAL_LABELS[MaterialKind(item.kind)])

        def done(data: MaterialInput | None) -> None:
            if data is not None:
                self._set_material(data.ready, data.file_ref)

        self.app.push_screen(MaterialDialog(title, item), done)

    # -- navigation -------------------------------------------------------------------------

    def action_roster(self) -> None:
        """The case's roster: back to it when the form was opened from there."""
        from coordinator.screens.roster import RosterScreen

        if not self.save_now():
            return
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, RosterScreen) and below.case_id == self.case_id:
            self.app.pop_screen()
        else:
            self.app.push_screen(RosterScreen(self.case_id))

    def on_screen_resume(self) -> None:
        try:
            self.show_status(case_readiness(self.store, self.case_id, self.clock.now()), None)
        except StoreError:
            pass  # an unknown case: on_mount has told the user and closes the screen

    def action_back(self) -> None:
        if self.save_now():
            self.app.pop_screen()

    def on_unmount(self) -> None:
        """Last chance (the app quits, or the screen is dropped): write what is unsaved."""
        if self._timer is not None:
            self._timer.stop()
        if undisputed := self._undisputed():
            try:
                self._write(undisputed)
            except StoreError:
                pass  # the user was told when the value was typed (or asked before quitting)
        self.pending.clear()

    @property
    def has_unanswered_conflict(self) -> bool:
        """A change made elsewhere waits for the user's choice (the app asks before quitting)."""
        return bool(self._conflict)


def _open(app: App, screen_class: type[Screen], case_id: int) -> None:
    app.push_screen(screen_class(case_id))  # type: ignore[call-arg]


def case_commands(app: App, screen: Screen) -> Iterator[SystemCommand]:
    """Palette entries to prepare any case of today or later, and open its roster."""
    from coordinator.screens.roster import RosterScreen

    store = app.store  # type: ignore[attr-defined]
    today = app.clock.now().date()  # type: ignore[attr-defined]
    for day, _count in list_days(store):
        if day.date < today:
            continue
        for row in load_day(store, day.id or 0).cases:
            case_id = row.case.id or 0
            where = f"{day.date.isoformat()} #{row.case.position} {row.citizen.name}"
            yield SystemCommand(
                _("Prepare case: {case}").format(case=where),
                _("The preparation form of the case"),
                partial(_open, app, CaseScreen, case_id),
            )
            yield SystemCommand(
                _("Roster: {case}").format(case=where),
                _("Who attends the case, with the rule findings"),
                partial(_open, app, RosterScreen, case_id),
            )
