"""Small reads the comparison commands make before the comparison itself (to move into
`pipeline/queries.py` when that lands)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Engine


@dataclass(frozen=True)
class Known:
    """What a filter may name: the kommuner, nämnder and document years stored."""

    kommuner: list[str]
    namnder: list[tuple[str, str]]  # (kommun, nämnd)
    years: list[int]


def known(engine: Engine, kind: str | None = None) -> Known:
    """Names and years of stored documents (of one kind, e.g. "enkat", when given)."""
    where = "WHERE d.kind = :kind" if kind else ""
    query = text(
        "SELECT DISTINCT k.name, n.name, d.year FROM document d "
        "JOIN namnd n ON n.id = d.namnd_id JOIN kommun k ON k.id = n.kommun_id " + where
    )
    with engine.connect() as connection:
        rows = connection.execute(query, {"kind": kind} if kind else {}).all()
    return Known(
        kommuner=sorted({r[0] for r in rows}),
        namnder=sorted({(r[0], r[1]) for r in rows}),
        years=sorted({int(r[2]) for r in rows}),
    )
