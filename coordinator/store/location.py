"""Where the database is: the default file, and the URL that `--db` or `COORDINATOR_DB` names.

Apart from the engine (which imports SQLAlchemy) because the first look at today's agenda
(`store.day_glance`) must find the file before SQLAlchemy has loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "stepup-coordinator"
#: How a URL names a SQLite file (`sqlite:///relative` or `sqlite:////absolute`).
SQLITE_FILE_PREFIX = "sqlite:///"


def default_db_path() -> Path:
    """The default database file in the user data folder (created on first use)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "coordinator.db"


def resolve_url(db: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL from `--db`: a URL is kept, a path becomes `sqlite:///<absolute path>`,
    nothing means `COORDINATOR_DB` or the default file."""
    chosen = str(db) if db else os.environ.get("COORDINATOR_DB", "")
    if not chosen:
        return f"{SQLITE_FILE_PREFIX}{default_db_path()}"
    if "://" in chosen:
        return chosen
    return f"{SQLITE_FILE_PREFIX}{Path(chosen).expanduser().resolve()}"


def plain_sqlite_file(db: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file `--db` names when the URL is nothing but a file's path (no driver, no
    query, not in memory), else None: a server, or anything the engine must read itself."""
    url = resolve_url(db)
    if not url.startswith(SQLITE_FILE_PREFIX):
        return None
    path = url.removeprefix(SQLITE_FILE_PREFIX)
    if not path or path == ":memory:" or "?" in path:
        return None
    return Path(path)
