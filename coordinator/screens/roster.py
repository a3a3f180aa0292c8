"""The roster of one case: who comes to the pre-meeting and the meeting, with the rules live."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static

from coordinator.domain.roster_rules import Severity, Suggestion, counts_text
from coordinator.domain.vocab import (
    ATTENDANCE_LABELS,
    CHALLENGE_LABELS,
    PART_LABELS,
    Attendance,
    Part,
    RosterRole,
    profession_label,
)
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.screens.case_dialogs import (
    NetworkDialog,
    NetworkInput,
    PickPersonDialog,
    SuggestDialog,
)
from coordinator.store import people, roster
from coordinator.store.errors import StoreError
from coordinator.store.readiness import case_readiness
from coordinator.store.roster import RosterLine
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain

_PART_CYCLE = (Part.BOTH, Part.MEETING, Part.PRE)
_ATTENDANCE_CYCLE = tuple(Attendance)
_SEVERITY_LABELS = {
    Severity.ERROR: N_("Error"),
    Severity.WARNING: N_("Warning"),
    Severity.INFO: N_("Note"),
}


def _next(cycle: tuple, current: object, step: int = 1) -> object:  # noqa: ANN401 - any enum
    """The value `step` places on from `current` in `cycle` (-1: the one before)."""
    return cycle[(cycle.index(current) + step) % len(cycle)] if current in cycle else cycle[0]


#: The terminal width below which the findings are shown under the roster, not beside it.
NARROW = 110


class RosterScreen(AppScreen):
    """Participants of a case from the directory or the citizen's network; findings beside."""

    CSS_PATH = "roster.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="roster.back"),
        Binding("a", "add", N_("Add from directory"), id="roster.add"),
        Binding("n", "add_network", N_("Add network person"), id="roster.network"),
        Binding("s", "suggest", N_("Suggest roster"), id="roster.suggest"),
        Binding("p", "cycle_part", N_("Part"), id="roster.part"),
        Binding("t", "cycle_attendance", N_("Attendance"), id="roster.attendance"),
        Binding(
            "T,shift+t",
            "cycle_attendance(-1)",
            N_("Attendance back"),
            id="roster.attendance-back",
            show=False,
        ),
        Binding("delete,x", "remove", N_("Remove"), id="roster.remove"),
        Binding("u,ctrl+z", "undo_remove", N_("Undo remove"), id="roster.undo", show=False),
        Binding("o", "prepare", N_("Preparation"), id="roster.prepare"),
    ]

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        #: Removed entries, the latest last, so a slip of the Delete key costs nothing.
        self._removed: list[RosterLine] = []

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="roster-title")
        with Horizontal(id="roster-body"):
            yield DataTable(id="roster", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="findings"):
                yield Static(id="readiness")
                yield Static(id="finding-list")
        yield StepUpFooter()

    def on_resize(self) -> None:
        """Below this width the findings go under the participants, so Part and Attendance
        stay in view."""
        body = self.query_one("#roster-body")
        body.set_class(self.size.width < NARROW, "-narrow")

    def on_mount(self) -> None:
        table = self.query_one("#roster", DataTable)
        table.add_columns(_("Name"), _("Role"), _("Part"), _("Attendance"))
        try:
            heading = roster.case_heading(self.store, self.case_id)
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            self.app.pop_screen()
            return
        challenges = ", ".join(
            _(CHALLENGE_LABELS[c])
            for c in sorted(heading.challenges, key=list(CHALLENGE_LABELS).index)
        )
        title = plain(_("Roster"), "bold")
        title.append(" · " + _("case {position}").format(position=heading.position) + " · ")
        title.append(heading.citizen)
        title.append(f" · {heading.date.isoformat()}")
        if challenges:
            title.append(f" · {challenges}")
        self.query_one("#roster-title", Static).update(title)
        self.sub_title = _("Roster")
        self.load()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.load()

    def load(self) -> None:
        table = self.query_one("#roster", DataTable)
        selected = self._selected_id()
        table.clear()
        try:
            lines = roster.roster_lines(self.store, self.case_id)
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        for line in lines:
            role = line.role
            if role is RosterRole.CITIZEN:
                what = plain(_("Citizen"))
            elif role is RosterRole.NETWORK:
                what = plain(_("Network"))
                if line.relation:
                    what.append(f": {line.relation}")
            else:
                what = plain(profession_label(line.person.profession) if line.person else "")
                if line.person and line.person.decision_authority:
                    what.append(" ★", "bold")
            attendance = line.attendance
            style = "red" if attendance in (Attendance.DECLINED, Attendance.ABSENT) else ""
            table.add_row(
                plain(line.display_name, "bold" if role is RosterRole.CITIZEN else ""),
                what,
                _(PART_LABELS[line.part]),
                plain(_(ATTENDANCE_LABELS[attendance]), style),
                key=str(line.id),
            )
        if selected is not None and any(line.id == selected for line in lines):
            table.move_cursor(row=table.get_row_index(str(selected)))
        self.show_findings()

    def show_findings(self) -> None:
        """The side panel: readiness, then every finding coloured by severity."""
        try:
            readiness = case_readiness(self.store, self.case_id, self.clock.now())
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        counts = readiness.counts
        status = plain(_("Ready") if readiness.ready else _("Not ready"), "bold")
        status.append("  " + counts_text(counts))
        status.append("\n")
        if readiness.preparation_complete:
            status.append(_("Preparation complete."))
        else:
            status.append(_("Preparation missing: {what}.").format(what=readiness.missing_text()))
        panel = self.query_one("#readiness", Static)
        panel.update(status)
        panel.set_class(readiness.ready, "-ready")
        text = plain("")
        for finding in readiness.findings:
            label = _(_SEVERITY_LABELS[finding.severity])
            text.append(f"{label}: ", f"bold {_STYLES[finding.severity]}")
            text.append(finding.message)
            text.append(f"  [{finding.code}]\n\n", "dim")
        if not readiness.findings:
            text.append(_("No findings: the roster follows the step-up rules."), "green")
        self.query_one("#finding-list", Static).update(text)

    def _selected_id(self) -> int | None:
        table = self.query_one("#roster", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key else None

    def _line(self) -> RosterLine | None:
        entry_id = self._selected_id()
        if entry_id is None:
            return None
        lines = roster.roster_lines(self.store, self.case_id)
        return next((line for line in lines if line.id == entry_id), None)

    def action_add(self) -> None:
        on_roster = {line.person_id for line in roster.roster_lines(self.store, self.case_id)}
        directory = [p for p in people.list_people(self.store) if p.id not in on_roster]

        def chosen(person_id: int | None) -> None:
            if person_id is None:
                return
            try:
                entry = roster.add_person_by_id(self.store, self.case_id, person_id)
            except StoreError as exc:
                self.notify(exc.message, severity="error")
                return
            self.load()
            self._focus_entry(entry.id)

        self.app.push_screen(PickPersonDialog(directory), chosen)

    def action_add_network(self) -> None:
        def chosen(data: NetworkInput | None) -> None:
            if data is None:
                return
            try:
                entry = roster.add_network_person(
                    self.store, self.case_id, data.name, data.relation
                )
            except StoreError as exc:
                self.notify(exc.message, severity="error")
                return
            self.load()
            self._focus_entry(entry.id)

        self.app.push_screen(NetworkDialog(), chosen)

    def action_suggest(self) -> None:
        try:
            suggestions = roster.suggest(self.store, self.case_id)
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        if not suggestions:
            self.notify(_("Nothing to suggest: everyone the model proposes is on the roster."))
            return

        def accepted(chosen: list[Suggestion] | None) -> None:
            if not chosen:
                return
            try:
                added = roster.accept_suggestions(self.store, self.case_id, chosen)
            except StoreError as exc:
                self.notify(exc.message, severity="error")
                return
            self.load()
            self.notify(_("{count} added to the roster.").format(count=len(added)))

        self.app.push_screen(SuggestDialog(suggestions), accepted)

    def action_cycle_part(self) -> None:
        line = self._line()
        if line is None:
            return
        if line.role is RosterRole.CITIZEN:
            self.notify(_("The citizen attends the meeting, never the pre-meeting."))
            if line.part is Part.MEETING:
                return
            part = Part.MEETING
        else:
            part = _next(_PART_CYCLE, line.part)
        self._update(line.id, part=part)

    def action_cycle_attendance(self, step: int = 1) -> None:
        line = self._line()
        if line is None:
            return
        attendance = _next(_ATTENDANCE_CYCLE, line.attendance, step)
        self._update(line.id, attendance=attendance)

    def _update(self, entry_id: int, **changes: object) -> None:
        try:
            roster.update_entry(self.store, entry_id, **changes)  # type: ignore[arg-type]
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        self.load()

    def action_prepare(self) -> None:
        """The case's preparation form: back to it when the roster was opened from there."""
        from coordinator.screens.case import CaseScreen

        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, CaseScreen) and below.case_id == self.case_id:
            self.app.pop_screen()
        else:
            self.app.push_screen(CaseScreen(self.case_id))

    def action_remove(self) -> None:
        line = self._line()
        if line is None:
            return
        try:
            self._removed.append(roster.remove_entry(self.store, line.id))
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        self.notify(
            _("{name} removed from the roster; u puts them back.").format(name=line.display_name)
        )
        self.load()

    def action_undo_remove(self) -> None:
        if not self._removed:
            self.notify(_("Nothing to undo."))
            return
        removed = self._removed.pop()
        try:
            entry = roster.restore_entry(self.store, removed)
        except StoreError as exc:
            self.notify(exc.message, severity="error")
            return
        self.notify(_("{name} is back on the roster.").format(name=removed.display_name))
        self.load()
        self._focus_entry(entry.id)

    def _focus_entry(self, entry_id: int | None) -> None:
        table = self.query_one("#roster", DataTable)
        if entry_id is not None:
            table.move_cursor(row=table.get_row_index(str(entry_id)))
        table.focus()


_STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
