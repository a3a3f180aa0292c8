"""The live agreement screen: the job broker types the agreement while the citizen is in the room.

The screen holds the keys, the layout and the loading; the fields and items are the
`AgreementForm` (`agreement_form.py`, items in `agreement_items.py`), built from a plain
`AgreementView`; finalise, reopen, export, versions and the second conversation are the
`AgreementActions` (`agreement_actions.py`). Every edit goes to the shared autosave
(`screens/autosave.py`) at once and is written by a thread worker at most a second later, so
typing never waits for the disk; every other read and write (loading, finalising, versions,
export) runs in a thread worker too, so a locked database never freezes the screen. The
read-back pane shows what is saved, rendered when the typing pauses. Nothing modal stands in the
way of typing: warnings are shown, never forced; dialogs only appear for finalising, a change
made elsewhere, versions and a second conversation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from coordinator.domain.vocab import AGREEMENT_STATUS_LABELS
from coordinator.i18n import N_, _, current_language
from coordinator.screens import heap
from coordinator.screens.agreement_actions import AgreementActions
from coordinator.screens.agreement_form import AgreementForm, SectionHeading
from coordinator.screens.agreement_readback import ReadbackPane, render_readback
from coordinator.screens.autosave import SaveState, in_thread
from coordinator.screens.base import AppScreen
from coordinator.store import agreements, audit
from coordinator.store.agreement_views import AgreementView
from coordinator.store.autosave import Autosaver, Key
from coordinator.store.day_model import meeting_clock_feed
from coordinator.store.errors import StoreError
from coordinator.store.roster import case_heading, roster_lines
from coordinator.widgets.footer import StepUpFooter
from coordinator.widgets.header import StepUpHeader
from coordinator.widgets.meeting_clock import MeetingClock
from coordinator.widgets.plain import plain
from coordinator.widgets.table_fit import ellipsised

__all__ = ["AgreementScreen", "SectionHeading"]

READBACK_MODES = ("side", "wide", "hidden")
#: A long citizen name is cut to this many cells in the title, so version and status show.
TITLE_NAME_WIDTH = 40
#: From this terminal width the read-back fits beside the editor.
SIDE_BY_SIDE_WIDTH = 120


class AgreementScreen(AgreementActions, AppScreen):
    """The agreement of one case: fields, items by kind, read-back, finalise, versions."""

    CSS_PATH = "agreement.tcss"
    AUTO_FOCUS = None  # the job goal, once the form is loaded

    # Priority bindings run before the focused field sees the key, in the order typed: a burst
    # like "Tab u g e" or "Ctrl+N T e x t" never lands in the field that was focused before.
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="agreement.back"),
        Binding("ctrl+n", "add_item", N_("New item"), id="agreement.add_item", priority=True),
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
        Binding("f2", "toggle_readback", N_("Read-back"), id="agreement.readback"),
        Binding("f5", "finalise", N_("Finalise"), id="agreement.finalise"),
        Binding("f4", "export", N_("Export"), id="agreement.export"),
        Binding("f8", "delete_item", N_("Delete item"), id="agreement.delete_item", priority=True),
        Binding("f9", "undo_delete", N_("Undo delete"), id="agreement.undo_delete", priority=True),
        Binding("ctrl+up", "move_item(-1)", N_("Move up"), id="agreement.move_up", priority=True),
        Binding(
            "ctrl+down", "move_item(1)", N_("Move down"), id="agreement.move_down", priority=True
        ),
        Binding("f6", "reopen", N_("Reopen"), id="agreement.reopen"),
        Binding("f7", "versions", N_("Versions"), id="agreement.versions"),
        Binding("f10", "second_conversation", N_("2nd conversation"), id="agreement.second"),
        Binding("f3", "case_followup", N_("Ratings"), id="agreement.followup"),
        Binding("ctrl+s", "save_now", N_("Save now"), id="agreement.save", show=False),
    ]

    @dataclass
    class Loaded(Message):
        """The agreement as stored, read by the load worker."""

        view: AgreementView
        suggestions: list[str]
        citizen: str
        readback: str
        notice: str = ""

    @dataclass
    class LoadFailed(Message):
        message: str

    def __init__(self, case_id: int) -> None:
        super().__init__()
        self.case_id = case_id
        self.view: AgreementView | None = None
        self.citizen_name = ""
        self.readback_mode = "side"
        #: The read-back was put away because the terminal became too narrow for it beside
        #: the form (it comes back when there is room again, unless a key chose a mode since).
        self._squeezed_out = False
        self._loaded_once = False
        self._focus_before_wide: Widget | None = None

    # --- state ----------------------------------------------------------------------------------

    @property
    def save_state(self) -> SaveState:
        return self.query_one(SaveState)

    @property
    def saver(self) -> Autosaver | None:
        return self.save_state.saver  # type: ignore[return-value]

    @property
    def in_flight(self) -> int:
        """Saves started and not yet shown: tests wait for 0."""
        return self.save_state.in_flight

    @property
    def loaded(self) -> bool:
        return bool(self.query(AgreementForm))

    @property
    def agreement(self) -> AgreementView | None:
        return self.view

    @property
    def final(self) -> bool:
        return self.view is not None and self.view.final

    @property
    def form(self) -> AgreementForm:
        return self.query_one(AgreementForm)

    @property
    def today(self) -> date:
        return self.clock.now().date()

    @property
    def has_unanswered_conflict(self) -> bool:
        """A change made elsewhere waits for the broker's choice (the app asks before quitting)."""
        return self.save_state.has_conflict

    # --- layout and loading ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StepUpHeader()
        with Horizontal(id="agreement-bar"):
            yield Static(_("Loading…"), id="agreement-title")
            yield MeetingClock(
                partial(meeting_clock_feed, self.store, self.case_id), id="meeting-clock"
            )
            yield SaveState(describe=self._describe, form=("agreement", self.case_id))
        yield Static(id="final-banner")
        with Horizontal(id="agreement-body"):
            yield Static(_("Loading…"), id="agreement-loading")
            yield ReadbackPane(self._render_readback, id="readback")
        yield Static(id="warnings")
        yield StepUpFooter()

    def on_mount(self) -> None:
        self.readback_mode = "side" if self.app.size.width >= SIDE_BY_SIDE_WIDTH else "hidden"
        self._apply_readback_mode()
        self.query_one("#final-banner").display = False
        self.query_one("#warnings").display = False
        self._load(opening=True)

    def on_unmount(self) -> None:
        # Once the screen below is drawn: the closed screen's objects, frozen while it was
        # open, are collected (screens/heap.py). Not when the app ends: it releases them all.
        if self.app.is_running:
            self.app.call_after_refresh(heap.tidy)

    def _render_readback(self) -> str:
        """The read-back Markdown (in a worker thread)."""
        return render_readback(self.store, self.case_id, current_language())

    def _describe(self, key: Key) -> str:
        return self.form.describe(key) if self.loaded else str(key)

    @work(thread=True, exclusive=True, group="agreement-load")
    def _load(
        self, notice: str = "", flush_first: Autosaver | None = None, opening: bool = False
    ) -> None:
        store = self.store
        try:
            if flush_first is not None:
                flush_first.flush()
            view = agreements.open_for_editing(store, self.case_id)
            citizen = case_heading(store, self.case_id).citizen
            names = [line.display_name for line in roster_lines(store, self.case_id)]
            readback = self._render_readback()
            if opening:  # the citizen's full data was opened: a read in the audit trail
                audit.record_read(store, "agreement", self.case_id)
        except StoreError as exc:
            self.post_message(self.LoadFailed(exc.message))
            return
        suggestions = list(dict.fromkeys([_("the citizen"), *names]))
        self.post_message(self.Loaded(view, suggestions, citizen, readback, notice))

    @on(LoadFailed)
    def _load_failed(self, event: LoadFailed) -> None:
        self.notify(event.message, severity="error", markup=False)
        if not self._loaded_once and self.app.screen is self:
            self.app.pop_screen()

    @on(Loaded)
    async def _loaded(self, event: Loaded) -> None:
        focused = self.focused.id if self.focused is not None else None
        self.view, self.citizen_name = event.view, event.citizen
        body = self.query_one("#agreement-body")
        await body.query("#agreement-loading, AgreementForm").remove()
        form = AgreementForm(event.view, event.suggestions, self.today)
        await body.mount(form, before=self.query_one(ReadbackPane))
        saver = None if event.view.final else Autosaver(self.store, self.case_id, event.view)
        self.save_state.attach(saver)
        self._show_title()
        self.query_one(ReadbackPane).show(event.readback)
        wanted = focused if self._loaded_once and focused else "job-goal"
        targets = self.query(f"#{wanted}") if wanted else None
        if targets:
            self.set_focus(targets.first())
        self._loaded_once = True
        heap.freeze()  # no full collection walks the loaded screen while typing
        if event.notice:
            self.notify(event.notice.format(n=event.view.version))

    def _show_title(self) -> None:
        view = self.view
        assert view is not None
        title = _("Agreement · {citizen} · version {n} · {status}").format(
            citizen=ellipsised(plain(self.citizen_name), TITLE_NAME_WIDTH).plain,
            n=view.version,
            status=_(AGREEMENT_STATUS_LABELS[view.status]),
        )
        self.query_one("#agreement-title", Static).update(plain(title))
        banner = self.query_one("#final-banner", Static)
        banner.display = view.final
        if view.final:
            when = view.finalised_at
            text = _("Final, written by {author} on {when}. F6 reopens it as a new version.")
            banner.update(
                plain(
                    text.format(
                        author=view.author_name or "—",
                        when=f"{when:%d.%m.%Y %H:%M}" if when else "—",
                    )
                )
            )

    def _in_thread(self, job: Callable[[], object], then: Callable[[object], object]) -> None:
        in_thread(self, job, then, group="agreement-io")

    def _flush(self) -> None:
        """Write pending typing (in a worker thread, before an action that reads the store)."""
        if self.saver is not None:
            self.saver.flush()

    # --- the form's messages --------------------------------------------------------------------

    @on(AgreementForm.Edited)
    def _edited(self, event: AgreementForm.Edited) -> None:
        if self.saver is not None:
            self.saver.set(event.key, event.value)
            self.save_state.show()
        self.query_one(ReadbackPane).typing()

    @on(AgreementForm.ItemRemoved)
    def _item_removed(self, event: AgreementForm.ItemRemoved) -> None:
        if self.saver is not None:
            self.saver.delete_item(event.key)
            self.save_state.show()

    @on(AgreementForm.WarningsChanged)
    def _warnings(self, event: AgreementForm.WarningsChanged) -> None:
        box = self.query_one("#warnings", Static)
        box.display = bool(event.lines)
        box.update(plain("\n".join(event.lines)))

    @on(SaveState.Saved)
    def _saved(self, event: SaveState.Saved) -> None:
        if event.outcome is not None and event.outcome.written:
            self.query_one(ReadbackPane).stale()

    @on(SaveState.TookTheirs)
    def _took_theirs(self, _event: SaveState.TookTheirs) -> None:
        self._load(flush_first=self.saver)  # show what the database holds now

    # --- items ----------------------------------------------------------------------------------

    def _writable(self) -> bool:
        if not self.loaded:
            return False
        if self.saver is None:
            self.notify(_("The agreement is final; F6 reopens it as a new version."))
            return False
        return True

    async def action_add_item(self) -> None:
        if self._writable():
            await self.form.add_item()

    async def on_key(self, event) -> None:  # noqa: ANN001 - events.Key
        if event.key == "enter" and isinstance(self.focused, SectionHeading):
            event.stop()
            self.form.current_kind = self.focused.kind
            if self._writable():
                await self.form.insert_item(self.focused.kind, 0)

    async def action_delete_item(self) -> None:
        if not self.loaded:
            return
        editor = self.form.current_editor()
        if editor is None:
            self.notify(_("Move to an item first."))
            return
        if self._writable():
            await self.form.delete_item(editor)
            self.notify(_("Item deleted. F9 brings it back."))

    async def action_undo_delete(self) -> None:
        if not self.loaded or not self.form.can_undo:
            self.notify(_("Nothing to undo."))
            return
        if self._writable():
            await self.form.undo_delete()

    def action_move_item(self, step: int) -> None:
        editor = self.form.current_editor() if self.loaded else None
        if editor is not None and self._writable():
            self.form.move_item(editor, step)

    # --- the rest -------------------------------------------------------------------------------

    def action_toggle_readback(self) -> None:
        """Side by side (wide terminals only), filling the screen for the projector, hidden."""
        modes = READBACK_MODES if self.app.size.width >= SIDE_BY_SIDE_WIDTH else ("wide", "hidden")
        index = modes.index(self.readback_mode) if self.readback_mode in modes else -1
        self.readback_mode = modes[(index + 1) % len(modes)]
        self._squeezed_out = False
        self._apply_readback_mode()

    def on_resize(self, event: events.Resize) -> None:
        """Beside the form only while there is room for both: a terminal made narrow mid-meeting
        (the laptop taken off the projector) puts the read-back away instead of squeezing both
        into half the width, and a terminal made wide again brings it back."""
        roomy = event.size.width >= SIDE_BY_SIDE_WIDTH
        if not roomy and self.readback_mode == "side":
            self.readback_mode, self._squeezed_out = "hidden", True
            self._apply_readback_mode()
        elif roomy and self._squeezed_out and self.readback_mode == "hidden":
            self.readback_mode, self._squeezed_out = "side", False
            self._apply_readback_mode()

    def _apply_readback_mode(self) -> None:
        """Show the mode as named (the widths are the stylesheet's, the same every time). In
        the mode filling the screen the editor is hidden, so the read-back takes the focus
        (arrows and PgUp/PgDn scroll it) and gives it back to the field that had it."""
        wide = self.readback_mode == "wide"
        pane = self.query_one(ReadbackPane)
        pane.display = self.readback_mode != "hidden"
        pane.can_focus = wide
        self.query_one("#agreement-body").set_class(wide, "-wide")
        if wide:
            hint = _("{key}: back to the form to type")
            pane.show_hint(hint.format(key=self._readback_key()))
            if self.focused is not pane:
                self._focus_before_wide = self.focused
            self.set_focus(pane)
        elif self.focused is pane or self.focused is None:
            before = self._focus_before_wide
            fields = self.query("#job-goal")
            if before is not None and before.is_attached and before.screen is self:
                self.set_focus(before)
            elif fields:
                self.set_focus(fields.first())

    def _readback_key(self) -> str:
        """The key that toggles the read-back, as the footer shows it (a keymap may move it)."""
        for active in self.active_bindings.values():
            if active.binding.action == "toggle_readback":
                return self.app.get_key_display(active.binding)
        return "F2"

    def action_save_now(self) -> None:
        self.save_state.save_now()

    def action_back(self) -> None:
        """Leave; what is unsaved is written by the app's worker (see `SaveState.hand_over`)."""
        if self.save_state.has_conflict:
            self.save_state.ask_about_conflict()  # leaving now would drop the unsaved typing
            return
        self.app.pop_screen()
