"""Crash reports and the developers' log hold where an error happened, never what it was about
(issue 20, items 5 and 12): no exception message, no local variables."""

from __future__ import annotations

import stat

from rich.console import Console

from coordinator.crash import crash_report, describe, log_error

SECRET = "4321-091010 neskirE sdaM"[::-1]  # not in the source as shown in a traceback


def _fail() -> None:
    citizen = SECRET  # a local variable a traceback with show_locals would print
    raise ValueError(f"The row with index 1 is too high: {citizen}")


def _caught() -> ValueError:
    try:
        try:
            _fail()
        except ValueError as inner:
            raise RuntimeError(SECRET) from inner
    except RuntimeError as error:
        return error  # type: ignore[return-value]
    raise AssertionError


def test_the_log_has_types_and_frames_only(isolated_environment) -> None:
    error = _caught()
    text = describe(error)
    assert "builtins.ValueError" in text and "builtins.RuntimeError" in text
    assert "test_crash.py" in text and "in _fail" in text
    assert SECRET not in text and "too high" not in text
    path = log_error(error, "worker")
    assert path is not None and SECRET not in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_crash_report_has_no_locals_and_no_message() -> None:
    error = _caught()
    console = Console(width=120, record=True, color_system=None)
    console.print(crash_report(type(error), error, error.__traceback__))
    shown = console.export_text()
    assert "_fail" in shown and "ValueError" in shown
    assert "Eriksen" not in shown and "010190" not in shown  # no message, no locals
    assert "(message not shown" in shown or "beskeden vises ikke" in shown
