"""The roster of one case: who comes to the pre-meeting and the meeting, with the rules live.

The screen never waits for the database: the roster, its heading and its readiness are read in
a worker (`Loaded`); the directory and the suggestions are read in workers before their dialogs
open; every change is queued and stored in order by a worker (`StoreJobs`), shown at once where
the next key press depends on it (part, attendance, removal), and the roster is read again once
the queue is empty. The keys that change the roster are in `roster_actions.RosterActions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from coordinator.domain.findings import Severity, counts_text
from coordinator.domain.vocab import (
    ATTENDANCE_LABELS,
    CHALLENGE_LABELS,
    PART_LABELS,
    Attendance,
    RosterRole,
    profession_label,
)
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.screens.live import LiveScreen
from coordinator.screens.roster_actions import RosterActions
from coordinator.screens.store_jobs import StoreJobs
from coordinator.store import roster
from coordinator.store.database import Store
from coordinator.store.errors import StoreError
from coordinator.store.readiness import Readiness, case_readiness
from coordinator.store.roster import CaseHeading, RosterLine
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain
from coordinator.widgets.table_fit import FittedTable

_SEVERITY_LABELS = {
    Severity.ERROR: N_("Error"),
    Severity.WARNING: N_("Warning"),
    Severity.INFO: N_("Note"),
}


#: The terminal width below which the findings are shown under the roster, not beside it.
NARROW = 110


class RosterScreen(RosterActions, LiveScreen, AppScreen):
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

    @dataclass
    class Loaded(Message):
        """The roster and its readiness, read in a worker (`heading` on the first read)."""

        heading: CaseHeading | None
        lines: list[RosterLine]
        readiness: Readiness
        read: int

    @dataclass
    class LoadFailed(Message):
        """A read failed; `leave` when the case itself could not be read."""

        message: str
        leave: bool = False

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        #: The roster as last read (or as the changes made since will store it).
        self.lines: list[RosterLine] = []
        #: Removed entries, the latest last, so a slip of the Delete key costs nothing.
        self._removed: list[RosterLine] = []
        self._heading: CaseHeading | None = None
        self._loading = False
        self._reads = 0
        #: The entry the cursor goes to when the next read arrives.
        self._focus_next: int | None = None
        self._jobs = StoreJobs(self, "roster-write", self.load)

    @property
    def settled(self) -> bool:
        """The roster is shown and every read and change is done (for tests and snapshots)."""
        return self._heading is not None and not self._loading and not self._jobs.writing

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(_("Loading…"), id="roster-title")
        with Horizontal(id="roster-body"):
            yield FittedTable(id="roster", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="findings"):
                yield Static(id="readiness")
                yield Static(id="finding-list")
        yield StepUpFooter()

    def on_resize(self) -> None:
        """Below this width the findings go under the participants, so Part and Attendance
        stay in view (the table fits its columns to its new width itself, `FittedTable`)."""
        body = self.query_one("#roster-body")
        body.set_class(self.size.width < NARROW, "-narrow")

    def on_mount(self) -> None:
        self.sub_title = _("Roster")
        self.follow_changes(self.store)
        self.load()

    @property
    def busy_with_store(self) -> bool:
        return self._loading or self._jobs.writing

    def reload_changed(self) -> None:
        """Someone else changed the roster: read it again (the cursor stays on its entry)."""
        self.load()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self._heading is not None:
            self.load()

    # --- reading (a worker) ------------------------------------------------------------------

    def load(self) -> None:
        """Read the roster and its readiness in a worker; `Loaded` shows them."""
        self._loading = True
        self._reads += 1
        self._read(self.store, self.case_id, self.clock.now(), self._reads, self._heading is None)

    @work(thread=True, exclusive=True, group="roster-read")
    def _read(
        self, store: Store, case_id: int, now: datetime, read: int, with_heading: bool
    ) -> None:
        self.before_reading()
        try:
            heading = roster.case_heading(store, case_id) if with_heading else None
        except StoreError as exc:
            self.post_message(self.LoadFailed(exc.message, leave=True))
            return
        try:
            lines = roster.roster_lines(store, case_id)
            readiness = case_readiness(store, case_id, now)
        except StoreError as exc:
            self.post_message(self.LoadFailed(exc.message))
            return
        self.post_message(self.Loaded(heading, lines, readiness, read))

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self._loading = False
        self.notify(event.message, severity="error", markup=False)
        if event.leave and self.app.screen is self:
            self.app.pop_screen()

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        if event.read != self._reads:
            return  # a newer read is on its way
        self._loading = False
        if event.heading is not None:
            self._show_heading(event.heading)
        if self._jobs.writing:
            return  # the roster is read again once the changes are stored
        self.lines = event.lines
        self._show_lines()
        self.show_findings(event.readiness)
        if self._focus_next is not None:
            self._focus_entry(self._focus_next)
            self._focus_next = None

    def _show_heading(self, heading: CaseHeading) -> None:
        self._heading = heading
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

    def _show_lines(self) -> None:
        """Fill the table with `self.lines`, the cursor kept on the selected entry."""
        table = self.query_one("#roster", FittedTable)
        selected = self._selected_id()
        rows = []
        for line in self.lines:
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
            cells = (
                plain(line.display_name, "bold" if role is RosterRole.CITIZEN else ""),
                what,
                plain(_(PART_LABELS[line.part])),
                plain(_(ATTENDANCE_LABELS[attendance]), style),
            )
            rows.append((str(line.id), cells))
        headings = (_("Name"), _("Role"), _("Part"), _("Attendance"))
        table.fill(headings, rows, flexible={0, 1})  # part, attendance always shown
        if selected is not None and any(line.id == selected for line in self.lines):
            table.move_cursor(row=table.get_row_index(str(selected)))

    def show_findings(self, readiness: Readiness) -> None:
        """The side panel: readiness, then every finding coloured by severity."""
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
        return next((line for line in self.lines if line.id == entry_id), None)

    def _focus_entry(self, entry_id: int | None) -> None:
        table = self.query_one("#roster", DataTable)
        if entry_id is not None and str(entry_id) in table.rows:
            table.move_cursor(row=table.get_row_index(str(entry_id)))
        table.focus()


_STYLES = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
