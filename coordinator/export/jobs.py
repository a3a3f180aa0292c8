"""Exports as the CLI and the export dialog ask for them: build the context once, render each
requested format from it, write the files safely, return where they went."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coordinator.export import context as contexts
from coordinator.export.environment import render_template
from coordinator.export.files import initials_for_file, safe_stem, target_folder, write_formats
from coordinator.i18n import N_, _, translate
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.settings import get_setting

Kind = Literal["agreement", "day", "material"]
FORMATS: dict[str, tuple[str, ...]] = {
    "agreement": ("html", "pdf", "docx", "md", "txt"),
    "day": ("html", "md", "txt", "ics"),
    "material": ("html", "pdf"),
}
#: The word for a case in file names and calendar titles.
CASE_WORD = N_("case")
DEFAULT_FORMATS: dict[str, tuple[str, ...]] = {
    "agreement": ("html", "pdf"),
    "day": ("html", "ics"),
    "material": ("html", "pdf"),
}


@dataclass(frozen=True)
class Options:
    """Where and how to write: the target (file or folder), overwrite, user templates."""

    language: str = "da"
    out: Path | None = None
    force: bool = False
    templates_dir: str | None = None
    #: The citizen's copy in large print (None: the `large_print` setting decides).
    large: bool | None = None


def parse_formats(values: Iterable[str], kind: str) -> tuple[str, ...]:
    """`["html,pdf", "docx"]` → `("html", "pdf", "docx")`, checked against the kind's formats."""
    chosen: list[str] = []
    for value in values:
        for part in value.split(","):
            fmt = part.strip().lower().lstrip(".")
            if fmt == "markdown":
                fmt = "md"
            if not fmt:
                continue
            if fmt not in FORMATS[kind]:
                raise Invalid(
                    _("Unknown format {format!r} for {kind}; use {formats}.").format(
                        format=fmt, kind=kind, formats=", ".join(FORMATS[kind])
                    )
                )
            if fmt not in chosen:
                chosen.append(fmt)
    return tuple(chosen) or DEFAULT_FORMATS[kind]


def _templates_dir(store: Store, options: Options) -> str | None:
    chosen = options.templates_dir or get_setting(store, "templates_dir").strip() or None
    if chosen and not Path(chosen).expanduser().is_dir():
        raise Invalid(_("The templates folder {folder} does not exist.").format(folder=chosen))
    return chosen


def _write_all(
    stem: str, formats: tuple[str, ...], make: Callable[[str], bytes], options: Options
) -> list[Path]:
    out = options.out.expanduser() if options.out else None
    folder = target_folder(out)
    if out is not None and folder != out and len(formats) == 1:
        paths = {formats[0]: out}
    else:
        base = out.stem if out is not None and folder != out else stem
        paths = {fmt: folder / f"{base}.{fmt}" for fmt in formats}
    return write_formats({fmt: paths[fmt] for fmt in formats}, make, options.force)


def _audited(
    store: Store, what: str, ref: int | None, paths: list[Path], *, case: bool
) -> list[Path]:
    """Every exported file goes into the audit trail with its path (store/audit.py)."""
    from coordinator.store.audit import record_export

    record_export(store, what, ref, paths, case=case)
    return paths


def _word(message: str, language: str) -> str:
    return translate(message, language)


def export_agreement(
    store: Store, case_id: int, formats: tuple[str, ...], options: Options
) -> list[Path]:
    from coordinator.export.agreement_context import agreement_context
    from coordinator.export.docx import agreement_docx
    from coordinator.export.pdf import html_to_pdf

    language = options.language
    templates = _templates_dir(store, options)
    ctx = agreement_context(store, case_id, language, options.large)

    def make(fmt: str) -> bytes:
        if fmt == "docx":
            return agreement_docx(ctx, templates)
        if fmt == "pdf":
            html = render_template("agreement.pdf.html.j2", ctx, "html", templates)
            footer = f"{ctx['document']['title']} – {ctx['citizen']['initials']}"
            return html_to_pdf(
                html,
                title=ctx["document"]["title"],
                language=language,
                footer=footer,
                logo_path=ctx["letterhead"]["logo"]["path"],
                author=ctx["author"]["name"],
                large=ctx["large"],
            )
        return render_template(f"agreement.{fmt}.j2", ctx, fmt, templates).encode("utf-8")  # type: ignore[arg-type]

    stem = safe_stem(
        ctx["day"]["date"],
        _word(N_("agreement"), language),
        f"{_word(CASE_WORD, language)}-{case_id}",
        initials_for_file(ctx["citizen"]["name"]),
    )
    return _audited(
        store, "agreement", case_id, _write_all(stem, formats, make, options), case=True
    )


def export_day(
    store: Store, day_ref: str | int, formats: tuple[str, ...], options: Options
) -> list[Path]:
    from coordinator.export.calendar_jobs import day_agenda_ics

    templates = _templates_dir(store, options)
    ctx = contexts.agenda_context(store, day_ref, options.language)

    def make(fmt: str) -> bytes:
        if fmt == "ics":
            return day_agenda_ics(store, day_ref, options.language)
        return render_template(f"agenda.{fmt}.j2", ctx, fmt, templates).encode("utf-8")  # type: ignore[arg-type]

    stem = safe_stem(ctx["day"]["date"], _word(N_("agenda"), options.language))
    day_id = ctx["day"]["id"]
    return _audited(store, "day", day_id, _write_all(stem, formats, make, options), case=False)


def export_material(
    store: Store, case_id: int, formats: tuple[str, ...], options: Options
) -> list[Path]:
    from coordinator.export.pdf import html_to_pdf

    language = options.language
    templates = _templates_dir(store, options)
    ctx = contexts.material_context(store, case_id, language)

    def make(fmt: str) -> bytes:
        if fmt == "pdf":
            html = render_template("material.pdf.html.j2", ctx, "html", templates)
            footer = f"{ctx['document']['title']} – {ctx['citizen']['initials']}"
            return html_to_pdf(
                html, title=ctx["document"]["title"], language=language, footer=footer
            )
        return render_template("material.html.j2", ctx, "html", templates).encode("utf-8")

    stem = safe_stem(
        ctx["day"]["date"],
        _word(N_("material"), language),
        f"{_word(CASE_WORD, language)}-{case_id}",
        initials_for_file(ctx["citizen"]["name"]),
    )
    return _audited(store, "material", case_id, _write_all(stem, formats, make, options), case=True)


def export_invitations(
    store: Store, day_ref: str | int, people: list[str], per_person: bool, options: Options
) -> list[Path]:
    """The day's invitations and cancellations (`export.calendar_jobs`)."""
    from coordinator.export import calendar_jobs
    from coordinator.store.days import resolve_day

    written = calendar_jobs.export_invitations(
        store, day_ref, people, per_person, options.language, options.out, options.force
    )
    return _audited(store, "invitations", resolve_day(store, day_ref).id, written, case=False)


def export_followups(store: Store, case_id: int, options: Options) -> list[Path]:
    """The citizen's own deadlines and follow-up meeting (`export.calendar_jobs`)."""
    from coordinator.export import calendar_jobs

    written = calendar_jobs.export_followups(
        store, case_id, options.language, options.out, options.force
    )
    return _audited(store, "followups", case_id, written, case=True)


def export(
    store: Store, kind: Kind, ref: int | str, formats: tuple[str, ...], options: Options
) -> list[Path]:
    """The export dialog's entry point: one kind of document, several formats."""
    if kind == "agreement":
        return export_agreement(store, int(ref), formats, options)
    if kind == "day":
        return export_day(store, ref, formats, options)
    return export_material(store, int(ref), formats, options)
