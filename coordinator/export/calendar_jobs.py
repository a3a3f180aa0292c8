"""The calendar exports as the CLI and the day screen ask for them: the day's invitations
(one file for everybody or one per person, with the cancellations beside them) and the
citizen's own calendar."""

from __future__ import annotations

from pathlib import Path

from coordinator.export.files import initials_for_file, safe_stem, target_folder, write_file
from coordinator.export.followups_context import followups_context
from coordinator.export.ics import CASE_WORD, agenda_ics, cancel_ics, followups_ics, request_ics
from coordinator.export.invitation_context import PARTS, invitations_context
from coordinator.i18n import N_, _, translate
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.export_data import case_document_data


def day_agenda_ics(store: Store, day_ref: str | int, language: str) -> bytes:
    """The day as a published agenda (`export day --format ics`)."""
    return agenda_ics(invitations_context(store, day_ref, language), store.now())


def _path(out: Path | None, stem: str, single: bool) -> Path:
    """Where one calendar file goes: `out` itself when it names a file and only one is
    written, else `stem.ics` in the folder."""
    folder = target_folder(out)
    if out is not None and single and folder != out:
        return out
    return folder / f"{stem}.ics"


def export_invitations(
    store: Store,
    day_ref: str | int,
    people: list[str],
    per_person: bool,
    language: str,
    out: Path | None = None,
    force: bool = False,
) -> list[Path]:
    """The invitations (METHOD:REQUEST) and, when cases were cancelled, the cancellations
    (METHOD:CANCEL, a file of their own): for everybody, for each named person, or with
    `per_person` for every professional of the day (cancelled cases included)."""
    out = out.expanduser() if out else None
    ctx = invitations_context(store, day_ref, language)
    now = store.now()
    stem = safe_stem(ctx["day"]["date"], translate(N_("invitations"), language))
    cancel_word = translate(N_("cancelled"), language)
    if per_person and not people:
        people = sorted(
            {
                p["name"]
                for case in ctx["cases"]
                for part in PARTS
                for p in case["parts"][part]["participants"]
            }
        )
    files: list[tuple[str, bytes]] = []
    for person in people or [None]:  # type: ignore[list-item]
        own = safe_stem(stem, person) if person else stem
        invitations = request_ics(ctx, now, person)
        cancellations = cancel_ics(ctx, now, person)
        if person and invitations is None and cancellations is None:
            raise Invalid(
                _("{name} takes part in nothing on {date}.").format(
                    name=person, date=ctx["day"]["date"]
                )
            )
        if invitations is not None:
            files.append((own, invitations))
        if cancellations is not None:
            files.append((safe_stem(own, cancel_word), cancellations))
    if not files:
        raise Invalid(_("There is nothing to invite to on {date}.").format(date=ctx["day"]["date"]))
    single = len(files) == 1
    return [write_file(_path(out, name, single), data, force) for name, data in files]


def export_followups(
    store: Store, case_id: int, language: str, out: Path | None = None, force: bool = False
) -> list[Path]:
    """The citizen's own dated tasks and the follow-up meeting, as a calendar file."""
    ctx = followups_context(store, case_id, language)
    if not ctx["entries"]:
        # An empty calendar file would look like a reminder that silently holds nothing.
        raise Invalid(
            _(
                "The agreement of case {id} has neither a dated item the citizen is "
                "responsible for nor a follow-up date: no calendar file was written."
            ).format(id=case_id)
        )
    citizen = case_document_data(store, case_id).citizen.name
    stem = safe_stem(
        ctx["meeting_date"].isoformat(),
        translate(N_("deadlines"), language),
        f"{translate(CASE_WORD, language)}-{case_id}",
        initials_for_file(citizen),
    )
    out = out.expanduser() if out else None
    return [write_file(_path(out, stem, True), followups_ics(ctx, store.now()), force)]
