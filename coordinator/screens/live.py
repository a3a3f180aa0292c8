"""Screens that show shared data follow changes made elsewhere (another laptop on the same
PostgreSQL, a second instance on the same SQLite file) within about two seconds, without a key
press: once a second a worker asks the store's `ChangeWatcher` whether anything was written,
and the screen reloads what it shows when it was.

The question runs in a thread (a server that is away must not stall the clock), only while the
screen is the one shown (a screen coming back reloads anyway), and never while the screen's
own read or write is under way. Reloading keeps the cursor where it was (each screen's load
already does) and never touches a field being typed in.
"""

from __future__ import annotations

import threading

from textual import on
from textual.message import Message
from textual.screen import Screen

from coordinator.store.changes import ChangeWatcher
from coordinator.store.database import Store

#: Seconds between two looks: a change shows within about twice this.
LOOK_EVERY = 1.0


class ChangedElsewhere(Message):
    """Something was written to the database since the screen last looked."""


class LiveScreen(Screen):  # type: ignore[type-arg] - a mixin base for AppScreens
    """Mix in before `AppScreen`; call `follow_changes()` in `on_mount` before the first load,
    call `before_reading()` in the read thread before reading, and say in `reload_changed` how
    to reload (`busy_with_store` says when not to).

    Why before reading: a change committed between the screen's read and the watcher's first
    look would otherwise be taken as already shown, and never appear."""

    _watcher: ChangeWatcher | None = None
    _asking = False

    def follow_changes(self, store: Store) -> None:
        self._watcher = ChangeWatcher(store)
        self.set_interval(LOOK_EVERY, self._look)

    def before_reading(self) -> None:
        """Called from the read thread: what is committed now, the read will show."""
        if self._watcher is not None:
            self._watcher.changed()

    @property
    def busy_with_store(self) -> bool:
        """True while the screen's own read or write runs (then a look would only see it)."""
        return False

    def _look(self) -> None:
        if self._watcher is None or not self.is_current or self.busy_with_store:
            return
        if self._asking:
            return  # the previous look is still waiting for a slow server
        self._asking = True
        watcher = self._watcher

        def ask() -> None:
            try:
                if watcher.changed():
                    self.post_message(ChangedElsewhere())
            finally:
                self._asking = False

        self.run_worker(ask, thread=True, group="changes", name="look for changes")

    @on(ChangedElsewhere)
    def _changed(self, event: ChangedElsewhere) -> None:
        event.stop()
        if self.is_current and not self.busy_with_store:
            self.reload_changed()

    def reload_changed(self) -> None:
        """Reload what the screen shows (each live screen says how)."""

    def on_unmount(self) -> None:
        """Close the watcher off the event loop: it waits for a look under way (a server that
        is slow to answer must not hold up leaving the screen)."""
        if self._watcher is not None:
            threading.Thread(target=self._watcher.close, name="close watcher", daemon=True).start()
