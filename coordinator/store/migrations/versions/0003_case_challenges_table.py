"""casechallenge: a case's challenge kinds as rows, not a comma-joined string

Each kind in `case.challenges` ("health,family") becomes a row (case_id, kind); the column is
then dropped. Statistics can group by kind in SQL, and a kind is written in one form only.

The column is dropped in place (ALTER TABLE ... DROP COLUMN), never by batch mode's copy of the
table: with SQLite's foreign keys on, dropping the old `case` table would cascade and delete
every roster entry, preparation and material item of every case. SQLite has dropped columns in
place since 3.35 (2021); an older SQLite is refused before anything changes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 08:10:00
"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_case = sa.table("case", sa.column("id", sa.Integer()), sa.column("challenges", sa.String()))
_case_challenge = sa.table(
    "casechallenge", sa.column("case_id", sa.Integer()), sa.column("kind", sa.String())
)
#: The vocabulary's order (domain.vocab.ChallengeKind), for writing the string back on downgrade.
_ORDER = ("health", "family", "other")


def _require_in_place_drop() -> None:
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError(
            f"this upgrade needs SQLite 3.35 or newer (this Python has {sqlite3.sqlite_version})"
        )


def upgrade() -> None:
    _require_in_place_drop()
    op.create_table(
        "casechallenge",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "kind"),
    )
    connection = op.get_bind()
    rows = []
    for case_id, joined in connection.execute(sa.select(_case.c.id, _case.c.challenges)):
        kinds = dict.fromkeys(k.strip() for k in (joined or "").split(",") if k.strip())
        rows.extend({"case_id": case_id, "kind": kind} for kind in kinds)
    if rows:
        op.bulk_insert(_case_challenge, rows)
    op.drop_column("case", "challenges")


def downgrade() -> None:
    _require_in_place_drop()
    op.add_column(
        "case",
        sa.Column(
            "challenges", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
        ),
    )
    connection = op.get_bind()
    kinds: dict[int, list[str]] = {}
    for case_id, kind in connection.execute(
        sa.select(_case_challenge.c.case_id, _case_challenge.c.kind)
    ):
        kinds.setdefault(case_id, []).append(kind)
    for case_id, found in kinds.items():
        ordered = sorted(found, key=lambda k: (_ORDER.index(k) if k in _ORDER else len(_ORDER), k))
        connection.execute(
            _case.update().where(_case.c.id == case_id).values(challenges=",".join(ordered))
        )
    op.drop_table("casechallenge")
