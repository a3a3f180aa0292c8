"""`export material` (with `--bundle` and `--sent`) and `export letter`: the commands' work,
kept apart from `cli/export.py` so the agreement's commands there stay as they are."""

from __future__ import annotations

from pathlib import Path

from coordinator.cli import echo
from coordinator.i18n import _


def _names(values: list[str]) -> list[str]:
    return [n.strip() for value in values for n in value.split(",") if n.strip()]


def material_command(  # noqa: ANN201 - returns nothing; prints
    store,  # noqa: ANN001 - Store, imported lazily
    case_id: int,
    formats: list[str],
    bundle: bool,
    sent: bool,
    to: list[str],
    options,  # noqa: ANN001 - export.jobs.Options
) -> None:
    """Write the material as asked (the formats, the bundle, or html,pdf when nothing is
    asked and it is not only a record of sending); then record the sending."""
    from coordinator.export.jobs import export_material, parse_formats

    if to and not sent:
        from coordinator.cli import UserError

        raise UserError(_("--to needs --sent."))
    paths: list[Path] = []
    if formats or not (bundle or sent):
        paths += export_material(store, case_id, parse_formats(formats, "material"), options)
    if bundle:
        from coordinator.export.jobs import _templates_dir
        from coordinator.export.material_bundle import export_bundle

        path, made = export_bundle(
            store,
            case_id,
            options.language,
            options.out,
            options.force,
            _templates_dir(store, options),
        )
        paths.append(path)
        from coordinator.store.audit import record_export

        record_export(store, "material-bundle", case_id, [path], case=True)
        for name, why in made.skipped:
            echo(_("Not in the bundle: {name}: {why}").format(name=name, why=why), err=True)
    for path in paths:
        echo(str(path))
    if sent:
        from coordinator.store.material_sent import record_sent

        names = _names(to) or _roster_names(store, case_id)
        record = record_sent(store, case_id, names)
        echo(
            _("Material of case {id} recorded as sent {when} to {names}.").format(
                id=case_id,
                when=f"{record.sent_at:%Y-%m-%d %H:%M}",
                names=", ".join(record.recipients) or "–",
            )
        )


def _roster_names(store, case_id: int) -> list[str]:  # noqa: ANN001 - Store
    """The professionals on the case's roster who have not declined: who the material is for."""
    from coordinator.domain.vocab import Attendance, RosterRole
    from coordinator.store.roster import roster_lines

    return [
        line.display_name
        for line in roster_lines(store, case_id)
        if line.role is RosterRole.PROFESSIONAL and line.attendance is not Attendance.DECLINED
    ]


def letter_command(store, case_id: int, formats: list[str], options) -> list[Path]:  # noqa: ANN001
    from coordinator.export.jobs import _templates_dir
    from coordinator.export.letter import DEFAULT_FORMATS, FORMATS, export_letter
    from coordinator.store.errors import Invalid

    chosen: list[str] = []
    for value in formats:
        for part in value.split(","):
            fmt = part.strip().lower().lstrip(".")
            if not fmt:
                continue
            if fmt not in FORMATS:
                raise Invalid(
                    _("Unknown format {format!r} for {kind}; use {formats}.").format(
                        format=fmt, kind="letter", formats=", ".join(FORMATS)
                    )
                )
            if fmt not in chosen:
                chosen.append(fmt)
    return export_letter(
        store,
        case_id,
        tuple(chosen) or DEFAULT_FORMATS,
        options.language,
        options.out,
        options.force,
        _templates_dir(store, options),
    )
