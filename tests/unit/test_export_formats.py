"""Every export format parsed back: content, language, escaping of a hostile citizen name."""

from __future__ import annotations

import io
from datetime import date
from html.parser import HTMLParser

import pytest
from docx import Document
from icalendar import Calendar

from coordinator.domain.vocab import ItemKind
from coordinator.export.calendar_jobs import day_agenda_ics
from coordinator.export.context import agenda_context, agreement_context
from coordinator.export.docx import agreement_docx
from coordinator.export.environment import render_template
from coordinator.export.pdf import html_to_pdf
from coordinator.export.render import render_agreement_text
from coordinator.store import agreements
from coordinator.store.models import Citizen

pytestmark = pytest.mark.both_engines

EVIL = "<script>x</script> [bold]Ærø[/bold] Ødegård"
CPR = "0101801234"


@pytest.fixture
def evil_store(demo_store):
    with demo_store.session() as session:
        citizen = session.get(Citizen, 1)
        citizen.name, citizen.cpr = EVIL, "010180-1234"
        session.add(citizen)
    agreements.set_fields(demo_store, 1, follow_up_date=date(2027, 1, 20))
    agreements.add_item(
        demo_store, 1, ItemKind.ACTION, "Søg 3 job om ugen", "borgeren", date(2027, 1, 8)
    )
    return demo_store


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:  # noqa: ANN001
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_agreement_is_escaped_and_danish(evil_store) -> None:
    html = render_agreement_text(evil_store, 1, "html", "da")
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt; [bold]Ærø[/bold] Ødegård" in html
    parser = _Text()
    parser.feed(html)
    text = " ".join(parser.text)
    assert "script" not in parser.tags
    assert EVIL in text
    for expected in (
        "Din aftale fra step up-mødet",
        "Dit mål",
        "Lagermedarbejder",
        "3. marts 2027",
        "Den hjælp, du får",
        "Andre tilbud til dig",
        "Jonas Berg",
        "Helle Nygaard",
        "Sygeplejerske",
        "Sundhedscentret",
        "Med dine egne ord",
        "Aftalt den 3. december 2026.",
        "Din underskrift",
        "010180-xxxx",
        "onsdag den 20. januar 2027",
        "Det gør du selv",
    ):
        assert expected in text, expected
    assert "1234" not in text


def test_english_on_request(evil_store) -> None:
    text = render_agreement_text(evil_store, 1, "txt", "en")
    assert "YOUR AGREEMENT FROM THE STEP-UP MEETING" in text
    assert "at a workplace no later than Wednesday 3 March 2027" in text
    assert "Nurse" in text


def test_markdown_and_text_keep_the_name_literal(evil_store) -> None:
    md = render_agreement_text(evil_store, 1, "md", "da")
    assert r"\<script\>x\</script\> \[bold\]Ærø\[/bold\] Ødegård" in md
    assert "<script>" not in md
    assert "## Det har vi aftalt" in md
    assert "| Søg 3 job om ugen |" in md
    txt = render_agreement_text(evil_store, 1, "txt", "da")
    assert f"Navn: {EVIL}" in txt
    assert "CPR-nummer: 010180-xxxx" in txt


def test_template_can_ask_for_the_full_cpr(evil_store, tmp_path) -> None:
    (tmp_path / "agreement.txt.j2").write_text("{{ citizen.cpr_unmasked }}")
    assert render_agreement_text(evil_store, 1, "txt", "da", str(tmp_path)) == "010180-1234"


def test_pdf_reads_with_danish_letters(evil_store) -> None:
    from pypdf import PdfReader

    ctx = agreement_context(evil_store, 1, "da")
    html = render_template("agreement.pdf.html.j2", ctx, "html")
    assert "&lt;script&gt;" in html
    data = html_to_pdf(html, title="Aftale 😀", language="da", footer="x 😀")
    assert data.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Ærø" in text and "Ødegård" in text
    assert "<script>x</script>" in text  # drawn literally, not interpreted
    assert "Det har vi aftalt" in text


def test_docx_has_items_in_a_table(evil_store) -> None:
    data = agreement_docx(agreement_context(evil_store, 1, "da"))
    document = Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert EVIL in paragraphs
    assert "Din aftale fra step up-mødet" in paragraphs
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["Hvad", "Hvem gør det", "Hvornår"] in rows
    assert any("Jonas følger med" in r[0] and r[1].startswith("Jonas Berg, ") for r in rows)
    assert any(r[0] == "Søg 3 job om ugen" and r[1] == "Det gør du selv" for r in rows)


def _events(data: bytes):
    return Calendar.from_ical(data).walk("VEVENT")


def test_agenda_shows_initials_only(evil_store) -> None:
    ctx = agenda_context(evil_store, "2026-12-03", "da")
    for fmt in ("html", "md", "txt"):
        text = render_template(f"agenda.{fmt}.j2", ctx, fmt)
        assert "Ødegård" not in text and "script" not in text.lower()
        assert "Sara Jensen" not in text and "S.J." in text
        for private in ("Tarmsygdom", "sønnen", "voldeligt", "låser"):
            assert private not in text
        assert text.index("11:30") < text.index("12:00–12:15" if fmt != "txt" else "12:00-12:15")


def test_a_cancelled_case_and_an_absent_citizen_leave_the_agenda_and_cancel_their_events(
    evil_store, clock
) -> None:
    from coordinator.store import timing

    before = {str(e["uid"]) for e in _events(day_agenda_ics(evil_store, "2026-12-03", "da"))}
    timing.cancel_case(evil_store, 3)
    timing.mark_absent(evil_store, 4)
    ctx = agenda_context(evil_store, "2026-12-03", "da")
    assert [c["id"] for c in ctx["cases"]] == [1, 2, 5]
    for fmt in ("html", "md", "txt"):
        text = render_template(f"agenda.{fmt}.j2", ctx, fmt)
        assert "A.H." not in text and "B.O." not in text and "K.M." in text

    events = _events(day_agenda_ics(evil_store, "2026-12-03", "da"))
    assert {str(e["uid"]) for e in events} == before, "the same entries, updated"
    status = {str(e["uid"]).split("-case-")[1]: str(e["status"]) for e in events}
    assert status["3-meeting@stepup-coordinator"] == "CANCELLED"
    assert status["4-pre-meeting@stepup-coordinator"] == "CANCELLED"
    assert status["5-meeting@stepup-coordinator"] == "CONFIRMED"
    cancelled = next(
        e for e in events if str(e["uid"]).endswith("-case-3-meeting@stepup-coordinator")
    )
    assert str(cancelled["summary"]).startswith("Aflyst: ")
