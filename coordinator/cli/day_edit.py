"""`coordinator day edit|delete`: correcting a day after it was created."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.cli.day import app
from coordinator.i18n import _


def confirm(question: str) -> bool:
    """Ask on the terminal; no answer (end of input, Ctrl+C) is a no. The question may quote
    stored names, so it is printed harmlessly (`printable`)."""
    from coordinator.domain.text import printable

    try:
        return typer.confirm(printable(question), default=False)
    except typer.Abort:
        return False


def resolve(store, ref: str):  # noqa: ANN001, ANN201 - Store, StepUpDay (imported lazily)
    """The day named by DATE or ID; a malformed date is refused before anything is read."""
    from coordinator.domain.clock_entry import read_iso_date
    from coordinator.store.days import resolve_day

    if not ref.strip().isdigit():
        read_iso_date(ref)
    return resolve_day(store, ref)


@app.command("edit")
def edit(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="DATE|ID", help="The day's date or id."),
    new_date: str | None = typer.Option(None, "--date", metavar="DATE", help="Move the day."),
    start: str | None = typer.Option(None, "--start", metavar="HH:MM", help="First pre-meeting."),
    pre_minutes: int | None = typer.Option(None, "--pre-minutes", metavar="MINUTES"),
    meeting_minutes: int | None = typer.Option(None, "--meeting-minutes", metavar="MINUTES"),
    breaks: list[str] = typer.Option(
        [], "--break", metavar="HH:MM-HH:MM", help="The day's breaks (replace all; repeatable)."
    ),
    break_latest: list[str] = typer.Option(
        [], "--break-latest", metavar="HH:MM", help="Latest start of each floating break."
    ),
    no_breaks: bool = typer.Option(False, "--no-breaks", help="Remove every break."),
    break_policy: str | None = typer.Option(
        None, "--break-policy", metavar="fixed|floating", help="What an overrun does to breaks."
    ),
    location: str | None = typer.Option(None, "--location", metavar="TEXT"),
    coordinator: str | None = typer.Option(
        None, "--coordinator", metavar="NAME", help='Who leads the day ("" removes).'
    ),
    as_json: bool = typer.Option(False, "--json", help="Print what changed as JSON."),
) -> None:
    """Change a day's date, times, breaks, location or coordinator."""
    from coordinator.cli.day_options import read_breaks_with_latest, read_policy
    from coordinator.domain.clock_entry import read_clock_time, read_iso_date, read_minutes
    from coordinator.domain.series import day_warning
    from coordinator.store.day_edits import DayChanges, edit_day

    if no_breaks and breaks:
        raise UserError(_("Give either --break or --no-breaks, not both."))
    changes = DayChanges(
        date=read_iso_date(new_date) if new_date else None,
        start=read_clock_time(start) if start else None,
        pre_minutes=read_minutes(pre_minutes, "--pre-minutes") if pre_minutes is not None else None,
        meeting_minutes=(
            read_minutes(meeting_minutes, "--meeting-minutes")
            if meeting_minutes is not None
            else None
        ),
        breaks=() if no_breaks else (read_breaks_with_latest(breaks, break_latest) or None),
        break_policy=read_policy(break_policy) if break_policy else None,
        location=location,
        coordinator=coordinator,
    )
    if break_latest and not breaks:
        raise UserError(_("--break-latest needs the breaks it belongs to (--break)."))
    store = settings_of(ctx).open_store()
    day = resolve(store, ref)
    result = edit_day(store, day.id or 0, changes)
    warning = day_warning(changes.date) if changes.date else None
    if as_json:
        print_json(
            {
                "day": result.day_id,
                "changed": list(result.changed),
                "moved": [
                    {
                        "case": m.case_id,
                        "from": m.old_start.strftime("%Y-%m-%d %H:%M"),
                        "to": m.new_start.strftime("%Y-%m-%d %H:%M"),
                    }
                    for m in result.moves
                ],
                "warning": warning,
            }
        )
        return
    if not result.changed:
        echo(_("Nothing to change."))
        return
    echo(_("Day {id} changed: {what}.").format(id=result.day_id, what=", ".join(result.changed)))
    for move in result.moves:
        echo(
            "  "
            + _("Case {id} ({citizen}) moved from {old} to {new}: tell the participants.").format(
                id=move.case_id,
                citizen=move.citizen,
                old=move.old_start.strftime("%H:%M"),
                new=move.new_start.strftime("%H:%M"),
            )
        )
    if warning:
        echo(_("Warning: {warning}").format(warning=warning), err=True)


@app.command("delete")
def delete(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="DATE|ID", help="The day's date or id."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask."),
) -> None:
    """Delete a day with its cases (refused once a meeting of the day was held)."""
    from coordinator.store.day_edits import day_summary, delete_day

    store = settings_of(ctx).open_store()
    day = resolve(store, ref)
    _day, count = day_summary(store, day.id or 0)
    if not yes:
        question = _("Delete the day {date} and its {count} cases with their rosters?").format(
            date=day.date.isoformat(), count=count
        )
        if not confirm(question):
            raise UserError(_("Nothing deleted."))
    delete_day(store, day.id or 0)
    echo(
        _("Deleted the day {date} and {count} cases.").format(
            date=day.date.isoformat(), count=count
        )
    )


@app.command("plan")
def plan(
    ctx: typer.Context,
    first: str = typer.Option(..., "--from", metavar="DATE", help="The first day, YYYY-MM-DD."),
    every: str = typer.Option(..., "--every", metavar="1w|2w|4w", help="The rhythm."),
    count: int = typer.Option(..., "--count", metavar="N", help="How many days."),
    start: str = typer.Option("08:30", "--start", metavar="HH:MM"),
    pre_minutes: int = typer.Option(15, "--pre-minutes", metavar="MINUTES"),
    meeting_minutes: int = typer.Option(45, "--meeting-minutes", metavar="MINUTES"),
    breaks: list[str] = typer.Option([], "--break", metavar="HH:MM-HH:MM"),
    break_latest: list[str] = typer.Option([], "--break-latest", metavar="HH:MM"),
    break_policy: str = typer.Option("floating", "--break-policy", metavar="fixed|floating"),
    location: str = typer.Option("", "--location", metavar="TEXT"),
    coordinator: str | None = typer.Option(None, "--coordinator", metavar="NAME"),
    as_json: bool = typer.Option(False, "--json", help="Print the days made and skipped."),
) -> None:
    """Plan a series of days with the same settings; public holidays are skipped."""
    from dataclasses import replace

    from coordinator.cli.day_options import day_input
    from coordinator.domain.clock_entry import read_iso_date
    from coordinator.domain.series import SeriesError, plan_series, read_every
    from coordinator.store.days import create_days

    try:
        series = plan_series(read_iso_date(first), read_every(every), count)
    except SeriesError as exc:
        raise UserError(str(exc)) from None
    template = day_input(
        read_iso_date(first),
        start,
        pre_minutes,
        meeting_minutes,
        breaks,
        break_latest,
        break_policy,
        location,
        coordinator,
    )
    store = settings_of(ctx).open_store()
    days = create_days(store, [replace(template, date=when) for when in series.dates])
    if as_json:
        print_json(
            {
                "days": [{"id": d.id, "date": d.date.isoformat()} for d in days],
                "skipped": [{"date": d.isoformat(), "holiday": name} for d, name in series.skipped],
            }
        )
        return
    for made in days:
        echo(_("Created step-up day {id} on {date}.").format(id=made.id, date=made.date))
    for when, name in series.skipped:
        echo(_("Skipped {date}: {name}.").format(date=when.isoformat(), name=name))
