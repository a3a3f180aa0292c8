"""A municipality's own templates render in a child process with limits.

Jinja's sandbox keeps a template away from Python's internals, but not from time and memory:
nested loops can run for hours and one string can take gigabytes. So a template from the
user's folder renders in a child process (`python -m coordinator.export.template_child`) that
stops itself after `SECONDS` (SIGALRM, raised inside the template so the message has its
line), may not grow by more than `MEMORY` bytes, and may not write more than
`environment.MAX_CHARS`; the parent kills it if it does not answer in time. Whatever goes wrong
comes back as one `TemplateProblem` naming the template (and line, where there is one), which
the CLI prints as one line and the app's export shows as one line.

The request and the answer travel as pickles over the child's stdin and stdout: both ends are
this package, never the user's data from elsewhere.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from coordinator.export.environment import Flavour, TemplateProblem
from coordinator.i18n import _, current_language

#: How long a template may render (seconds of wall time in the child).
SECONDS = 10.0
#: How much memory the child may add to what it uses once started (bytes).
MEMORY = 768 * 1024 * 1024
#: How long the child may take to start before the render's own clock runs (a loaded machine).
_START = 30.0


def render_in_child(name: str, context: dict[str, object], flavour: Flavour, user_dir: str) -> str:
    """`environment.render_here` in a bounded child process."""
    return _run(name, ("text", name, context, flavour, user_dir))


def docx_in_child(name: str, context: dict[str, Any], templates_dir: str) -> bytes:
    """`docx.agreement_docx` of a user's Word template in a bounded child process."""
    return _run(name, ("docx", name, context, templates_dir))


def _run(name: str, request: tuple[Any, ...]) -> Any:  # noqa: ANN401 - text or bytes
    payload = pickle.dumps((current_language(), SECONDS, MEMORY, request))
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "coordinator.export.template_child"],
            input=payload,
            capture_output=True,
            timeout=SECONDS + _START,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed it
        raise _too_slow(name) from None
    try:
        kind, value = pickle.loads(done.stdout)
    except Exception:  # noqa: BLE001 - a child that died (killed for memory) says nothing
        raise TemplateProblem(
            _("Template {name} could not be rendered: it needs too much memory or time.").format(
                name=name
            )
        ) from None
    if kind == "problem":
        raise TemplateProblem(value)
    return value


def _too_slow(name: str) -> TemplateProblem:
    return TemplateProblem(
        _(
            "Template {name} takes longer than {seconds:g} seconds (a loop that never ends?); "
            "nothing was written."
        ).format(name=name, seconds=SECONDS)
    )


class _TimeUp(Exception):
    """Raised by the alarm inside the template's own code."""


def _limit(seconds: float, memory: int) -> None:
    """Bound this (child) process: an alarm after `seconds`, an address space `memory` larger
    than now (where the platform has them)."""
    import signal

    if hasattr(signal, "setitimer"):

        def alarm(_signum: int, _frame: object) -> None:
            raise _TimeUp

        signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            now = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = now + memory
        if hard == resource.RLIM_INFINITY or wanted < hard:
            resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ImportError, OSError, ValueError):
        pass  # no such limit here: the time limit and the size count still hold


def _answer(request: tuple[Any, ...], seconds: float, memory: int) -> tuple[str, Any]:
    from coordinator.export.environment import MAX_CHARS, render_here, template_problem

    kind, name, *rest = request
    work: Callable[[], Any]
    if kind == "text":
        context, flavour, user_dir = rest
        work = lambda: render_here(name, context, flavour, user_dir, max_chars=MAX_CHARS)  # noqa: E731
    else:
        from coordinator.export.docx import render_docx

        context, templates_dir = rest
        work = lambda: render_docx(context, templates_dir)  # noqa: E731
    _limit(seconds, memory)
    try:
        return "ok", work()
    except TemplateProblem as exc:
        cause = exc.__context__
        if isinstance(cause, _TimeUp):
            return "problem", _timed_out(exc, name, seconds)
        return "problem", exc.message
    except _TimeUp as exc:
        return "problem", _timed_out(template_problem(exc, name), name, seconds)
    except Exception as exc:  # noqa: BLE001 - MemoryError and the like: one line, not a crash
        return "problem", template_problem(exc, name).message
    finally:
        import signal

        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)


def _timed_out(found: TemplateProblem, name: str, seconds: float) -> str:
    """The time limit's message, with the line the template was at when time ran out."""
    where = found.message.split(":", 1)[0]
    if where.endswith("?") or "," not in where:
        where = _("Template {name}").format(name=name)
    return _("{where}: takes longer than {seconds:g} seconds (a loop that never ends?)").format(
        where=where, seconds=seconds
    )


def main() -> None:
    """The child: read one request on stdin, answer on stdout."""
    from coordinator.i18n import set_language

    language, seconds, memory, request = pickle.loads(sys.stdin.buffer.read())
    set_language(language)
    answer = _answer(request, seconds, memory)
    sys.stdout.buffer.write(pickle.dumps(answer))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
