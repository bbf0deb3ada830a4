"""the whole contract stored: internkontroll, answer provenance, finding origin, cell text

What the extraction contract carries and the store used to drop:
- `internal_control`: each identified risk of the internkontroll table (risk,
  riskbeskrivning, riskvärde, page) with its controls (kontroll, resultat, bedömning,
  åtgärd) as a JSON list in printed order;
- `answer.section`, the question's box (`x0`, `top`, `x1`, `bottom`), `boxes` (answer boxes
  seen), JSON `flags` and `fields`; of the contract's `marks`, 0007 keeps the marked box
  (`mark_page`, `mark_x0`…) and here its `mark_column` and `mark_kind` join it, with every
  further mark seen as JSON `other_marks` (each box stored once);
- `finding.origin` (text, list or internkontroll) and `value.text` (the cell as printed).
Two views show them beside kommun, nämnd and year: `v_internal_controls` (one row per
risk, its controls as JSON) and `v_answer_details` (one row per answer); `v_values` gains
the cell's `text` and `v_findings` the `origin`.
`reprocess` fills them for documents stored before (EXTRACTOR_VERSION 3).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 18:40:00
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

ANSWER_COLUMNS = {
    "section": sa.String,
    "x0": sa.Float,
    "top": sa.Float,
    "x1": sa.Float,
    "bottom": sa.Float,
    "boxes": sa.Integer,
    "mark_column": sa.String,
    "mark_kind": sa.String,
    "other_marks": sa.JSON,
    "flags": sa.JSON,
    "fields": sa.JSON,
}

_DOCUMENT = """
    k.name AS kommun,
    n.name AS namnd,
    d.year AS year,
    d.kind AS document_kind,
    d.id AS document_id,
    d.filename AS filename,
    d.sha256 AS sha256,
    d.extractor_version AS extractor_version,
    n.id AS namnd_id"""

_JOINS = """
JOIN document d ON d.id = {row}.document_id
JOIN namnd n ON n.id = d.namnd_id
JOIN kommun k ON k.id = n.kommun_id"""

V_INTERNAL_CONTROLS = f"""
CREATE VIEW v_internal_controls AS
SELECT
    ic.id AS internal_control_id,
    ic.position AS position,
    ic.risk AS risk,
    ic.riskbeskrivning AS riskbeskrivning,
    ic.riskvarde AS riskvarde,
    ic.page AS page,
    ic.controls AS controls,{_DOCUMENT}
FROM internal_control ic{_JOINS.format(row="ic")}
"""

V_ANSWER_DETAILS = f"""
CREATE VIEW v_answer_details AS
SELECT
    a.id AS answer_id,
    a.number AS number,
    a.section AS section,
    a.answer AS answer,
    a.page AS page,
    a.x0 AS x0,
    a.top AS top,
    a.x1 AS x1,
    a.bottom AS bottom,
    a.boxes AS boxes,
    a.mark_page AS mark_page,
    a.mark_x0 AS mark_x0,
    a.mark_top AS mark_top,
    a.mark_x1 AS mark_x1,
    a.mark_bottom AS mark_bottom,
    a.mark_column AS mark_column,
    a.mark_kind AS mark_kind,
    a.other_marks AS other_marks,
    a.flags AS flags,
    a.fields AS fields,{_DOCUMENT}
FROM answer a{_JOINS.format(row="a")}
"""


def _revision(filename: str) -> ModuleType:
    """An earlier revision's module, for the view it created (written there once)."""
    spec = importlib.util.spec_from_file_location(filename, Path(__file__).with_name(filename))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _widened_views() -> dict[str, tuple[str, str]]:
    """v_values and v_findings as they were, and with the cell text and finding origin."""
    v_values = _revision("0005_ovrigt_tables.py").V_VALUES
    v_findings = _revision("0002_analyst_views.py").V_FINDINGS
    wider = {
        "v_values": (v_values, "    v.number AS number,\n", "    v.text AS text,\n"),
        "v_findings": (v_findings, "    f.entities AS entities,\n", "    f.origin AS origin,\n"),
    }
    views = {}
    for name, (sql, after, column) in wider.items():
        assert after in sql, name
        views[name] = (sql, sql.replace(after, after + column))
    return views


def upgrade() -> None:
    op.create_table(
        "internal_control",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("document.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("risk", sa.String(), nullable=False),
        sa.Column("riskbeskrivning", sa.String(), nullable=True),
        sa.Column("riskvarde", sa.Float(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("controls", sa.JSON(), nullable=True),
        sa.UniqueConstraint("document_id", "position"),
    )
    with op.batch_alter_table("answer") as batch:
        for name, kind in ANSWER_COLUMNS.items():
            batch.add_column(sa.Column(name, kind(), nullable=True))
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("origin", sa.String(), nullable=True))
    with op.batch_alter_table("value") as batch:
        batch.add_column(sa.Column("text", sa.String(), nullable=True))
    op.execute(V_INTERNAL_CONTROLS)
    op.execute(V_ANSWER_DETAILS)
    for name, (_, wider) in _widened_views().items():
        op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute(wider)


def downgrade() -> None:
    """Plain ALTER TABLE ... DROP COLUMN (SQLite ≥ 3.35, PostgreSQL): a batch copy of the
    table would break the views that read it."""
    op.execute("DROP VIEW IF EXISTS v_answer_details")
    op.execute("DROP VIEW IF EXISTS v_internal_controls")
    for name, (before, _) in _widened_views().items():
        op.execute(f"DROP VIEW IF EXISTS {name}")
        op.execute(before)
    op.execute("ALTER TABLE value DROP COLUMN text")
    op.execute("ALTER TABLE finding DROP COLUMN origin")
    for name in reversed(ANSWER_COLUMNS):
        op.execute(f"ALTER TABLE answer DROP COLUMN {name}")
    op.drop_table("internal_control")
