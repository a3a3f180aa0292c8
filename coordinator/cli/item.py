"""`coordinator item status`: an agreement item's progress after the meeting, without
reopening the final agreement."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, settings_of
from coordinator.i18n import _

app = typer.Typer(help="An agreement item's progress after the meeting.", no_args_is_help=True)


@app.command("status")
def status(
    ctx: typer.Context,
    item_id: int = typer.Argument(..., metavar="ITEM_ID", help="The item's id."),
    new_status: str = typer.Argument(..., metavar="open|started|done|dropped"),
    on: str | None = typer.Option(
        None, "--on", metavar="DATE", help="When it happened (default today)."
    ),
    note: str = typer.Option("", "--note", metavar="TEXT", help="A note (why, when dropped)."),
) -> None:
    """Record that an item was started, done, dropped or opened again."""
    from coordinator.domain.clock_entry import read_iso_date
    from coordinator.domain.followup import PROGRESS_LABELS, parse_progress
    from coordinator.store.progress import record_progress

    try:
        chosen = parse_progress(new_status)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    when = read_iso_date(on) if on else None
    item = record_progress(settings_of(ctx).open_store(), item_id, chosen, when, note)
    echo(
        _("Item {id} of case {case} is now {status}.").format(
            id=item.id, case=item.case_id, status=_(PROGRESS_LABELS[item.status]).lower()
        )
    )
