"""The meeting material as one PDF: the preparation form first, then the checklist's attached
files (Min Plan, CV, job goal, …), every page marked confidential with the case number.

Participants get one file to read and print instead of five attachments, and a page that
strays from the pile still says what it belongs to. Files that cannot go in (not a PDF, gone,
password-protected) are named, not silently dropped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError

from coordinator.domain.vocab import MATERIAL_LABELS
from coordinator.export import context as contexts
from coordinator.export.environment import render_template
from coordinator.export.files import initials_for_file, safe_stem, target_folder, write_file
from coordinator.i18n import N_, translate
from coordinator.store.database import Store
from coordinator.store.export_data import case_document_data

#: Points per millimetre (PDF user space is in points).
_PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Bundle:
    """The merged PDF and the attached files left out, each with why."""

    data: bytes
    pages: int
    included: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]


def _preparation_pdf(store: Store, case_id: int, language: str, templates: str | None) -> bytes:
    from coordinator.export.pdf import html_to_pdf

    ctx = contexts.material_context(store, case_id, language)
    html = render_template("material.pdf.html.j2", ctx, "html", templates)
    footer = f"{ctx['document']['title']} – {ctx['citizen']['initials']}"
    return html_to_pdf(html, title=ctx["document"]["title"], language=language, footer=footer)


def _readable(path: Path, language: str) -> tuple[PdfReader | None, str]:
    """The file as a PDF, or None and why not (in `language`)."""

    def t(message: str) -> str:
        return translate(message, language)

    if not path.is_file():
        return None, t(N_("the file is gone"))
    try:
        with path.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                return None, t(N_("not a PDF file"))
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            return None, t(N_("protected by a password"))
        len(reader.pages)  # reads the page tree: a broken file fails here, not later
    except (PdfReadError, OSError, ValueError) as exc:
        return None, t(N_("cannot be read ({reason})")).format(reason=type(exc).__name__)
    return reader, ""


def _stamp(width: float, height: float, text: str) -> bytes:
    """One page of `width` × `height` points with the mark at its top edge, on white."""
    pdf = FPDF(unit="pt", format=(width, height))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 8)
    label = text.encode("latin-1", "replace").decode("latin-1")
    box = pdf.get_string_width(label) + 12
    x, y = (width - box) / 2, 4 * _PT_PER_MM
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(170, 30, 30)
    pdf.set_text_color(170, 30, 30)
    pdf.rect(x, y, box, 13, style="DF")
    pdf.set_xy(x, y)
    pdf.cell(box, 13, label, align="C")
    return bytes(pdf.output())


def bundle_pdf(store: Store, case_id: int, language: str, templates: str | None = None) -> Bundle:
    """The preparation form and every attached PDF of the checklist, stamped page by page."""

    def t(message: str) -> str:
        return translate(message, language)

    data = case_document_data(store, case_id)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(_preparation_pdf(store, case_id, language, templates))))
    included = [t(N_("Preparation form"))]
    skipped: list[tuple[str, str]] = []
    for item in data.materials:
        if not item.file_ref:
            continue
        label = item.label or t(MATERIAL_LABELS[item.kind])
        path = Path(item.file_ref).expanduser()
        reader, why = _readable(path, language)
        if reader is None:
            skipped.append((f"{label} ({path.name})", why))
            continue
        writer.append(reader)
        included.append(label)
    total = len(writer.pages)
    mark = t(N_("CONFIDENTIAL")) + " · " + t(N_("Case {id}")).format(id=case_id)
    for number, page in enumerate(writer.pages, start=1):
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        page_text = t(N_("page {page} of {pages}")).format(page=number, pages=total)
        overlay = PdfReader(io.BytesIO(_stamp(width, height, f"{mark} · {page_text}"))).pages[0]
        if box.left or box.bottom:
            overlay.add_transformation((1, 0, 0, 1, float(box.left), float(box.bottom)))
        page.merge_page(overlay)
    writer.add_metadata(
        {"/Title": t(N_("Material for the step-up meeting")), "/Producer": "stepup-coordinator"}
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return Bundle(buffer.getvalue(), total, tuple(included), tuple(skipped))


def export_bundle(
    store: Store,
    case_id: int,
    language: str,
    out: Path | None = None,
    force: bool = False,
    templates: str | None = None,
) -> tuple[Path, Bundle]:
    """Write the bundle; returns where it went and what is in it."""
    bundle = bundle_pdf(store, case_id, language, templates)
    ctx_day = contexts.material_context(store, case_id, language)["day"]
    citizen = case_document_data(store, case_id).citizen.name
    stem = safe_stem(
        ctx_day["date"],
        translate(N_("material"), language),
        f"{translate(N_('case'), language)}-{case_id}",
        initials_for_file(citizen),
        translate(N_("bundle"), language),
    )
    out = out.expanduser() if out else None
    folder = target_folder(out)
    path = out if out is not None and folder != out else folder / f"{stem}.pdf"
    return write_file(path, bundle.data, force), bundle
