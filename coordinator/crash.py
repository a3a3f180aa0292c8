"""What an unexpected error leaves behind: a log entry for the developers and a short crash
report, neither holding personal data.

An exception's message and a frame's local variables can hold anything the app was handling: a
citizen's words, a name, a CPR number. So the log and the crash report keep only what says
*where* it went wrong: the exception's type (and those of its causes) and each frame's file,
line and function. The source lines Rich shows are the app's code, never data.

Standard library and Rich only (no Textual, no store): the app and the CLI can both use it.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from coordinator.i18n import _

if TYPE_CHECKING:
    from rich.traceback import Traceback

#: The log file's name in the user's log folder.
LOG_NAME = "errors.log"
#: Only the newest entries are kept (the file never grows without bound).
KEEP_BYTES = 256 * 1024


def log_path() -> Path:
    """The developers' error log: the user's log folder of the app (private to the user)."""
    from platformdirs import user_log_path

    from coordinator.store.engine import APP_NAME

    return user_log_path(APP_NAME, appauthor=False) / LOG_NAME


def _chain(error: BaseException) -> list[BaseException]:
    """The error and its causes, the first raised first (as Python prints them)."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain[::-1]


def describe(error: BaseException) -> str:
    """The type of `error` and where it happened, without its message or any value."""
    lines: list[str] = []
    for link in _chain(error):
        kind = type(link)
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    """A file name relative to the package or site-packages (no home folder, no user name)."""
    path = filename.replace(os.sep, "/")
    for marker in ("/site-packages/", "/coordinator/"):
        if marker in path:
            head = "coordinator/" if marker == "/coordinator/" else ""
            return head + path.rsplit(marker, 1)[1]
    return Path(filename).name


def log_error(error: BaseException, where: str = "") -> Path | None:
    """Append `error` (type and frames only) to the developers' log; its path, or None when
    the log cannot be written (a crash report must never crash)."""
    path = log_path()
    entry = f"{datetime.now():%Y-%m-%d %H:%M:%S} {where or 'app'}\n{describe(error)}\n\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(entry)
        if path.stat().st_size > KEEP_BYTES:
            kept = path.read_bytes()[-KEEP_BYTES // 2 :]
            path.write_bytes(kept[kept.find(b"\n\n") + 2 :])
    except OSError:
        return None
    return path


def one_line(error: BaseException, logged: Path | None) -> str:
    """What the user is told about an error that stopped one task, not the app."""
    name = type(error).__name__
    if logged is None:
        return _("An internal error ({error}) stopped this task; the app goes on.").format(
            error=name
        )
    return _(
        "An internal error ({error}) stopped this task; the app goes on. The developers' "
        "log (no personal data): {path}"
    ).format(error=name, path=logged)


def crash_report(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> Traceback:
    """A Rich traceback for the terminal's scrollback: frames and code, no local variables,
    and every exception's message replaced by a pointer to the log. Rich's traceback (and
    Pygments with it) is imported only now: some 12 ms off every start's first frame."""
    from rich.traceback import Trace, Traceback

    trace: Trace = Traceback.extract(kind, error, tb, show_locals=False)
    hidden = _("(message not shown: it may hold personal data)")
    for stack in trace.stacks:
        stack.exc_value = hidden
        stack.notes = []
        stack.syntax_error = None
    return Traceback(trace, show_locals=False, width=None, max_frames=20)
