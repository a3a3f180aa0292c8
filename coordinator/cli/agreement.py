"""`coordinator agreement show|set|item|finalise`."""

from __future__ import annotations

from datetime import date

import typer

from coordinator.cli import UserError, print_json, settings_of

app = typer.Typer(help="The agreement document of a case.", no_args_is_help=True)


def _due(text: str | None, today: date) -> date | None:
    from coordinator.domain.quickdates import QuickDateError, parse_due

    if text is None or not text.strip():
        return None
    try:
        return parse_due(text, today)
    except QuickDateError as exc:
        raise UserError(str(exc)) from None


@app.command("show")
def show(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., help="The case id."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show the newest version of a case's agreement."""
    from coordinator.store.agreements import agreement_json

    document = agreement_json(settings_of(ctx).open_store(), case_id)
    if as_json:
        print_json(document)
        return
    typer.echo(
        f"Agreement for case {case_id}, version {document['version']} ({document['status']})"
    )
    typer.echo(f"Job goal: {document['job_goal']}")
    typer.echo(f"At a workplace by: {document['goal_date'] or '-'}")
    if document["citizen_words"]:
        typer.echo(f"In the citizen's words: {document['citizen_words']}")
    for item in document["items"]:  # type: ignore[union-attr]
        who, due = item["responsible"] or "?", item["due"] or "?"
        typer.echo(f"  [{item['kind']}] {item['text']} — {who}, by {due}")


@app.command("set")
def set_(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., help="The case id."),
    job_goal: str | None = typer.Option(None, "--job-goal"),
    goal_date: str | None = typer.Option(None, "--goal-date", help="YYYY-MM-DD or e.g. +3m."),
    citizen_words: str | None = typer.Option(None, "--citizen-words"),
    follow_up: str | None = typer.Option(None, "--follow-up", help="Next follow-up date."),
    follow_up_contact: str | None = typer.Option(None, "--follow-up-contact"),
) -> None:
    """Set the job goal, goal date, the citizen's own words or the follow-up."""
    from coordinator.store.agreements import set_fields

    store = settings_of(ctx).open_store()
    today = store.now().date()
    fields: dict[str, object] = {}
    if job_goal is not None:
        fields["job_goal"] = job_goal
    if goal_date is not None:
        fields["goal_date"] = _due(goal_date, today)
    if citizen_words is not None:
        fields["citizen_words"] = citizen_words
    if follow_up is not None:
        fields["follow_up_date"] = _due(follow_up, today)
    if follow_up_contact is not None:
        fields["follow_up_contact"] = follow_up_contact
    if not fields:
        raise UserError(
            "nothing to set; give --job-goal, --goal-date, --citizen-words or --follow-up"
        )
    agreement = set_fields(store, case_id, **fields)
    typer.echo(f"Agreement of case {case_id} saved (version {agreement.version}, draft).")


@app.command("item")
def item(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., help="The case id."),
    kind: str = typer.Option(..., "--kind", help="accommodation, support, intervention or action."),
    text: str = typer.Option(..., "--text", help="What is agreed."),
    responsible: str = typer.Option("", "--responsible", help="A name, or 'citizen'."),
    due: str | None = typer.Option(None, "--due", help="YYYY-MM-DD, 15/1, +2w, 'uge 3' …"),
) -> None:
    """Add an item to the agreement draft."""
    from coordinator.domain.vocab import ItemKind
    from coordinator.store.agreements import add_item

    try:
        item_kind = ItemKind(kind)
    except ValueError:
        raise UserError(
            f"unknown kind {kind!r}; use accommodation, support, intervention or action"
        ) from None
    if not text.strip():
        raise UserError("an item needs --text")
    store = settings_of(ctx).open_store()
    added = add_item(store, case_id, item_kind, text, responsible, _due(due, store.now().date()))
    typer.echo(f"Added item {added.id} ({item_kind.value}) to the agreement of case {case_id}.")


@app.command("finalise")
def finalise(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., help="The case id."),
) -> None:
    """Make the agreement final (read-only), if nothing is missing."""
    from coordinator.store.agreements import finalise as do_finalise

    agreement = do_finalise(settings_of(ctx).open_store(), case_id)
    typer.echo(f"Agreement of case {case_id}, version {agreement.version}, is final.")
