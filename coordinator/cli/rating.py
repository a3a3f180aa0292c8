"""`coordinator rating add|list`: the citizen's F.I.T. ratings (numbers only)."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="The citizen's F.I.T. ratings of a case.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
    kind: str = typer.Option(..., "--kind", metavar="session|outcome"),
    scores: str = typer.Option(
        ...,
        "--scores",
        metavar="N,N,N,N",
        help="Four scores 0-10: session = relation, goals, approach, overall; "
        "outcome = individually, interpersonally, socially, overall.",
    ),
    on: str | None = typer.Option(None, "--on", metavar="DATE", help="Default today."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Keep one rating of a conversation."""
    from coordinator.domain.clock_entry import read_iso_date
    from coordinator.domain.followup import RatingKind, parse_scores
    from coordinator.store.ratings import add_rating

    try:
        chosen = RatingKind(kind.strip().lower())
    except ValueError:
        raise UserError(
            _("unknown kind {kind!r}; use session or outcome").format(kind=kind)
        ) from None
    try:
        values = parse_scores(scores)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    when = read_iso_date(on) if on else None
    rating = add_rating(settings_of(ctx).open_store(), case_id, chosen, values, when)
    if as_json:
        print_json(rating.json())
        return
    echo(
        _("Rating kept for case {case}: {total:g} of 40.").format(case=case_id, total=rating.total)
    )
    if rating.flagged:
        echo(_("Below 36: ask the citizen what could be better."))


@app.command("list")
def list_(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The case's ratings over time (both conversations)."""
    from coordinator.store.ratings import ratings_of

    found = ratings_of(settings_of(ctx).open_store(), case_id)
    if as_json:
        print_json({"case": case_id, "ratings": [r.json() for r in found]})
        return
    for rating in found:
        scores = " ".join(f"{s:g}" for s in rating.scores)
        flag = "  !" if rating.flagged else ""
        when, kind = rating.rated_on.isoformat(), rating.kind.value
        echo(f"{when}  {kind:<8} {scores}  = {rating.total:g}{flag}")
