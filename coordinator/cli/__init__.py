"""The `coordinator` command line (Typer): the contract in DESIGN.md.

`coordinator` alone (global options only) opens the app through `coordinator.launch` without
importing this module; `Settings` and `open_tui` live there and are the same here. Only Typer
is imported here; each command imports the store (SQLAlchemy) when it runs and the
TUI (Textual) only when the app opens, so `coordinator --help` stays fast. User errors raised
by the store become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from coordinator.cli.help_language import install as install_help_language
from coordinator.cli.lazy import LazyCommands
from coordinator.i18n import LANGUAGES, _, set_language
from coordinator.launch import Settings, open_tui

__all__ = ["Settings", "UserError", "app", "main", "open_tui", "print_json", "settings_of"]


class UserError(Exception):
    """A mistake in the command line's input (bad time, unknown choice)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CoordinatorGroup(TyperGroup):
    """Turns user errors from any sub-command into one clear line and exit status 1.

    A date, time, break or length typed wrong (`EntryError` from `domain.clock_entry`, the one
    reader of them) is such an error too, so commands call those readers directly. Every
    parameter of every command is checked against the bounds of domain/limits.py as it is
    parsed (cli/bounds.py), so a value out of bounds is such an error too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from coordinator.cli.bounds import install

        install(self)  # the global options; each command gets its checks as it is built
        self.commands = LazyCommands(on_load=install, extra=self.commands)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Every command with its line of help, from the registry (cli/lazy.py): listing
        them builds none of them."""
        commands = self.commands
        assert isinstance(commands, LazyCommands)
        names = list(commands)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        with formatter.section(_("Commands")):
            formatter.write_dl([(name, commands.short_help(name, limit)) for name in names])

    def invoke(self, ctx: Any) -> Any:
        from coordinator.domain.clock_entry import EntryError
        from coordinator.store.errors import StoreError

        try:
            return super().invoke(ctx)
        except (StoreError, UserError) as exc:
            echo(f"coordinator: {one_line(exc.message)}", err=True)
            raise typer.Exit(1) from None
        except EntryError as exc:
            echo(f"coordinator: {one_line(str(exc))}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=CoordinatorGroup,
    help="Plan and run step-up days, and draft each citizen's agreement live.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        metavar="PATH|URL",
        help="Database file or URL (default: COORDINATOR_DB or the user data folder).",
    ),
    lang: str = typer.Option(
        os.environ.get("COORDINATOR_LANG", "da"),
        "--lang",
        metavar="da|en",
        help="Language: da or en.",
    ),
    today: str | None = typer.Option(
        os.environ.get("COORDINATOR_TODAY") or None,
        "--today",
        metavar="DATE",
        help="Act as if today were DATE (also COORDINATOR_TODAY): demos and tests.",
    ),
    encrypt: bool = typer.Option(
        False,
        "--encrypt",
        envvar="COORDINATOR_ENCRYPT",
        help="Open the SQLite file encrypted (SQLCipher; also COORDINATOR_ENCRYPT=1).",
    ),
) -> None:
    """Open the app on today's step-up day, or run a command."""
    if lang not in LANGUAGES:
        echo(f"coordinator: unknown language {lang!r}; use da or en", err=True)
        raise typer.Exit(2)
    set_language(lang)
    ctx.obj = Settings(
        db, lang, clock=_clock(getattr(ctx.obj, "clock", None), today), encrypt=encrypt
    )
    if ctx.invoked_subcommand is None:
        open_tui(ctx.obj)


def _clock(preset: Any, today: str | None) -> Any:  # noqa: ANN401 - a Clock, lazily typed
    """The clock of this run: the preset one (tests) or the wall clock, moved to `--today`."""
    if not today:
        return preset
    from coordinator.domain.clock import ShiftedClock, SystemClock
    from coordinator.domain.clock_entry import EntryError, read_iso_date

    try:
        day = read_iso_date(today)
    except EntryError as exc:
        echo(f"coordinator: --today: {exc}", err=True)
        raise typer.Exit(2) from None
    return ShiftedClock(preset or SystemClock(), day)


def settings_of(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def print_json(document: object) -> None:
    """One JSON document on stdout and nothing else. JSON escapes the C0 controls itself; the
    C1 controls (which some terminals obey like ESC) and the bidi overrides are escaped too."""
    import json

    text = json.dumps(document, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(_C1_AND_BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


_C1_AND_BIDI = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def echo(message: object = "", err: bool = False, nl: bool = True) -> None:
    """`typer.echo` of text that may hold stored user text: every control character is shown
    as a visible symbol (domain/text.py `printable`), so nothing printed can drive the
    terminal. Every command prints its text through this."""
    from coordinator.domain.text import printable

    typer.echo(printable(str(message)), err=err, nl=nl)


def one_line(message: str) -> str:
    """An error message as the one line the contract promises (a message quoting user text
    may hold a line break)."""
    return " ".join(message.split("\n"))


install_help_language()  # help texts in the run's language, whenever a help is shown


def main() -> None:
    """Entry point of the `coordinator` script."""
    app()
