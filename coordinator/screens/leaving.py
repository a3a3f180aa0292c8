"""Leaving the app never drops typing silently: quitting, a closed terminal, a `kill`.

- Ctrl+Q writes what the forms hold (bounded, `save_before_quit`); anything still unsaved (a
  full disk, a locked database, a change made elsewhere not yet answered) is named in a dialog
  that offers to keep it in the recovery file (`store/recovery.py`) before quitting.
- SIGHUP (the terminal was closed) and SIGTERM: the forms' typing is written at once, for a
  bounded time, and what could not be written goes to the recovery file; then the app exits.
- At start, a recovery file left by an earlier run is offered for restoring.

The savers are the forms' own (`screens/autosave.py`): nothing here saves any other way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from coordinator.i18n import _
from coordinator.screens.autosave import SaveState, handed_over, save_before_quit
from coordinator.store.autosave import Autosave, Autosaver
from coordinator.store.errors import StoreError
from coordinator.store.recovery import FormTyping, keep, kept, recovery_path

#: Seconds a hangup or a SIGTERM waits for the last saves before keeping the rest in the file.
RESCUE_WAIT = 3.0
#: Seconds after which a process told to stop exits even if closing the app hangs (a terminal
#: that is gone can block the last writes to it).
EXIT_AT_THE_LATEST = 3.0
SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


def _savers(app: App) -> list[tuple[tuple[str, int], object, Autosave]]:
    """Every saver of a form with typing not yet written: open forms, then forms that left."""
    found = []
    for screen in app.screen_stack:
        for state in screen.query(SaveState):
            if state.saver is not None and state.form is not None:
                found.append((state.form, state.describe, state.saver))
    found += handed_over(app)
    return [entry for entry in found if entry[2].pending or entry[2].saving]


def _label(describe: object, key: object) -> str:
    try:
        return str(describe(key))  # type: ignore[operator]
    except Exception:  # noqa: BLE001 - a form that is gone cannot name its fields
        return str(key)


def unsaved_typing(app: App) -> list[FormTyping]:
    """What the forms hold that is not written, as the recovery file keeps it."""
    typing = []
    for (form, ref), describe, saver in _savers(app):
        values = [
            (key, value, base, _label(describe, key)) for key, value, base in saver.unsaved_values()
        ]
        ids = dict(saver.ids) if isinstance(saver, Autosaver) else {}
        typing.append(FormTyping(form, ref, values, ids))
    return [t for t in typing if t.values]


def summary(typing: list[FormTyping]) -> str:
    """One line per form: what it is and which of its fields are unsaved."""
    names = {"agreement": _("Agreement"), "preparation": _("Preparation")}
    lines = []
    for form in typing:
        labels = ", ".join(dict.fromkeys(f"“{label}”" for *_rest, label in form.values))
        what = _("{form} of case {id}").format(form=names.get(form.form, form.form), id=form.ref)
        lines.append(f"{what}: {labels}")
    return "\n".join(lines)


# --- quitting -------------------------------------------------------------------------------


async def quit_safely(app: App) -> bool:
    """Ctrl+Q: True when the app may quit now; otherwise the quit dialog was shown (a second
    Ctrl+Q in it keeps the typing in the recovery file and quits)."""
    from coordinator.screens.recovery_dialog import QuitDialog

    if isinstance(app.screen, QuitDialog):
        app.screen.dismiss("keep")
        return False
    await save_before_quit(app)
    typing = unsaved_typing(app)
    if not typing:
        return True
    path = recovery_path(app.store)  # type: ignore[attr-defined]

    async def chosen(choice: str | None) -> None:
        if choice == "keep":
            try:
                kept_in = await _keep_in_thread(app, unsaved_typing(app) or typing)
            except (OSError, StoreError) as exc:
                app.notify(
                    _("The recovery file could not be written: {reason}").format(reason=exc),
                    severity="error",
                    markup=False,
                )
                return
            app.exit(message=_("Unsaved typing kept in {path}").format(path=kept_in))
        elif choice == "quit":
            app.exit()

    app.push_screen(QuitDialog(summary(typing), path), chosen)
    return False


async def _keep_in_thread(app: App, typing: list[FormTyping]) -> Path | None:
    import asyncio

    store = app.store  # type: ignore[attr-defined]
    return await asyncio.to_thread(keep, store, typing, app.clock.now())  # type: ignore[attr-defined]


# --- a closed terminal, a kill --------------------------------------------------------------


def rescue(app: App, timeout: float = RESCUE_WAIT) -> Path | None:
    """Write every form's unsaved typing now (each in a thread, at most `timeout` seconds in
    all), then keep what is still unwritten in the recovery file; its path, if one was made.
    Blocks the caller: meant for a process about to exit."""
    threads = []
    for _form, _describe, saver in _savers(app):
        thread = threading.Thread(target=_flush_quietly, args=(saver,), daemon=True)
        thread.start()
        threads.append(thread)
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    typing = unsaved_typing(app)
    if not typing:
        return None
    try:
        return keep(app.store, typing, app.clock.now())  # type: ignore[attr-defined]
    except (OSError, StoreError):
        return None


def _flush_quietly(saver: Autosave) -> None:
    with contextlib.suppress(StoreError):
        saver.flush()


def install_signal_handlers(app: App) -> None:
    """SIGHUP and SIGTERM save before the app exits (on the app's event loop)."""
    import asyncio

    loop = asyncio.get_running_loop()
    for signum in SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, _stopped, app, signum)


def remove_signal_handlers() -> None:
    import asyncio

    with contextlib.suppress(RuntimeError):
        loop = asyncio.get_running_loop()
        for signum in SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(signum)


def _stopped(app: App, signum: int) -> None:
    """Told to stop: save, keep the rest, exit (and make sure of it, whatever the terminal
    does)."""
    remove_signal_handlers()  # a second signal takes the default way out
    threading.Thread(target=_exit_later, args=(128 + signum,), daemon=True).start()
    rescue(app)
    app.exit(return_code=128 + signum)


def _exit_later(code: int) -> None:
    time.sleep(RESCUE_WAIT + EXIT_AT_THE_LATEST)
    os._exit(code)


# --- the next start -------------------------------------------------------------------------


def offer_recovery(app: App) -> None:
    """At start: a recovery file left by an earlier run is offered for restoring (read in a
    worker; the offer waits for nothing)."""

    def look() -> None:
        found = kept(app.store)  # type: ignore[attr-defined]
        if found is not None:
            app.call_from_thread(_offer, app, found)

    app.run_worker(look, thread=True, group="recovery", exit_on_error=False)


def _offer(app: App, found: object) -> None:
    """Show the offer; once answered, the app goes on to the day it was about to open (it
    waits behind the offer: `CoordinatorApp.recovery_answered`)."""
    from coordinator.screens.recovery_dialog import RestoreDialog

    def answered(_result: object) -> None:
        done = getattr(app, "recovery_answered", None)
        if done is not None:
            done()

    app.push_screen(RestoreDialog(found), callback=answered)  # type: ignore[arg-type]


def only_offers_above(stack: list[Screen], first: Screen) -> bool:
    """`first` is in `stack` with nothing above it but the recovery offer: the user has not
    gone anywhere yet, the offer only asks before the app goes on."""
    from coordinator.screens.recovery_dialog import RestoreDialog

    if first not in stack:
        return False
    above = stack[stack.index(first) + 1 :]
    return bool(above) and all(isinstance(screen, RestoreDialog) for screen in above)
