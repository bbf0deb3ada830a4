"""Every table in long (tidy) form, one file per table: CSV, Excel or Parquet.

The tables are the analyst views (values, answers, answer_changes, findings) plus documents
and checks, each row carrying kommun, nämnd, year, document and provenance columns.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Engine

from kommunkoll import frames

FORMATS = ("csv", "xlsx", "parquet")
JSON_COLUMNS = ("entities", "controls", "other_marks", "flags", "fields")

DOCUMENTS = """
SELECT d.id AS document_id, k.name AS kommun, n.name AS namnd, d.year AS year, d.kind AS kind,
       d.period AS period, d.pages AS pages, d.filename AS filename, d.sha256 AS sha256,
       d.extractor_version AS extractor_version, d.path AS path, d.ingested_at AS ingested_at
FROM document d JOIN namnd n ON n.id = d.namnd_id JOIN kommun k ON k.id = n.kommun_id
ORDER BY k.name, n.name, d.year, d.kind
"""

CHECKS = """
SELECT c.id AS check_id, k.name AS kommun, n.name AS namnd, d.year AS year,
       t.kind AS table_kind, c.name AS name, c.ok AS ok, c.expected AS expected,
       c.found AS found, d.id AS document_id, d.filename AS filename, d.sha256 AS sha256,
       d.extractor_version AS extractor_version
FROM "check" c JOIN document d ON d.id = c.document_id
LEFT JOIN report_table t ON t.id = c.table_id
JOIN namnd n ON n.id = d.namnd_id JOIN kommun k ON k.id = n.kommun_id
ORDER BY k.name, n.name, d.year, d.id, c.position
"""


def tidy_tables(engine: Engine) -> dict[str, pd.DataFrame]:
    """name → DataFrame, for every table the export writes."""
    with engine.connect() as connection:
        documents = pd.read_sql_query(text(DOCUMENTS), connection)
        checks = pd.read_sql_query(text(CHECKS), connection)
    checks["ok"] = checks["ok"].astype(bool)
    documents["ingested_at"] = pd.to_datetime(documents["ingested_at"], utc=True)
    return {
        "documents": documents,
        "values": frames.values(engine),
        "answers": frames.answers(engine),
        "answer_changes": frames.answer_changes(engine),
        "findings": frames.findings(engine),
        "internal_controls": frames.internal_controls(engine),
        "answer_details": frames.answer_details(engine),
        "checks": checks,
    }


def export(engine: Engine, out_dir: Path, fmt: str) -> list[Path]:
    """Write DIR/<table>.<fmt> for every table; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tidy_tables(engine).items():
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            _plain_json(frame).to_csv(path, index=False)
        elif fmt == "parquet":
            _plain_json(frame).to_parquet(path, index=False, engine="pyarrow")
        else:
            from .xlsx import frame_workbook

            frame = _plain_json(frame).copy()
            for column in frame.select_dtypes(include=["datetimetz"]).columns:
                frame[column] = frame[column].dt.tz_localize(None)  # Excel has no time zones
            frame_workbook(frame, name, path)
        written.append(path)
    return written


def _plain_json(frame: pd.DataFrame) -> pd.DataFrame:
    """JSON columns (finding entities) as JSON text: the same in CSV, Parquet and on both
    databases (SQLite hands back text, PostgreSQL parsed lists)."""
    import json

    columns = [c for c in JSON_COLUMNS if c in frame.columns]
    if not columns:
        return frame
    frame = frame.copy()
    for column in columns:
        frame[column] = [
            v if v is None or isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            for v in frame[column]
        ]
    return frame
