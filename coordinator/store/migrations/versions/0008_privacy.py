"""privacy: consent, the citizen's erasure mark, audit events about a citizen and export paths

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["citizen_id"], ["citizen.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("citizen_id"),
    )
    op.add_column("citizen", sa.Column("erased_at", sa.DateTime(), nullable=True))
    op.add_column("auditevent", sa.Column("citizen_id", sa.Integer(), nullable=True))
    op.add_column(
        "auditevent",
        sa.Column("path", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""),
    )
    op.create_index(op.f("ix_auditevent_citizen_id"), "auditevent", ["citizen_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_auditevent_citizen_id"), table_name="auditevent")
    op.drop_column("auditevent", "path")
    op.drop_column("auditevent", "citizen_id")
    op.drop_column("citizen", "erased_at")
    op.drop_table("consent")
