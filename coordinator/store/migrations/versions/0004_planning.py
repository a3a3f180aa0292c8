"""planning: break policy and latest starts, status reasons, the referral queue

* `stepupday.break_policy`: days stored before keep `fixed` (they were planned that way); the
  model gives new days `floating`.
* `daybreak.latest_start`: how late a floating break may start.
* `case.status_reason`: why the citizen was absent or the case cancelled.
* `referral` and `referralchallenge`: citizens waiting for a step-up.

Columns are added in place (ALTER TABLE ... ADD COLUMN), never by batch mode's copy of a table:
copying `case` with SQLite's foreign keys on would cascade into its roster and preparation.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "stepupday",
        sa.Column(
            "break_policy",
            sqlmodel.sql.sqltypes.AutoString(),
            nullable=False,
            server_default="fixed",
        ),
    )
    op.add_column("daybreak", sa.Column("latest_start", sa.Time(), nullable=True))
    op.add_column(
        "case",
        sa.Column(
            "status_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
        ),
    )
    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("citizen_id", sa.Integer(), nullable=False),
        sa.Column("referred_by_id", sa.Integer(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["citizen_id"], ["citizen.id"]),
        sa.ForeignKeyConstraint(["referred_by_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_referral_citizen_id"), "referral", ["citizen_id"], unique=False)
    op.create_index(op.f("ix_referral_status"), "referral", ["status"], unique=False)
    op.create_table(
        "referralchallenge",
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["referral_id"], ["referral.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("referral_id", "kind"),
    )


def downgrade() -> None:
    op.drop_table("referralchallenge")
    op.drop_index(op.f("ix_referral_status"), table_name="referral")
    op.drop_index(op.f("ix_referral_citizen_id"), table_name="referral")
    op.drop_table("referral")
    op.drop_column("case", "status_reason")
    op.drop_column("daybreak", "latest_start")
    op.drop_column("stepupday", "break_policy")
