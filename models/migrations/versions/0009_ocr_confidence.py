"""answer and value: how sure OCR was (`ocr`, `confidence`), kept with what it read

A value read from a scan carried `ocr: true` and a confidence in the extraction, and a
warning below the threshold, but the database kept only the warning: a query could not
tell a scanned answer from a printed one, nor list what a person should confirm. Null for
text PDFs, and for documents stored before until `reprocess`.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    for table in ("answer", "value"):
        op.add_column(table, sa.Column("ocr", sa.Boolean(), nullable=True))
        op.add_column(table, sa.Column("confidence", sa.Float(), nullable=True))
    # the parts of an answer: its question text, its comment, its mark
    op.add_column("answer", sa.Column("confidences", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Dropped in place (no batch copy): a table copy would break the views that read it.
    op.drop_column("answer", "confidences")
    for table in ("value", "answer"):
        op.drop_column(table, "confidence")
        op.drop_column(table, "ocr")
