"""`coordinator agreement show|set|item|finalise`."""

from __future__ import annotations

from datetime import date

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

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
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show the newest version of a case's agreement."""
    from coordinator.domain.vocab import (
        AGREEMENT_STATUS_LABELS,
        ITEM_KIND_LABELS,
        AgreementStatus,
        ItemKind,
    )
    from coordinator.store.agreements import agreement_json

    document = agreement_json(settings_of(ctx).open_store(), case_id)
    if as_json:
        print_json(document)
        return
    echo(
        _("Agreement for case {case}, version {version} ({status})").format(
            case=case_id,
            version=document["version"],
            status=_(AGREEMENT_STATUS_LABELS[AgreementStatus(document["status"])]).lower(),
        )
    )
    echo(_("Job goal: {goal}").format(goal=document["job_goal"]))
    echo(_("At a workplace by: {date}").format(date=document["goal_date"] or "-"))
    if document["citizen_words"]:
        echo(_("In the citizen's words: {words}").format(words=document["citizen_words"]))
    for item in document["items"]:  # type: ignore[union-attr]
        who, due = item["responsible"] or "?", item["due"] or "?"
        echo(
            _("  [{kind}] {text} — {who}, by {due}").format(
                kind=_(ITEM_KIND_LABELS[ItemKind(item["kind"])]),
                text=item["text"],
                who=who,
                due=due,
            )
        )


@app.command("set")
def set_(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
    job_goal: str | None = typer.Option(None, "--job-goal", metavar="TEXT"),
    goal_date: str | None = typer.Option(
        None, "--goal-date", metavar="DATE", help="YYYY-MM-DD or e.g. +3m."
    ),
    citizen_words: str | None = typer.Option(None, "--citizen-words", metavar="TEXT"),
    goal_reason: str | None = typer.Option(
        None, "--goal-reason", metavar="TEXT", help="Why the goal is more than 3 months away."
    ),
    follow_up: str | None = typer.Option(
        None, "--follow-up", metavar="DATE", help="Next follow-up date."
    ),
    follow_up_contact: str | None = typer.Option(None, "--follow-up-contact", metavar="NAME"),
) -> None:
    """Set the job goal, goal date, the citizen's own words or the follow-up."""
    from coordinator.cli.agreement_race import set_fields_retrying

    store = settings_of(ctx).open_store()
    today = store.now().date()
    fields: dict[str, object] = {}
    if job_goal is not None:
        fields["job_goal"] = job_goal
    if goal_date is not None:
        fields["goal_date"] = _due(goal_date, today)
    if citizen_words is not None:
        fields["citizen_words"] = citizen_words
    if goal_reason is not None:
        fields["goal_reason"] = goal_reason
    if follow_up is not None:
        fields["follow_up_date"] = _due(follow_up, today)
    if follow_up_contact is not None:
        fields["follow_up_contact"] = follow_up_contact
    if not fields:
        raise UserError(
            _("nothing to set; give --job-goal, --goal-date, --citizen-words or --follow-up")
        )
    agreement = set_fields_retrying(store, case_id, fields)
    echo(
        _("Agreement of case {case} saved (version {version}, draft).").format(
            case=case_id, version=agreement.version
        )
    )


@app.command("item")
def item(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
    kind: str = typer.Option(
        ..., "--kind", metavar="KIND", help="accommodation, support, intervention or action."
    ),
    text: str = typer.Option(..., "--text", metavar="TEXT", help="What is agreed."),
    responsible: str = typer.Option(
        "", "--responsible", metavar="NAME", help="A name, or 'citizen'."
    ),
    due: str | None = typer.Option(
        None, "--due", metavar="DATE", help="YYYY-MM-DD, 15/1, +2w, 'uge 3' …"
    ),
) -> None:
    """Add an item to the agreement draft."""
    from coordinator.domain.vocab import ItemKind
    from coordinator.store.agreements import add_item

    try:
        item_kind = ItemKind(kind)
    except ValueError:
        raise UserError(
            _("unknown kind {kind!r}; use accommodation, support, intervention or action").format(
                kind=kind
            )
        ) from None
    if not text.strip():
        raise UserError(_("an item needs --text"))
    store = settings_of(ctx).open_store()
    added = add_item(store, case_id, item_kind, text, responsible, _due(due, store.now().date()))
    echo(
        _("Added item {id} ({kind}) to the agreement of case {case}.").format(
            id=added.id, kind=item_kind.value, case=case_id
        )
    )


@app.command("finalise")
def finalise(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
) -> None:
    """Make the agreement final (read-only), if nothing is missing."""
    from coordinator.store.agreements import finalise as do_finalise
    from coordinator.store.agreements import finalise_warnings

    store = settings_of(ctx).open_store()
    agreement = do_finalise(store, case_id)
    for warning in finalise_warnings(store, case_id):
        echo(_("Note: {warning}").format(warning=warning))
    echo(
        _("Agreement of case {case}, version {version}, is final.").format(
            case=case_id, version=agreement.version
        )
    )
