"""document.warnings: the extraction's warnings, kept with the document

Until now a document was "varning" only for lines the completeness check found unread; a
check that failed, an answer with boxes but none read, a file the parser repaired, or a
value OCR was unsure of left no trace in the database once the terminal scrolled away. The
list is stored as written (JSON); null for documents stored before, until `reprocess`.

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-01 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("document", sa.Column("warnings", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Dropped in place (no batch copy): a table copy would break the views that read it.
    op.drop_column("document", "warnings")
