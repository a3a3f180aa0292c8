"""`coordinator settings show|set`: the letterhead, templates folder and circle size."""

from __future__ import annotations

import typer

from coordinator.cli import print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(
    help="The job centre's settings: municipality, jobcentre, logo, templates_dir, max_circle.",
    no_args_is_help=True,
)


@app.command("show")
def show(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show every setting with its value."""
    from coordinator.store.settings import all_settings

    values = all_settings(settings_of(ctx).open_store())
    known = {key: value for key, value in values.items() if ":" not in key}
    if as_json:
        print_json(known)
        return
    width = max(map(len, known))
    for key, value in known.items():
        typer.echo(f"{key:<{width}}  {value or _('(not set)')}")


@app.command("set")
def set_(
    ctx: typer.Context,
    key: str = typer.Argument(
        ..., help="municipality, jobcentre, logo, templates_dir or max_circle."
    ),
    value: str = typer.Argument(..., help="The new value; an empty string clears it."),
) -> None:
    """Change one setting (a logo file or templates folder must exist)."""
    from coordinator.store.settings import change_setting

    stored = change_setting(settings_of(ctx).open_store(), key, value)
    typer.echo(f"{key} = {stored or _('(not set)')}")
