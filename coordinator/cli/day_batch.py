"""`coordinator day batch`: the order of a day's cases that keeps each professional present
in as few, as short blocks as possible (see `coordinator.domain.batching`)."""

from __future__ import annotations

import typer

from coordinator.cli import echo, print_json, settings_of
from coordinator.cli.day import app
from coordinator.i18n import _


@app.command("batch")
def batch(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="DATE|ID", help="The day's date or id."),
    apply: bool = typer.Option(False, "--apply", help="Put the cases in the proposed order."),
    as_json: bool = typer.Option(False, "--json", help="Print the proposal as JSON."),
) -> None:
    """Propose the order of the day's cases that keeps professionals present briefest."""
    from coordinator.cli.day_edit import resolve
    from coordinator.store.batching import apply_order, propose_batch

    store = settings_of(ctx).open_store()
    day = resolve(store, ref)
    view = propose_batch(store, day.id or 0)
    applied = False
    if apply and view.changes:
        apply_order(store, view.day_id, view.order)
        applied = True
    if as_json:
        print_json(view.as_json(applied))
        return
    echo(
        _("Professionals present {now} min now, {proposed} min in the proposed order.").format(
            now=view.now_minutes, proposed=view.proposed_minutes
        )
    )
    for position, case_id in enumerate(view.order, start=1):
        echo(f"  {position}. [{case_id}] {view.citizens[case_id]}")
    for person in view.people:
        echo(f"  {person.name}: {person.now} -> {person.proposed} min")
    if view.invited:
        echo(
            _("Invited cases keep their times: {ids}.").format(
                ids=", ".join(str(i) for i in view.invited)
            )
        )
    if not view.changes:
        echo(_("The current order is already the best; nothing to change."))
    elif applied:
        echo(_("Applied: the cases are in the proposed order."))
    else:
        echo(_("Nothing changed; add --apply to use this order."))
