"""Build `templates/agreement.docx`, the Word template of the citizen's agreement (docxtpl).

The committed .docx is the template; this script is how it was made (and how to remake it
after changing the layout here). A municipality edits its copy in Word instead: put the logo
in the header, change wording; the `{{ … }}` and `{%p … %}` tags are docxtpl's Jinja.

Run: `python scripts/make_agreement_docx.py` (writes templates/agreement.docx).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "templates" / "agreement.docx"
BLUE = RGBColor(0x1F, 0x4E, 0x79)


def _lang(element, value: str = "da-DK") -> None:  # noqa: ANN001 - an rPr element
    lang = element.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        element.append(lang)
    lang.set(qn("w:val"), value)
    lang.set(qn("w:eastAsia"), value)
    lang.set(qn("w:bidi"), "ar-SA")


def _field(paragraph, instruction: str) -> None:  # noqa: ANN001
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _repeat_header(row) -> None:  # noqa: ANN001
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(
    document, widths_mm: tuple[int, ...], labels: tuple[str, ...], cells: tuple[str, ...], loop: str
) -> None:  # noqa: ANN001
    table = document.add_table(rows=4, cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for cell, label in zip(table.rows[0].cells, labels, strict=True):
        cell.paragraphs[0].add_run(label).bold = True
    _repeat_header(table.rows[0])
    table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
    for cell, value in zip(table.rows[2].cells, cells, strict=True):
        cell.paragraphs[0].add_run(value)
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")


def _p(document, text: str, style: str | None = None, bold: bool = False, italic: bool = False):  # noqa: ANN001, ANN202
    paragraph = document.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    return paragraph


def build() -> None:
    document = Document()
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _lang(normal.element.get_or_add_rPr())
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _lang(rpr)
    for name in ("Heading 1", "Heading 2", "Title"):
        styles[name].font.color.rgb = BLUE
        styles[name].paragraph_format.keep_with_next = True

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)

    head = section.header.paragraphs[0]
    head.add_run("{{ letterhead.municipality }}").bold = True
    head.add_run("{% if letterhead.jobcentre %}, {{ letterhead.jobcentre }}{% endif %}")
    address = section.header.add_paragraph()
    address.add_run(
        "{{ letterhead.address }}{% if letterhead.address and letterhead.phone %}, {% endif %}"
        '{% if letterhead.phone %}{{ _("Phone") }} {{ letterhead.phone }}{% endif %}'
    ).font.size = Pt(9)

    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot.add_run('{{ document.title }} – {{ citizen.initials }}    {{ _("Page") }} ')
    _field(foot, "PAGE")
    foot.add_run(' {{ _("of") }} ')
    _field(foot, "NUMPAGES")

    date = _p(document, "{{ document.created_text }}")
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_heading("{{ document.title }}", level=0)
    _p(document, "{%p if not agreement.is_final %}")
    _p(document, '{{ _("Draft")|upper }}', bold=True)
    _p(document, "{%p endif %}")
    facts = document.add_paragraph()
    facts.add_run('{{ _("Name") }}: ').bold = True
    facts.add_run("{{ citizen.name }}")
    facts.add_run('{% if citizen.cpr %}, {{ _("CPR number") }}: {{ citizen.cpr }}{% endif %}')
    meeting = document.add_paragraph()
    meeting.add_run('{{ _("The meeting") }}: ').bold = True
    meeting.add_run(
        '{{ day.date_full }}, {{ _("at %(time)s", time=times.meeting.start) }}'
        "{% if day.location %}, {{ day.location }}{% endif %}"
    )
    _p(
        document,
        '{{ _("Here is your plan. It says what you will do, what we will do, and when.") }} '
        '{{ _("A step-up meeting is a meeting where you and the people who help you make '
        'one plan together.") }}',
    )

    document.add_heading('{{ _("Your goal") }}', level=1)
    _p(document, '{{ agreement.job_goal or _("We have not set your job goal yet.") }}')
    _p(document, "{%p if agreement.goal_date_text %}")
    _p(
        document,
        '{{ _("The goal is that you are at a workplace no later than %(date)s.", '
        "date=agreement.goal_date_full) }}",
        bold=True,
    )
    _p(document, "{%p endif %}")
    _p(document, "{%p if agreement.goal_reason %}")
    _p(document, '{{ _("Why it takes longer:") }} {{ agreement.goal_reason }}')
    _p(document, "{%p endif %}")

    document.add_heading('{{ _("What we agreed") }}', level=1)
    _p(document, "{%p for section in sections %}")
    document.add_heading("{{ section.label }}", level=2)
    _table(
        document,
        (92, 44, 34),
        ('{{ _("What") }}', '{{ _("Who does it") }}', '{{ _("When") }}'),
        (
            "{{ item.text }}",
            "{{ item.who }}{% if item.who_role %}, {{ item.who_role }}{% endif %}"
            '{% if item.who_phone %}, {{ _("phone") }} {{ item.who_phone }}{% endif %}',
            "{{ item.due_text }}",
        ),
        'item in section["items"]',
    )
    _p(document, "{%p endfor %}")
    _p(document, "{%p if not sections %}")
    _p(document, '{{ _("Nothing has been agreed yet.") }}')
    _p(document, "{%p endif %}")

    _p(document, "{%p if agreement.citizen_words %}")
    document.add_heading('{{ _("In your own words") }}', level=1)
    _p(document, "{{ agreement.citizen_words }}", style="Quote", italic=True)
    _p(document, "{%p endif %}")

    document.add_heading('{{ _("Your next meeting") }}', level=1)
    _p(
        document,
        "{% if next_meeting.date_text %}{{ next_meeting.date_text }}"
        '{% if next_meeting.start %}, {{ _("at %(time)s", time=next_meeting.start) }}{% endif %}'
        "{% if next_meeting.location %}, {{ next_meeting.location }}{% endif %}."
        '{% else %}{{ _("Your job broker will agree the next meeting with you.") }}{% endif %}',
    )
    _p(document, "{%p if call.phone %}")
    _p(
        document,
        '{{ _("If you fall ill or cannot do what you agreed: call %(name)s on %(phone)s.", '
        "name=call.name or letterhead.jobcentre, phone=call.phone) }}",
        bold=True,
    )
    _p(document, "{%p endif %}")

    _p(document, "{%p if contacts %}")
    document.add_heading('{{ _("How to reach us") }}', level=1)
    _table(
        document,
        (64, 60, 46),
        ('{{ _("Name") }}', '{{ _("Role") }}', '{{ _("Phone") }}'),
        ("{{ person.name }}", "{{ person.profession }}", "{{ person.phone }}"),
        "person in contacts",
    )
    _p(document, "{%p endif %}")

    _p(document, "{%p if participants %}")
    document.add_heading('{{ _("Present at the meeting") }}', level=1)
    _table(
        document,
        (60, 50, 60),
        ('{{ _("Name") }}', '{{ _("Role") }}', '{{ _("Department") }}'),
        ("{{ person.name }}", "{{ person.profession }}", "{{ person.department }}"),
        "person in participants",
    )
    _p(document, "{%p endif %}")

    agreed = _p(document, '{{ _("Agreed on %(date)s.", date=day.date_text) }}')
    agreed.paragraph_format.keep_with_next = True
    agreed.paragraph_format.space_before = Pt(18)
    for label in (
        '{{ _("Your signature") }}',
        '{{ _("The job broker\'s signature") }}{% if author.name %}: {{ author.name }}{% endif %}',
    ):
        line = _p(document, "\n\n________________________________________")
        line.paragraph_format.keep_with_next = True
        _p(document, label).paragraph_format.keep_with_next = label.startswith('{{ _("Your')

    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    properties.title = properties.comments = ""
    properties.language = "da-DK"
    document.save(OUT)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
