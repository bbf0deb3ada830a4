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

from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from kommunkoll.pipeline.queries import (
    VIEWS,
    answer_changes,
    answer_details,
    answers,
    engine_for,
    figure_rows,
    findings,
    internal_controls,
    read_view,
    values,
)
from kommunkoll.vocabulary import UTFALL

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "VIEWS",
    "answer_changes",
    "answer_details",
    "answers",
    "engine_for",
    "figures",
    "findings",
    "internal_controls",
    "read_view",
    "values",
]


def figures(
    table: str,
    line: str,
    measure: str = UTFALL,
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
        chosen = figure_rows(engine, table, line, measure, kommun, namnd, years)
        points = (
            figure_series(chosen, table, line, measure, kommun, namnd, years) if len(chosen) else []
        )
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
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)
