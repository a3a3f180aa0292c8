"""The citizen's invitation letter: the document that makes the citizen come.

Plain language, short sentences: what a step-up meeting is (two sentences), when and where and
how to get there, who will be there (by role and name), that the citizen may bring someone,
what to bring, and whom to call if they cannot come. It says nothing of the case's problem:
the letter lies on a kitchen table. HTML and PDF come from the `letter*.j2` templates, the Word
file from `letter_docx`; all three from the one context built here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from coordinator.domain.names import initials
from coordinator.domain.vocab import PROFESSION_LABELS, Attendance, Profession, RosterRole
from coordinator.export.context import letterhead, long_date
from coordinator.export.environment import clean_text, render_template
from coordinator.export.files import initials_for_file, safe_stem, target_folder, write_file
from coordinator.i18n import N_, _, translate
from coordinator.store.database import Store
from coordinator.store.days import load_day
from coordinator.store.errors import Invalid, StoreError
from coordinator.store.export_data import case_document_data
from coordinator.store.people import person_record
from coordinator.store.roster import roster_lines
from coordinator.store.settings import all_settings

Context = dict[str, Any]
FORMATS = ("html", "pdf", "docx")
DEFAULT_FORMATS = ("html", "pdf")


def weekday_date(day: date, language: str) -> str:
    """`torsdag den 3. december 2026` / `Thursday 3 December 2026`: the weekday helps."""
    from babel.dates import format_date  # lazy: Babel costs start-up time

    pattern = "EEEE 'den' d. MMMM y" if language == "da" else "EEEE d MMMM y"
    return format_date(day, pattern, locale=language)


def _contact(person: Any, language: str) -> Context:
    return {
        "name": clean_text(person.name),
        "role": translate(PROFESSION_LABELS[person.profession], language).lower(),
        "phone": clean_text(person.phone).strip(),
    }


def letter_context(store: Store, case_id: int, language: str) -> Context:
    """Everything the invitation letter says, in `language`."""

    def t(message: str) -> str:
        return translate(message, language)

    data = case_document_data(store, case_id)
    view = load_day(store, data.day_id)
    row = next(r for r in view.cases if r.case.id == case_id)
    slot = view.slot(case_id)
    settings = all_settings(store)
    coordinator = person_record(view.coordinator) if view.coordinator else None
    jobbroker = person_record(row.jobbroker) if row.jobbroker else None
    caseworker = person_record(row.caseworker) if row.caseworker else None

    present: list[Context] = []
    network: list[Context] = []
    for line in roster_lines(store, case_id):
        if line.role is RosterRole.CITIZEN or not line.part.in_meeting:
            continue
        if line.attendance in (Attendance.DECLINED, Attendance.ABSENT):
            continue
        if line.role is RosterRole.NETWORK:
            network.append(
                {"name": clean_text(line.display_name), "role": clean_text(line.relation)}
            )
            continue
        profession = line.person.profession if line.person else Profession.OTHER
        present.append(
            {
                "name": clean_text(line.display_name),
                "role": t(PROFESSION_LABELS[profession]).lower(),
                "department": clean_text(line.person.department if line.person else ""),
            }
        )
    if coordinator and all(p["name"] != coordinator.name for p in present):
        present.insert(
            0,
            {
                "name": clean_text(coordinator.name),
                "role": t(N_("coordinator, leads the meeting")),
                "department": clean_text(coordinator.department),
            },
        )
    callers = [p for p in (jobbroker, caseworker, coordinator) if p is not None]
    call = next((p for p in callers if p.phone.strip()), callers[0] if callers else None)
    signer = jobbroker or coordinator
    return {
        "language": language,
        "document": {
            "kind": "letter",
            "title": t(N_("Invitation to a step-up meeting")),
            "created_text": long_date(store.now().date(), language),
            "created_at": store.now().replace(microsecond=0),
        },
        "letterhead": letterhead(store),
        "case": {"id": case_id},
        "citizen": {
            "name": clean_text(data.citizen.name),
            "initials": initials(data.citizen.name),
            "address": clean_text(data.citizen.address),
        },
        "meeting": {
            "date_text": weekday_date(view.day.date, language),
            "start": f"{slot.planned_meeting.start:%H:%M}",
            "end": f"{slot.planned_meeting.end:%H:%M}",
            "minutes": int(
                (slot.planned_meeting.end - slot.planned_meeting.start).total_seconds() // 60
            ),
            "location": clean_text(view.day.location),
            "directions": clean_text(settings.get("directions", "")).strip(),
        },
        "present": present,
        "network": network,
        "call": _contact(call, language) if call else None,
        "signer": _contact(signer, language) if signer else None,
    }


def letter_docx_bytes(ctx: Context) -> bytes:
    from coordinator.export.letter_docx import letter_docx

    return letter_docx(ctx)


def _render(fmt: str, ctx: Context, templates: str | None) -> bytes:
    if fmt == "docx":
        return letter_docx_bytes(ctx)
    if fmt == "pdf":
        from coordinator.export.pdf import html_to_pdf

        html = render_template("letter.pdf.html.j2", ctx, "html", templates)
        return html_to_pdf(
            html,
            title=ctx["document"]["title"],
            language=ctx["language"],
            footer=ctx["document"]["title"],
            logo_path=ctx["letterhead"]["logo"]["path"],
        )
    return render_template("letter.html.j2", ctx, "html", templates).encode("utf-8")


def export_letter(
    store: Store,
    case_id: int,
    formats: tuple[str, ...],
    language: str,
    out: Path | None = None,
    force: bool = False,
    templates: str | None = None,
) -> list[Path]:
    """Write the letter in each format. A format that fails is reported after the others
    are written: one broken renderer never costs the citizen the whole letter."""
    ctx = letter_context(store, case_id, language)
    out = out.expanduser() if out else None
    folder = target_folder(out)
    stem = safe_stem(
        store.now().date().isoformat(),
        translate(N_("invitation"), language),
        f"{translate(N_('case'), language)}-{case_id}",
        initials_for_file(ctx["citizen"]["name"]),
    )
    if out is not None and folder != out:
        stem = out.stem
    written: list[Path] = []
    failed: list[str] = []
    for fmt in formats:
        try:
            data = _render(fmt, ctx, templates)
        except StoreError as exc:
            failed.append(f"{fmt}: {exc.message}")
            continue
        except Exception as exc:  # noqa: BLE001 - a renderer's bug: tell, write the rest
            failed.append(f"{fmt}: {type(exc).__name__}: {exc}")
            continue
        written.append(write_file(folder / f"{stem}.{fmt}", data, force))
    from coordinator.store.audit import record_export

    record_export(store, "letter", case_id, written, case=True)  # exports are personal data
    if failed:
        done = ", ".join(str(p) for p in written) or "–"
        raise Invalid(
            _("The letter could not be made as {failed} (written: {done}).").format(
                failed="; ".join(failed), done=done
            )
        )
    return written
