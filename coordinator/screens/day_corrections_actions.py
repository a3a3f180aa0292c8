"""The day screen's correction keys: edit the day or a case, move a case to another day,
delete a case or the day (with undo while the app is open). (Absent and cancelled, with their
reasons, are status keys: `day_status_actions`.)

Mixed into `DayScreen` (like `BatchActions`) so the screen module keeps to its keys and the
running day. Reads for a dialog run in a worker; a dialog stores in its own worker; changes of
a case's status go through the day's writer queue like every other change, so they wait behind
the ones pressed before. After each action the agenda's cursor is on the case acted on.

Undo: a delete hands back a `Tombstone` (store/tombstones.py: every row that went with it).
They are kept per app in memory, newest last; `u` on the day screen (or on the list of days,
after the day itself was deleted) puts the newest back. Closing the app makes deletes final,
as the confirmation says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from textual.app import App

from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import _, ngettext
from coordinator.screens.day_writer import QueuedChange
from coordinator.store.day_edits import DeletePreview
from coordinator.store.errors import StoreError
from coordinator.store.tombstones import Tombstone

if TYPE_CHECKING:
    from coordinator.screens.day import DayScreen
    from coordinator.store.database import Store

#: The deletes of each open app that can still be undone, newest last.
_UNDO: WeakKeyDictionary[App[Any], list[Tombstone]] = WeakKeyDictionary()


def _rows_named(table: str, count: int) -> str:
    """How a confirmation names `count` rows of a table that go with a delete."""
    names = {
        "case": ngettext("{n} case", "{n} cases", count),
        "rosterentry": ngettext("{n} roster line", "{n} roster lines", count),
        "preparation": ngettext("{n} preparation", "{n} preparations", count),
        "agreement": ngettext("{n} agreement draft", "{n} agreement drafts", count),
        "agreementitem": ngettext("{n} agreement item", "{n} agreement items", count),
        "materialitem": ngettext("{n} material item", "{n} material items", count),
        "materialsent": ngettext("{n} material sending", "{n} material sendings", count),
        "invitationstate": ngettext("{n} invitation sent", "{n} invitations sent", count),
        "rating": ngettext("{n} rating", "{n} ratings", count),
        "outcome": ngettext("{n} outcome", "{n} outcomes", count),
        "daybreak": ngettext("{n} break", "{n} breaks", count),
    }
    return names.get(table, f"{{n}} {table}").format(n=count)


#: Tables not worth naming: the deleted row itself, and a case's challenge marks.
_UNNAMED = frozenset({"stepupday", "casechallenge", "itemprogress"})


def shelve(app: App[Any], tombstone: Tombstone) -> None:
    """Keep a delete for undo while `app` is open."""
    _UNDO.setdefault(app, []).append(tombstone)


def last_deleted(app: App[Any]) -> Tombstone | None:
    shelf = _UNDO.get(app)
    return shelf[-1] if shelf else None


def undo_last(app: App[Any], store: Store, done: Callable[[Tombstone], object]) -> None:
    """Put the newest delete of `app` back (in a worker); `done` runs on the event loop after."""
    from coordinator.store.day_edits import undo_delete

    shelf = _UNDO.get(app)
    if not shelf:
        app.notify(_("Nothing to undo."), severity="warning")
        return
    tombstone = shelf.pop()

    def restore() -> None:
        try:
            undo_delete(store, tombstone)
        except StoreError as exc:
            app.call_from_thread(app.notify, exc.message, severity="error", markup=False)
            return
        app.call_from_thread(done, tombstone)

    app.run_worker(restore, thread=True, group="undo-delete", name="undo delete")


def describe_delete(preview: DeletePreview, title: str) -> str:
    """The confirmation: what is deleted, what goes with it, and that undo lasts while open."""
    own = "case" if preview.what == "case" else "stepupday"
    parts = [
        _rows_named(table, count)
        for table, count in preview.counts
        if table != own and table not in _UNNAMED
    ]
    lines = [title]
    if parts:
        lines += ["", _("With it go: {parts}.").format(parts=", ".join(parts))]
    lines += ["", _("Undo with u while the app is open; after that the delete is final.")]
    return "\n".join(lines)


class CorrectionActions:
    """Mixed into the day screen: the correction keys and what follows each dialog."""

    #: A case just edited: its roster findings are told once the day's fresh read arrives.
    _tell_findings: int | None = None

    # --- edit the day and a case -----------------------------------------------------------

    def action_edit_day(self: DayScreen) -> None:
        from coordinator.screens.day_corrections import EditDayDialog

        if self.model is None:
            return
        keep = self.selected_case_id()

        def done(day_id: int | None) -> None:
            if day_id:
                self._focus_next = keep
                self.notify(_("The day is changed."))
                self.load()

        self.app.push_screen(EditDayDialog(self.model), done)

    def action_edit_case(self: DayScreen) -> None:
        from coordinator.screens.day_corrections import EditCaseDialog
        from coordinator.store.case_edits import case_details

        case_id = self._selected_or_tell()
        if case_id is None:
            return
        store = self.store

        def done(saved: int | None) -> None:
            if saved:
                self._focus_next = case_id
                self._tell_findings = case_id
                self.load()

        def read() -> None:
            try:
                details = case_details(store, case_id)
            except StoreError as exc:
                self.app.call_from_thread(self.notify, exc.message, severity="error")
                return
            self.app.call_from_thread(self.app.push_screen, EditCaseDialog(details), done)

        self.run_worker(read, thread=True, exclusive=True, group="day-dialog")

    def tell_findings(self: DayScreen) -> None:
        """After a case was edited: its roster findings as the fresh read has them."""
        case_id, self._tell_findings = self._tell_findings, None
        case = self.model.case(case_id) if (self.model and case_id) else None
        if case is None:
            return
        findings = case.readiness.findings if case.readiness else []
        if not findings:
            self.notify(_("Case saved. The roster rules find nothing to fix."))
            return
        self.notify(
            _("Case saved. Roster:") + "\n" + "\n".join(f"• {f.message}" for f in findings),
            severity="warning",
            markup=False,
            timeout=10,
        )

    # --- move a case to another day ----------------------------------------------------------

    def action_move_to_day(self: DayScreen) -> None:
        from coordinator.store.day_model import day_summaries

        case_id = self._selected_or_tell()
        if case_id is None or self.model is None:
            return
        case = self._case(case_id)
        if case.status is not CaseStatus.PLANNED:
            self.notify(
                _("Case {position} has started or ended; it can no longer move.").format(
                    position=case.position
                ),
                severity="warning",
            )
            return
        store, today, day_id = self.store, self.clock.now().date(), self.day_id

        def read() -> None:
            try:
                days = [d for d in day_summaries(store) if d.date >= today and d.id != day_id]
            except StoreError as exc:
                self.app.call_from_thread(self.notify, exc.message, severity="error")
                return
            self.app.call_from_thread(self._ask_move, case_id, case.citizen, days)

        self.run_worker(read, thread=True, exclusive=True, group="day-dialog")

    def _ask_move(self: DayScreen, case_id: int, citizen: str, days: list) -> None:  # noqa: ANN001
        from coordinator.screens.day_corrections import MoveCaseDialog

        if not days:
            self.notify(
                _("There is no later day to move to; create one first."), severity="warning"
            )
            return
        after = self._next_case_id(case_id)

        def done(day_id: int | None) -> None:
            if day_id:
                self.notify(
                    _("{citizen} moved to another day.").format(citizen=citizen), markup=False
                )
                self._focus_next = after
                self.load()

        self.app.push_screen(MoveCaseDialog(case_id, citizen, days), done)

    def _next_case_id(self: DayScreen, case_id: int) -> int | None:
        """The case the cursor goes to when `case_id` leaves the agenda (the next, else the
        one before)."""
        assert self.model is not None
        ids = [c.id for c in self.model.cases]
        index = ids.index(case_id)
        rest = ids[index + 1 :] + ids[:index][::-1]
        return rest[0] if rest else None

    # --- delete and undo ---------------------------------------------------------------------

    def action_delete_case(self: DayScreen) -> None:
        case_id = self._selected_or_tell()
        if case_id is None:
            return
        citizen = self._case(case_id).citizen
        title = _("Delete the case of {citizen}?").format(citizen=citizen)
        self._preview_delete("case", case_id, title)

    def action_delete_day(self: DayScreen) -> None:
        if self.model is None:
            return
        title = _("Delete the day {date} with all its cases?").format(
            date=f"{self.model.date:%d.%m.%Y}"
        )
        self._preview_delete("day", self.day_id, title)

    def _preview_delete(self: DayScreen, what: str, entity_id: int, title: str) -> None:
        from coordinator.store.day_edits import preview_delete

        store = self.store

        def read() -> None:
            try:
                preview = preview_delete(store, what, entity_id)
            except StoreError as exc:
                self.app.call_from_thread(self.notify, exc.message, severity="error")
                return
            self.app.call_from_thread(self._confirm_delete, preview, title)

        self.run_worker(read, thread=True, exclusive=True, group="day-dialog")

    def _confirm_delete(self: DayScreen, preview: DeletePreview, title: str) -> None:
        from coordinator.screens.day_dialogs import ConfirmDialog

        if preview.refused:
            self.notify(preview.refused, severity="error", markup=False)
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            if preview.what == "case":
                self._delete_case(preview.entity_id)
            else:
                self._delete_day()

        self.app.push_screen(ConfirmDialog(describe_delete(preview, title)), done)

    def _delete_case(self: DayScreen, case_id: int) -> None:
        from coordinator.store.case_edits import delete_case

        app = self.app
        after = self._next_case_id(case_id)
        if self.model is not None:  # gone from the agenda at once; the writer's read follows
            cases = tuple(c for c in self.model.cases if c.id != case_id)
            self._show(replace(self.model, cases=cases))
            self._focus_case(after)
        self._focus_next = after

        def delete(store: Store) -> None:
            shelve(app, delete_case(store, case_id))
            app.call_from_thread(app.notify, _("Case deleted. Press u to undo."))

        self._submit(QueuedChange(None, delete, self.clock.now()))

    def _delete_day(self: DayScreen) -> None:
        from coordinator.store.day_edits import delete_day

        app, store, day_id = self.app, self.store, self.day_id

        def deleted() -> None:
            app.notify(_("Day deleted. Press u on the list of days to undo."))
            if app.screen is self:
                app.pop_screen()

        def delete() -> None:
            try:
                shelve(app, delete_day(store, day_id))
            except StoreError as exc:
                app.call_from_thread(app.notify, exc.message, severity="error", markup=False)
                return
            app.call_from_thread(deleted)

        self.run_worker(delete, thread=True, group="day-delete", name="delete day")

    def action_undo_delete(self: DayScreen) -> None:
        def done(tombstone: Tombstone) -> None:
            if tombstone.what == "case":
                self._focus_next = tombstone.entity_id
                self.notify(_("The case is back."))
            else:
                self.notify(_("The day is back on the list of days."))
            self.load()

        undo_last(self.app, self.store, done)
