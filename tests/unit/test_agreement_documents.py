"""The citizen's agreement as a municipality hands it out, read back from every format: long
items flow, table text is regular weight, the citizen's words italic, no internal note, the
Word file A4/Danish with the agreement's metadata, plain Danish with a LIX the citizen reads."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document
from pypdf import PdfReader
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.domain.vocab import ItemKind
from coordinator.export.agreement_context import agreement_context
from coordinator.export.docx import agreement_docx
from coordinator.export.environment import render_template
from coordinator.export.files import ExportIncomplete
from coordinator.export.jobs import Options, export_agreement
from coordinator.export.pdf import font_files
from coordinator.store import agreements
from coordinator.store.models import Case, Preparation

pytestmark = pytest.mark.both_engines

INTERNAL = "Vurderes ikke motiveret INTERNT-NOTAT"
LONG = ("Vi ses hver uge og taler om, hvordan det går i praktikken. " * 100)[:5000]
WORDS = "Jeg vil gerne\nhave et arbejde."


@pytest.fixture
def hostile(demo_store):
    """Case 1 with a 5,000-character item, an undated item, internal notes in the case and the
    preparation, and the citizen's own words over two lines."""
    with demo_store.session() as session:
        case = session.get(Case, 1)
        case.problem_statement = INTERNAL
        session.add(case)
        preparation = session.exec(
            __import__("sqlmodel").select(Preparation).where(Preparation.case_id == 1)
        ).first()
        if preparation is not None:
            preparation.main_problem = INTERNAL
            session.add(preparation)
    agreements.set_fields(demo_store, 1, citizen_words=WORDS)
    agreements.add_item(demo_store, 1, ItemKind.SUPPORT, LONG, "Jonas Berg", date(2027, 1, 8))
    agreements.add_item(demo_store, 1, ItemKind.ACTION, "Ring til lægen 😀 <script>", "borgeren")
    return demo_store


def _spans(data: bytes) -> list[tuple[str, str]]:
    """(text, font name) of every piece of text drawn in the PDF."""
    found: list[tuple[str, str]] = []
    for page in PdfReader(io.BytesIO(data)).pages:

        def visit(text, _cm, _tm, font, _size, found=found) -> None:  # noqa: ANN001
            if text.strip() and font is not None:
                found.append((text.strip(), str(font.get("/BaseFont", ""))))

        page.extract_text(visitor_text=visit)
    return found


def _export(store, tmp_path: Path, *formats: str, large: bool | None = None) -> dict[str, Path]:
    options = Options(language="da", out=tmp_path, large=large)
    return {p.suffix[1:]: p for p in export_agreement(store, 1, tuple(formats), options)}


def test_a_5000_character_item_flows_across_pages_in_regular_weight(hostile, tmp_path) -> None:
    files = _export(hostile, tmp_path, "pdf", "html", "docx", "md", "txt")
    assert set(files) == {"pdf", "html", "docx", "md", "txt"}
    data = files["pdf"].read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    spans = _spans(data)
    fonts = {font for _text, font in spans}
    assert all("DejaVuSans" in font for font in fonts), fonts
    # The item text, names and dates of the tables: regular weight, not bold.
    for needle in ("Vi ses hver uge", "Jonas Berg,", "januar 2027", "Det gør du selv"):
        weights = {font for text, font in spans if needle in text}
        assert weights and all(font.endswith("DejaVuSans") or "Book" in font for font in weights), (
            needle,
            weights,
        )
    # The citizen's own words in italic.
    assert any("Jeg vil gerne" in text and "Oblique" in font for text, font in spans)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Side 1 af" in text
    assert "Ingen fast dato" in text


def test_the_fonts_ship_in_the_package() -> None:
    for path in font_files().values():
        assert path.is_file() and path.stat().st_size > 100_000
    assert (next(iter(font_files().values())).parent / "LICENSE.txt").is_file()


def test_no_internal_note_reaches_any_citizen_document(hostile, tmp_path) -> None:
    files = _export(hostile, tmp_path, "pdf", "html", "docx", "md", "txt")
    texts = {fmt: files[fmt].read_text("utf-8") for fmt in ("html", "md", "txt")}
    texts["pdf"] = "".join(p.extract_text() for p in PdfReader(files["pdf"]).pages)
    with zipfile.ZipFile(files["docx"]) as docx:
        texts["docx"] = "".join(
            docx.read(name).decode("utf-8") for name in docx.namelist() if name.endswith(".xml")
        )
    for fmt, text in texts.items():
        assert "INTERNT-NOTAT" not in text, fmt
        assert "Det talte vi om" not in text, fmt
    context = agreement_context(hostile, 1, "da")
    assert "problem" not in context["case"]


def test_word_is_a4_danish_with_the_agreements_metadata(hostile) -> None:
    agreements.set_fields(hostile, 1, goal_reason="")
    data = agreement_docx(agreement_context(hostile, 1, "da"))
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    properties = document.core_properties
    assert properties.author == "Jonas Berg"
    assert properties.created.date() == date(2026, 12, 3)
    assert properties.language == "da-DK"
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        styles = docx.read("word/styles.xml").decode()
        body = docx.read("word/document.xml").decode()
        footers = "".join(
            docx.read(n).decode() for n in docx.namelist() if n.startswith("word/footer")
        )
    assert 'w:val="da-DK"' in styles and "en-US" not in styles
    assert "<w:tblHeader" in body
    assert "PAGE" in footers and "NUMPAGES" in footers
    assert "&lt;script&gt;" in body and "<script>" not in body
    # The "what" column is the wide one.
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', body)[:3]]
    assert widths[0] > widths[1] + widths[2] - 1000


