"""The audit trail, readable: who read, changed, exported or erased what, and when.

Newest first, one line per event, read in a worker. The trail never holds the sensitive values
(store/audit.py), so nothing here needs masking; the path of an export is shown as written.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.store.audit import AuditLine, events
from coordinator.store.errors import StoreError
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain

#: How many of the newest events the screen shows (the CLI shows all, `--since` narrows).
SHOWN = 500

ACTION_LABELS: dict[str, str] = {
    "read": N_("read"),
    "export": N_("exported"),
    "erase": N_("erased"),
    "purge": N_("purged"),
    "add": N_("added"),
    "create": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
    "edit": N_("edited"),
    "batch": N_("reordered"),
    "finalise": N_("finalised"),
    "import": N_("imported"),
    "move": N_("moved"),
    "plan": N_("planned"),
    "withdraw": N_("withdrawn"),
    "progress": N_("progress"),
    "pull-forward": N_("pulled forward"),
    "roster-add": N_("roster: added"),
    "roster-remove": N_("roster: removed"),
    "roster-restore": N_("roster: restored"),
    "roster-update": N_("roster: changed"),
    "sent": N_("sent"),
    "status": N_("status changed"),
    "undo-delete": N_("deletion undone"),
    "absent": N_("absent"),
    "absent-held": N_("absent (held)"),
    "cancel": N_("cancelled"),
    "start-pre-meeting": N_("pre-meeting started"),
    "start-meeting": N_("meeting started"),
    "end-meeting": N_("meeting ended"),
}

#: What an event is about, as the store names it (an unknown name is shown as stored).
ENTITY_LABELS: dict[str, str] = {
    "case": N_("case"),
    "citizen": N_("citizen"),
    "day": N_("day"),
    "agreement": N_("agreement"),
    "agreement-item": N_("agreement item"),
    "person": N_("person"),
    "referral": N_("referral"),
    "rating": N_("rating"),
    "preparation": N_("preparation"),
    "material": N_("material"),
    "material-bundle": N_("material bundle"),
    "outcome": N_("outcome"),
    "consent": N_("consent"),
    "retention": N_("retention"),
    "insight": N_("insight"),
    "letter": N_("letter"),
    "tasks": N_("tasks"),
}


class AuditScreen(AppScreen):
    """The newest events of the trail; r reads it again, escape goes back."""

    CSS_PATH = "audit.tcss"
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="audit.back"),
        Binding("r", "refresh", N_("Refresh"), id="audit.refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(_("Loading…"), id="audit-hint")
        yield DataTable(id="audit", cursor_type="row", zebra_stripes=True)
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Audit trail")
        self.query_one("#audit", DataTable).add_columns(_("When"), _("Who"), _("What"), _("Detail"))
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

    @work(thread=True, exclusive=True, group="audit-read")
    def load(self) -> None:
        try:
            lines = events(self.store, limit=SHOWN)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, exc.message, severity="error", markup=False)
            return
        self.app.call_from_thread(self._show, lines)

    def _show(self, lines: list[AuditLine]) -> None:
        table = self.query_one("#audit", DataTable)
        table.clear()
        for line in reversed(lines):
            action = _(ACTION_LABELS[line.action]) if line.action in ACTION_LABELS else line.action
            entity = _(ENTITY_LABELS[line.entity]) if line.entity in ENTITY_LABELS else line.entity
            what = f"{action} {entity}"
            if line.entity_id is not None:
                what += f" {line.entity_id}"
            detail = line.path or line.detail
            table.add_row(
                plain(line.at.strftime("%d.%m %H:%M")),
                plain(line.actor),
                plain(what),
                plain(detail),
            )
        hint = self.query_one("#audit-hint", Static)
        hint.update(
            _("{n} events, newest first. Full trail: coordinator audit --since DATE").format(
                n=len(lines)
            )
        )
