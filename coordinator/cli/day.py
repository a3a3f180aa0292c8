"""`coordinator day create|list|show`."""

from __future__ import annotations

import typer

from coordinator.cli import echo, print_json, settings_of
from coordinator.domain.clock_entry import read_iso_date
from coordinator.i18n import _, ngettext

app = typer.Typer(help="Plan step-up days and see their agenda.", no_args_is_help=True)


@app.command("create")
def create(
    ctx: typer.Context,
    date: str = typer.Argument(..., metavar="DATE", help="The day, YYYY-MM-DD."),
    start: str = typer.Option(
        "08:30", "--start", metavar="HH:MM", help="First pre-meeting, HH:MM."
    ),
    pre_minutes: int = typer.Option(
        15, "--pre-minutes", metavar="MINUTES", help="Length of each pre-meeting."
    ),
    meeting_minutes: int = typer.Option(
        45, "--meeting-minutes", metavar="MINUTES", help="Length of each meeting."
    ),
    breaks: list[str] = typer.Option(
        [], "--break", metavar="HH:MM-HH:MM", help="A break HH:MM-HH:MM (repeatable)."
    ),
    location: str = typer.Option(
        "", "--location", metavar="TEXT", help="Where the meetings are held."
    ),
    coordinator: str | None = typer.Option(
        None, "--coordinator", metavar="NAME", help="Who leads the day."
    ),
    break_policy: str = typer.Option(
        "floating",
        "--break-policy",
        metavar="fixed|floating",
        help="fixed: cases move past a break; floating: a break moves with an overrun.",
    ),
    break_latest: list[str] = typer.Option(
        [],
        "--break-latest",
        metavar="HH:MM",
        help="Latest start of a floating break, one per --break in order.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the new day as JSON."),
) -> None:
    """Create a step-up day."""
    from coordinator.cli.day_options import day_input
    from coordinator.store.days import create_day, day_json, load_day

    data = day_input(
        read_iso_date(date),
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
    day = create_day(store, data)
    if as_json:
        print_json(day_json(load_day(store, day.id or 0)))
    else:
        echo(
            _("Created step-up day {id} on {date} from {start}.").format(
                id=day.id, date=day.date.isoformat(), start=start
            )
        )


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the step-up days."""
    from coordinator.store.days import list_days

    store = settings_of(ctx).open_store()
    days = list_days(store)
    if as_json:
        print_json(
            [
                {
                    "id": day.id,
                    "date": day.date.isoformat(),
                    "start": day.start_time.strftime("%H:%M"),
                    "location": day.location,
                    "status": day.status,
                    "cases": count,
                }
                for day, count in days
            ]
        )
        return
    if not days:
        echo(_("No step-up days yet. Create one with: coordinator day create YYYY-MM-DD"))
        return
    from coordinator.domain.vocab import DAY_STATUS_LABELS, DayStatus

    for day, count in days:
        cases = ngettext("{count} case", "{count} cases", count).format(count=count)
        status = _(DAY_STATUS_LABELS[DayStatus(day.status)])
        echo(
            f"{day.id:>4}  {day.date.isoformat()}  {day.start_time:%H:%M}  {cases:<9}  "
            f"{status:<9} {day.location}"
        )


@app.command("show")
def show(
    ctx: typer.Context,
    date: str = typer.Argument(..., metavar="DATE", help="The day's date (YYYY-MM-DD) or id."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a day's agenda: planned and, once running, predicted times."""
    from coordinator.store.days import day_json, load_day, resolve_day

    store = settings_of(ctx).open_store()
    if not date.strip().isdigit():
        read_iso_date(date)
    day = resolve_day(store, date)
    document = day_json(load_day(store, day.id or 0, store.now()))
    if as_json:
        print_json(document)
        return
    echo(_describe(document))


def _describe(document: dict) -> str:
    from coordinator.domain.vocab import CASE_STATUS_LABELS, CaseStatus

    lines = [
        _("Step-up day {date}  {start}–{end}").format(
            date=document["date"], start=document["start"], end=document["end"]
        )
        + (f"  {document['location']}" if document["location"] else ""),
    ]
    if document.get("coordinator"):
        lines.append(_("Coordinator: {name}").format(name=document["coordinator"]))
    for brk in document["breaks"]:
        lines.append("  " + _("Break") + f"        {brk['start']}–{brk['end']}")
    for case in document["cases"]:
        pre, meeting = case["pre_meeting"], case["meeting"]
        status = _(CASE_STATUS_LABELS[CaseStatus(case["status"])])
        line = (
            f"  {case['position']}. [{case['id']}] {_('Pre-meeting')} {pre['start']}–{pre['end']}  "
            f"{_('Meeting')} {meeting['start']}–{meeting['end']}  {case['citizen']}  ({status})"
        )
        if "moved_from" in case:
            line += "  " + _("moved from {time}").format(time=case["moved_from"])
        predicted = case.get("predicted")
        if predicted and predicted["meeting"] != meeting:
            line += "  " + _("now expected {start}–{end}").format(
                start=predicted["meeting"]["start"], end=predicted["meeting"]["end"]
            )
        lines.append(line)
    if not document["cases"]:
        lines.append(
            "  " + _("No cases yet. Add one with: coordinator case add DATE --citizen NAME")
        )
    if "predicted_end" in document:
        lines.append(_("Expected end: {time}").format(time=document["predicted_end"]))
    return "\n".join(lines)


# edit, delete, plan and batch live in their own modules; importing them registers them.
from coordinator.cli import day_batch as _day_batch  # noqa: E402, F401
from coordinator.cli import day_edit as _day_edit  # noqa: E402, F401
