"""`coordinator roster add|check`."""

from __future__ import annotations

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="Who takes part in a case.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
    names: list[str] = typer.Argument(..., metavar="NAME", help="Names from the directory."),
    part: str = typer.Option(
        "both", "--part", metavar="pre|meeting|both", help="pre, meeting or both."
    ),
) -> None:
    """Put people from the directory on a case's roster."""
    from coordinator.domain.vocab import Part
    from coordinator.store.roster import add_people

    try:
        chosen = Part(part)
    except ValueError:
        raise UserError(
            _("unknown part {part!r}; use pre, meeting or both").format(part=part)
        ) from None
    entries = add_people(settings_of(ctx).open_store(), case_id, names, chosen)
    echo(
        _("{count} on the roster of case {case} ({part}).").format(
            count=len(entries), case=case_id, part=chosen.value
        )
    )


@app.command("check")
def check(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE_ID", help="The case id."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Check a case's roster against the step-up attendance rules."""
    from coordinator.store import roster_checks

    store = settings_of(ctx).open_store()
    from coordinator.store.consent import consent_findings

    findings = roster_checks.check(store, case_id, store.now()) + consent_findings(store, case_id)
    if as_json:
        print_json(
            {
                "case": case_id,
                "findings": [
                    {"severity": f.severity.value, "code": f.code, "message": f.message}
                    for f in findings
                ],
            }
        )
        return
    if not findings:
        echo(_("Case {case}: the roster follows the rules.").format(case=case_id))
    for f in findings:
        echo(f"{f.severity.value:<7} {f.code:<28} {f.message}")
