"""invitationstate, materialsent: calendar SEQUENCE per meeting part, material sent

`invitationstate` keeps, per case and part, the time/place/status the last invitation carried
and its SEQUENCE, so the next export raises SEQUENCE only when the meeting changed.
`materialsent` records when a case's meeting material went out and to whom, so the day screen
can show the cases whose material is late. The installation id (unique UIDs per database) is a
row of `setting`, made on first use: no schema change.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "invitationstate",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("part", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", "part"),
    )
    op.create_table(
        "materialsent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("recipients", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_materialsent_case_id"), "materialsent", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_materialsent_case_id"), table_name="materialsent")
    op.drop_table("materialsent")
    op.drop_table("invitationstate")
