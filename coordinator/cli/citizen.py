"""`coordinator citizen list|export|erase`: the citizen's insight and erasure."""

from __future__ import annotations

from pathlib import Path

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="Citizens: list, insight export, erasure.", no_args_is_help=True)


@app.command("list")
def list_citizens(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the citizens as JSON."),
) -> None:
    """Every citizen with their cases (CPR masked; erased citizens marked)."""
    from coordinator.store.insight import citizens

    rows = citizens(settings_of(ctx).open_store())
    if as_json:
        print_json({"citizens": rows})
        return
    for row in rows:
        name = _("(erased)") if row["erased_at"] else row["name"]
        echo(
            f"{row['id']:>5}  {name}  {row['cpr'] or ''}  "
            + _("{n} case(s)").format(n=row["cases"])
        )


@app.command("export")
def export(
    ctx: typer.Context,
    citizen_id: int = typer.Argument(..., metavar="ID", help="The citizen's id."),
    out: Path | None = typer.Option(
        None, "--out", metavar="PATH", help="A file or folder (default: Step-up in Documents)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace existing files."),
) -> None:
    """The citizen's insight: everything held about them, as HTML and JSON."""
    from coordinator.export.insight import export_insight

    settings = settings_of(ctx)
    for path in export_insight(settings.open_store(), citizen_id, out, settings.lang, force):
        echo(str(path))


@app.command("erase")
def erase(
    ctx: typer.Context,
    citizen_id: int = typer.Argument(..., metavar="ID", help="The citizen's id."),
    yes: bool = typer.Option(False, "--yes", help="Erase without asking (it cannot be undone)."),
) -> None:
    """Erase the citizen's personal data; the anonymous counts of their cases stay."""
    from coordinator.store import erasure
    from coordinator.store.audit import exported_files_still_there

    store = settings_of(ctx).open_store()
    preview = erasure.preview(store, citizen_id)
    if not yes:
        if preview.cases_today:
            raise UserError(
                _(
                    "citizen {id} has a meeting today (case {cases}); nothing was erased: "
                    "add --yes to erase anyway"
                ).format(id=citizen_id, cases=", ".join(map(str, preview.cases_today)))
            )
        raise UserError(
            _("erasing citizen {id} cannot be undone; nothing was erased: add --yes").format(
                id=citizen_id
            )
        )
    files = exported_files_still_there(store, [citizen_id])
    done = erasure.erase(store, citizen_id, confirmed_today=True)
    echo(
        _("Erased citizen {id}: {rows}.").format(
            id=citizen_id,
            rows=", ".join(f"{name} {count}" for name, count in sorted(done.rows.items()) if count)
            or "-",
        )
    )
    if not done.scrubbed:
        echo(_("The database is in use elsewhere: its files are cleaned at the next erasure."))
    for file in files:
        echo(_("Exported file still there (delete it): {path}").format(path=file.path))
