"""The referral queue: citizens referred to a step-up, waiting for a slot on a day.

Who waits, their challenges, who referred them and why, how urgent, since when and how many
days; below, the next days with room for more cases. `p` (or enter) plans the selected
referral onto one of those days (its case is made, the referral marked planned); `n` adds a
referral; `w` withdraws one (with a reason). Reads run in a worker (`QueueLoaded`); the
dialogs store in their own worker and the queue is read again once they close.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Static

from coordinator.domain.vocab import CHALLENGE_LABELS
from coordinator.i18n import N_, _, ngettext
from coordinator.screens.base import AppScreen
from coordinator.screens.days import WEEKDAYS
from coordinator.store.errors import StoreError
from coordinator.store.referrals import FreeDay, ReferralView, free_days, list_referrals
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.plain import plain
from coordinator.widgets.table_fit import FittedTable


@dataclass
class QueueLoaded(Message):
    referrals: list[ReferralView]
    days: list[FreeDay]
    select: int | None = None


@dataclass
class QueueFailed(Message):
    message: str


def day_label(day: FreeDay) -> str:
    """A free day as the queue and the plan dialog name it."""
    return ngettext(
        "{date} {weekday}: {cases} case, room for {free}",
        "{date} {weekday}: {cases} cases, room for {free}",
        day.cases,
    ).format(
        date=f"{day.date:%d.%m.%Y}",
        weekday=_(WEEKDAYS[day.date.weekday()]),
        cases=day.cases,
        free=day.free,
    )


def short_label(day: FreeDay) -> str:
    """A free day in the queue's bottom line (several share one line)."""
    return ngettext(
        "{date} {weekday} ({free} place free)", "{date} {weekday} ({free} places free)", day.free
    ).format(date=f"{day.date:%d.%m}", weekday=_(WEEKDAYS[day.date.weekday()]), free=day.free)


class QueueScreen(AppScreen):
    """The waiting referrals, urgent first, then the longest waiting."""

    CSS_PATH = "queue.tcss"
    BINDINGS = [
        Binding("p", "plan", N_("Plan onto a day"), id="queue.plan"),
        Binding("n", "add", N_("New referral"), id="queue.add"),
        Binding("w", "withdraw", N_("Withdraw"), id="queue.withdraw"),
        Binding("r", "refresh", N_("Refresh"), id="queue.refresh"),
        Binding("escape", "app.pop_screen", N_("Back"), id="queue.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.referrals: list[ReferralView] = []
        self.days: list[FreeDay] = []
        self._loading = False

    @property
    def settled(self) -> bool:
        """The queue is read and shown (for tests and snapshots)."""
        return not self._loading

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        yield Static(id="queue-hint", classes="empty-hint")
        yield FittedTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Static(id="queue-days")
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Referral queue")
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    def action_refresh(self) -> None:
        self.load()

    def load(self, select: int | None = None) -> None:
        self._loading = True
        store = self.store

        def read() -> None:
            try:
                message = QueueLoaded(list_referrals(store), free_days(store), select)
            except StoreError as exc:
                self.post_message(QueueFailed(exc.message))
                return
            self.post_message(message)

        self.run_worker(read, thread=True, exclusive=True, group="queue-read", name="read queue")

    @on(QueueFailed)
    def _failed(self, message: QueueFailed) -> None:
        self._loading = False
        self.notify(message.message, severity="error", markup=False)

    @on(QueueLoaded)
    def _loaded(self, message: QueueLoaded) -> None:
        self._loading = False
        table = self.query_one("#queue", FittedTable)
        select = message.select if message.select is not None else self.selected_id()
        self.referrals, self.days = message.referrals, message.days
        rows = []
        for ref in self.referrals:
            urgent = Text(_("urgent"), style="bold") if ref.urgent else Text("")
            cells = (
                plain(ref.citizen),
                Text(", ".join(_(CHALLENGE_LABELS[k]) for k in ref.challenges)),
                plain(ref.referred_by),
                urgent,
                Text(f"{ref.referred_on:%d.%m.%Y}"),
                Text(str(ref.waiting_days), justify="right"),
                plain(ref.reason),
            )
            rows.append((str(ref.id), cells))
        headings = (_("Citizen"), _("Challenges"), _("Referred by"), _("Urgent"))
        headings += (_("Waiting since"), _("Days"), _("Reason"))
        table.fill(headings, rows, flexible={0, 1, 2, 6})  # urgent, dates always shown
        for index, ref in enumerate(self.referrals):
            if ref.id == select:
                table.move_cursor(row=index, animate=False)
        hint = self.query_one("#queue-hint", Static)
        hint.update("" if self.referrals else _("Nobody is waiting. Press n to add a referral."))
        hint.display = not self.referrals
        if self.days:
            line = _("Next days with room:") + " " + " · ".join(short_label(d) for d in self.days)
        else:
            line = _("No planned day has room; create a day first.")
        self.query_one("#queue-days", Static).update(line)

    def selected_id(self) -> int | None:
        table = self.query_one("#queue", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key else None

    @on(DataTable.RowSelected, "#queue")
    def _row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_plan()

    def action_plan(self) -> None:
        from coordinator.screens.queue_dialogs import PlanReferralDialog

        referral_id = self.selected_id()
        if referral_id is None:
            self.notify(_("Select a referral first."), severity="warning")
            return
        if not self.days:
            self.notify(_("No planned day has room; create a day first."), severity="warning")
            return
        referral = next(r for r in self.referrals if r.id == referral_id)

        def done(case_id: int | None) -> None:
            if case_id:
                self.notify(
                    _("{citizen} is planned (case {id}).").format(
                        citizen=referral.citizen, id=case_id
                    ),
                    markup=False,
                )
                self.load()

        self.app.push_screen(PlanReferralDialog(referral, self.days), done)

    def action_add(self) -> None:
        from coordinator.screens.queue_dialogs import AddReferralDialog

        def done(referral_id: int | None) -> None:
            if referral_id:
                self.load(select=referral_id)

        self.app.push_screen(AddReferralDialog(), done)

    def action_withdraw(self) -> None:
        """Take the selected referral out of the queue, with the reason typed."""
        from coordinator.screens.day_questions import Reason, ReasonDialog
        from coordinator.store.referrals import withdraw_referral

        referral_id = self.selected_id()
        if referral_id is None:
            self.notify(_("Select a referral first."), severity="warning")
            return
        referral = next(r for r in self.referrals if r.id == referral_id)
        store = self.store

        def withdraw(reason: str) -> None:
            try:
                withdraw_referral(store, referral_id, reason)
            except StoreError as exc:
                self.post_message(QueueFailed(exc.message))
                return
            self.app.call_from_thread(
                self.notify,
                _("{citizen} is no longer waiting.").format(citizen=referral.citizen),
                markup=False,
            )
            self.app.call_from_thread(self.load)

        def done(reason: Reason | None) -> None:
            if reason is not None:
                self.run_worker(lambda: withdraw(reason.text), thread=True, group="queue-write")

        question = _("Withdraw the referral of {citizen}? They leave the queue.").format(
            citizen=referral.citizen
        )
        self.app.push_screen(ReasonDialog(question, _("Withdraw")), done)
