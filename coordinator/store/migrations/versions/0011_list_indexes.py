"""An index for the follow-up list's page (issue 19).

Revision ID: 0011
Revises: 0010

The follow-up list shows the open items in force with the oldest due date first, a page of
300. With an index on the due date the database walks the items in that order and stops once
the page is full, instead of working out the progress status of all ~30,000 items of ten years
and sorting them.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_agreementitem_due"), "agreementitem", ["due"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_agreementitem_due"), table_name="agreementitem")
