"""`coordinator backup`, `coordinator db upgrade|copy` and `coordinator demo`."""

from __future__ import annotations

from pathlib import Path

import typer

from coordinator.cli import echo, open_tui, settings_of
from coordinator.i18n import _

db_app = typer.Typer(help="The database itself.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Upgrade the database schema to this version of the app (also done on open)."""
    from coordinator.store.engine import make_engine, opening, resolve_url
    from coordinator.store.migrate import current_revision, ensure_current

    settings = settings_of(ctx)
    url = resolve_url(settings.db)
    key = None
    if settings.encrypt:
        from coordinator.cli.encryption import file_of, key_for

        key, _source = key_for(file_of(settings))
    with opening(settings.db or url):
        engine = make_engine(url, key)
        before = current_revision(engine)
        changed = ensure_current(engine)
        after = current_revision(engine)
    if changed:
        echo(
            _("Upgraded the database from {before} to {after}.").format(
                before=before or _("empty"), after=after
            )
        )
    else:
        echo(_("The database is up to date ({revision}).").format(revision=after))


@db_app.command("copy")
def copy(
    ctx: typer.Context,
    to: str = typer.Option(
        ..., "--to", metavar="URL|PATH", help="An empty database to copy every row into."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the rows copied as JSON."),
) -> None:
    """Copy every row (ids, versions, audit) into an empty database, e.g. from this laptop's
    SQLite file to the municipality's PostgreSQL; the counts are checked before it commits."""
    from coordinator.cli import print_json
    from coordinator.store.copy import copy_store
    from coordinator.store.engine import resolve_url

    store = settings_of(ctx).open_store()
    report = copy_store(store.engine, resolve_url(to))
    if as_json:
        print_json({"to": report.target, "rows": report.rows, "total": report.total})
        return
    for table, count in report.rows.items():
        echo(f"{table:<20} {count:>8}")
    echo(_("Copied {total} rows into {url}.").format(total=report.total, url=report.target))


def register(app: typer.Typer) -> None:
    @app.command("backup")
    def backup(
        ctx: typer.Context,
        out: Path | None = typer.Option(
            None, "--out", metavar="PATH", help="Where to write the copy."
        ),
    ) -> None:
        """Copy the database safely, even while the app is running."""
        from coordinator.store.backup import backup as do_backup

        target = do_backup(settings_of(ctx).open_store(), out)
        echo(_("Backed up to {path}").format(path=target))

    @app.command("demo")
    def demo(
        ctx: typer.Context,
        no_open: bool = typer.Option(False, "--no-open", help="Only fill the database."),
    ) -> None:
        """Fill the database with a fictional step-up day (today), two earlier days with their
        follow-up, and open it."""
        from coordinator.demo import create_demo

        settings = settings_of(ctx)
        store = settings.open_store()
        result = create_demo(store, history=True)
        if no_open:
            message = (
                _("Demo day {date} created (day id {id}).")
                if result.created
                else _("Demo day {date} already there (day id {id}).")
            )
            echo(message.format(date=result.day_date.isoformat(), id=result.day_id))
            return
        open_tui(settings, store)
