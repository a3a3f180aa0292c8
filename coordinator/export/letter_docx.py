"""The invitation letter as a Word file (python-docx): A4, Danish proofing, the letter's own
metadata (not python-docx's), the same texts as the HTML template (its msgids)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from coordinator.export.letter import Context
from coordinator.i18n import translate

BLUE = RGBColor(0x1F, 0x4E, 0x79)
#: The proofing language Word checks the spelling in.
PROOFING = {"da": "da-DK", "en": "en-GB"}


def _proofing(document, language: str) -> None:  # noqa: ANN001 - a docx Document
    """Set the proofing language of the default run style, so Word does not mark every word."""
    tag = PROOFING.get(language, language)
    for lang in document.styles.element.iter(qn("w:lang")):  # the defaults (en-US)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
    for style_name in ("Normal", "Heading 1", "Title", "List Bullet"):
        rpr = document.styles[style_name].element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)


def letter_docx(ctx: Context) -> bytes:
    language = ctx["language"]

    def t(message: str, **values: object) -> str:
        text = translate(message, language)
        return text % values if values else text

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(12)
    _proofing(document, language)
    props = document.core_properties
    props.title = ctx["document"]["title"]
    props.language = PROOFING.get(language, language)
    props.author = props.last_modified_by = ctx["signer"]["name"] if ctx["signer"] else ""
    props.comments = ""
    props.created = props.modified = ctx["document"]["created_at"]

    head = ctx["letterhead"]
    if head["logo"]["path"] and Path(head["logo"]["path"]).is_file():
        try:
            document.add_picture(head["logo"]["path"], height=Pt(40))
        except Exception:  # noqa: BLE001 - an unreadable logo must not stop the export
            pass
    sender = "\n".join(x for x in (head["municipality"], head["jobcentre"]) if x)
    if sender:
        document.add_paragraph(sender)
    document.add_paragraph(ctx["document"]["created_text"])
    citizen, meeting = ctx["citizen"], ctx["meeting"]
    if citizen["address"]:
        document.add_paragraph(f"{citizen['name']}\n{citizen['address']}")

    title = document.add_heading(ctx["document"]["title"], level=0)
    for run in title.runs:
        run.font.color.rgb = BLUE
    document.add_paragraph(t("Dear %(name)s", name=citizen["name"]))
    document.add_paragraph(
        t("You are invited to a meeting about your plan. The meeting is called a step-up meeting.")
    )
    document.add_paragraph(
        t(
            "At a step-up meeting you meet the people who can help you, all at the same time. "
            "Together we make a plan, so you can move on towards a job."
        )
    )

    document.add_heading(t("When and where"), level=1)
    facts = [
        (t("Day"), meeting["date_text"]),
        (t("Time"), t("%(start)s to %(end)s", start=meeting["start"], end=meeting["end"])),
    ]
    if meeting["location"]:
        facts.append((t("Place"), meeting["location"]))
    if meeting["directions"]:
        facts.append((t("How to get there"), meeting["directions"]))
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    document.add_paragraph(
        t(
            "Please come 5 minutes early. The meeting lasts about %(minutes)s minutes.",
            minutes=meeting["minutes"],
        )
    )

    document.add_heading(t("Who will be there"), level=1)
    for person in ctx["present"] + ctx["network"]:
        text = person["name"] + (f", {person['role']}" if person["role"] else "")
        document.add_paragraph(text, style="List Bullet")
    document.add_paragraph(
        t("You may bring someone you feel safe with, for example from your family or a friend.")
    )

    document.add_heading(t("What to bring"), level=1)
    for thing in (
        "Your own ideas about what could help you.",
        "Your calendar or phone, so we can agree on dates.",
        "Your glasses, if you use them for reading.",
    ):
        document.add_paragraph(t(thing), style="List Bullet")

    document.add_heading(t("If you cannot come"), level=1)
    call = ctx["call"]
    if call:
        text = t("Call %(name)s, %(role)s", name=call["name"], role=call["role"])
        if call["phone"]:
            text += ", " + t("on %(phone)s", phone=call["phone"])
        text += ". " + t("Call as early as you can.")
    else:
        text = t("Call the job centre as early as you can.")
    document.add_paragraph(text)

    document.add_paragraph()
    closing = t("We look forward to seeing you.") + "\n" + t("Kind regards")
    if ctx["signer"]:
        closing += f"\n{ctx['signer']['name']}, {ctx['signer']['role']}"
    document.add_paragraph(closing)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
