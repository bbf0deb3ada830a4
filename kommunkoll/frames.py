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

VIEWS = ("v_values", "v_answers", "v_answer_changes", "v_findings")

_ORDER = {
    "v_values": "kommun, namnd, document_year, table_position, line_position, measure, year",
    "v_answers": "kommun, namnd, year, number",
    "v_answer_changes": "kommun, namnd, year, number",
    "v_findings": "kommun, namnd, year, document_id, position",
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


def findings(db: str | Engine | None = None, **filters: Any) -> pd.DataFrame:
    """Risks, actions and decisions with their page."""
    return read_view("v_findings", db, **filters)
