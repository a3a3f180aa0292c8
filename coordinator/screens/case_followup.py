"""One case after its meeting: every item with its progress, the three-month outcome and the
citizen's F.I.T. ratings as a curve. Opened with F3 from the agreement and the day screens (and
the follow-up list); r keeps a session rating, e an outcome rating, u the outcome.

Read in a worker; each rating or outcome is stored in order by a worker (`StoreJobs`) and the
case read again, so the curve grows as the citizen answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Label, Static

from coordinator.domain.followup import (
    OUTCOME_LABELS,
    PROBLEM_SOLVED_LABELS,
    PROGRESS_LABELS,
    RatingKind,
)
from coordinator.domain.vocab import ITEM_KIND_LABELS
from coordinator.i18n import N_, _
from coordinator.screens.base import AppModal
from coordinator.screens.followup_dialogs import OutcomeDialog, RatingDialog
from coordinator.screens.store_jobs import StoreJobs
from coordinator.store.database import Store
from coordinator.store.errors import StoreError
from coordinator.store.followup_views import CaseFollowup, case_followup
from coordinator.store.outcomes import set_outcome
from coordinator.store.ratings import add_rating
from coordinator.widgets.plain import plain


def progress_text(item) -> Text:  # noqa: ANN001 - a FollowupItem
    """An item's progress in one line: status, dates, the last note (taken literally)."""
    parts = [_(PROGRESS_LABELS[item.status])]
    if item.started_on:
        parts.append(_("started {date}").format(date=item.started_on.isoformat()))
    if item.done_on:
        parts.append(_("done {date}").format(date=item.done_on.isoformat()))
    text = Text(", ".join(parts))
    if item.last_note:
        text.append(" — ")
        text.append_text(plain(item.last_note, "italic"))
    return text


class CaseFollowupDialog(AppModal[None]):
    """The follow-up of one case."""

    CSS_PATH = "followup.tcss"
    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="casefollowup.close"),
        Binding("r", "rate('session')", N_("Session rating"), id="casefollowup.session"),
        Binding("e", "rate('outcome')", N_("Outcome rating"), id="casefollowup.outcome-rating"),
        Binding("u", "outcome", N_("Outcome"), id="casefollowup.outcome"),
    ]

    @dataclass
    class Loaded(Message):
        view: CaseFollowup

    @dataclass
    class LoadFailed(Message):
        message: str

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.view: CaseFollowup | None = None
        self._loading = True
        self._jobs = StoreJobs(self, "casefollowup-write", self.load)

    @property
    def settled(self) -> bool:
        return not self._loading and not self._jobs.writing

    @property
    def today(self) -> date:
        return self.app.clock.now().date()  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="case-followup"):
            yield Label(
                _("Follow-up of case {case}").format(case=self.case_id), classes="dialog-title"
            )
            yield DataTable(id="case-items", cursor_type="row", zebra_stripes=True)
            yield Static(id="case-outcome")
            yield Static(id="case-flag")
            from coordinator.widgets.rating_curve import RatingCurve  # plotext: when shown

            yield RatingCurve(id="case-curve")

    def on_mount(self) -> None:
        self.query_one("#case-items", DataTable).add_columns(
            _("Due"), _("Progress"), _("Responsible"), _("Kind"), _("Item")
        )
        self.load()

    def load(self) -> None:
        self._loading = True
        self._read(self.store, self.case_id, self.today)

    @work(thread=True, exclusive=True, group="casefollowup-read")
    def _read(self, store: Store, case_id: int, today: date) -> None:
        try:
            self.post_message(self.Loaded(case_followup(store, case_id, today)))
        except StoreError as exc:
            self.post_message(self.LoadFailed(exc.message))

    @on(LoadFailed)
    def _failed(self, message: LoadFailed) -> None:
        self._loading = False
        self.notify(message.message, severity="error", markup=False)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self._loading = False
        self.view = view = message.view
        title = self.query_one(".dialog-title", Label)
        title.update(
            Text(_("Follow-up of case {case}: ").format(case=view.case_id)).append_text(
                plain(view.citizen)
            )
        )
        table = self.query_one("#case-items", DataTable)
        table.clear()
        for item in view.items:
            table.add_row(
                item.due.isoformat() if item.due else "-",
                progress_text(item),
                plain(item.responsible),
                _(ITEM_KIND_LABELS[item.kind]),
                plain(item.text),
                key=str(item.id),
            )
        outcome = view.outcome
        if outcome is None:
            line = Text(_("No outcome yet (u to record it)."), style="dim")
        else:
            line = Text(
                _("Outcome {date}: {category}{workplace}; problem taken care of: {solved}").format(
                    date=outcome.recorded_on.isoformat(),
                    category=_(OUTCOME_LABELS[outcome.category]),
                    workplace=_(" (at a workplace)") if outcome.at_workplace else "",
                    solved=_(PROBLEM_SOLVED_LABELS[outcome.problem_solved])
                    if outcome.problem_solved
                    else "-",
                )
            )
            if outcome.note:
                line.append(" — ").append_text(plain(outcome.note, "italic"))
        self.query_one("#case-outcome", Static).update(line)
        flag = self.query_one("#case-flag", Static)
        flag.update(
            Text(_("The last session rating is below 36: ask what could be better."), "bold")
            if view.flagged
            else (_("No ratings yet (r: session, e: outcome).") if not view.ratings else "")
        )
        from coordinator.widgets.rating_curve import RatingCurve

        self.query_one(RatingCurve).show(
            [(r.rated_on, r.kind.value, r.total) for r in view.ratings]
        )

    def _heading(self) -> str:
        view = self.view
        return _("Case {case}: {citizen}").format(
            case=self.case_id, citizen=view.citizen if view else ""
        )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_rate(self, kind: str) -> None:
        store, case_id = self.store, self.case_id

        def done(rating) -> None:  # noqa: ANN001 - RatingInput | None
            if rating is None:
                return
            self._jobs.submit(
                lambda: add_rating(store, case_id, rating.kind, rating.scores, rating.on),
                lambda saved: self.notify(
                    _("Rating kept: {total:g} of 40.").format(total=saved.total)
                ),
            )

        self.app.push_screen(RatingDialog(self._heading(), self.today, RatingKind(kind)), done)

    def action_outcome(self) -> None:
        store, case_id = self.store, self.case_id

        def done(outcome) -> None:  # noqa: ANN001 - OutcomeInput | None
            if outcome is None:
                return
            self._jobs.submit(
                lambda: set_outcome(
                    store,
                    case_id,
                    outcome.category,
                    outcome.on,
                    outcome.problem_solved,
                    outcome.note,
                ),
                lambda _saved: self.notify(_("Outcome recorded.")),
            )

        self.app.push_screen(OutcomeDialog(self._heading(), self.today), done)
