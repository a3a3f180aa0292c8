"""The citizen's invitation letter (HTML, PDF, DOCX) and the meeting material as one stamped
PDF, with the record of when it went out; read back as a person would get them."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.domain.material_rules import material_late, send_deadline
from coordinator.domain.vocab import MaterialKind
from coordinator.export.environment import render_template
from coordinator.export.letter import export_letter, letter_context
from coordinator.export.letter_docx import letter_docx
from coordinator.export.material_bundle import bundle_pdf
from coordinator.store import preparation
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.day_model import day_model
from coordinator.store.material_sent import record_sent, sent_records
from coordinator.store.models import Citizen
from coordinator.store.settings import change_setting

pytestmark = pytest.mark.both_engines

HOSTILE = "Ærø <script>alert(1)</script> [bold]Øster-Ålund[/bold] 🙂"


@pytest.fixture
def hostile(demo_store):
    with demo_store.session() as session:
        citizen = session.get(Citizen, 1)
        citizen.name, citizen.address = HOSTILE, "Torvet 1\n4000 Demoby"
        session.add(citizen)
    change_setting(demo_store, "directions", "Bus 3 til Torvet; indgang B 🚌")
    return demo_store


def _pdf(path: Path, pages: int, size: str = "A4") -> Path:
    pdf = FPDF(format=size)
    pdf.set_font("helvetica", size=20)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(0, 20, f"{path.stem} {number + 1}")
    pdf.output(str(path))
    return path


def test_letter_says_what_when_where_who_and_whom_to_call(hostile) -> None:
    ctx = letter_context(hostile, 1, "da")
    html = render_template("letter.html.j2", ctx, "html")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[bold]Øster-Ålund[/bold] 🙂" in html
    for expected in (
        "Invitation til et step up-møde",
        "Mødet hedder et step up-møde.",
        "torsdag den 3. december 2026",
        "kl. 08:45 til 09:30",
        "Jobcenter Demo, mødelokale 2",
        "Bus 3 til Torvet; indgang B",
        "Lene Holm, koordinator, leder mødet",
        "Jonas Berg, jobformidler",
        "Helle Nygaard, sygeplejerske",
        "Du må gerne tage en med",
        "Det skal du tage med",
        "Ring til Jonas Berg, jobformidler, på 7211 0002.",
    ):
        assert expected in html, expected
    # Nothing of the case's problem or the preparation's notes on the kitchen table.
    for private in ("låser", "psykisk", "søvnproblemer", "Kontanthjælp"):
        assert private not in html


def test_letter_in_english_on_request(demo_store) -> None:
    html = render_template("letter.html.j2", letter_context(demo_store, 1, "en"), "html")
    assert "Invitation to a step-up meeting" in html and "If you cannot come" in html


def test_letter_pdf_and_word_read_back(hostile, tmp_path) -> None:
    paths = export_letter(hostile, 1, ("html", "pdf", "docx"), "da", tmp_path)
    assert [p.suffix for p in paths] == [".html", ".pdf", ".docx"]
    text = "".join(page.extract_text() for page in PdfReader(str(paths[1])).pages)
    assert "Invitation til et step up-møde" in text and "Øster-Ålund" in text
    document = Document(str(paths[2]))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.core_properties.author == "Jonas Berg"
    assert document.core_properties.created.year == 2026
    styles = zipfile.ZipFile(paths[2]).read("word/styles.xml").decode()
    assert 'w:val="da-DK"' in styles and 'w:val="en-US"' not in styles
    body = "\n".join(p.text for p in document.paragraphs)
    assert HOSTILE in body and "Ring til Jonas Berg" in body
    assert letter_docx(letter_context(hostile, 1, "da"))[:2] == b"PK"


def test_bundle_merges_the_attached_pdfs_and_marks_every_page(demo_store, tmp_path) -> None:
    plan = _pdf(tmp_path / "minplan.pdf", 2)
    cv = _pdf(tmp_path / "cv.pdf", 1, "Letter")
    other = tmp_path / "jobmaal.docx"
    other.write_bytes(b"PK\x03\x04 a word file")
    preparation.set_material(demo_store, 1, MaterialKind.MIN_PLAN, True, str(plan))
    preparation.set_material(demo_store, 1, MaterialKind.CV, True, str(cv))
    preparation.set_material(demo_store, 1, MaterialKind.JOB_GOAL, True, str(other))
    bundle = bundle_pdf(demo_store, 1, "da")
    reader = PdfReader(io.BytesIO(bundle.data))
    assert len(reader.pages) == bundle.pages >= 4
    texts = [page.extract_text() for page in reader.pages]
    assert "Materiale til step up-mødet" in texts[0]
    assert any("minplan 2" in t for t in texts) and any("cv 1" in t for t in texts)
    for number, text in enumerate(texts, start=1):
        assert f"FORTROLIGT · Sag 1 · side {number} af {bundle.pages}" in text
    assert bundle.included[1:] == ("Min Plan", "CV")
    assert bundle.skipped == (("Jobmål (jobmaal.docx)", "ikke en PDF-fil"),)
    letter_page = reader.pages[-1].mediabox
    assert round(float(letter_page.width)) == 612, "a Letter page stays Letter"


@pytest.fixture
def cli(db_url: str, clock):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--db", db_url, *args], obj=SimpleNamespace(clock=clock))

    assert run("demo", "--no-open").exit_code == 0
    return run


def test_cli_letter_and_material_sent(cli, db_url, clock, tmp_path) -> None:
    from coordinator.store.database import Store

    result = cli("export", "letter", "1", "--format", "html,docx", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert [Path(p).suffix for p in result.stdout.split()] == [".html", ".docx"]
    bad = cli("export", "letter", "1", "--format", "xlsx", "--out", str(tmp_path))
    assert bad.exit_code == 1 and bad.stderr.startswith("coordinator: ")
    lonely = cli("export", "material", "1", "--to", "Jonas Berg")
    assert lonely.exit_code == 1 and "--sent" in lonely.stderr
    result = cli("export", "material", "1", "--bundle", "--out", str(tmp_path))
    assert result.exit_code == 0 and result.stdout.strip().endswith("_samlet.pdf")
    result = cli("export", "material", "2", "--sent", "--to", "Jonas Berg, Helle Nygaard")
    assert result.exit_code == 0, result.stderr
    assert "Jonas Berg, Helle Nygaard" in result.stdout
    store = Store.open(db_url, clock=clock)
    records = sent_records(store, 2)
    assert records[-1].recipients == ("Jonas Berg", "Helle Nygaard")
    assert records[-1].sent_at == clock.now()
    store.close()


def test_day_screen_flags_material_not_sent_two_working_days_before(demo_store, clock) -> None:
    model = day_model(demo_store, 1, clock.now())
    assert not any(case.material_late for case in model.cases), "the demo's material went out"
    new = add_case(demo_store, CaseInput(day_id=1, citizen="Ny Borger"))
    model = day_model(demo_store, 1, clock.now())
    assert model.case(new.id).material_late
    record_sent(demo_store, new.id, ["Lene Holm"])
    assert not day_model(demo_store, 1, clock.now()).case(new.id).material_late


def test_send_deadline_examples() -> None:
    monday, wednesday = date(2026, 11, 30), date(2026, 12, 2)
    assert send_deadline(monday) == date(2026, 11, 26)  # the Thursday before
    assert send_deadline(wednesday) == monday
    assert material_late(wednesday, None, monday)
    assert not material_late(wednesday, None, monday - timedelta(days=1))
    assert not material_late(wednesday, None, wednesday + timedelta(days=1))


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_send_deadline_is_two_working_days_before(day: date) -> None:
    deadline = send_deadline(day)
    assert deadline.weekday() < 5 and deadline < day
    between = [deadline + timedelta(days=n) for n in range(1, (day - deadline).days)]
    assert sum(d.weekday() < 5 for d in between) == 1


def test_the_letter_and_the_bundle_are_in_the_audit_trail(demo_store, tmp_path) -> None:
    """Exports are personal data: each file written is recorded with its path."""
    from sqlmodel import select

    from coordinator.cli.material import letter_command
    from coordinator.export.jobs import Options
    from coordinator.store.models import AuditEvent

    case_id = 1
    written = letter_command(demo_store, case_id, ["html"], Options(out=tmp_path))
    with demo_store.session() as session:
        paths = {e.path for e in session.exec(select(AuditEvent)) if e.path}
    assert {str(p) for p in written} <= paths
