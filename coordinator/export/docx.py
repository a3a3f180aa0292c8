"""The agreement as a Word document (python-docx), built from the same context as the
templates: the texts are the templates' msgids, the items a table per kind."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.shared import Pt, RGBColor

from coordinator.export.context import Context
from coordinator.export.environment import clean_text
from coordinator.i18n import translate

BLUE = RGBColor(0x1F, 0x4E, 0x79)


def agreement_docx(context: Context) -> bytes:
    """A .docx of the agreement context (`export.context.agreement_context`)."""
    language = context["language"]

    def t(message: str, **values: object) -> str:
        return translate(message, language) % values if values else translate(message, language)

    agreement, citizen, day = context["agreement"], context["citizen"], context["day"]
    document = Document()
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(11)
    document.core_properties.title = clean_text(context["document"]["title"])
    document.core_properties.language = language

    head = context["letterhead"]
    if head["logo"]["path"] and Path(head["logo"]["path"]).is_file():
        try:
            document.add_picture(head["logo"]["path"], height=Pt(40))
        except Exception:  # noqa: BLE001 - an unreadable logo must not stop the export
            pass
    sender = ", ".join(x for x in (head["municipality"], head["jobcentre"]) if x)
    if sender:
        document.add_paragraph(clean_text(sender))
    document.add_paragraph(clean_text(context["document"]["created_text"]))

    heading = document.add_heading(clean_text(context["document"]["title"]), level=0)
    for run in heading.runs:
        run.font.color.rgb = BLUE
    if not agreement["is_final"]:
        document.add_paragraph().add_run(t("Draft").upper()).bold = True

    meeting = f"{day['date_text']}, {context['times']['meeting']['start']}–"
    meeting += context["times"]["meeting"]["end"]
    if day["location"]:
        meeting += f", {day['location']}"
    facts = [(t("Citizen"), citizen["name"])]
    if citizen["cpr"]:
        facts.append((t("CPR number"), citizen["cpr"]))
    facts += [
        (t("Meeting"), meeting),
        (t("Agreement version"), f"{agreement['version']} ({agreement['status_label']})"),
    ]
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(clean_text(value))

    intro = (
        "This is what we agreed together at the meeting on %(date)s. It is your plan for getting "
        "into work, and it says who helps you with what, and by when."
    )
    document.add_paragraph(t(intro, date=day["date_text"]))
    if context["case"]["problem"]:
        document.add_heading(t("What we talked about"), level=1)
        document.add_paragraph(clean_text(context["case"]["problem"]))
    document.add_heading(t("Your job goal"), level=1)
    document.add_paragraph(clean_text(agreement["job_goal"]) or t("Not decided yet."))
    if agreement["goal_date_text"]:
        goal = t(
            "The goal is that you are in work no later than %(date)s.",
            date=agreement["goal_date_text"],
        )
        document.add_paragraph().add_run(goal).bold = True

    document.add_heading(t("What we agreed"), level=1)
    if not context["sections"]:
        document.add_paragraph(t("Nothing has been agreed yet."))
    for section in context["sections"]:
        document.add_heading(clean_text(section["label"]), level=2)
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, label in zip(
            table.rows[0].cells, (t("What"), t("Who is responsible"), t("By when")), strict=True
        ):
            cell.text = ""
            cell.paragraphs[0].add_run(label).bold = True
        for item in section["items"]:
            cells = table.add_row().cells
            cells[0].text = clean_text(item["text"])
            cells[1].text = clean_text(item["responsible"]) or "–"
            cells[2].text = clean_text(item["due_text"]) or "–"

    if agreement["citizen_words"]:
        document.add_heading(t("In your own words"), level=1)
        document.add_paragraph(clean_text(agreement["citizen_words"]), style="Quote")

    document.add_heading(t("Follow-up"), level=1)
    if agreement["follow_up_date_text"]:
        follow = t(
            "We will follow up on the agreement on %(date)s.", date=agreement["follow_up_date_text"]
        )
    else:
        follow = t("Your job broker will agree a follow-up date with you.")
    if agreement["follow_up_contact"]:
        follow += " " + t("Contact: %(name)s.", name=clean_text(agreement["follow_up_contact"]))
    document.add_paragraph(follow)

    if context["participants"]:
        document.add_heading(t("Present at the meeting"), level=1)
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, label in zip(
            table.rows[0].cells, (t("Name"), t("Profession"), t("Department")), strict=True
        ):
            cell.text = ""
            cell.paragraphs[0].add_run(label).bold = True
        for person in context["participants"]:
            cells = table.add_row().cells
            cells[0].text = clean_text(person["name"])
            cells[1].text = clean_text(person["profession"])
            cells[2].text = clean_text(person["department"])

    author = context["author"]
    signature = t("Written by %(name)s", name=clean_text(author["name"]) or "–")
    for extra in (author["profession"], author["department"]):
        if extra:
            signature += f", {clean_text(extra)}"
    document.add_paragraph()
    document.add_paragraph(signature)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
