"""Alembic environment: runs migrations on the engine the app (or a test) hands over, or on
the URL in alembic.ini / COORDINATOR_DB when a developer runs `alembic` by hand."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from coordinator.store import models  # noqa: F401 - registers the tables on SQLModel.metadata
from coordinator.store.engine import make_engine, resolve_url

config = context.config
target_metadata = SQLModel.metadata


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = make_engine(config.get_main_option("sqlalchemy.url") or resolve_url(None))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode rebuilds a SQLite table by copying it and dropping the original; with
            # foreign keys on, that drop would cascade and delete every child row (an agreement's
            # items). Off while migrating (Alembic's advice), checked before the commit.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"a migration broke references: {broken[:5]}")
            connection.commit()
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")


run_migrations()


run_migrations()
