"""The day screen's agenda: one row per case and per break, in the order the day runs.

Kept apart from the screen because drawing the agenda is a job of its own: which columns fit the
width, how wide each is, how a case and a break look (planned times with the prediction below
where it differs, readiness, status), and a cursor that only ever rests on a case; with it,
which case the cursor goes to (the running one, the current one, the next planned one). The
table is given the plain view of the day (`store.day_model`) and the schedule the screen
predicted; it never reads the store, and it redraws only when a row changed.

It lives in `screens/`, not `widgets/`: it is the day screen's own table and knows the store's
view-model types, which widgets may not import (the import-linter contracts in pyproject.toml).
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.widgets import DataTable

from coordinator.domain.findings import Severity
from coordinator.domain.gaps import EatenBreak, eaten_breaks, upcoming_gaps
from coordinator.domain.schedule import Interval, RunningPhase, Schedule
from coordinator.domain.vocab import CASE_STATUS_LABELS, CHALLENGE_LABELS, CaseStatus
from coordinator.i18n import _
from coordinator.widgets.plain import plain
from coordinator.widgets.table_fit import MIN_TEXT_WIDTH, cell_width, column_widths, ellipsised

if TYPE_CHECKING:
    from coordinator.store.day_model import AgendaCase, DayModel
    from coordinator.store.readiness import Readiness

#: From this screen width the agenda also shows each case's challenges.
WIDE = 100
DONE_LIKE = frozenset(
    {CaseStatus.DONE, CaseStatus.ABSENT_HELD, CaseStatus.CANCELLED, CaseStatus.ABSENT}
)
RUNNING = frozenset({CaseStatus.PRE_MEETING, CaseStatus.MEETING})

#: A cell of the agenda: styled text, or "" for an empty one.
Cell = Text | str
#: A row of the agenda: its key (a case id, `break-<n>` or `gap-<n>`) and its cells.
Row = tuple[str, tuple[Cell, ...]]


def _span(interval: Interval) -> str:
    return f"{interval.start:%H:%M}–{interval.end:%H:%M}"


def _times(planned: Interval, predicted: Interval, style: str, start_only: bool = False) -> Text:
    """The planned times, and on a second line where the prediction differs. `start_only`
    for the pre-meeting on a narrow screen: it ends when the meeting starts."""

    def show(interval: Interval) -> str:
        return f"{interval.start:%H:%M}" if start_only else _span(interval)

    text = Text(show(planned), style=style)
    if show(planned) != show(predicted):
        text.append("\n→ " + show(predicted), style="bold yellow")
    return text


def readiness_text(readiness: Readiness, material_late: bool = False) -> Text:
    """Preparation complete (✓/✗) and the roster's errors and warnings, as the agenda shows
    them; below, when the meeting material is late (not sent two working days before) and when
    the citizen has no consent in force."""
    prepared = readiness.preparation_complete
    text = Text("✓" if prepared else "✗", style="green" if prepared else "red")
    text.append(" · ", style="dim")
    parts: list[tuple[str, str]] = []
    errors, warnings = readiness.counts[Severity.ERROR], readiness.counts[Severity.WARNING]
    if errors:
        parts.append((_("{count} err.").format(count=errors), "red"))
    if warnings:
        parts.append((_("{count} warn.").format(count=warnings), "yellow"))
    if not parts:
        text.append("OK", style="green")
    for index, (label, style) in enumerate(parts):
        text.append((", " if index else "") + label, style=style)
    if material_late:
        text.append("\n" + _("mat. not sent"), style="bold red")
    consent = next((f for f in readiness.findings if f.code.startswith("consent-")), None)
    if consent is not None:  # the citizen has not consented, or withdrew (store/consent.py)
        style = "bold red" if consent.severity is Severity.ERROR else "yellow"
        text.append("\n" + _("no consent"), style=style)
    return text


#: A break's or gap's words wrap at this width on a narrow agenda.
NARROW_LABEL = 18

#: The reason under a status is cut to this: the agenda's status column stays narrow.
REASON_WIDTH = 18


def _shortened(text: str, width: int) -> Text:
    """The reason on one line, cut to `width` terminal cells (not characters)."""
    return ellipsised(plain(" ".join(text.split()), "italic"), width)


def gap_text(gap: Interval) -> str:
    """How the agenda and the gap dialog name empty time in the day."""
    minutes = int(gap.duration.total_seconds() // 60)
    return _("Gap {start}–{end} ({minutes} min)").format(
        start=f"{gap.start:%H:%M}", end=f"{gap.end:%H:%M}", minutes=minutes
    )


def running_case_id(model: DayModel) -> int | None:
    """The case whose pre-meeting or meeting runs."""
    return next((c.id for c in model.cases if c.status in RUNNING), None)


def current_case_id(model: DayModel) -> int | None:
    """The running case, else the first planned one (where the cursor starts)."""
    running = running_case_id(model)
    if running is not None:
        return running
    return next((c.id for c in model.cases if c.status is CaseStatus.PLANNED), None)


def next_case_after(model: DayModel, case_id: int) -> int | None:
    """The first planned case after `case_id` in agenda order (where the day goes on)."""
    ids = [c.id for c in model.cases]
    later = model.cases[ids.index(case_id) + 1 :] if case_id in ids else ()
    return next((c.id for c in later if c.status is CaseStatus.PLANNED), None)


def _is_break(key: object) -> bool:
    """A row no case key works on: a break, or empty time (a gap)."""
    return str(key).startswith(("break-", "gap-"))


class AgendaTable(DataTable[Cell]):
    """The agenda of one day: pre-meeting and meeting per case, breaks in place."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        #: Whether the challenges are left out (a narrow screen); None before the first draw.
        self._compact: bool | None = None
        self._rendered: list[Row] = []
        self._column_spec: list[tuple[str, int]] = []
        self._width = 0
        #: Where the cursor was, so it knows which way to step over a break.
        self._cursor_row = 0

    # --- drawing ----------------------------------------------------------------------------

    def show_day(
        self,
        model: DayModel,
        schedule: Schedule,
        running: RunningPhase | None,
        width: int,
        now: datetime | None = None,
    ) -> None:
        """Draw the day as predicted on a screen `width` columns wide; nothing is redrawn when
        no row changed, and the cursor stays on the case it was on. Empty time still ahead at
        `now` (a case that no longer fit before lunch) is a row of its own, and a break an
        overrun ran into says so."""
        if self._columns(width) or width != self._width:
            self._width = width
            self._rendered = []
        rows: list[Row] = []
        eaten = {item.brk: item for item in eaten_breaks(schedule)}
        # Breaks (a floating lunch shown where it moved) and gaps, in time order.
        fillers: list[tuple[Interval, bool]] = sorted(
            [(brk, True) for brk in schedule.predicted_breaks]
            + [(gap, False) for gap in upcoming_gaps(schedule, now)],
            key=lambda item: (item[0].start, item[0].end),
        )

        def filler_row(item: tuple[Interval, bool]) -> Row:
            interval, is_break = item
            if is_break:
                return self._break_row(interval, len(rows), eaten.get(interval))
            return self._gap_row(interval, len(rows))

        for case in model.cases:
            slot = schedule.slot(case.id)
            # Breaks sit where the day really pauses: before the slot's predicted start.
            start = slot.predicted_pre.start if slot.held else slot.planned_pre.start
            while fillers and fillers[0][0].start <= start:
                rows.append(filler_row(fillers.pop(0)))
            rows.append((str(case.id), self._case_cells(model, case, schedule, running)))
        while fillers:
            rows.append(filler_row(fillers.pop(0)))
        if self._compact:
            rows = [(key, cells[:4] + cells[5:]) for key, cells in rows]
        if rows == self._rendered:
            return
        self._rendered = rows
        selected = self.selected_case_id()
        widths = self._fit_columns(rows, width)
        self.clear()
        for key, cells in rows:
            height = max(str(cell).count("\n") + 1 for cell in cells)
            fitted = [
                ellipsised(cell, cells_wide) if isinstance(cell, Text) else cell
                for cell, cells_wide in zip(cells, widths, strict=True)
            ]
            self.add_row(*fitted, key=key, height=height)
        if selected is not None:
            self.focus_case(selected)

    def _columns(self, width: int) -> bool:
        """Whether the agenda is compact changed with the width. Below `WIDE` columns the
        challenges are left out so the times and status stay readable."""
        compact = width < WIDE
        if compact == self._compact:
            return False
        self._compact = compact
        return True

    def _fit_columns(self, rows: list[Row], width: int) -> list[int]:
        """Give the columns as wide as their widest cell, rebuilt when that changes; the
        citizen and the challenges (the columns that can be long) share what the others leave
        of `width`, so time, citizen and status always show (a long name ends in "…").

        Widths are set, not measured by the table when idle: the rows arrive after the table
        was first drawn, and a line drawn before the table measured them would stay cut."""
        labels = ["#", _("Pre-meeting"), _("Meeting"), _("Citizen"), _("Challenges")]
        if self._compact:
            labels.pop()
        labels += [_("Prep. · roster"), _("Status")]
        natural = [
            max([cell_width(label)] + [cell_width(cells[i]) for _key, cells in rows])
            for i, label in enumerate(labels)
        ]
        # A gap's or an eaten break's words (wrapped to NARROW_LABEL) are never cut: the
        # citizen column keeps room for them, and only names longer than that end in "…".
        notices = [
            cell_width(cells[3]) for key, cells in rows if key.startswith(("gap-", "break-"))
        ]
        floor = max([MIN_TEXT_WIDTH, *(min(w, NARROW_LABEL) for w in notices)])
        flexible = {3: floor} if self._compact else {3: floor, 4: MIN_TEXT_WIDTH}
        widths = column_widths(natural, width, flexible)
        spec = list(zip(labels, widths, strict=True))
        if spec != self._column_spec:
            self._column_spec = spec
            self.clear(columns=True)
            for label, cells_wide in spec:
                self.add_column(label, width=cells_wide)
        return widths

    def _break_row(self, brk: Interval, index: int, eaten: EatenBreak | None = None) -> Row:
        style = "italic dim"
        span, label = plain(_span(brk), style), plain(_("Break"), style)
        if eaten is not None and eaten.whole:
            label = plain(self._narrow(_("The overrun has eaten the lunch")), "bold red")
        elif eaten is not None:
            minutes = int(eaten.eaten.total_seconds() // 60)
            text = _("Break ({minutes} min eaten by the overrun)").format(minutes=minutes)
            label = plain(self._narrow(text), "bold yellow")
        if self._compact:  # the narrow pre-meeting column only holds a start time
            return f"break-{index}", ("", "", span, label, "", "", "")
        return f"break-{index}", ("", span, label, "", "", "", "")

    def _gap_row(self, gap: Interval, index: int) -> Row:
        """Empty time nobody announced: in the citizen column, so the times stay narrow."""
        text = plain(self._narrow(gap_text(gap)), "italic yellow")
        return f"gap-{index}", ("", "", "", text, "", "", "")

    def _narrow(self, text: str) -> str:
        """A break's or gap's words on lines of at most `NARROW_LABEL` characters on a narrow
        agenda, so they never widen the citizen column past the names (Status stays in view)."""
        return textwrap.fill(text, NARROW_LABEL) if self._compact else text

    def _case_cells(
        self,
        model: DayModel,
        case: AgendaCase,
        schedule: Schedule,
        running: RunningPhase | None,
    ) -> tuple[Cell, ...]:
        slot = schedule.slot(case.id)
        status = case.status
        is_running = running is not None and running.case_id == case.id
        style = "dim" if status in DONE_LIKE else ("bold" if is_running else "")
        if status in (CaseStatus.CANCELLED, CaseStatus.ABSENT):
            style = "dim strike"
        held = status not in (CaseStatus.CANCELLED, CaseStatus.ABSENT)
        pre = slot.predicted_pre if held else slot.planned_pre
        meeting = slot.predicted_meeting if held else slot.planned_meeting
        challenges = ", ".join(_(CHALLENGE_LABELS[kind]) for kind in case.challenges)
        status_text = Text(_(CASE_STATUS_LABELS[status]), style=style)
        if case.reason and status is not CaseStatus.PLANNED:  # why absent or cancelled
            status_text.append("\n")
            status_text.append(_shortened(case.reason, REASON_WIDTH))
        moved = model.moved_from(case, schedule)
        if moved is not None:
            status_text.append(
                "\n" + _("moved from {time}").format(time=f"{moved:%H:%M}"), style="bold yellow"
            )
        if is_running and running is not None:
            status_text.stylize(
                "bold black on red" if running.is_overrun else "bold black on green"
            )
        marker = "▶ " if is_running else ""
        return (
            Text(f"{marker}{case.position}", style=style),
            _times(slot.planned_pre, pre, style, start_only=bool(self._compact)),
            _times(slot.planned_meeting, meeting, style),
            plain(case.citizen, style),
            Text(challenges, style=style),
            readiness_text(case.readiness, case.material_late) if case.readiness else Text(""),
            status_text,
        )

    # --- the cursor -------------------------------------------------------------------------

    def selected_case_id(self) -> int | None:
        """The case under the cursor (None on a break or an empty agenda)."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key and key.isdigit() else None

    def focus_case(self, case_id: int | None) -> None:
        """Put the cursor on the case (nothing when it is None or no longer on the agenda)."""
        if case_id is None:
            return
        try:
            index = self.get_row_index(str(case_id))
        except Exception:  # noqa: BLE001 - the row is gone (another writer); keep the cursor
            return
        self.move_cursor(row=index, animate=False)

    @on(DataTable.RowHighlighted)
    def _step_over_breaks(self, event: DataTable.RowHighlighted) -> None:
        """The cursor steps over a break in the direction it was moving: every key of the day
        screen acts on a case, so the cursor never rests where no key works."""
        row = event.cursor_row
        moving_up = row < self._cursor_row
        if _is_break(event.row_key.value):
            order = [row - 1, row + 1] if moving_up else [row + 1, row - 1]
            for step in order:
                while 0 <= step < self.row_count:
                    key = self.coordinate_to_cell_key((step, 0)).row_key.value
                    if not _is_break(key):
                        self._cursor_row = step
                        self.move_cursor(row=step, animate=False)
                        return
                    step += -1 if step < row else 1
        self._cursor_row = row
