"""`coordinator followup list` and `coordinator export tasks`: the items in force, across
cases, for the coordinator or for one professional (what they promised, to every citizen)."""

from __future__ import annotations

from pathlib import Path

import typer

from coordinator.cli import echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="Follow up the agreements' items after the day.", no_args_is_help=True)


@app.command("list")
def list_(
    ctx: typer.Context,
    person: str | None = typer.Option(
        None, "--person", metavar="NAME", help="Only this responsible (a part of the name will do)."
    ),
    case_id: int | None = typer.Option(None, "--case", metavar="ID", help="Only this case."),
    overdue: bool = typer.Option(False, "--overdue", help="Only items past their due date."),
    closed: bool = typer.Option(False, "--all", help="Also items done or dropped."),
    names: bool = typer.Option(False, "--names", help="Citizens' full names (not initials)."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The open items of every final agreement, by due date."""
    from coordinator.domain.followup import PROGRESS_LABELS
    from coordinator.store.followup import followup_items, followup_json

    store = settings_of(ctx).open_store()
    found = followup_items(
        store,
        store.now().date(),
        person=person,
        case_id=case_id,
        overdue_only=overdue,
        include_closed=closed,
    )
    if as_json:
        print_json(followup_json(found, names=names))
        return
    if not found:
        echo(_("No items to follow up."))
        return
    for item in found:
        late = _(" ({days} days overdue)").format(days=item.overdue) if item.overdue else ""
        echo(
            _("{id:>4}  case {case}  {citizen}  {due}  {status}{late}  {who}: {text}").format(
                id=item.id,
                case=item.case_id,
                citizen=item.citizen if names else item.citizen_initials,
                due=item.due.isoformat() if item.due else "-",
                status=_(PROGRESS_LABELS[item.status]),
                late=late,
                who=item.responsible or "?",
                text=item.text,
            )
        )


def register_export(export_app: typer.Typer) -> None:
    """`export tasks --person NAME`, added to the export commands from here."""

    @export_app.command("tasks")
    def tasks(
        ctx: typer.Context,
        person: str = typer.Option(..., "--person", metavar="NAME", help="The professional."),
        out: Path | None = typer.Option(None, "--out", metavar="PATH", help="A file or folder."),
        force: bool = typer.Option(False, "--force", help="Replace an existing file."),
    ) -> None:
        """One person's open items as a calendar (ICS): a reminder on each due date."""
        from coordinator.export.files import safe_stem, target_folder, write_file
        from coordinator.export.tasks_ics import tasks_ics
        from coordinator.store.audit import record_export
        from coordinator.store.followup import followup_items
        from coordinator.store.settings import installation_id

        settings = settings_of(ctx)
        store = settings.open_store()
        found = followup_items(store, store.now().date(), person=person)
        data = tasks_ics(found, person, store.now(), settings.lang, installation_id(store))
        if out is not None and out.suffix.lower() == ".ics":
            path = out
        else:
            path = target_folder(out) / f"{safe_stem(_('tasks'), person)}.ics"
        written = write_file(path, data, force=force)
        record_export(store, "tasks", None, [written], case=False)
        echo(str(written))
