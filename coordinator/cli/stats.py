"""`coordinator stats` and `coordinator export stats`: the steering group's figures.

`stats` is the coordinator's own view (every number); `stats --suppress` and every export
apply the small-number rule, since they are meant for others.
"""

from __future__ import annotations

from pathlib import Path

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

FROM_HELP = "First meeting day of the period (YYYY-MM-DD; default: a year before --to)."
TO_HELP = "Last meeting day of the period (YYYY-MM-DD; default: today)."


def _period(today, start: str | None, end: str | None):  # noqa: ANN001, ANN202 - dates
    from datetime import timedelta

    from coordinator.domain.clock_entry import read_iso_date
    from coordinator.domain.quickdates import add_months

    last = read_iso_date(end) if end else today
    first = read_iso_date(start) if start else add_months(last, -12) + timedelta(days=1)
    if last < first:
        raise UserError(
            _("The period ends ({end}) before it starts ({start}).").format(
                end=last.isoformat(), start=first.isoformat()
            )
        )
    return first, last


def _document(ctx: typer.Context, start: str | None, end: str | None, suppress: bool):  # noqa: ANN202
    from coordinator.domain.statistics import stats_json
    from coordinator.store.statistics import statistics

    store = settings_of(ctx).open_store()
    first, last = _period(store.now().date(), start, end)
    return store, stats_json(statistics(store, first, last), suppress=suppress)


def _dash(value: object) -> str:
    """No data (or hidden, with --suppress) as a dash."""
    return "–" if value is None else str(value)


def _line(label: str, value: object) -> None:
    echo(f"{label:<44} {_dash(value)}")


def register(app: typer.Typer, export_app: typer.Typer) -> None:
    @app.command("stats")
    def stats(
        ctx: typer.Context,
        start: str | None = typer.Option(None, "--from", metavar="DATE", help=FROM_HELP),
        end: str | None = typer.Option(None, "--to", metavar="DATE", help=TO_HELP),
        suppress: bool = typer.Option(
            False, "--suppress", help="Hide counts under 5 (as in the exports for others)."
        ),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """Figures for the steering group: days, cases, overruns, attendance, goals, items."""
        from coordinator.domain.vocab import Profession, profession_label

        _store, doc = _document(ctx, start, end, suppress)
        if as_json:
            print_json(doc)
            return
        cases, goal, items, ratings = doc["cases"], doc["goal"], doc["items"], doc["ratings"]
        over = doc["overrun_minutes"]
        echo(_("Period {start} to {end}").format(start=doc["from"], end=doc["to"]))
        _line(_("Step-up days held"), doc["days"])
        _line(_("Cases planned"), cases["planned"])
        _line(_("Meetings held"), cases["held"])
        _line(_("Citizen absent (not held)"), cases["absent"])
        _line(_("Cancelled"), cases["cancelled"])
        _line(_("Meetings that ran over"), over["ran_over"])
        _line(
            _("Overrun median / p90 / worst (min)"),
            " / ".join(_dash(over[key]) for key in ("median", "p90", "max")),
        )
        for profession, share in doc["attendance_by_profession"].items():
            shown = "–" if share is None else f"{share * 100:.0f} %"
            label = (
                profession_label(profession)
                if profession in {p.value for p in Profession}
                else profession
            )
            _line(_("Attendance: {profession}").format(profession=label), shown)
        _line(
            _("Three-month goal due / reached"), f"{_dash(goal['due'])} / {_dash(goal['reached'])}"
        )
        _line(_("Items in all / overdue"), f"{_dash(items['total'])} / {_dash(items['overdue'])}")
        _line(_("Mean session rating (0-40)"), ratings["session_mean"])
        _line(_("Mean change, first to last"), ratings["outcome_change_mean"])

    @export_app.command("stats")
    def export_stats(
        ctx: typer.Context,
        start: str | None = typer.Option(None, "--from", metavar="DATE", help=FROM_HELP),
        end: str | None = typer.Option(None, "--to", metavar="DATE", help=TO_HELP),
        formats: list[str] = typer.Option(
            ["html,pdf,xlsx,csv"], "--format", "-f", metavar="FORMATS", help="html,pdf,xlsx,csv"
        ),
        out: Path | None = typer.Option(None, "--out", metavar="PATH", help="A file or folder."),
        force: bool = typer.Option(False, "--force", help="Replace existing files."),
    ) -> None:
        """The statistics as a report for others (small numbers hidden)."""
        from coordinator.export.context import letterhead
        from coordinator.export.files import target_folder, write_formats
        from coordinator.export.stats_report import FORMATS, render

        chosen = [f.strip().lower() for part in formats for f in part.split(",") if f.strip()]
        unknown = [f for f in chosen if f not in FORMATS]
        if unknown or not chosen:
            raise UserError(
                _("unknown format {formats}; use html, pdf, xlsx or csv").format(
                    formats=", ".join(unknown) or "''"
                )
            )
        store, doc = _document(ctx, start, end, suppress=True)
        head = letterhead(store)
        folder = target_folder(out)
        stem = (
            out.stem if out is not None and out.suffix else f"statistik {doc['from']} {doc['to']}"
        )
        paths = {fmt: folder / f"{stem}.{fmt}" for fmt in dict.fromkeys(chosen)}
        language = settings_of(ctx).lang
        for path in write_formats(paths, lambda fmt: render(fmt, doc, head, language), force):
            echo(str(path))
