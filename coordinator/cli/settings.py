"""`coordinator settings show|set|keys`: the letterhead, templates folder, circle size and
keymap."""

from __future__ import annotations

import typer

from coordinator.cli import echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(
    help=(
        "The job centre's settings: municipality, jobcentre, logo, templates_dir, max_circle, "
        "keymap."
    ),
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
        echo(f"{key:<{width}}  {value or _('(not set)')}")


@app.command("set")
def set_(
    ctx: typer.Context,
    key: str = typer.Argument(
        ...,
        help="municipality, jobcentre, logo, templates_dir, max_circle or keymap "
        '(JSON, e.g. \'{"day.next": "enter"}\').',
    ),
    value: str = typer.Argument(..., help="The new value; an empty string clears it."),
) -> None:
    """Change one setting (a logo file or templates folder must exist; a keymap names known
    binding ids, see `coordinator settings keys`)."""
    from coordinator.store.settings import change_setting

    stored = change_setting(settings_of(ctx).open_store(), key, value)
    echo(f"{key} = {stored or _('(not set)')}")


@app.command("keys")
def keys(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List every binding id with its keys (after the keymap) and what it does."""
    from coordinator.keymap import BINDINGS
    from coordinator.store.settings import stored_keymap

    keymap = stored_keymap(settings_of(ctx).open_store())
    rows = [
        {
            "id": binding.id,
            "keys": keymap.get(binding.id, binding.keys),
            "default": binding.keys,
            "description": _(binding.description),
        }
        for binding in BINDINGS.values()
    ]
    if as_json:
        print_json(rows)
        return
    id_width = max(len(row["id"]) for row in rows)
    keys_width = max(len(row["keys"]) for row in rows)
    for row in rows:
        note = (
            ""
            if row["keys"] == row["default"]
            else "  " + _("(default {keys})").format(keys=row["default"])
        )
        echo(f"{row['id']:<{id_width}}  {row['keys']:<{keys_width}}  {row['description']}{note}")
