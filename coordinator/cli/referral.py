"""`coordinator referral add|list|plan`: the queue of citizens waiting for a step-up."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="The queue of citizens referred to a step-up.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    citizen: str = typer.Option(..., "--citizen", metavar="NAME"),
    challenges: list[str] = typer.Option(
        [], "--challenge", metavar="KIND", help="health, family or other (repeatable)."
    ),
    referred_by: str | None = typer.Option(None, "--referred-by", metavar="NAME"),
    reason: str = typer.Option("", "--reason", metavar="TEXT"),
    urgent: bool = typer.Option(False, "--urgent"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Refer a citizen to a step-up (they wait in the queue)."""
    from coordinator.domain.vocab import parse_challenge
    from coordinator.store.referrals import ReferralInput, add_referral

    try:
        kinds = tuple(parse_challenge(c) for c in challenges)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    store = settings_of(ctx).open_store()
    view = add_referral(
        store,
        ReferralInput(
            citizen=citizen,
            challenges=kinds,
            referred_by=referred_by,
            reason=reason,
            urgent=urgent,
        ),
    )
    if as_json:
        print_json(view.as_json())
    else:
        echo(_("Referral {id}: {citizen} is waiting.").format(id=view.id, citizen=view.citizen))


@app.command("list")
def list_(
    ctx: typer.Context,
    everything: bool = typer.Option(False, "--all", help="Also planned and withdrawn ones."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The queue: urgent first, then the longest waiting; and the next days with room."""
    from coordinator.store.referrals import free_days, list_referrals

    store = settings_of(ctx).open_store()
    referrals = list_referrals(store, everything)
    days = free_days(store)
    if as_json:
        print_json(
            {
                "referrals": [r.as_json() for r in referrals],
                "free_days": [
                    {"id": d.id, "date": d.date.isoformat(), "cases": d.cases, "free": d.free}
                    for d in days
                ],
            }
        )
        return
    if not referrals:
        echo(_("Nobody is waiting."))
    for item in referrals:
        flag = "!" if item.urgent else " "
        kinds = ",".join(k.value for k in item.challenges)
        echo(
            f"{item.id:>4} {flag} {item.citizen:<24} {kinds:<14} "
            + _("{days} days").format(days=item.waiting_days)
            + f"  {item.referred_by}  {item.reason}"
        )
    for day in days:
        echo(
            _("Room on {date} (day {id}): {free} more.").format(
                date=day.date.isoformat(), id=day.id, free=day.free
            )
        )


@app.command("plan")
def plan(
    ctx: typer.Context,
    referral_id: int = typer.Argument(..., metavar="REF_ID"),
    day: str = typer.Option(..., "--day", metavar="DATE|ID", help="The day to plan it on."),
) -> None:
    """Plan a waiting referral onto a day: its case is made and the referral marked planned."""
    from coordinator.cli.day_edit import resolve
    from coordinator.store.referrals import plan_referral

    store = settings_of(ctx).open_store()
    target = resolve(store, day)
    case_id = plan_referral(store, referral_id, target.id or 0)
    echo(
        _("Referral {id} planned on {date} as case {case}.").format(
            id=referral_id, date=target.date.isoformat(), case=case_id
        )
    )
