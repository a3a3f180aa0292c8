"""`coordinator case edit|move|delete|start-pre|start-meeting|end|absent|cancel`."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.cli.case import app
from coordinator.cli.day_edit import confirm
from coordinator.i18n import _


@app.command("edit")
def edit(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID"),
    citizen: str | None = typer.Option(None, "--citizen", metavar="NAME"),
    challenges: list[str] = typer.Option(
        [], "--challenge", metavar="KIND", help="health, family or other (replace all)."
    ),
    jobbroker: str | None = typer.Option(None, "--jobbroker", metavar="NAME", help='"" removes.'),
    caseworker: str | None = typer.Option(None, "--caseworker", metavar="NAME", help='"" removes.'),
    cpr: str | None = typer.Option(None, "--cpr", metavar="DDMMYY-SSSS"),
    problem: str | None = typer.Option(None, "--problem", metavar="TEXT"),
    trigger: str | None = typer.Option(None, "--trigger", metavar="TEXT"),
    as_json: bool = typer.Option(False, "--json", help="Print what changed and the findings."),
) -> None:
    """Correct a case; changed challenges re-run the roster rules at once."""
    from coordinator.domain.vocab import parse_challenge
    from coordinator.store.case_edits import CaseChanges, edit_case
    from coordinator.store.roster_checks import check

    try:
        kinds = tuple(parse_challenge(c) for c in challenges) if challenges else None
    except ValueError as exc:
        raise UserError(str(exc)) from None
    store = settings_of(ctx).open_store()
    changed = edit_case(
        store,
        case_id,
        CaseChanges(
            citizen=citizen,
            challenges=kinds,
            jobbroker=jobbroker,
            caseworker=caseworker,
            cpr=cpr,
            problem_statement=problem,
            trigger=trigger,
        ),
    )
    findings = check(store, case_id)
    if as_json:
        print_json(
            {
                "case": case_id,
                "changed": list(changed),
                "findings": [
                    {"severity": f.severity.value, "code": f.code, "message": f.message}
                    for f in findings
                ],
            }
        )
        return
    if not changed:
        echo(_("Nothing to change."))
    else:
        echo(_("Case {id} changed: {what}.").format(id=case_id, what=", ".join(changed)))
    for finding in findings:
        echo(f"  {finding.severity.value}: {finding.message}")


@app.command("move")
def move(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID"),
    to: str = typer.Option(..., "--to", metavar="DATE|ID", help="The day to move it to."),
    position: int | None = typer.Option(None, "--position", metavar="N", help="1 = first."),
) -> None:
    """Move a planned case to another day (and position)."""
    from coordinator.cli.day_edit import resolve
    from coordinator.domain.series import day_warning
    from coordinator.store.case_edits import move_case_to_day

    store = settings_of(ctx).open_store()
    day = resolve(store, to)
    case = move_case_to_day(store, case_id, day.id or 0, position)
    echo(
        _("Case {id} is now number {position} on {date}.").format(
            id=case_id, position=case.position, date=day.date.isoformat()
        )
    )
    warning = day_warning(day.date)
    if warning:
        echo(_("Warning: {warning}").format(warning=warning), err=True)


@app.command("delete")
def delete(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID"),
    yes: bool = typer.Option(False, "--yes", help="Do not ask."),
) -> None:
    """Delete a case with its roster and drafts (refused once its meeting was held)."""
    from coordinator.store.case_edits import case_summary, delete_case

    store = settings_of(ctx).open_store()
    summary = case_summary(store, case_id)
    if not yes:
        question = _(
            "Delete case {id} ({citizen}, {date}) with its {roster} roster lines, preparation "
            "and agreement draft?"
        ).format(**summary)
        if not confirm(question):
            raise UserError(_("Nothing deleted."))
    delete_case(store, case_id)
    echo(_("Deleted case {id} ({citizen}).").format(**summary))


def _timing(ctx: typer.Context, case_id: int, at: str | None, action: str) -> None:
    from coordinator.domain.clock_entry import read_clock_time
    from coordinator.domain.vocab import CASE_STATUS_LABELS, CaseStatus
    from coordinator.store import timing

    when = read_clock_time(at) if at else None
    store = settings_of(ctx).open_store()
    run = {
        "start-pre": timing.start_pre_meeting,
        "start-meeting": timing.start_meeting,
        "end": timing.end_meeting,
    }[action]
    case = run(store, case_id, when)
    stamp = {
        "start-pre": case.pre_started_at,
        "start-meeting": case.meeting_started_at,
        "end": case.ended_at,
    }[action]
    assert stamp is not None
    # The label, not the stored value ("pre-meeting"), so the Danish CLI says "formøde".
    status = _(CASE_STATUS_LABELS[CaseStatus(case.status)]).lower()
    echo(
        _("Case {id}: {status} at {time}.").format(
            id=case_id, status=status, time=stamp.strftime("%H:%M")
        )
    )


AT = typer.Option(None, "--at", metavar="HH:MM", help="When it happened (default: now).")


@app.command("start-pre")
def start_pre(
    ctx: typer.Context, case_id: int = typer.Argument(..., metavar="CASE_ID"), at: str | None = AT
) -> None:
    """Start the case's pre-meeting."""
    _timing(ctx, case_id, at, "start-pre")


@app.command("start-meeting")
def start_meeting(
    ctx: typer.Context, case_id: int = typer.Argument(..., metavar="CASE_ID"), at: str | None = AT
) -> None:
    """Start the meeting with the citizen (ends the pre-meeting)."""
    _timing(ctx, case_id, at, "start-meeting")


@app.command("end")
def end(
    ctx: typer.Context, case_id: int = typer.Argument(..., metavar="CASE_ID"), at: str | None = AT
) -> None:
    """End the meeting: the case is done."""
    _timing(ctx, case_id, at, "end")


REASON = typer.Option("", "--reason", metavar="TEXT", help="Why (the seeds: find out why).")


@app.command("absent")
def absent(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID"),
    reason: str = REASON,
    held: bool = typer.Option(
        False, "--held", help="The meeting was held without the citizen (after it started)."
    ),
) -> None:
    """The citizen did not come (with --held: the meeting went on without them)."""
    from coordinator.store import timing

    store = settings_of(ctx).open_store()
    if held:
        timing.mark_absent_held(store, case_id, reason)
        echo(_("Case {id}: citizen absent, meeting held.").format(id=case_id))
    else:
        timing.mark_absent(store, case_id, reason)
        echo(_("Case {id}: citizen absent.").format(id=case_id))


@app.command("cancel")
def cancel(
    ctx: typer.Context, case_id: int = typer.Argument(..., metavar="CASE_ID"), reason: str = REASON
) -> None:
    """Cancel the case; its slot stays free until the day is pulled forward."""
    from coordinator.store import timing

    store = settings_of(ctx).open_store()
    timing.cancel_case(store, case_id, reason)
    echo(_("Case {id} cancelled.").format(id=case_id))
