"""pandas DataFrames for notebooks: the analyst views, one tidy row per value, answer or finding.

    from kommunkoll import frames
    df = frames.values("sqlite:///kommunkoll.db", table_kind="drift", measure="utfall")

Each function takes a database URL (default: $DATABASE_URL, else sqlite:///kommunkoll.db) or
an SQLAlchemy engine, and optional equality filters on the view's columns.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import bindparam, text
from sqlalchemy.engine import Engine

VIEWS = (
    "v_values",
    "v_answers",
    "v_answer_changes",
    "v_findings",
    "v_internal_controls",
    "v_answer_details",
)

_ORDER = {
    "v_values": "kommun, namnd, document_year, table_position, line_position, measure, year",
    "v_answers": "kommun, namnd, year, number",
    "v_answer_changes": "kommun, namnd, year, number",
    "v_findings": "kommun, namnd, year, document_id, position",
    "v_internal_controls": "kommun, namnd, year, document_id, position",
    "v_answer_details": "kommun, namnd, year, document_id, answer_id",
}


def engine_for(db: str | Engine | None = None) -> Engine:
    """An engine on an up-to-date schema (the views come with the migrations)."""
    if isinstance(db, Engine):
        return db
    from kommunkoll.pipeline.db import make_engine, upgrade_schema

    engine = make_engine(db)
    upgrade_schema(engine)
    return engine


def read_view(view: str, db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Rows of one view; a filter's value may be a scalar or a list (SQL IN)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    engine = engine_for(db)
    clauses, params, expanding = [], {}, []
    for i, (column, value) in enumerate(sorted(filters.items())):
        if value is None:
            continue
        if not column.isidentifier():
            raise ValueError(f"not a column name: {column!r}")
        name = f"p{i}"
        if isinstance(value, list | tuple | set):
            clauses.append(f"{column} IN :{name}")
            params[name] = list(value)
            expanding.append(name)
        else:
            clauses.append(f"{column} = :{name}")
            params[name] = value
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    query = text(f"SELECT * FROM {view}{where} ORDER BY {_ORDER[view]}")
    if expanding:
        query = query.bindparams(*(bindparam(n, expanding=True) for n in expanding))
    with engine.connect() as connection:
        frame = pd.read_sql_query(query, connection, params=params)
    if not isinstance(db, Engine):
        engine.dispose()
    return frame


def values(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Every table value with its line, measure, column year, unit, page and bbox. A column
    year may be null (an ovrigt table's header that prints none): it stays an integer."""
    frame = read_view("v_values", db, **filters)
    if "year" in frame.columns:
        frame["year"] = frame["year"].astype("Int64")
    return frame


def answers(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Every enkät answer with its question's stable key and latest wording."""
    return read_view("v_answers", db, **filters)


def answer_changes(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Answers that differ from the nämnd's answer the year before, with both comments."""
    return read_view("v_answer_changes", db, **filters)


def internal_controls(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """The internkontroll's identified risks (riskvärde, page) with their controls (JSON)."""
    return read_view("v_internal_controls", db, **filters)


def answer_details(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Each answer's provenance: section, question box, boxes seen, marks, flags, fields."""
    return read_view("v_answer_details", db, **filters)


def findings(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Risks, actions and decisions with their page."""
    return read_view("v_findings", db, **filters)


def figures(
    table: str,
    line: str,
    measure: str = "utfall",
    db: str | Engine | None = None,
    *,
    kommun: str | None = None,
    namnd: str | None = None,
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """One line's series as `kommunkoll compare figures` shows it: one row per kommun, nämnd
    and year, the latest report's value, the change from the year before, and `restated`
    where an earlier report printed that year's value differently (`restated_values`).

    An unknown table, line or measure raises `UnknownLine` (a ValueError) naming the close
    matches, rather than returning an empty frame.
    """
    from kommunkoll.pipeline.compare import (
        change_amount,
        change_percent_text,
        figure_series,
        restatement_note,
    )

    engine = engine_for(db)
    try:
        points = figure_series(values(engine), table, line, measure, kommun, namnd, years)
    finally:
        if not isinstance(db, Engine):
            engine.dispose()
    columns = [
        "kommun", "namnd", "year", "number", "unit", "change", "change_percent", "change_text",
        "better", "restated", "restated_values", "document_year", "filename", "page",
        "value_id", "document_id",
    ]  # fmt: skip
    rows = [
        {
            "kommun": p.kommun,
            "namnd": p.namnd,
            "year": p.year,
            "number": p.number,
            "unit": p.unit,
            "change": p.change,
            "change_percent": p.change_percent,
            "change_text": f"{change_amount(p)} ({change_percent_text(p)})",
            "better": p.better,
            "restated": bool(p.restated),
            "restated_values": restatement_note(p) or None,
            "document_year": p.document_year,
            "filename": p.filename,
            "page": p.page,
            "value_id": p.value_id,
            "document_id": p.document_id,
        }
        for p in points
    ]
    return pd.DataFrame(rows, columns=columns)
