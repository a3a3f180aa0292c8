"""The autosave of a form screen, shared by the agreement and the preparation form.

`SaveState` is the little "Saved 09:12:04" line of a form, and it drives the form's `Autosave`
(`coordinator.store.autosave`): a thread of its own writes each save the moment it is due, one at
a time, so typing never waits for the disk and a busy event loop never delays a save. Both
screens say the same things with it and use the same keys:

- a field changed elsewhere is said once, without a dialog (the next keystrokes must never land
  in one); typing goes on and the other fields keep being saved; Ctrl+S (or Esc, leaving) asks
  "keep mine / take theirs"; after "take theirs" the screen shows what the database holds;
- a database that cannot be written (locked by another writer) is said once; the typing is kept
  and written when it can be;
- leaving the screen hands what is still unsaved to a worker of the app (`hand_over`), and
  quitting waits a bounded time for every form's last save (`save_before_quit`).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from rich.cells import cell_len
from textual import on
from textual.app import App
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from coordinator.i18n import _
from coordinator.store.autosave import Autosave, Key, WriteOutcome
from coordinator.store.errors import StoreError
from coordinator.widgets.plain import plain

#: The readiness (or another `after_save`) follows the saves at most this often, in seconds.
FOLLOW_EVERY = 1.0
#: Seconds between the saving thread's checks whether a save is due.
POLL = 0.02
#: The worker group of the last saves handed to the app by screens that left.
FINAL_SAVES = "final-saves"
#: Seconds before an autosave that failed (a locked database) is tried again.
RETRY_DELAY = 1.0
#: How long quitting waits for the last saves.
QUIT_WAIT = 5.0
#: How often the last save of a leaving screen is tried before the user is told.
FINAL_TRIES = 3


class SaveState(Static):
    """The save state of a form, and the worker that writes its autosave."""

    DEFAULT_CSS = """
    SaveState {
        width: auto;
        min-width: 14;
        padding: 0 1;
        color: $text-muted;
    }
    SaveState.-conflict {
        background: $error;
        color: $text;
    }
    """

    @dataclass
    class Saved(Message):
        """A save finished (`outcome` None: nothing was pending); `extra` is what the
        form's `after_save` computed in the worker (the preparation's readiness). The
        agreement's read-back follows the saves from this message too (rendered at a pause)."""

        outcome: WriteOutcome | None
        extra: object = None
        #: False for the `after_save` result, which follows its save in a worker of its own.
        counted: bool = True

    @dataclass
    class Failed(Message):
        """A save could not be written; the typing is kept."""

        message: str

    @dataclass
    class TookTheirs(Message):
        """The user took the other writer's values: the form shows what the store holds."""

        theirs: dict[Key, object] = field(default_factory=dict)

    def __init__(
        self,
        describe: Callable[[Key], str] = str,
        after_save: Callable[[], object] | None = None,
        *,
        form: tuple[str, int] | None = None,
        id: str = "save-state",  # noqa: A002 - Textual's name
    ) -> None:
        """`form` names the form and its record for the recovery file (store/recovery.py)."""
        super().__init__(id=id)
        self.saver: Autosave | None = None
        self.form = form
        self.describe = describe
        self.after_save = after_save
        self._in_flight = 0
        self._counting = threading.Lock()
        #: Ctrl+S (or a choice made) asks the saving thread to write now.
        self._asked = threading.Event()
        self._saved_at: datetime | None = None
        self._error: str | None = None
        self._told_conflict = False
        self._retry_at = 0.0
        self._text: str | None = None
        self._width = -1
        self._followed_at = 0.0
        self._follow_timer: Timer | None = None

    @property
    def in_flight(self) -> int:
        """Saves started and not yet reported back: tests wait for 0."""
        return self._in_flight

    def attach(self, saver: Autosave | None) -> None:
        """Drive `saver` from now on (None: a read-only form)."""
        if self.saver is not None and self.saver is not saver:
            self.hand_over()
        self.saver = saver
        self._told_conflict = False
        if saver is not None:
            threading.Thread(
                target=self._saving, args=(saver,), name="autosave", daemon=True
            ).start()
        self.show()

    def on_mount(self) -> None:
        self.set_interval(0.1, self.show)

    # --- saving ---------------------------------------------------------------------------------

    def _saving(self, saver: Autosave) -> None:
        """The saving thread of one form: it writes each save the moment it is due, without
        waiting for the event loop (a busy loop, on a loaded machine, would add its own delay
        to every keystroke's way to the disk). One thread, so one save at a time; it ends
        when the form hands its saver over."""
        while self.saver is saver:
            asked = self._asked.wait(POLL)
            if self.saver is not saver:
                return
            if asked:
                self._asked.clear()
            elif time.monotonic() < self._retry_at or not saver.due():
                continue
            self._write(saver)

    def save(self) -> None:
        """Write what is pending now (in the saving thread, right after the one in flight)."""
        if self.saver is not None:
            self._asked.set()
            self.show()

    def _write(self, saver: Autosave) -> None:
        with self._counting:
            self._in_flight += 1
        try:
            outcome = saver.flush()
        except StoreError as exc:
            self._retry_at = time.monotonic() + RETRY_DELAY
            self._post(self.Failed(exc.message))
            return
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the saving: logged, told
            from coordinator.crash import log_error, one_line

            self._retry_at = time.monotonic() + RETRY_DELAY
            self._post(self.Failed(one_line(exc, log_error(exc, "autosave"))))
            return
        self._post(self.Saved(outcome))

    def _follow(self) -> None:
        """What the form computes after a save (a read-back, a readiness), in a worker: the
        saving thread is free for the next save at once. At most once per `FOLLOW_EVERY`
        seconds (the last save is always followed): redrawing a long read-back at every
        save would slow the event loop that handles the keystrokes."""
        after = self.after_save
        if after is None or self._follow_timer is not None:
            return
        wait = self._followed_at + FOLLOW_EVERY - time.monotonic()
        if wait > 0:
            self._follow_timer = self.set_timer(wait, self._follow_later)
            return
        self._followed_at = time.monotonic()

        def run() -> None:
            with contextlib.suppress(StoreError):
                self.post_message(self.Saved(None, after(), counted=False))

        self.run_worker(run, thread=True, exclusive=True, group="after-save")

    def _follow_later(self) -> None:
        self._follow_timer = None
        self._follow()

    def _post(self, message: Message) -> None:
        if not self.post_message(message):  # the form is gone: nobody to tell
            with self._counting:
                self._in_flight -= 1

    def _done(self) -> None:
        with self._counting:
            self._in_flight -= 1

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        if not event.counted:
            return
        self._done()
        outcome = event.outcome
        if outcome is not None:
            self._error = None
            if outcome.written:
                self._saved_at = self.app.clock.now()  # type: ignore[attr-defined]
                self._follow()
            if outcome.theirs:
                self._tell_conflict()
        self.show()

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self._done()
        if event.message != self._error:  # once, not at every retry while the lock stays
            self._error = event.message
            self.notify(
                event.message + " " + _("Your typing is kept and saved when it can be."),
                severity="error",
                timeout=20,
                markup=False,
            )
        self.show()

    # --- changed elsewhere ----------------------------------------------------------------------

    @property
    def has_conflict(self) -> bool:
        return self.saver is not None and self.saver.conflict

    def conflict_text(self) -> str:
        saver = self.saver
        names = dict.fromkeys(self.describe(key) for key in (saver.conflicts if saver else {}))
        return _("Changed by someone else since you opened this form: {fields}.").format(
            fields="; ".join(f"“{name}”" for name in names)
        )

    def _tell_conflict(self) -> None:
        if self._told_conflict:
            return
        self._told_conflict = True
        self.notify(
            self.conflict_text()
            + " "
            + _("Your typing is kept. Ctrl+S: choose whose version to keep."),
            severity="warning",
            timeout=30,
            markup=False,
        )

    def save_now(self) -> None:
        """Ctrl+S: write at once, or ask about a change made elsewhere."""
        if self.has_conflict:
            self.ask_about_conflict()
        else:
            self.save()

    def ask_about_conflict(self) -> None:
        """The keep-mine / take-theirs question, asked when the user chooses to answer it."""
        from coordinator.screens.agreement_dialogs import ConflictDialog

        def chosen(choice: str | None) -> None:
            saver = self.saver
            if saver is None:
                return
            if choice in ("mine", "theirs"):
                # The "changed elsewhere" toast is answered: it must not linger over the form
                # (or follow the user to the next screen, where Ctrl+S means nothing).
                self.app.clear_notifications()
            if choice == "mine":
                saver.keep_mine()
                self._told_conflict = False
                self.save()
            elif choice == "theirs":
                theirs = saver.take_theirs()
                self._told_conflict = False
                self.post_message(self.TookTheirs(theirs))
            else:
                self.notify(_("Not saved. Ctrl+S tries again."), severity="warning")
            self.show()

        self.app.push_screen(ConflictDialog(self.conflict_text()), chosen)

    # --- showing --------------------------------------------------------------------------------

    def show(self) -> None:
        saver = self.saver
        if saver is None:
            text = ""
        elif saver.conflict:
            text = _("Not saved: changed elsewhere")
        elif self.in_flight or saver.saving:
            text = _("Saving…")
        elif saver.unsaved:
            text = _("Not saved")
        elif self._saved_at is not None:
            text = _("Saved {time}").format(time=f"{self._saved_at:%H:%M:%S}")
        else:
            text = _("Saved")
        if text != self._text:
            self._text = text
            # Padded to the widest of the usual states, so that a keystroke's "Not saved" and
            # the save's "Saved 09:12:04" repaint this line only: a new width makes Textual lay
            # out the whole screen again (the read-back's Markdown included), at every save.
            shown = text + " " * max(0, self._usual_width() - cell_len(text))
            width = cell_len(shown)
            self.update(plain(shown), layout=width != self._width)
            self._width = width
            self.set_class(saver is not None and saver.conflict, "-conflict")

    def _usual_width(self) -> int:
        """The widest text of the states a form passes through while typing (in the language
        shown now; the conflict's longer text widens the line while it lasts)."""
        usual = (_("Saving…"), _("Not saved"), _("Saved {time}").format(time="00:00:00"))
        return max(cell_len(text) for text in usual)

    # --- leaving --------------------------------------------------------------------------------

    def hand_over(self) -> None:
        """The form goes away: a worker of the app (not of the dying screen) writes what is
        still unsaved. Disputed fields stay unsaved: the user was asked before leaving."""
        saver, self.saver = self.saver, None
        if saver is not None and saver.pending and self.form is not None:
            # Still reachable by quitting and by a hangup (`screens/leaving.py`) until written.
            handed_over(self.app).append((self.form, self.describe, saver))
        if saver is not None and saver.unsaved:
            app = self.app
            app.run_worker(
                partial(_last_save, app, saver),
                thread=True,
                group=FINAL_SAVES,
                exit_on_error=False,
            )

    def on_unmount(self) -> None:
        self.hand_over()


