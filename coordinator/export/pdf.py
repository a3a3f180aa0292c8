"""PDF through fpdf2 (pure Python): the document's `*.pdf.html.j2` template drawn with
fpdf2's HTML renderer, on A4, with page numbers.

Fonts: a Unicode TrueType font (DejaVu Sans) when the system has one, embedded in the file;
otherwise fpdf2's built-in Helvetica, which covers Latin-1 (so Danish æ, ø, å come out right)
and characters outside it are replaced rather than crashing the export.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.fonts import TextStyle

from coordinator.i18n import N_, translate

FontChoice = Literal["auto", "core"]

#: Where a Unicode TTF may be found (Debian/Ubuntu, Fedora, macOS); none is required.
_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/dejavu-sans-fonts"),
    Path("/Library/Fonts"),
)
#: Typography outside Latin-1 that has a plain equivalent.
_LATIN1_FALLBACKS = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "‚": ",",
        "“": '"',
        "”": '"',
        "„": '"',
        "…": "...",
        "•": "-",
        "☐": "[ ]",
        "☑": "[x]",
        "€": "EUR",
        "\u00a0": " ",
    }
)


def unicode_font() -> tuple[Path, Path] | None:
    """DejaVu Sans regular and bold, if installed."""
    for folder in _FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def latin1(text: str) -> str:
    """`text` with what Latin-1 cannot hold replaced (typography by ASCII, the rest by '?')."""
    return text.translate(_LATIN1_FALLBACKS).encode("latin-1", "replace").decode("latin-1")


class _Document(FPDF):
    def __init__(self, language: str, footer_text: str, family: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.language = language
        self.footer_text = footer_text
        self.family = family

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(self.family, size=8)
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
    font: FontChoice = "auto",
    compress: bool = True,
) -> bytes:
    """Draw simple HTML (headings, paragraphs, tables, lists) on A4 pages."""
    ttf = unicode_font() if font == "auto" else None
    family = "DejaVu" if ttf else "helvetica"
    if not ttf:
        html, title, footer = latin1(html), latin1(title), latin1(footer)
    pdf = _Document(language, footer, family)
    if ttf:
        pdf.add_font("DejaVu", "", str(ttf[0]))
        pdf.add_font("DejaVu", "B", str(ttf[1]))
        # No italic face is embedded: italics fall back to the regular face.
        pdf.add_font("DejaVu", "I", str(ttf[0]))
        pdf.add_font("DejaVu", "BI", str(ttf[1]))
    pdf.compress = compress
    pdf.set_title(title)
    pdf.set_lang(language)
    pdf.set_creator("stepup-coordinator")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    if logo_path and Path(logo_path).is_file():
        try:
            pdf.image(logo_path, x=pdf.w - 20 - 40, y=12, h=14, keep_aspect_ratio=True)
        except Exception:  # noqa: BLE001 - an unreadable logo must not stop the export
            pass
    pdf.set_font(family, size=10.5)
    pdf.write_html(
        _tidy(html),
        font_family=family,
        table_line_separators=True,
        tag_styles=_styles(family),
        warn_on_tags_not_matching=False,
    )
    return bytes(pdf.output())


def _styles(family: str) -> dict[str, TextStyle]:
    blue = "#1f4e79"
    return {
        "h1": TextStyle(
            font_family=family, font_style="B", font_size_pt=18, color=blue, t_margin=0, b_margin=2
        ),
        "h2": TextStyle(
            font_family=family,
            font_style="B",
            font_size_pt=13,
            color=blue,
            t_margin=4,
            b_margin=1,
        ),
        "h3": TextStyle(
            font_family=family,
            font_style="B",
            font_size_pt=11,
            color="#1d1d1b",
            t_margin=3,
            b_margin=1,
        ),
    }


def _tidy(html: str) -> str:
    """Whitespace between tags matters to fpdf2's renderer; template indentation does not."""
    return re.sub(r">\s+<", "><", html.strip())
