"""PDF through fpdf2 (pure Python): the document's `*.pdf.html.j2` template drawn with
fpdf2's HTML renderer, on A4, with page numbers.

Fonts: DejaVu Sans (regular, bold, italic, bold italic) ships inside the package
(`coordinator/fonts`, Bitstream Vera licence), so every machine makes the same file with æ, ø,
å, emoji-free typography and real italics; nothing depends on what fonts the system has.

Page layout: fpdf2 cannot keep a heading with what follows, so templates mark blocks with
`<!--keep-->`. Each block is measured on a scratch document first; a block that would break
across pages but fits on one starts a new page instead, and a block longer than a page starts
on a new page when less than `MIN_START` of the current page is left. A table row taller than
a page cannot be drawn by fpdf2 at all, so templates split long cell text (the `chunks`
filter) into continuation rows.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace, TextStyle

from coordinator.i18n import N_, translate

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
#: fpdf2's style letters to the shipped files.
FACES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
#: The marker templates put before a block that should not be split from its heading.
KEEP = "<!--keep-->"
#: A block longer than a page starts on a new page unless this much (mm) is left.
MIN_START = 55.0
MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM = 18.0, 20.0, 20.0


def font_files() -> dict[str, Path]:
    """The shipped font files by fpdf2 style; each must exist (the wheel includes them)."""
    return {style: FONT_DIR / name for style, name in FACES.items()}


class _Document(FPDF):
    def __init__(self, language: str, footer_text: str, base_size: float) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.language = language
        self.footer_text = footer_text
        self.base_size = base_size
        for style, path in font_files().items():
            self.add_font(FAMILY, style, str(path))
        self.set_margins(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE)
        self.set_auto_page_break(True, margin=MARGIN_BOTTOM)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FAMILY, style="", size=max(8.0, self.base_size - 2.5))
        self.set_text_color(110, 110, 110)
        page = translate(N_("Page %(page)s of %(pages)s"), self.language) % {
            "page": self.page_no(),
            "pages": "{nb}",
        }
        self.cell(0, 6, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 6, page, align="R")


def html_to_pdf(
    html: str,
    *,
    title: str,
    language: str,
    footer: str = "",
    logo_path: str = "",
    author: str = "",
    large: bool = False,
    compress: bool = True,
) -> bytes:
    """Draw simple HTML (headings, paragraphs, tables, lists) on A4 pages.

    `large` is the citizen's large print: 14 pt text with more space between lines."""
    base = 14.0 if large else 10.5
    pdf = _Document(language, footer, base)
    scratch = _Document(language, "", base)
    pdf.compress = compress
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("stepup-coordinator")
    if author:
        pdf.set_author(author)
    pdf.add_page()
    if logo_path and Path(logo_path).is_file():
        try:
            pdf.image(logo_path, x=pdf.w - MARGIN_SIDE - 40, y=12, h=14, keep_aspect_ratio=True)
        except Exception:  # noqa: BLE001 - an unreadable logo must not stop the export
            pass
    for block in _blocks(html, large):
        if pdf.y > pdf.t_margin + 1 and not _fits(scratch, pdf, block):
            pdf.add_page()
        _write(pdf, block)
    return bytes(pdf.output())


def _blocks(html: str, large: bool) -> list[str]:
    html = _tidy(html)
    if large:
        html = re.sub(r"<p(?=[ >])(?![^>]*line-height)", '<p line-height="1.35"', html)
    return [block for block in html.split(KEEP) if block.strip()]


def _write(pdf: _Document, block: str) -> None:
    # Every block starts from the regular face: no bold or italic carried over from before.
    pdf.set_font(FAMILY, style="", size=pdf.base_size)
    pdf.set_text_color(29, 29, 27)
    pdf.write_html(
        block,
        font_family=FAMILY,
        table_line_separators=True,
        tag_styles=_styles(pdf.base_size),
        warn_on_tags_not_matching=False,
    )


def _fits(scratch: _Document, pdf: _Document, block: str) -> bool:
    """Whether `block` may start where `pdf` is now: it fits in what is left of the page, or it
    is longer than any page and enough of this one is left to start it."""
    scratch.add_page()
    start_page, start_y = scratch.page, scratch.y
    _write(scratch, block)
    if scratch.page != start_page:
        return pdf.page_break_trigger - pdf.y >= MIN_START
    return scratch.y - start_y <= pdf.page_break_trigger - pdf.y


@cache
def _styles(base: float) -> dict[str, TextStyle | FontFace]:
    blue = "#1f4e79"
    scale = base / 10.5
    return {
        "h1": TextStyle(
            font_family=FAMILY,
            font_style="B",
            font_size_pt=18 * scale,
            color=blue,
            t_margin=0,
            b_margin=2,
        ),
        "h2": TextStyle(
            font_family=FAMILY,
            font_style="B",
            font_size_pt=13 * scale,
            color=blue,
            t_margin=4 * scale,
            b_margin=1 * scale,
        ),
        "h3": TextStyle(
            font_family=FAMILY,
            font_style="B",
            font_size_pt=11 * scale,
            color="#1d1d1b",
            t_margin=3 * scale,
            b_margin=1 * scale,
        ),
        "blockquote": TextStyle(color="#1d1d1b", t_margin=1, b_margin=2, l_margin=6),
    }


def _tidy(html: str) -> str:
    """Whitespace between tags matters to fpdf2's renderer; template indentation does not."""
    return re.sub(r">\s+<", "><", html.strip())
