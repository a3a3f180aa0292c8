"""The day screen's batching key: propose the order of the cases that keeps each professional
present briefest, show the minutes now and proposed, and apply it on yes.

The proposal is computed in a worker (up to 8! orders, see `domain.batching`); applying goes
through the day's writer queue like every other change, so it waits behind changes pressed
before it. The store refuses to apply when the day changed in between (one-line notice).

Cases whose invitations went out keep their planned starts -- unless the coordinator says
otherwise: when letting them move would give a better order, the screen asks first (both
proposals' minutes side by side); moved invited cases are then marked moved until re-sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coordinator.i18n import _
from coordinator.screens.day_writer import QueuedChange
from coordinator.store.batching import BatchView, apply_order, propose_batch
from coordinator.store.errors import StoreError

if TYPE_CHECKING:
    from coordinator.screens.day import DayScreen


def describe(view: BatchView) -> str:
    """The question the dialog asks: minutes now and proposed, per person, the new order."""
    lines = [
        _("Professionals present {now} min now, {proposed} min in the proposed order.").format(
            now=view.now_minutes, proposed=view.proposed_minutes
        ),
        "",
    ]
    # only the people whose minutes change, and the order on one wrapping line, so a day of
    # eight cases still fits a 24-line terminal
    lines += [f"  {p.name}: {p.now} → {p.proposed} min" for p in view.people if p.now != p.proposed]
    lines.append("")
    lines.append(
        " · ".join(
            f"{position}. {view.citizens[case_id]}"
            for position, case_id in enumerate(view.order, start=1)
        )
    )
    if view.invited and view.keep_invited:
        lines += ["", _("Invited cases keep their times.")]
    elif view.invited:
        lines += ["", _("Invited cases that move are marked moved: send them new invitations.")]
    lines += ["", _("Use this order?")]
    return "\n".join(lines)


class BatchActions:
    """Mixed into the day screen: `action_batch` and what follows it."""

    def action_batch(self: DayScreen) -> None:
        store, day_id = self.store, self.day_id

        def propose() -> None:
            try:
                view = propose_batch(store, day_id)
                free = propose_batch(store, day_id, keep_invited=False) if view.invited else None
            except StoreError as exc:
                self.app.call_from_thread(self.notify, exc.message, severity="error", markup=False)
                return
            if free is None or free.order == view.order:
                self.app.call_from_thread(self._batch_proposed, view)
            else:
                self.app.call_from_thread(self._ask_invited, view, free)

        self.run_worker(propose, thread=True, exclusive=True, group="day-batch")

    def _ask_invited(self: DayScreen, kept: BatchView, free: BatchView) -> None:
        """Invited cases hold the order back: keep their times, or let them move?"""
        from coordinator.screens.day_questions import InvitedChoiceDialog

        question = _(
            "{count} cases were invited at fixed times. Keeping their times, professionals are "
            "present {kept} min; letting them move, {free} min (they are marked moved and need "
            "new invitations)."
        ).format(count=len(kept.invited), kept=kept.proposed_minutes, free=free.proposed_minutes)

        def chosen(choice: str | None) -> None:
            if choice == "keep":
                self._batch_proposed(kept)
            elif choice == "move":
                self._batch_proposed(free)

        self.app.push_screen(InvitedChoiceDialog(question), chosen)

    def _batch_proposed(self: DayScreen, view: BatchView) -> None:
        from coordinator.screens.day_dialogs import ConfirmDialog

        if not view.changes:
            self.notify(_("The current order is already the best; nothing to change."))
            return

        def apply(store) -> None:  # noqa: ANN001 - Store
            apply_order(store, view.day_id, view.order, keep_invited=view.keep_invited)

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._submit(QueuedChange(None, apply, self.clock.now()))

        self.app.push_screen(ConfirmDialog(describe(view)), done)
