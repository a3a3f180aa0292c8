"""Indexes for the queries that ran over every case of a ten-year database (issue 19).

Revision ID: 0010
Revises: 0009

The app opens on a running day, found by its cases' status: without an index SQLite walked
every day of the history and its cases (when nothing runs, which is nearly always). The
follow-up's agreements in force, asked by the days list's reminder, the follow-up list and
the statistics, look for later conversations by `previous_case_id`.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_case_status"), "case", ["status"], unique=False)
    op.create_index(op.f("ix_case_previous_case_id"), "case", ["previous_case_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_case_previous_case_id"), table_name="case")
    op.drop_index(op.f("ix_case_status"), table_name="case")
