"""follow-up: item lineage, item progress events, three-month outcome, F.I.T. ratings

`agreementitem.lineage_id` gives an item a stable id across agreement versions and a second
conversation (the id of the first row of its line; NULL on that first row). Rows copied
before this revision are linked here: each agreement's items are matched to the version (or
the first conversation's agreement) they were copied from, by kind and position (and text when
several match), in the order the agreements were made.

Columns are added in place (ALTER TABLE ... ADD COLUMN), never by batch mode's copy of the
table (see 0003: with SQLite's foreign keys on, dropping the old table would cascade).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_case = sa.table("case", sa.column("id", sa.Integer()), sa.column("previous_case_id", sa.Integer()))
_agreement = sa.table(
    "agreement",
    sa.column("id", sa.Integer()),
    sa.column("case_id", sa.Integer()),
    sa.column("version", sa.Integer()),
)
_item = sa.table(
    "agreementitem",
    sa.column("id", sa.Integer()),
    sa.column("agreement_id", sa.Integer()),
    sa.column("kind", sa.String()),
    sa.column("position", sa.Integer()),
    sa.column("text", sa.String()),
    sa.column("lineage_id", sa.Integer()),
)


def _link_copied_items() -> None:
    """Give items copied before this revision the lineage of the item they were copied from."""
    connection = op.get_bind()
    previous_case = {
        row.id: row.previous_case_id
        for row in connection.execute(sa.select(_case.c.id, _case.c.previous_case_id))
    }
    agreements = list(
        connection.execute(
            sa.select(_agreement.c.id, _agreement.c.case_id, _agreement.c.version).order_by(
                _agreement.c.id
            )
        )
    )
    items: dict[int, list[tuple[int, str, int, str]]] = {}
    for row in connection.execute(
        sa.select(_item.c.id, _item.c.agreement_id, _item.c.kind, _item.c.position, _item.c.text)
    ):
        items.setdefault(row.agreement_id, []).append((row.id, row.kind, row.position, row.text))
    lineage: dict[int, int] = {}
    made: dict[tuple[int, int], int] = {}  # (case, version) -> agreement id, as made so far
    latest: dict[int, int] = {}  # case -> its newest agreement id made so far
    for agreement_id, case_id, version in agreements:
        source = made.get((case_id, version - 1))
        if source is None and version == 1 and previous_case.get(case_id):
            source = latest.get(previous_case[case_id])
        made[(case_id, version)] = agreement_id
        latest[case_id] = agreement_id
        if source is None:
            continue
        candidates = list(items.get(source, []))
        for item_id, kind, position, text in items.get(agreement_id, []):
            matches = [c for c in candidates if c[1] == kind and c[2] == position]
            exact = [c for c in matches if c[3] == text]
            chosen = (exact or matches or [None])[0]
            if chosen is None:
                continue
            candidates.remove(chosen)
            lineage[item_id] = lineage.get(chosen[0], chosen[0])
    for item_id, root in lineage.items():
        connection.execute(_item.update().where(_item.c.id == item_id).values(lineage_id=root))


def upgrade() -> None:
    op.add_column("agreementitem", sa.Column("lineage_id", sa.Integer(), nullable=True))
    op.create_index(
        op.f("ix_agreementitem_lineage_id"), "agreementitem", ["lineage_id"], unique=False
    )
    _link_copied_items()

    op.create_table(
        "itemprogress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("lineage_id", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("recorded_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["agreementitem.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_itemprogress_item_id"), "itemprogress", ["item_id"], unique=False)
    op.create_index(
        op.f("ix_itemprogress_lineage_id"), "itemprogress", ["lineage_id"], unique=False
    )

    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("category", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at_workplace", sa.Boolean(), nullable=False),
        sa.Column("problem_solved", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("recorded_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id"),
    )

    op.create_table(
        "rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("score_1", sa.Float(), nullable=False),
        sa.Column("score_2", sa.Float(), nullable=False),
        sa.Column("score_3", sa.Float(), nullable=False),
        sa.Column("score_4", sa.Float(), nullable=False),
        sa.Column("recorded_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_rating_case_id"), "rating", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_rating_case_id"), table_name="rating")
    op.drop_table("rating")
    op.drop_table("outcome")
    op.drop_index(op.f("ix_itemprogress_lineage_id"), table_name="itemprogress")
    op.drop_index(op.f("ix_itemprogress_item_id"), table_name="itemprogress")
    op.drop_table("itemprogress")
    op.drop_index(op.f("ix_agreementitem_lineage_id"), table_name="agreementitem")
    op.drop_column("agreementitem", "lineage_id")
