"""`coordinator purge` (retention) and `coordinator audit` (the trail one can read)."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _


def register(app: typer.Typer) -> None:
    @app.command("purge")
    def purge(
        ctx: typer.Context,
        older_than: int | None = typer.Option(
            None,
            "--older-than",
            metavar="MONTHS",
            help="Months since the last activity (default: the retention_months setting).",
        ),
        dry_run: bool = typer.Option(False, "--dry-run", help="Only list who would go."),
        yes: bool = typer.Option(False, "--yes", help="Erase without asking."),
        as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    ) -> None:
        """Erase every citizen whose last activity is older than the retention period."""
        from coordinator.store import retention
        from coordinator.store.audit import exported_files_still_there

        store = settings_of(ctx).open_store()
        if older_than is not None and older_than < 1:
            raise UserError(_("--older-than must be at least 1 month"))
        chosen = retention.due(store, older_than)
        if dry_run or not chosen:
            files = exported_files_still_there(store)
            if as_json:
                print_json(
                    {
                        "dry_run": dry_run,
                        "due": [c.as_json() for c in chosen],
                        "exported_files": [f.path for f in files],
                    }
                )
                return
            for citizen in chosen:
                echo(
                    _("would erase citizen {id} {name}: last activity {date}, {n} case(s)").format(
                        id=citizen.citizen_id,
                        name=citizen.name,
                        date=citizen.last_activity.isoformat(),
                        n=citizen.cases,
                    )
                )
            if not chosen:
                echo(_("No citizen is due for purging."))
            _list_files([f.path for f in files])
            return
        if not yes:
            raise UserError(
                _(
                    "{n} citizen(s) would be erased; nothing was erased: add --yes (or --dry-run)"
                ).format(n=len(chosen))
            )
        done = retention.purge(store, older_than)
        if as_json:
            print_json(
                {
                    "dry_run": False,
                    "erased": list(done.erased),
                    "scrubbed": done.scrubbed,
                    "exported_files": [f.path for f in done.files],
                }
            )
            return
        echo(_("Erased {n} citizen(s).").format(n=len(done.erased)))
        _list_files([f.path for f in done.files])

    @app.command("audit")
    def audit_(
        ctx: typer.Context,
        since: str | None = typer.Option(None, "--since", metavar="DATE", help="From this day."),
        as_json: bool = typer.Option(False, "--json", help="Print the events as JSON."),
    ) -> None:
        """The audit trail: who read, changed, exported or erased what, and when."""
        from coordinator.store.audit import events
        from coordinator.store.days import parse_iso_date

        lines = events(settings_of(ctx).open_store(), parse_iso_date(since) if since else None)
        if as_json:
            print_json({"events": [line.as_json() for line in lines]})
            return
        for line in lines:
            echo(
                "  ".join(
                    part
                    for part in (
                        line.at.isoformat(sep=" ", timespec="seconds"),
                        line.actor,
                        line.action,
                        f"{line.entity} {line.entity_id if line.entity_id is not None else ''}",
                        line.detail,
                        line.path,
                    )
                    if part
                )
            )


def _list_files(paths: list[str]) -> None:
    if paths:
        echo(_("Exported files still on disk (personal data; delete them when done):"))
    for path in paths:
        echo(f"  {path}")
