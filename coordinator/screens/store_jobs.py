"""A screen's changes of the store, written off the event loop one after another.

The roster and the people directory change the store on a key press. Each change is a job run
by a thread worker; the jobs of a screen run in the order the keys were pressed, by one worker
at a time (a second press never overtakes the first, and a locked database makes them wait
there, not on the event loop). A job's result goes to its `then` on the event loop; a
`StoreError` is told in one line and the job's `then` is not called. When the queue is empty,
`finished` runs on the event loop (the screen reads what the store now holds).
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from textual.widget import Widget

from coordinator.store.errors import StoreError

Job = Callable[[], Any]
Then = Callable[[Any], object] | None


class StoreJobs:
    """The queue of one screen's store changes and the worker that writes them in order."""

    def __init__(self, node: Widget, group: str, finished: Callable[[], object]) -> None:
        self._node = node
        self._group = group
        self._finished = finished
        self._queue: deque[tuple[Job, Then]] = deque()
        self._lock = threading.Lock()
        #: A worker runs (or is about to): not every change made is stored yet.
        self.writing = False

    def submit(self, job: Job, then: Then = None) -> None:
        """Queue `job` (store calls, run in a thread); `then(result)` runs on the event loop."""
        with self._lock:
            self._queue.append((job, then))
            start = not self.writing
            self.writing = True
        if start:
            self._start()

    def _start(self) -> None:
        self._node.run_worker(self._write_all, thread=True, group=self._group, name=self._group)

    def _write_all(self) -> None:
        """The worker: run the queued jobs one by one, then hand back to the event loop."""
        app = self._node.app
        while True:
            with self._lock:
                if not self._queue:
                    break
                job, then = self._queue.popleft()
            try:
                result = job()
            except StoreError as exc:
                self._call(app, self._node.notify, exc.message, severity="error", markup=False)
                continue
            if then is not None:
                self._call(app, then, result)
        self._call(app, self._done)

    @staticmethod
    def _call(app: Any, callback: Callable[..., object], *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        with contextlib.suppress(RuntimeError):  # the app has closed meanwhile
            app.call_from_thread(callback, *args, **kwargs)

    def _done(self) -> None:
        """On the event loop: a job queued while the worker was finishing gets a new one."""
        with self._lock:
            if self._queue:
                restart = True
            else:
                restart = False
                self.writing = False
        if restart:
            self._start()
        else:
            self._finished()
