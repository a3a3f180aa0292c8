"""Every command's options checked against the bounds of `domain/limits.py` as they are parsed.

Typer turns `99999999999999999999` into a Python int without complaint; SQLite then raised
`OverflowError` and PostgreSQL `DataError`, as tracebacks. Rather than a check in each of the
commands (and the next command forgetting it), the root group installs one callback on every
parameter of every command when the command tree is built (`install`): whole numbers must fit
the database (and lengths in minutes, months and counts their own sane range), and text must
not exceed the longest field the store takes, nor a path the longest path. A value out of
bounds is a `UserError`, which the root group prints as one line with exit status 1.

Text is cleaned of control characters here (a NAME to one line), and again by the store's edge
(store/bounds.py), which the CSV import and the dialogs pass too; a path with control
characters is refused rather than changed.

`install` runs whenever a command is built, so this module imports its checks (the domain's
limits and text, the catalogs) only when a value is checked: `coordinator --help` checks none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: What Python makes of bytes on the command line that are not UTF-8 (surrogateescape).
_NOT_UTF8 = re.compile("[\ud800-\udfff]")


def number_range(name: str) -> tuple[int, int]:
    """The range of a whole-number option: some have a range of their own (by parameter
    name); the others (ids) are 0 or more and fit 64 bits."""
    from coordinator.domain import limits

    return {
        "pre_minutes": (limits.MIN_MINUTES, limits.MAX_MINUTES),
        "meeting_minutes": (limits.MIN_MINUTES, limits.MAX_MINUTES),
        "older_than": (1, limits.MAX_MONTHS),
        "count": (1, 1_000),
        "position": (1, 10_000),
    }.get(name, (0, limits.MAX_ID))


def install(command: Any) -> None:  # noqa: ANN401 - a Click command or group
    """Put the bounds check in front of every parameter of `command` and its sub-commands."""
    for sub in getattr(command, "commands", {}).values():
        install(sub)
    for parameter in getattr(command, "params", ()):
        if getattr(parameter, "_bounded", False):
            continue
        parameter.callback = _bounded(parameter.callback)
        parameter._bounded = True


def _bounded(callback: Callable[..., Any] | None) -> Callable[..., Any]:
    def check(ctx: Any, parameter: Any, value: Any) -> Any:  # noqa: ANN401 - any option's value
        if isinstance(value, bool) or value is None:
            pass  # nothing to check (`--help`, a flag, an option not given)
        elif isinstance(value, list | tuple):
            value = type(value)(check_value(parameter, one) for one in value)
        else:
            value = check_value(parameter, value)
        return callback(ctx, parameter, value) if callback is not None else value

    return check


def check_value(parameter: Any, value: object) -> object:  # noqa: ANN401 - a Click parameter
    """`value` (one value of `parameter`) with its text cleaned of control characters (a
    NAME on one line); `UserError` when it is out of bounds."""
    from coordinator.cli import UserError
    from coordinator.domain import limits
    from coordinator.domain.text import clean_line, clean_text, has_controls
    from coordinator.i18n import _

    name = parameter.name or ""
    shown = _shown(parameter)
    try:
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int):
            low, high = number_range(name)
            limits.check_number(value, shown, low, high)
        elif isinstance(value, Path):
            limits.check_path(str(value), shown)
            if has_controls(str(value)):
                raise UserError(_("{what} contains control characters.").format(what=shown))
        elif isinstance(value, str):
            limits.check_length(value, limits.MAX_TEXT, shown)
            if _NOT_UTF8.search(value):
                raise UserError(_("{what} is not UTF-8 text.").format(what=shown))
            one_line = (parameter.metavar or "").startswith("NAME")
            return clean_line(value) if one_line else clean_text(value)
    except limits.OutOfBounds as exc:
        raise UserError(str(exc)) from None
    return value


def _shown(parameter: Any) -> str:  # noqa: ANN401 - a Click parameter
    """How the user wrote the parameter: `--meeting-minutes`, or CASE_ID for an argument."""
    opts = [o for o in getattr(parameter, "opts", ()) if o.startswith("--")]
    return opts[0] if opts else (parameter.metavar or (parameter.name or "").upper())
