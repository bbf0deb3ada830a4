"""question groups: the wording → question mapping, regrouped over the set of wordings

`question_wording` holds every normalised wording stored answers use and its question;
`question_link` the pairs similar enough to be one question. Existing answers are regrouped
once here, so a database filled in some order gets the same questions as any other order.

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-01 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "question_wording",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("wording", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["question_id"], ["question.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("question_wording", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_wording_wording"), ["wording"], unique=True)
        batch_op.create_index(
            batch_op.f("ix_question_wording_question_id"), ["question_id"], unique=False
        )
    op.create_table(
        "question_link",
        sa.Column("a_id", sa.Integer(), nullable=False),
        sa.Column("b_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["a_id"], ["question_wording.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["b_id"], ["question_wording.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("a_id", "b_id"),
    )
    with op.batch_alter_table("question_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_link_b_id"), ["b_id"], unique=False)

    from kommunkoll.pipeline.question_groups import regroup

    regroup(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("question_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_link_b_id"))
    op.drop_table("question_link")
    with op.batch_alter_table("question_wording", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_wording_question_id"))
        batch_op.drop_index(batch_op.f("ix_question_wording_wording"))
    op.drop_table("question_wording")
