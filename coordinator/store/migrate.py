"""Schema migrations through Alembic: the only way the schema is created or changed.

The Alembic environment ships inside the package (`store/migrations`), so an installed app can
upgrade a user's database on open. `alembic.ini` at the repository root points at the same
folder for developers who write new revisions (`alembic revision --autogenerate -m ...`).
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from coordinator.i18n import _
from coordinator.store.engine import opened_read_only
from coordinator.store.errors import CannotOpen
from coordinator.store.revisions import MIGRATIONS_DIR, shipped_revisions  # noqa: F401 - used here


def _config(engine: Engine):  # noqa: ANN202 - alembic is imported lazily
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest revision id shipped with this version of the app (asks Alembic)."""
    from alembic.script import ScriptDirectory

    config = _config(None)  # type: ignore[arg-type]
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to `revision` (head by default); a no-op when already there."""
    from alembic import command

    command.upgrade(_config(engine), revision)


class DatabaseTooNew(CannotOpen):
    """The database was written by a newer version of the app than this one."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            _(
                "the database was written by a newer version of the app (revision {rev}); "
                "update the app"
            ).format(rev=revision)
        )
        self.revision = revision


class NotOurDatabase(CannotOpen):
    """The file is a database, but another program's: migrating it would mix our tables in."""


def _refuse_foreign_schema(engine: Engine) -> None:
    """Refuse a database that has tables but no revision of ours, before anything is written
    (SQLite commits DDL at once, so a failed migration would leave `alembic_version` behind)."""
    tables = sorted(name for name in inspect(engine).get_table_names() if name != "alembic_version")
    if tables:
        raise NotOurDatabase(
            _(
                "this is not a step-up coordinator database (it holds other tables: {tables}); "
                "give the path of the coordinator's database or a new file"
            ).format(tables=", ".join(tables[:5]) + (" …" if len(tables) > 5 else ""))
        )


def ensure_current(engine: Engine) -> bool:
    """Upgrade the database if it is behind; return True when an upgrade ran.

    Checked cheaply first (one SELECT against the head read from the migration files) so that
    opening an up-to-date database does not pay for importing Alembic at start-up.
    """
    current = current_revision(engine)
    if current is None:
        _refuse_foreign_schema(engine)
    known, head = shipped_revisions()
    if head is not None and current == head:
        return False
    if current is not None and current not in known:
        raise DatabaseTooNew(current)
    if opened_read_only(engine):
        # Viewing a read-only file is fine; upgrading it would need to write it.
        raise CannotOpen(
            _(
                "the database is read-only and was written by an older version of the app: it "
                "cannot be upgraded read-only (make it writable, or open a copy)"
            )
        )
    upgrade(engine)
    return True
