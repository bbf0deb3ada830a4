"""analyst views: v_values, v_answers, v_answer_changes, v_findings

Tidy, join-free views for a SQL client or Datasette: one row per value, answer, changed
answer or finding, each with kommun, nämnd, year, document and provenance columns. Plain
SQL that SQLite and PostgreSQL both read the same way.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 18:50:00
"""

from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

# Every value with where it was printed: the report's year (`document_year`) and the column's
# (`year`) differ for comparison columns such as "Utfall 2024" in the 2025 report.
V_VALUES = """
CREATE VIEW v_values AS
SELECT
    v.id AS value_id,
    k.name AS kommun,
    n.name AS namnd,
    d.year AS document_year,
    d.kind AS document_kind,
    d.period AS period,
    t.kind AS table_kind,
    t.title AS table_title,
    t.position AS table_position,
    l.label AS line,
    p.label AS parent_line,
    l.position AS line_position,
    v.measure AS measure,
    v.year AS year,
    v.number AS number,
    v.unit AS unit,
    v.page AS page,
    v.x0 AS x0,
    v.top AS top,
    v.x1 AS x1,
    v.bottom AS bottom,
    d.id AS document_id,
    d.filename AS filename,
    d.sha256 AS sha256,
    d.extractor_version AS extractor_version,
    n.id AS namnd_id
FROM value v
JOIN line l ON l.id = v.line_id
LEFT JOIN line p ON p.id = l.parent_id
JOIN report_table t ON t.id = l.table_id
JOIN document d ON d.id = t.document_id
JOIN namnd n ON n.id = d.namnd_id
JOIN kommun k ON k.id = n.kommun_id
"""

# Every answer with its question's stable key and latest wording beside the printed one.
V_ANSWERS = """
CREATE VIEW v_answers AS
SELECT
    a.id AS answer_id,
    k.name AS kommun,
    n.name AS namnd,
    d.year AS year,
    q.key AS question_key,
    q.text AS question,
    a.number AS number,
    a.question_text AS question_text,
    a.answer AS answer,
    a.comment AS comment,
    a.page AS page,
    d.id AS document_id,
    d.filename AS filename,
    d.sha256 AS sha256,
    d.extractor_version AS extractor_version,
    n.id AS namnd_id
FROM answer a
JOIN question q ON q.id = a.question_id
JOIN document d ON d.id = a.document_id
JOIN namnd n ON n.id = d.namnd_id
JOIN kommun k ON k.id = n.kommun_id
"""

# An answer that differs from the same nämnd's answer to the same question in the nearest
# earlier year that has one; both comments beside each other.
V_ANSWER_CHANGES = """
CREATE VIEW v_answer_changes AS
SELECT
    cur.kommun AS kommun,
    cur.namnd AS namnd,
    cur.question_key AS question_key,
    cur.question AS question,
    prev.year AS year_before,
    cur.year AS year,
    prev.number AS number_before,
    cur.number AS number,
    prev.answer AS answer_before,
    cur.answer AS answer,
    prev.comment AS comment_before,
    cur.comment AS comment,
    prev.page AS page_before,
    cur.page AS page,
    prev.document_id AS document_id_before,
    cur.document_id AS document_id,
    cur.namnd_id AS namnd_id
FROM v_answers cur
JOIN v_answers prev
    ON prev.namnd_id = cur.namnd_id
    AND prev.question_key = cur.question_key
    AND prev.year = (
        SELECT MAX(e.year) FROM v_answers e
        WHERE e.namnd_id = cur.namnd_id
            AND e.question_key = cur.question_key
            AND e.year < cur.year
    )
WHERE COALESCE(cur.answer, '') <> COALESCE(prev.answer, '')
"""

V_FINDINGS = """
CREATE VIEW v_findings AS
SELECT
    f.id AS finding_id,
    k.name AS kommun,
    n.name AS namnd,
    d.year AS year,
    d.kind AS document_kind,
    f.position AS position,
    f.kind AS kind,
    f.text AS text,
    f.page AS page,
    f.entities AS entities,
    d.id AS document_id,
    d.filename AS filename,
    d.sha256 AS sha256,
    d.extractor_version AS extractor_version,
    n.id AS namnd_id
FROM finding f
JOIN document d ON d.id = f.document_id
JOIN namnd n ON n.id = d.namnd_id
JOIN kommun k ON k.id = n.kommun_id
"""

VIEWS = {
    "v_values": V_VALUES,
    "v_answers": V_ANSWERS,
    "v_answer_changes": V_ANSWER_CHANGES,
    "v_findings": V_FINDINGS,
}


def upgrade() -> None:
    for sql in VIEWS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
