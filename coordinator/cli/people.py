"""`coordinator people add|list|import`."""

from __future__ import annotations

from pathlib import Path

import typer

from coordinator.cli import UserError, echo, print_json, settings_of
from coordinator.i18n import _

app = typer.Typer(help="The directory of professionals.", no_args_is_help=True)


def person_json(person) -> dict[str, object]:  # noqa: ANN001 - store.people.PersonRecord
    return {
        "id": person.id,
        "name": person.name,
        "profession": person.profession.value,
        "department": person.department,
        "email": person.email,
        "phone": person.phone,
        "decision_authority": person.decision_authority,
        "fixed_representative": person.fixed_representative,
        "active": person.active,
    }


@app.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="Full name."),
    profession: str = typer.Option(
        ..., "--profession", metavar="PROFESSION", help="e.g. jobbroker, nurse, caseworker."
    ),
    department: str = typer.Option("", "--department", metavar="TEXT"),
    authority: bool = typer.Option(False, "--authority", help="Has decision authority."),
    representative: bool = typer.Option(
        False, "--representative", help="The department's fixed step-up representative."
    ),
    email: str = typer.Option("", "--email", metavar="EMAIL"),
    phone: str = typer.Option("", "--phone", metavar="PHONE"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Add a professional to the directory."""
    from coordinator.domain.vocab import PROFESSION_LABELS, parse_profession
    from coordinator.store.people import PersonInput, add_person

    try:
        kind = parse_profession(profession)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    store = settings_of(ctx).open_store()
    person = add_person(
        store,
        PersonInput(
            name=name,
            profession=kind,
            department=department,
            email=email,
            phone=phone,
            decision_authority=authority,
            fixed_representative=representative,
        ),
    )
    if as_json:
        print_json(person_json(person))
    else:
        echo(
            _("{name} ({profession}) is in the directory as id {id}.").format(
                name=person.name, profession=_(PROFESSION_LABELS[person.profession]), id=person.id
            )
        )


@app.command("list")
def list_(
    ctx: typer.Context,
    include_inactive: bool = typer.Option(False, "--all", help="Include deactivated people."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List the directory."""
    from coordinator.domain.vocab import PROFESSION_LABELS
    from coordinator.store.people import list_people

    people = list_people(settings_of(ctx).open_store(), include_inactive=include_inactive)
    if as_json:
        print_json([person_json(p) for p in people])
        return
    if not people:
        echo(
            _("The directory is empty. Add people with: coordinator people add NAME --profession P")
        )
    for p in people:
        flags = ("A" if p.decision_authority else "-") + ("R" if p.fixed_representative else "-")
        profession = _(PROFESSION_LABELS[p.profession])
        echo(f"{p.id:>4}  {flags}  {p.name:<28} {profession:<18} {p.department}")


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(
        ..., metavar="FILE", help="CSV with a header: name,profession,department,..."
    ),
) -> None:
    """Import people from CSV: all lines or none. Columns: name, profession, department, email,
    phone, decision_authority, fixed_representative (yes/no)."""
    from coordinator.store.people import import_people

    result = import_people(settings_of(ctx).open_store(), file)
    echo(
        _("Imported {added} people; {duplicates} were already there.").format(
            added=result.added, duplicates=result.duplicates
        )
    )
    if result.encoding != "UTF-8":
        typer.echo(
            _("The file is not UTF-8 and was read as {encoding}.").format(encoding=result.encoding)
        )
