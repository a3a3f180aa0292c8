"""`coordinator outcome set`: the three-month outcome of a case."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="The three-month outcome of a case.", no_args_is_help=True)


@app.command("set")
def set_(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
    category: str = typer.Option(
        ...,
        "--category",
        metavar="C",
        help="job, flexjob, wage-subsidy, internship, education, main-model, no-progress, other.",
    ),
    on: str | None = typer.Option(None, "--on", metavar="DATE", help="Default today."),
    problem_solved: str | None = typer.Option(
        None, "--problem-solved", metavar="yes|partly|no", help="Was the problem taken care of?"
    ),
    note: str = typer.Option("", "--note", metavar="TEXT"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Record (or correct) where the citizen is, three months on."""
    from coordinator.domain.clock_entry import read_iso_date
    from coordinator.domain.followup import parse_category, parse_problem_solved
    from coordinator.store.outcomes import set_outcome

    try:
        chosen = parse_category(category)
        solved = parse_problem_solved(problem_solved) if problem_solved is not None else None
    except ValueError as exc:
        raise UserError(str(exc)) from None
    when = read_iso_date(on) if on else None
    outcome = set_outcome(settings_of(ctx).open_store(), case_id, chosen, when, solved, note)
    if as_json:
        print_json(outcome.json())
        return
    echo(
        _("Outcome of case {case} recorded: {category}{workplace}.").format(
            case=case_id,
            category=chosen.value,
            workplace=_(" (at a workplace)") if outcome.at_workplace else "",
        )
    )
