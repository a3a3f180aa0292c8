"""`coordinator export agreement|day|material|invitations|followups`."""

from __future__ import annotations

from pathlib import Path

import typer

from coordinator.cli import settings_of

app = typer.Typer(help="Export documents through the Jinja templates.", no_args_is_help=True)

FORMAT_HELP = "Format(s): repeat the option or separate with commas, e.g. html,pdf."
OUT_HELP = "A file or folder (default: Step-up in your documents folder)."
FORCE_HELP = "Replace existing files instead of adding a number."
TEMPLATES_HELP = "A folder with your own copies of the templates (run in Jinja's sandbox)."


def _options(ctx: typer.Context, out: Path | None, force: bool, templates: Path | None):  # noqa: ANN202
    from coordinator.export.jobs import Options

    settings = settings_of(ctx)
    return settings.open_store(), Options(
        language=settings.lang,
        out=out,
        force=force,
        templates_dir=str(templates) if templates else None,
    )


def _report(paths: list[Path]) -> None:
    for path in paths:
        typer.echo(str(path))


@app.command("agreement")
def agreement(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., help="The case id."),
    formats: list[str] = typer.Option(
        ["html,pdf"], "--format", "-f", metavar="FORMATS", help=FORMAT_HELP
    ),
    out: Path | None = typer.Option(None, "--out", metavar="PATH", help=OUT_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
    templates: Path | None = typer.Option(None, "--templates", metavar="DIR", help=TEMPLATES_HELP),
) -> None:
    """The citizen's agreement: html, pdf, docx, md, txt."""
    from coordinator.export.jobs import export_agreement, parse_formats

    store, options = _options(ctx, out, force, templates)
    _report(export_agreement(store, case_id, parse_formats(formats, "agreement"), options))


@app.command("day")
def day(
    ctx: typer.Context,
    date: str = typer.Argument(..., help="The day (YYYY-MM-DD) or its id."),
    formats: list[str] = typer.Option(
        ["html"], "--format", "-f", metavar="FORMATS", help=FORMAT_HELP
    ),
    out: Path | None = typer.Option(None, "--out", metavar="PATH", help=OUT_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
    templates: Path | None = typer.Option(None, "--templates", metavar="DIR", help=TEMPLATES_HELP),
) -> None:
    """The day's agenda for the participants: html, md, txt, ics."""
    from coordinator.export.jobs import export_day, parse_formats

    store, options = _options(ctx, out, force, templates)
    _report(export_day(store, date, parse_formats(formats, "day"), options))


@app.command("material")
def material(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., help="The case id."),
    formats: list[str] = typer.Option(
        ["html,pdf"], "--format", "-f", metavar="FORMATS", help=FORMAT_HELP
    ),
    out: Path | None = typer.Option(None, "--out", metavar="PATH", help=OUT_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
    templates: Path | None = typer.Option(None, "--templates", metavar="DIR", help=TEMPLATES_HELP),
) -> None:
    """The meeting material (preparation form, status overview) for the participants."""
    from coordinator.export.jobs import export_material, parse_formats

    store, options = _options(ctx, out, force, templates)
    _report(export_material(store, case_id, parse_formats(formats, "material"), options))


@app.command("invitations")
def invitations(
    ctx: typer.Context,
    date: str = typer.Argument(..., help="The day (YYYY-MM-DD) or its id."),
    person: list[str] = typer.Option(
        [], "--person", metavar="NAME", help="Only this participant's events."
    ),
    per_person: bool = typer.Option(False, "--per-person", help="One file per participant."),
    out: Path | None = typer.Option(None, "--out", metavar="PATH", help=OUT_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Calendar invitations (ICS): one event per pre-meeting and meeting."""
    from coordinator.export.jobs import export_invitations

    store, options = _options(ctx, out, force, None)
    _report(export_invitations(store, date, list(person), per_person, options))


@app.command("followups")
def followups(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., help="The case id."),
    out: Path | None = typer.Option(None, "--out", metavar="PATH", help=OUT_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """The citizen's own deadlines from the agreement, as a calendar file (ICS)."""
    from coordinator.export.jobs import export_followups

    store, options = _options(ctx, out, force, None)
    _report(export_followups(store, case_id, options))