def handed_over(app: App) -> list[tuple[tuple[str, int], Callable[[Key], str], Autosave]]:
    """The savers of forms that left with typing unsaved: (form, describe, saver)."""
    found = getattr(app, "_handed_over_savers", None)
    if found is None:
        found = []
        app._handed_over_savers = found  # type: ignore[attr-defined]  # noqa: SLF001
    return found


def in_thread(
    node: Widget, job: Callable[[], object], then: Callable[[object], object], group: str = "io"
) -> None:
    """Run `job` (store calls) in a thread worker of `node`, then `then(result)` on the event
    loop; a store error is told, and `then` is not called."""

    def run() -> None:
        try:
            result = job()
        except StoreError as exc:
            node.app.call_from_thread(node.notify, exc.message, severity="error", markup=False)
            return
        node.app.call_from_thread(then, result)

    node.run_worker(run, thread=True, group=group)


def _last_save(app: App, saver: Autosave) -> None:
    problem = None
    for _try in range(FINAL_TRIES):
        try:
            saver.flush()
            return
        except StoreError as exc:
            problem = exc.message
    with contextlib.suppress(RuntimeError):  # the app is gone
        app.call_from_thread(app.notify, problem or "", severity="error", markup=False)


def _flush_quietly(saver: Autosave) -> None:
    with contextlib.suppress(StoreError):
        saver.flush()


async def save_before_quit(app: App, timeout: float = QUIT_WAIT) -> None:
    """Write every open form's unsaved typing, and wait for the last saves of forms that left,
    without holding the event loop: at most `timeout` seconds (a locked database)."""
    waits: list[asyncio.Future | object] = []
    for screen in app.screen_stack:
        for state in screen.query(SaveState):
            if state.saver is not None and state.saver.unsaved:
                waits.append(asyncio.to_thread(_flush_quietly, state.saver))
    waits += [w.wait() for w in app.workers if w.group == FINAL_SAVES and not w.is_finished]
    if waits:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*waits, return_exceptions=True), timeout)  # type: ignore[arg-type]
