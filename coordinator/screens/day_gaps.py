"""The day screen's gap key: use the empty time the agenda shows (issue 21, item 16).

A case that no longer fits before lunch leaves the room empty; the agenda shows that gap as a
row ("Gap 10:30–11:00 (30 min)"). `l` offers what can fill it: move the lunch earlier into it
(only when the lunch follows the gap directly; its length and latest start stay, so the day's
lunch policy holds), or pull a later case that fits into it. Which gap and what fits is pure
(`domain/gaps.py`, on the day the screen holds); what would change is asked of the store in a
worker (nothing stored), shown in a confirmation, and on yes written through the day's writer
queue like every other change, after the ones pressed before.

Mixed into `DayScreen` (like `StatusActions`), so the screen module keeps to its keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coordinator.domain.breaks import Interval
from coordinator.domain.gaps import gap_candidates, lunch_into_gap, upcoming_gaps
from coordinator.i18n import N_, _
from coordinator.screens.base import AppModal
from coordinator.screens.day_agenda import gap_text
from coordinator.screens.day_writer import QueuedChange
from coordinator.store.errors import StoreError
from coordinator.widgets.plain import plain

if TYPE_CHECKING:
    from coordinator.screens.day import DayScreen
    from coordinator.store.database import Store

#: The choice that moves the lunch; a case's choice is its id.
LUNCH = "lunch"


class GapDialog(AppModal[str | None]):
    """The ways to use a gap, one per line; enter chooses, escape does nothing."""

    CSS_PATH = "day_dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"), id="gap.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="gap-dialog"):
            yield Static(plain(self.title_text), id="question")
            yield OptionList(*(Option(plain(label), id=key) for key, label in self.choices))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class GapActions:
    """Mixed into the day screen: `l` uses the next gap still ahead."""

    def action_use_gap(self: DayScreen) -> None:
        if self.model is None:
            return
        now = self.clock.now()
        schedule = self.model.schedule(now)
        gaps = upcoming_gaps(schedule, now)
        if not gaps:
            self.notify(_("The day has no empty time to fill."))
            return
        gap = gaps[0]
        choices: list[tuple[str, str]] = []
        breaks = lunch_into_gap(schedule, gap)
        if breaks is not None:
            choices.append((LUNCH, _("Move the lunch earlier, into the gap")))
        for case_id in gap_candidates(self.model.plan, self.model.timings, schedule, gap):
            case = self._case(case_id)
            label = _("Pull the case of {citizen} ({start}) into the gap").format(
                citizen=case.citizen, start=f"{schedule.slot(case_id).planned_start:%H:%M}"
            )
            choices.append((str(case_id), label))
        if not choices:
            self.notify(
                _("{gap}: no later case fits, and no lunch follows it.").format(gap=gap_text(gap))
            )
            return

        def chosen(choice: str | None) -> None:
            if choice == LUNCH and breaks is not None:
                self._move_lunch(gap, breaks)
            elif choice:
                self._pull_into_gap(gap, int(choice))

        title = gap_text(gap) + "\n" + _("How should the gap be used?")
        self.app.push_screen(GapDialog(title, choices), chosen)

    def _move_lunch(self: DayScreen, gap: Interval, breaks: tuple) -> None:  # noqa: ANN001
        from coordinator.store.day_edits import DayChanges, edit_day

        changes = DayChanges(breaks=tuple((b.start, b.end, b.latest_start) for b in breaks))
        day_id = self.day_id

        def question(store: Store) -> str:
            edit = edit_day(store, day_id, changes, apply=False)
            lines = [_("Move the lunch to {start}?").format(start=f"{gap.start:%H:%M}")]
            lines += [
                f"{m.citizen}: {m.old_start:%H:%M} → {m.new_start:%H:%M}"
                + (" " + _("(invited: tell them)") if m.case_id in edit.invited else "")
                for m in edit.moves
            ]
            return "\n".join(lines)

        def write(store: Store) -> None:
            edit_day(store, day_id, changes)

        self._ask_then_write(question, write)

    def _pull_into_gap(self: DayScreen, gap: Interval, case_id: int) -> None:
        from coordinator.store.gap_fill import pull_into_gap

        day_id = self.day_id

        def question(store: Store) -> str:
            fill = pull_into_gap(store, day_id, case_id, gap.start, gap.end, apply=False)
            lines = [
                _("Move the case of {citizen} from {old} to {new}?").format(
                    citizen=fill.citizen,
                    old=f"{fill.old_start:%H:%M}",
                    new=f"{fill.new_start:%H:%M}",
                )
            ]
            if fill.invited:
                lines.append(_("Its participants were invited: tell them the new time."))
            lines += [
                f"{m.citizen}: {m.old_start:%H:%M} → {m.new_start:%H:%M}" for m in fill.others
            ]
            return "\n".join(lines)

        def write(store: Store) -> None:
            pull_into_gap(store, day_id, case_id, gap.start, gap.end)

        self._focus_next = case_id
        self._ask_then_write(question, write)

    def _ask_then_write(
        self: DayScreen, question: Callable[[Store], str], write: Callable[[Store], object]
    ) -> None:
        """Ask the store what would change (a worker, nothing stored), confirm, then queue the
        write for the day's writer thread."""
        from coordinator.screens.day_dialogs import ConfirmDialog

        store = self.store

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._submit(QueuedChange(None, write, self.clock.now()))

        def ask(text: str) -> None:
            self.app.push_screen(ConfirmDialog(text), done)

        def preview() -> None:
            try:
                text = question(store)
            except StoreError as exc:
                self.app.call_from_thread(self.notify, exc.message, severity="error", markup=False)
                return
            self.app.call_from_thread(ask, text)

        self.run_worker(preview, thread=True, exclusive=True, group="day-gap")
