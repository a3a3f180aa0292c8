"""`coordinator case add`."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="Put citizens' cases on a day's agenda.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    date: str = typer.Argument(..., metavar="DATE", help="The day's date (YYYY-MM-DD) or id."),
    citizen: str = typer.Option(..., "--citizen", metavar="NAME", help="The citizen's name."),
    challenges: list[str] = typer.Option(
        [], "--challenge", metavar="KIND", help="health, family or other (repeatable)."
    ),
    jobbroker: str | None = typer.Option(
        None, "--jobbroker", metavar="NAME", help="The citizen's job broker."
    ),
    caseworker: str | None = typer.Option(
        None, "--caseworker", metavar="NAME", help="The caseworker."
    ),
    cpr: str | None = typer.Option(
        None, "--cpr", metavar="DDMMYY-SSSS", help="CPR number (optional; shown masked)."
    ),
    meeting_minutes: int | None = typer.Option(
        None,
        "--meeting-minutes",
        metavar="MINUTES",
        help="This meeting's length, if not the day's.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the case as JSON."),
) -> None:
    """Add a case in the next free slot of the day."""
    from coordinator.domain.vocab import parse_challenge
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import day_json, load_day, resolve_day

    try:
        kinds = tuple(parse_challenge(c) for c in challenges)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    store = settings_of(ctx).open_store()
    day = resolve_day(store, date)
    case = add_case(
        store,
        CaseInput(
            day_id=day.id or 0,
            citizen=citizen,
            challenges=kinds,
            jobbroker=jobbroker,
            caseworker=caseworker,
            cpr=cpr,
            meeting_minutes=meeting_minutes,
        ),
    )
    document = day_json(load_day(store, day.id or 0))
    entry = next(c for c in document["cases"] if c["id"] == case.id)  # type: ignore[index]
    if as_json:
        print_json(entry)
    else:
        echo(
            _("Added case {id} for {citizen}: pre-meeting {pre}, meeting {start}–{end}.").format(
                id=case.id,
                citizen=citizen,
                pre=entry["pre_meeting"]["start"],
                start=entry["meeting"]["start"],
                end=entry["meeting"]["end"],
            )
        )


# edit, move, delete, timing and absence live in their own module; importing it registers them.
from coordinator.cli import case_edit as _case_edit  # noqa: E402, F401
