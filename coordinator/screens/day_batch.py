"""The day screen's batching key: propose the order of the cases that keeps each professional
present briefest, show the minutes now and proposed, and apply it on yes.

The proposal is computed in a worker (up to 8! orders, see `domain.batching`); applying goes
through the day's writer queue like every other change, so it waits behind changes pressed
before it. The store refuses to apply when the day changed in between (one-line notice).
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
    if view.invited:
        lines += ["", _("Invited cases keep their times.")]
    lines += ["", _("Use this order?")]
    return "\n".join(lines)


class BatchActions:
    """Mixed into the day screen: `action_batch` and what follows it."""

    def action_batch(self: DayScreen) -> None:
        store, day_id = self.store, self.day_id

        def propose() -> None:
            try:
                view = propose_batch(store, day_id)
            except StoreError as exc:
                self.app.call_from_thread(self.notify, exc.message, severity="error", markup=False)
                return
            self.app.call_from_thread(self._batch_proposed, view)

        self.run_worker(propose, thread=True, exclusive=True, group="day-batch")

    def _batch_proposed(self: DayScreen, view: BatchView) -> None:
        from coordinator.screens.day_dialogs import ConfirmDialog

        if not view.changes:
            self.notify(_("The current order is already the best; nothing to change."))
            return

        def apply(store) -> None:  # noqa: ANN001 - Store
            apply_order(store, view.day_id, view.order)

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._submit(QueuedChange(None, apply, self.clock.now()))

        self.app.push_screen(ConfirmDialog(describe(view)), done)
