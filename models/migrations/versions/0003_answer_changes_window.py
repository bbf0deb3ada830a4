"""v_answer_changes with a window function instead of a correlated MAX per row

The first view found each answer's previous year with a MAX subquery per row, which grows
with the square of the answers (over 900 s at 10,000 documents). Here each nämnd's years
per question are numbered once with LAG, and the answers of a year and of the year before
are joined on them: the same rows (both answers when a year has two documents), in time
that grows with the answers. `namnd_id` comes from the numbered years, so a filter on it
reaches the window's partition on SQLite and PostgreSQL alike; `answer_id` and
`answer_id_before` are added to point at both answers.

Revision ID: 0003
Revises: 0005
Create Date: 2026-12-01 18:00:00
"""

from __future__ import annotations

from alembic import op

revision: str = "0003"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

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
    asked.namnd_id AS namnd_id,
    prev.answer_id AS answer_id_before,
    cur.answer_id AS answer_id
FROM (
    SELECT
        namnd_id,
        question_key,
        year,
        LAG(year) OVER (PARTITION BY namnd_id, question_key ORDER BY year) AS year_before
    FROM (SELECT DISTINCT namnd_id, question_key, year FROM v_answers) AS years
) AS asked
JOIN v_answers cur
    ON cur.namnd_id = asked.namnd_id
    AND cur.question_key = asked.question_key
    AND cur.year = asked.year
JOIN v_answers prev
    ON prev.namnd_id = asked.namnd_id
    AND prev.question_key = asked.question_key
    AND prev.year = asked.year_before
WHERE COALESCE(cur.answer, '') <> COALESCE(prev.answer, '')
"""

# The view 0002 made, put back on a downgrade.
V_ANSWER_CHANGES_0002 = """
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


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_answer_changes")
    op.execute(V_ANSWER_CHANGES)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_answer_changes")
    op.execute(V_ANSWER_CHANGES_0002)
