"""`coordinator export agreement|day|material|letter|invitations|followups`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coordinator.cli import echo, settings_of

app = typer.Typer(help="Export documents through the Jinja templates.", no_args_is_help=True)

FORMAT_HELP = "Format(s): repeat the option or separate with commas, e.g. html,pdf."
OUT_HELP = "A file or folder (default: Step-up in your documents folder)."
FORCE_HELP = "Replace existing files instead of adding a number."
TEMPLATES_HELP = "A folder with your own copies of the templates (run in Jinja's sandbox)."

# The arguments and options every export command shares, declared once.
CaseId = Annotated[int, typer.Argument(metavar="CASE_ID", help="The case id.")]
DayRef = Annotated[str, typer.Argument(metavar="DATE", help="The day (YYYY-MM-DD) or its id.")]
Out = Annotated[Path | None, typer.Option("--out", metavar="PATH", help=OUT_HELP)]
Force = Annotated[bool, typer.Option("--force", help=FORCE_HELP)]
Templates = Annotated[Path | None, typer.Option("--templates", metavar="DIR", help=TEMPLATES_HELP)]


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
        echo(str(path))


def _report_written(run):  # noqa: ANN001, ANN202 - a call returning the written paths
    """Print where each file went; when a format failed, the ones written are printed before
    the one-line error (exit 1)."""
    from coordinator.export.files import ExportIncomplete

    try:
        _report(run())
    except ExportIncomplete as exc:
        _report(exc.written)
        raise


@app.command("agreement")
def agreement(
    ctx: typer.Context,
    case_id: CaseId,
    formats: list[str] = typer.Option(
        ["html,pdf"], "--format", "-f", metavar="FORMATS", help=FORMAT_HELP
    ),
    out: Out = None,
    force: Force = False,
    templates: Templates = None,
    large: bool = typer.Option(
        False, "--large", help="Large print (14 pt) for the citizen; also the large_print setting."
    ),
) -> None:
    """The citizen's agreement: html, pdf, docx, md, txt."""
    from dataclasses import replace

    from coordinator.export.jobs import export_agreement, parse_formats

    store, options = _options(ctx, out, force, templates)
    options = replace(options, large=True if large else None)
    chosen = parse_formats(formats, "agreement")
    _report_written(lambda: export_agreement(store, case_id, chosen, options))


@app.command("day")
def day(
    ctx: typer.Context,
    date: DayRef,
    formats: list[str] = typer.Option(
        ["html"], "--format", "-f", metavar="FORMATS", help=FORMAT_HELP
    ),
    out: Out = None,
    force: Force = False,
    templates: Templates = None,
) -> None:
    """The day's agenda for the participants: html, md, txt, ics."""
    from coordinator.export.jobs import export_day, parse_formats

    store, options = _options(ctx, out, force, templates)
    _report(export_day(store, date, parse_formats(formats, "day"), options))


@app.command("material")
def material(
    ctx: typer.Context,
    case_id: CaseId,
    formats: list[str] = typer.Option([], "--format", "-f", metavar="FORMATS", help=FORMAT_HELP),
    bundle: bool = typer.Option(
        False, "--bundle", help="One PDF: the preparation form and the attached PDF files."
    ),
    sent: bool = typer.Option(
        False, "--sent", help="Record that the material went out now (to --to, or the roster)."
    ),
    to: list[str] = typer.Option(
        [], "--to", metavar="NAMES", help="Who it went to (repeat, or separate with commas)."
    ),
    out: Out = None,
    force: Force = False,
    templates: Templates = None,
) -> None:
    """The meeting material (preparation form, status overview) for the participants."""
    from coordinator.cli.material import material_command

    store, options = _options(ctx, out, force, templates)
    material_command(store, case_id, formats, bundle, sent, to, options)


@app.command("letter")
def letter(
    ctx: typer.Context,
    case_id: CaseId,
    formats: list[str] = typer.Option(
        ["html,pdf"], "--format", "-f", metavar="FORMATS", help=FORMAT_HELP
    ),
    out: Out = None,
    force: Force = False,
    templates: Templates = None,
) -> None:
    """The citizen's invitation letter: html, pdf, docx."""
    from coordinator.cli.material import letter_command

    store, options = _options(ctx, out, force, templates)
    _report(letter_command(store, case_id, formats, options))


@app.command("invitations")
def invitations(
    ctx: typer.Context,
    date: DayRef,
    person: list[str] = typer.Option(
        [], "--person", metavar="NAME", help="Only this participant's events."
    ),
    per_person: bool = typer.Option(False, "--per-person", help="One file per participant."),
    out: Out = None,
    force: Force = False,
) -> None:
    """Calendar invitations (ICS): one event per pre-meeting and meeting."""
    from coordinator.export.jobs import export_invitations

    store, options = _options(ctx, out, force, None)
    _report(export_invitations(store, date, list(person), per_person, options))


@app.command("followups")
def followups(
    ctx: typer.Context,
    case_id: CaseId,
    out: Out = None,
    force: Force = False,
) -> None:
    """The citizen's own deadlines from the agreement, as a calendar file (ICS)."""
    from coordinator.export.jobs import export_followups

    store, options = _options(ctx, out, force, None)
    _report(export_followups(store, case_id, options))
