"""The day screen's writer: changes of the day stored in the order they were made, off the
event loop, by one worker thread at a time.

Kept apart from the screen because it is the only part that runs in another thread and shares
state with it (a queue under a lock), and because a locked database must never reach the UI:
a change waits here (up to the store's busy timeout) while every key keeps working, and `busy`
tells the screen when to say so. The reads of the day are numbered here too, as the writer reads
the day again once its changes are stored and an older read must never replace a newer one.

Nothing here imports Textual: the screen starts `write_all` in a thread worker and hears back
through the two callbacks it gives (`written`, `failed`), which post its messages.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from itertools import count
from time import monotonic
from typing import TYPE_CHECKING

from coordinator.i18n import _
from coordinator.store.day_model import DayModel, day_model, stamped
from coordinator.store.errors import StoreError, Unavailable

if TYPE_CHECKING:
    from coordinator.domain.clock import Clock
    from coordinator.store.database import Store

#: A write still waiting after this long is reported: the database is busy.
SLOW_WRITE = 1.0

#: Numbers every read of the day, so an older read never replaces a newer one.
_reads = count(1)


def read_day(store: Store, clock: Clock, day_id: int) -> tuple[DayModel, int]:
    """Read the day (in a worker thread), numbered."""
    read = next(_reads)
    return day_model(store, day_id, clock.now()), read


@dataclass(frozen=True)
class QueuedChange:
    """A change of the day for the writer thread: `write` does it with the store."""

    case_id: int | None
    write: Callable[[Store], object]
    #: When it was made: the time the store stamps it with, however late it gets written.
    made: datetime


class DayWriter:
    """The queue of a day's changes and the writer thread's loop that stores them.

    `written(model, read)` gets the day read after the last queued change was stored;
    `failed(message)` a one-line message for the user (empty when the writer only says it
    stopped without a fresh read of the day). Both are called from the writer thread."""

    def __init__(
        self,
        written: Callable[[DayModel, int], object],
        failed: Callable[[str], object],
    ) -> None:
        self._written = written
        self._failed = failed
        self._queue: deque[QueuedChange] = deque()
        self._lock = threading.Lock()
        #: A writer thread runs (or is about to): not every change made is stored yet.
        self.writing = False
        #: When the change being written started (monotonic), read by `busy`.
        self._started: float | None = None

    @property
    def busy(self) -> bool:
        """The change being written has waited longer than `SLOW_WRITE`: the database is
        locked by another program."""
        started = self._started
        return started is not None and monotonic() - started > SLOW_WRITE

    def submit(self, change: QueuedChange) -> bool:
        """Queue a change. True when no writer thread runs: the caller starts `write_all` in
        one."""
        with self._lock:
            self._queue.append(change)
            start = not self.writing
            self.writing = True
        return start

    def write_all(self, store: Store, clock: Clock, day_id: int) -> None:
        """The writer thread: store the queued changes one by one, then read the day again.

        A locked database makes a change wait (up to the store's busy timeout) while the UI
        goes on; when the store gives up (`Unavailable`), the changes queued after it are
        dropped as well (they were made expecting it) and the user is told in one line."""
        while True:
            while True:
                with self._lock:
                    if not self._queue:
                        break
                    change = self._queue.popleft()
                self._started = monotonic()
                try:
                    change.write(stamped(store, change.made))
                except Unavailable as exc:
                    with self._lock:
                        dropped = len(self._queue)
                        self._queue.clear()
                    message = exc.message
                    if dropped:
                        message += " " + _("{count} more changes were not saved.").format(
                            count=dropped
                        )
                    self._failed(message)
                except StoreError as exc:
                    self._failed(exc.message)
                finally:
                    self._started = None
            try:
                model, read = read_day(store, clock, day_id)
            except StoreError as exc:
                model, read = None, 0
                self._failed(exc.message)
            with self._lock:
                if self._queue:
                    continue
                self.writing = False
            if model is not None:
                self._written(model, read)
            else:
                self._failed("")
            return
