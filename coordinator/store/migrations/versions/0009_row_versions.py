"""Every row a person edits carries a row version; each write checks it atomically.

Revision ID: 0009
Revises: 0008

The agreement and its items had one already. Now the day, the case, the roster, the people,
the citizen, the preparation, the material checklist, the referral, the outcome and the consent
have one too: SQLAlchemy writes `UPDATE … WHERE id = ? AND row_version = ?` and raises when no
row matched, so two laptops editing the same row can never silently overwrite each other.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The tables that gain a row version (existing rows start at 1).
TABLES = (
    "stepupday",
    "case",
    "rosterentry",
    "person",
    "citizen",
    "preparation",
    "materialitem",
    "referral",
    "outcome",
    "consent",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("row_version", sa.Integer(), nullable=False, server_default="1")
            )


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("row_version")
