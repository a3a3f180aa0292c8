"""`export stats`: the steering group's report as HTML (inline SVG charts), PDF (A4, the
letterhead, PNG charts), an Excel workbook (one sheet per table, real numbers and dates) and
CSV. Every format is made from the *suppressed* document: nothing here sees a figure that
the small-number rule hid.
"""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date
from html import escape
from pathlib import Path

from coordinator.domain.suppression import HIDDEN
from coordinator.export.stats_charts import report_charts
from coordinator.export.stats_tables import Table, report_tables, shown
from coordinator.i18n import _

FORMATS = ("html", "pdf", "xlsx", "csv")

_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d1d1b; max-width: 52em;
       margin: 2em auto; }
h1, h2 { color: #1f4e79; }
.letterhead { display: flex; justify-content: space-between; font-size: 0.9em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border-bottom: 1px solid #ccc; padding: 0.2em 0.8em; text-align: left; }
td.n { text-align: right; }
.chart svg { max-width: 100%; height: auto; }
.note { font-size: 0.85em; color: #555; }
@page { size: A4; margin: 18mm 20mm; }
"""


def _title(doc: dict) -> str:
    start, end = date.fromisoformat(doc["from"]), date.fromisoformat(doc["to"])
    return _("Step-up statistics {start} to {end}").format(
        start=start.strftime("%d.%m.%Y"), end=end.strftime("%d.%m.%Y")
    )


def _note() -> str:
    return _(
        "Counts from 1 to 4, and figures computed from them, are shown as <5 so that no person "
        "can be recognised. A dash means no data in the period."
    )


def _table_html(table: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.headers)
    body = []
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row):
            numeric = i > 0 and (cell == HIDDEN or not isinstance(cell, str | date))
            text = escape(shown(cell, i in table.percent_columns))
            cells.append(f'<td class="n">{text}</td>' if numeric else f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        width = len(table.headers)
        body.append(f'<tr><td colspan="{width}">{escape(_("No data in the period."))}</td></tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _letterhead_html(letterhead: dict) -> str:
    lines = [letterhead.get(k, "") for k in ("municipality", "jobcentre", "address", "phone")]
    shown_lines = "<br>".join(escape(line) for line in lines if line)
    return f'<div class="letterhead"><div>{shown_lines}</div></div>'


def render_html(doc: dict, letterhead: dict, language: str) -> str:
    tables = report_tables(doc)
    charts = {c.key: c for c in report_charts(tables)}
    parts = [
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{escape(_title(doc))}</title><style>{_CSS}</style></head><body>",
        _letterhead_html(letterhead),
        f"<h1>{escape(_title(doc))}</h1>",
        f'<p class="note">{escape(_note())}</p>',
    ]
    for table in tables:
        parts.append(f"<h2>{escape(table.title)}</h2>")
        if table.key in charts:
            parts.append(f'<div class="chart">{charts[table.key].svg()}</div>')
        parts.append(_table_html(table))
    parts.append("</body></html>")
    return "\n".join(parts)


def render_pdf(doc: dict, letterhead: dict, language: str) -> bytes:
    """fpdf2 draws no SVG: the charts go in as PNG files from a private temporary folder."""
    from coordinator.export.pdf import KEEP, html_to_pdf

    tables = report_tables(doc)
    charts = {c.key: c for c in report_charts(tables)}
    head = " · ".join(
        letterhead.get(k, "") for k in ("municipality", "jobcentre") if letterhead.get(k)
    )
    with tempfile.TemporaryDirectory(prefix="stepup-stats-") as folder:
        parts = [f"<h1>{escape(_title(doc))}</h1>"]
        if head:
            parts.insert(0, f"<p>{escape(head)}</p>")
        parts.append(f"<p><i>{escape(_note())}</i></p>")
        for table in tables:
            parts.append(KEEP + f"<h2>{escape(table.title)}</h2>")
            if table.key in charts:
                path = Path(folder) / f"{table.key}.png"
                path.write_bytes(charts[table.key].png())
                parts.append(f'<img src="{path}" width="440">')
            parts.append(_table_html(table))
        return html_to_pdf(
            "".join(parts),
            title=_title(doc),
            language=language,
            footer=head,
            logo_path=letterhead.get("logo", {}).get("path", ""),
        )


def render_xlsx(doc: dict) -> bytes:
    """One sheet per table; numbers and dates as Excel numbers and dates, shares formatted as
    percentages, hidden figures as the text "<5"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in report_tables(doc):
        sheet = workbook.create_sheet(table.key[:31])
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append(list(table.headers))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
            excel_row = sheet.max_row
            for i, value in enumerate(row):
                target = sheet.cell(row=excel_row, column=i + 1)
                if isinstance(value, date):
                    target.number_format = "DD-MM-YYYY"
                elif i in table.percent_columns and isinstance(value, float):
                    target.number_format = "0%"
                elif isinstance(value, float):
                    target.number_format = "0.0"
        sheet.column_dimensions["A"].width = 42
        for letter in "BCDE":
            sheet.column_dimensions[letter].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_csv(doc: dict) -> bytes:
    """Long format (table; row; column; value), semicolon-separated with a BOM, so Danish
    Excel opens it as it is and a script reads it without knowing the layout."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Table"), _("Row"), _("Column"), _("Value")])
    for table in report_tables(doc):
        for row in table.rows:
            for header, value in zip(table.headers[1:], row[1:], strict=True):
                text = value.isoformat() if isinstance(value, date) else value
                writer.writerow([table.key, row[0], header, "" if text is None else text])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def render(fmt: str, doc: dict, letterhead: dict, language: str) -> bytes:
    if fmt == "html":
        return render_html(doc, letterhead, language).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(doc, letterhead, language)
    if fmt == "xlsx":
        return render_xlsx(doc)
    return render_csv(doc)
