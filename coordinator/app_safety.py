"""What the app does with an error nobody expected: a task fails, the meeting goes on.

An exception in a worker (an export, a read, a save) is logged for the developers (type and
frames only, `coordinator/crash.py`) and told in one line; the app keeps running. Any other
unexpected exception still ends the app (its state can no longer be trusted), but the crash
report left in the terminal's scrollback has no local variables and no exception message:
nothing a citizen said can end up there.
"""

from __future__ import annotations

import sys

from rich.segment import Segments
from textual.app import App
from textual.worker import WorkerFailed

from coordinator.crash import crash_report, log_error, one_line


class SafeErrors(App):
    """Mixed into the app before `App`: Textual's error handling, without the data."""

    def _handle_exception(self, error: Exception) -> None:
        if isinstance(error, WorkerFailed):
            failed = error.error
            logged = log_error(failed, "worker")
            self.notify(one_line(failed, logged), severity="error", timeout=30, markup=False)
            self.bell()
            return
        log_error(error, "app")
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Textual's crash screen, with `show_locals` off and the messages hidden."""
        kind, error, tb = sys.exc_info()
        if error is None:
            error = self._exception
            kind, tb = type(error), getattr(error, "__traceback__", None)
        self.bell()
        if error is not None and kind is not None:
            report = crash_report(kind, error, tb)
            self._exit_renderables.append(
                Segments(self.console.render(report, self.console.options))
            )
        self._close_messages_no_wait()
