"""The day: its agenda as the coordinator runs it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from coordinator.domain.vocab import CASE_STATUS_LABELS, CHALLENGE_LABELS, CaseStatus, ChallengeKind
from coordinator.i18n import N_, _
from coordinator.screens.base import AppScreen
from coordinator.store.days import DayView, load_day
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain


def _span(start, end) -> str:  # noqa: ANN001 - datetimes
    return f"{start:%H:%M}–{end:%H:%M}"


class DayScreen(AppScreen):
    """The timeline of one step-up day: pre-meeting and meeting per case, breaks in place."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("All days"), id="day.back"),
        Binding("r", "refresh", N_("Refresh"), id="day.refresh"),
    ]

    def __init__(self, day_id: int) -> None:
        super().__init__()
        self.day_id = day_id
        self.view: DayView | None = None

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="day-summary")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#agenda", DataTable)
        table.add_columns(
            "#", _("Pre-meeting"), _("Meeting"), _("Citizen"), _("Challenges"), _("Status")
        )
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def load(self) -> None:
        store = self.store
        self.view = view = load_day(store, self.day_id, self.clock.now())
        day = view.day
        self.app.sub_title = f"{day.date:%d.%m.%Y}"
        summary = [
            _("Day {date}, {start}–{end}").format(
                date=day.date.isoformat(),
                start=day.start_time.strftime("%H:%M"),
                end=view.schedule.planned_end.strftime("%H:%M"),
            )
        ]
        if day.location:
            summary.append(day.location)
        if view.coordinator:
            summary.append(_("Coordinator: {name}").format(name=view.coordinator.name))
        self.query_one("#day-summary", Static).update(plain("  ·  ".join(summary)))
        table = self.query_one("#agenda", DataTable)
        table.clear()
        breaks = sorted(view.schedule.breaks, key=lambda b: b.start)
        for row in view.cases:
            slot = view.slot(row.case.id or 0)
            while breaks and breaks[0].start <= slot.planned_pre.start:
                brk = breaks.pop(0)
                table.add_row(
                    "",
                    plain(_span(brk.start, brk.end), "italic"),
                    plain(_("Break"), "italic"),
                    "",
                    "",
                    "",
                )
            challenges = ", ".join(
                _(CHALLENGE_LABELS[ChallengeKind(c)]) for c in row.case.challenges.split(",") if c
            )
            table.add_row(
                str(row.case.position),
                _span(slot.planned_pre.start, slot.planned_pre.end),
                _span(slot.planned_meeting.start, slot.planned_meeting.end),
                plain(row.citizen.name),
                challenges,
                _(CASE_STATUS_LABELS[CaseStatus(row.case.status)]),
                key=str(row.case.id),
            )
        for brk in breaks:
            table.add_row(
                "",
                plain(_span(brk.start, brk.end), "italic"),
                plain(_("Break"), "italic"),
                "",
                "",
                "",
            )
