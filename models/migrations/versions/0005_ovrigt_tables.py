"""ovrigt tables and uncaptured lines: a value's printed column header, a measure, year or
unit that may be unknown (null), and per document the count of lines the completeness check
found printed but not read.

SQLite changes a column's nullability by rebuilding the table, which its views would stop;
they are dropped first and created again from their own stored SQL afterwards.

Revision ID: 0005
Revises: 0007
Create Date: 2026-12-01 18:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


# v_values as 0002 created it; this revision adds the column's printed header after `year`.
V_VALUES_0002 = """
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
V_VALUES = V_VALUES_0002.replace(
    "    v.year AS year,\n", "    v.year AS year,\n    v.header AS header,\n"
)
assert V_VALUES != V_VALUES_0002


def _views() -> list[tuple[str, str]]:
    """Every view and trigger ("VIEW name", SQL): SQLite rebuilds a table to change a
    column's nullability, which they would stop (PostgreSQL alters it under them)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return []
    rows = bind.execute(
        sa.text(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') "
            "ORDER BY type DESC"
        )
    )  # views before triggers: a trigger may read a view
    return [(f'{kind.upper()} "{name}"', sql) for kind, name, sql in rows]


def _nullable(nullable: bool) -> None:
    with op.batch_alter_table("value", schema=None) as batch_op:
        batch_op.alter_column("measure", existing_type=sa.String(), nullable=nullable)
        batch_op.alter_column("year", existing_type=sa.Integer(), nullable=nullable)
        batch_op.alter_column("unit", existing_type=sa.String(), nullable=nullable)
    with op.batch_alter_table("report_table", schema=None) as batch_op:
        batch_op.alter_column("unit", existing_type=sa.String(), nullable=nullable)


def _recreate(views: list[tuple[str, str]], values_sql: str) -> None:
    for name, sql in views:
        if name != 'VIEW "v_values"':
            op.execute(sql)
    op.execute("DROP VIEW IF EXISTS v_values")
    op.execute(values_sql)


def upgrade() -> None:
    views = _views()
    for name, _ in views:
        op.execute(f"DROP {name}")
    op.execute("DROP VIEW IF EXISTS v_values")  # PostgreSQL: it reads the altered columns
    op.add_column("value", sa.Column("header", sa.String(), nullable=True))
    op.add_column("document", sa.Column("uncaptured", sa.Integer(), nullable=True))
    _nullable(True)
    _recreate(views, V_VALUES)


def downgrade() -> None:
    views = _views()
    for name, _ in views:
        op.execute(f"DROP {name}")
    op.execute("DROP VIEW IF EXISTS v_values")  # PostgreSQL: it reads the altered columns
    op.execute("DELETE FROM value WHERE measure IS NULL OR year IS NULL OR unit IS NULL")
    op.execute("UPDATE report_table SET unit = '' WHERE unit IS NULL")
    _nullable(False)
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_column("uncaptured")
    with op.batch_alter_table("value", schema=None) as batch_op:
        batch_op.drop_column("header")
    _recreate(views, V_VALUES_0002)
