"""search and answer marks: full-text search over what a revisor looks for; each answer's
marked box

`answer.mark_*`: the page and box (PDF points from the page's top left) of the box marked for
the answer, so an answer is shown on its PDF page like a value.

`search_entry`: one row per decision or other finding, answer (question wording and comment)
and table line, with its document, page and what to link to. It is the database's own
full-text index, built here from the stored rows and kept current by triggers on the rows
the store writes (and the cascades of a replaced or deleted document):
- SQLite: an FTS5 table (unicode61, diacritics kept: å, ä, ö are letters of their own);
- PostgreSQL: a table with a stored `tsvector` of the Swedish configuration, GIN-indexed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

MARK_COLUMNS = ("mark_page", "mark_x0", "mark_top", "mark_x1", "mark_bottom")

# What each source row contributes: (kind, source table, id, document id, page, body).
SOURCES = {
    "finding": (
        "'finding'", "{row}.id", "{row}.document_id", "{row}.page", "{row}.text",
    ),
    "answer": (
        "'answer'", "{row}.id", "{row}.document_id", "{row}.page",
        "{row}.number || ' ' || {row}.question_text || ' ' || COALESCE({row}.comment, '')",
    ),
    "line": (
        "'line'", "{row}.id",
        "(SELECT t.document_id FROM report_table t WHERE t.id = {row}.table_id)",
        "(SELECT t.page FROM report_table t WHERE t.id = {row}.table_id)",
        "{row}.label || ' ' || (SELECT COALESCE(t.title, t.kind) FROM report_table t "
        "WHERE t.id = {row}.table_id)",
    ),
}  # fmt: skip


def _values(source: str, row: str) -> str:
    return ", ".join(part.format(row=row) for part in SOURCES[source])


def upgrade() -> None:
    op.add_column("answer", sa.Column("mark_page", sa.Integer(), nullable=True))
    for name in MARK_COLUMNS[1:]:
        op.add_column("answer", sa.Column(name, sa.Float(), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        _postgresql()
    else:
        _sqlite()


def _sqlite() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_entry USING fts5(kind UNINDEXED, ref_id UNINDEXED, "
        "document_id UNINDEXED, page UNINDEXED, body, "
        "tokenize = \"unicode61 remove_diacritics 0 tokenchars '§'\")"
    )
    for source in SOURCES:
        op.execute(
            f"INSERT INTO search_entry (kind, ref_id, document_id, page, body) "
            f"SELECT {_values(source, source)} FROM {source}"
        )
        op.execute(
            f"CREATE TRIGGER search_{source}_insert AFTER INSERT ON {source} BEGIN "
            f"INSERT INTO search_entry (kind, ref_id, document_id, page, body) "
            f"VALUES ({_values(source, 'new')}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{source}_delete AFTER DELETE ON {source} BEGIN "
            f"DELETE FROM search_entry WHERE kind = '{source}' AND ref_id = old.id; END"
        )


def _postgresql() -> None:
    op.execute(
        "CREATE TABLE search_entry (id SERIAL PRIMARY KEY, kind TEXT NOT NULL, "
        "ref_id INTEGER NOT NULL, document_id INTEGER, page INTEGER, body TEXT NOT NULL, "
        "tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('swedish', body)) STORED)"
    )
    op.execute("CREATE INDEX search_entry_tsv ON search_entry USING GIN (tsv)")
    op.execute("CREATE INDEX search_entry_ref ON search_entry (kind, ref_id)")
    for source in SOURCES:
        op.execute(
            f"INSERT INTO search_entry (kind, ref_id, document_id, page, body) "
            f"SELECT {_values(source, source)} FROM {source}"
        )
        op.execute(
            f"CREATE FUNCTION search_{source}_sync() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN IF TG_OP = 'DELETE' THEN "
            f"DELETE FROM search_entry WHERE kind = '{source}' AND ref_id = OLD.id; "
            f"RETURN OLD; END IF; "
            f"INSERT INTO search_entry (kind, ref_id, document_id, page, body) "
            f"VALUES ({_values(source, 'NEW')}); RETURN NEW; END $$"
        )
        op.execute(
            f"CREATE TRIGGER search_{source}_sync AFTER INSERT OR DELETE ON {source} "
            f"FOR EACH ROW EXECUTE FUNCTION search_{source}_sync()"
        )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for source in SOURCES:
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS search_{source}_sync ON {source}")
            op.execute(f"DROP FUNCTION IF EXISTS search_{source}_sync()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS search_{source}_insert")
            op.execute(f"DROP TRIGGER IF EXISTS search_{source}_delete")
    op.execute("DROP TABLE IF EXISTS search_entry")
    # Plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): a batch copy of the table would break
    # the views that read it.
    for name in MARK_COLUMNS:
        op.drop_column("answer", name)
