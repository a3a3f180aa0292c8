"""The `coordinator` command's entry: open the app without loading the command line first.

`coordinator` with nothing but global options (`--db`, `--lang`, `--today`) opens the TUI,
and that is what a coordinator runs every morning. Reading those few options here spares
importing Typer and registering every command (a fifth of a second) before the first frame.
Anything this reader is not sure of (a command, another option, a value it cannot read,
`--help`, encryption) goes to the Typer app (`coordinator.cli`), which answers it as before:
the command line's contract stays in one place, and this is only a shortcut to it.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import Any

#: The global options a plain open may carry (DESIGN.md's CLI contract).
GLOBAL_OPTIONS = ("--db", "--lang", "--today")


class Settings:
    """What the global options chose; commands read it from the Click context."""

    def __init__(self, db: str | None, lang: str, clock: Any = None, encrypt: bool = False) -> None:
        self.db = db
        self.lang = lang
        #: None means the wall clock; tests pass a fixed clock as the Click context's `obj`.
        self.clock = clock
        #: Open the SQLite file through SQLCipher (`--encrypt`, cli/encryption.py).
        self.encrypt = encrypt

    def open_store(self):  # noqa: ANN201 - Store; imported lazily
        """The store; a database that cannot be opened is a `CannotOpen` (a StoreError), which
        the group prints as one line."""
        from coordinator.store.database import Store

        if self.encrypt:
            from coordinator.cli.encryption import open_encrypted

            return open_encrypted(self)
        return Store.open(self.db, clock=self.clock)

    def glance(self, wanted: date, today: date):  # noqa: ANN201 - a DayModel; imported lazily
        """Today's agenda read with `sqlite3` alone (`store.day_glance`), for the first frame
        while the store loads; None for an encrypted or server database."""
        if self.encrypt:
            return None
        from coordinator.store.day_glance import first_look

        return first_look(self.db, wanted, today)


def open_tui(settings: Settings, store=None) -> None:  # noqa: ANN001 - Store, lazily typed
    """Run the Textual app on the chosen database (imports Textual only now).

    Without a store the app opens it in a worker behind its first frame, and a database that
    cannot be opened is raised here once the app has closed, as if opened before it; an
    encrypted file is opened first (its passphrase is asked on the terminal)."""
    from coordinator.app import CoordinatorApp

    if store is None and settings.encrypt:
        store = settings.open_store()
    if store is not None:
        CoordinatorApp(store=store, language=settings.lang).run()
        return
    app = CoordinatorApp(
        opener=settings.open_store,
        language=settings.lang,
        clock=settings.clock,
        glance=settings.glance,
    )
    app.run()
    if app.open_error is not None:
        raise app.open_error


def plain_open(argv: list[str]) -> dict[str, str] | None:
    """The global options of a command line that only opens the app, or None for anything
    else (a command, `--help`, an unknown or repeated option, a missing value)."""
    found: dict[str, str] = {}
    index = 0
    while index < len(argv):
        name, equals, value = argv[index].partition("=")
        if name not in GLOBAL_OPTIONS or name in found:
            return None
        if not equals:
            index += 1
            if index >= len(argv):
                return None
            value = argv[index]
        if value.startswith("-"):
            return None
        found[name] = value
        index += 1
    return found


def _settings(options: dict[str, str]) -> Settings | None:
    """The settings of a plain open, or None when a value needs the command line's own
    message (an unknown language, a date it cannot read)."""
    from coordinator.i18n import LANGUAGES

    lang = options.get("--lang", os.environ.get("COORDINATOR_LANG", "da"))
    if lang not in LANGUAGES:
        return None
    today = options.get("--today", os.environ.get("COORDINATOR_TODAY") or None)
    clock = None
    if today:
        from coordinator.domain.clock import ShiftedClock, SystemClock
        from coordinator.domain.clock_entry import EntryError, read_iso_date

        try:
            clock = ShiftedClock(SystemClock(), read_iso_date(today))
        except EntryError:
            return None
    return Settings(options.get("--db"), lang, clock=clock)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `coordinator` script and of `python -m coordinator`."""
    args = sys.argv[1:] if argv is None else argv
    options = plain_open(args)
    settings = None
    if options is not None and not os.environ.get("COORDINATOR_ENCRYPT"):
        settings = _settings(options)
    if settings is None:
        from coordinator.cli import app

        if argv is None:
            app()  # Click names the program from sys.argv, as it always did
        else:
            app(args=argv, prog_name="coordinator")
        return
    from coordinator.i18n import set_language
    from coordinator.store.errors import StoreError

    set_language(settings.lang)
    try:
        open_tui(settings)
    except StoreError as exc:  # as the command line's group says it: one line, status 1
        print(f"coordinator: {exc.message}", file=sys.stderr)
        sys.exit(1)