def test_a_users_word_template_wins(hostile, tmp_path) -> None:
    from docxtpl import DocxTemplate  # noqa: F401 - the dependency is there

    own = Document()
    own.add_paragraph("Egen skabelon for {{ citizen.name }}")
    own.save(tmp_path / "agreement.docx")
    data = agreement_docx(agreement_context(hostile, 1, "da"), str(tmp_path))
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert text.startswith("Egen skabelon for ")


def test_a_failing_format_never_stops_the_others(hostile, tmp_path, monkeypatch) -> None:
    import coordinator.export.pdf as pdf

    def broken(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise ValueError("The row with index 3 is too high\nTraceback line")

    monkeypatch.setattr(pdf, "html_to_pdf", broken)
    with pytest.raises(ExportIncomplete) as caught:
        export_agreement(hostile, 1, ("html", "pdf", "md"), Options(out=tmp_path))
    assert sorted(p.suffix for p in caught.value.written) == [".html", ".md"]
    assert all(p.is_file() for p in caught.value.written)
    assert "PDF" in str(caught.value) and "\n" not in str(caught.value)


def test_cli_reports_the_failed_format_in_one_line(hostile, db_url, clock, tmp_path, monkeypatch):
    import coordinator.export.pdf as pdf

    monkeypatch.setattr(pdf, "html_to_pdf", lambda *a, **k: 1 / 0)
    result = CliRunner().invoke(
        app,
        ["--db", db_url, "export", "agreement", "1", "-f", "html,pdf", "--out", str(tmp_path)],
        obj=SimpleNamespace(clock=clock),
    )
    assert result.exit_code == 1
    assert result.stdout.strip().endswith(".html")
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "PDF" in result.stderr


def test_the_municipal_parts_are_there(hostile) -> None:
    agreements.set_fields(hostile, 1, follow_up_date=date(2027, 1, 14))
    context = agreement_context(hostile, 1, "da")
    text = render_template("agreement.txt.j2", context, "txt")
    for expected in (
        "Aftalt den 3. december 2026.",
        "Din underskrift",
        "Jobformidlerens underskrift",
        "på en arbejdsplads senest",
        "Hvis du bliver syg eller ikke kan nå det, du har aftalt: ring til",
        "torsdag den 14. januar 2027",
        "Andre tilbud til dig",
        "Den hjælp, du får",
        "Hvem gør det",
        "Det gør du selv",
        "Ingen fast dato",
    ):
        assert expected in text, expected
    assert "version" not in text.lower()
    assert " ".join(text.split()).count("Et step up-møde er") == 1
    # Each responsible person from the directory with role and phone.
    jonas = next(c for c in context["contacts"] if c["name"] == "Jonas Berg")
    assert jonas["profession"] == "Jobformidler" and jonas["phone"]


def _lix(text: str) -> float:
    words = re.findall(r"[A-Za-zÆØÅæøå]+", text)
    sentences = max(1, len(re.findall(r"[.:!?](\s|$)", text)))
    long_words = [w for w in words if len(w) > 6]
    return len(words) / sentences + 100 * len(long_words) / len(words)


def test_the_fixed_text_is_easy_to_read(hostile) -> None:
    """LIX of what the template itself says (the citizen's own texts and names left out)."""
    context = agreement_context(hostile, 1, "da")
    context["agreement"].update(job_goal="", citizen_words="", goal_reason="")
    for section in context["sections"]:
        for item in section["items"]:
            item["text"] = ""
    text = render_template("agreement.txt.j2", context, "txt")
    for name in [context["citizen"]["name"], context["day"]["location"], "Jobcenter"] + [
        p["name"] for p in context["participants"] + context["contacts"]
    ]:
        text = text.replace(name, "")
    assert _lix(text) <= 30, _lix(text)


def test_large_print(hostile, tmp_path, demo_store) -> None:
    files = _export(hostile, tmp_path, "pdf", "html", large=True)
    assert '<body class="large">' in files["html"].read_text("utf-8")
    reader = PdfReader(files["pdf"])
    sizes: list[float] = []
    reader.pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: (
            sizes.append(size * tm[0]) if text.strip() else None
        )
    )
    assert max(set(sizes), key=sizes.count) == pytest.approx(14, abs=0.1)


def test_goal_reason_is_asked_for_and_recorded(demo_store) -> None:
    from coordinator.store.agreements import finalise_warnings, open_for_editing

    agreements.set_fields(demo_store, 1, goal_date=date(2027, 6, 30))
    assert finalise_warnings(demo_store, 1)
    codes = [
        p.code
        for p in __import__("coordinator.domain.agreement_rules", fromlist=["x"]).live_warnings(
            open_for_editing(demo_store, 1).draft()
        )
    ]
    assert "goal-needs-reason" in codes
    agreements.set_fields(demo_store, 1, goal_reason="Boligen først.")
    assert finalise_warnings(demo_store, 1) == []
    context = agreement_context(demo_store, 1, "da")
    assert context["agreement"]["goal_reason"] == "Boligen først."
    assert "Boligen først." in render_template("agreement.html.j2", context, "html")
