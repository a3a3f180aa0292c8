"""`coordinator consent set`: what the citizen agreed to share, and when."""

from __future__ import annotations

import typer

from coordinator.cli import echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="The citizen's consent to share information.", no_args_is_help=True)


@app.command("set")
def set_(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="A case of the citizen."),
    given: str = typer.Option(..., "--given", metavar="DATE", help="Given on (YYYY-MM-DD)."),
    scope: str | None = typer.Option(
        None, "--scope", metavar="TEXT", help="Who may share what (professions, departments)."
    ),
    withdrawn: str | None = typer.Option(
        None, "--withdrawn", metavar="DATE", help="Withdrawn on (YYYY-MM-DD)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the consent as JSON."),
) -> None:
    """Record the citizen's consent (given on, scope, withdrawn on)."""
    from coordinator.store.consent import CONSENT_LABELS, set_consent
    from coordinator.store.days import parse_iso_date

    view = set_consent(
        settings_of(ctx).open_store(),
        case_id,
        parse_iso_date(given),
        scope,
        parse_iso_date(withdrawn) if withdrawn else None,
    )
    if as_json:
        print_json(view.as_json())
    else:
        echo(_("Case {id}: {state}.").format(id=case_id, state=_(CONSENT_LABELS[view.state])))
