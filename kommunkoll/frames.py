"""pandas DataFrames for notebooks: the analyst views, one tidy row per value, answer or finding.

    from kommunkoll import frames
    df = frames.values("sqlite:///kommunkoll.db", table_kind="drift", measure="utfall")

Each function takes a database URL (default: $DATABASE_URL, else sqlite:///kommunkoll.db) or
an SQLAlchemy engine, and optional filters on the view's columns, applied in SQL: a scalar
or a list (IN); `kommun`, `namnd` and (on values) `line` match case aside;
`years=(2023, 2025)` keeps the rows within those years. The reads themselves live in
`kommunkoll.pipeline.queries`, with every other read the commands and pages make.
"""

from __future__ import annotations

from kommunkoll.pipeline.queries import (
    VIEWS,
    answer_changes,
    answers,
    engine_for,
    findings,
    read_view,
    values,
)

__all__ = [
    "VIEWS",
    "answer_changes",
    "answers",
    "engine_for",
    "findings",
    "read_view",
    "values",
]
