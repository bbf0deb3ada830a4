"""Full-text search over decisions and other findings, answers (question and comment) and
table lines, through the database's own index (`search_entry`, migration 0007): SQLite FTS5
or PostgreSQL's tsvector with the Swedish configuration. Nothing is indexed by hand here.

A query of words finds entries holding all of them (a word also as the start of a longer
one on SQLite, which has no Swedish stemmer; PostgreSQL stems); a query with a digit or §
(a decision reference such as "VON § 85/2024") finds that exact sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Engine

MARK_START, MARK_END = "\x02", "\x03"  # around each matched word in `snippet`


@dataclass(frozen=True)
class Hit:
    kind: str  # finding kind (decision, risk, action), "answer" or "line"
    ref_id: int
    document_id: int
    page: int | None
    snippet: str  # the entry's text, matched words between MARK_START and MARK_END
    kommun: str
    namnd: str
    year: int
    filename: str

    @property
    def link(self) -> str:
        """The page that shows the hit on its PDF page with its box."""
        if self.kind == "answer":
            return f"/answers/{self.ref_id}"
        if self.kind == "line":
            return f"/lines/{self.ref_id}"
        return f"/findings/{self.ref_id}"


def terms(query: str) -> list[str]:
    return re.findall(r"\w+|§", query)


def is_reference(query: str) -> bool:
    return bool(re.search(r"\d|§", query))


def fts5_query(query: str) -> str:
    """The user's text as an FTS5 query of quoted terms: never FTS5 syntax of its own."""
    words = terms(query)
    if is_reference(query):
        return '"' + " ".join(w.replace('"', "") for w in words) + '"'
    return " ".join(f'"{w}"*' for w in words)


def search(engine: Engine, query: str, limit: int = 100) -> list[Hit]:
    """Entries matching `query`, best first, each with its kommun, nämnd, year and file."""
    if not terms(query):
        return []
    if engine.dialect.name == "postgresql":
        function = "phraseto_tsquery" if is_reference(query) else "plainto_tsquery"
        sql = f"""
            SELECT s.kind AS source, s.ref_id, s.document_id, s.page,
                   ts_headline('swedish', s.body, q, 'StartSel=' || chr(2) || ', StopSel='
                               || chr(3) || ', MaxWords=40, MinWords=15') AS snippet
            FROM search_entry s, {function}('swedish', :query) q
            WHERE s.tsv @@ q ORDER BY ts_rank(s.tsv, q) DESC, s.id LIMIT :limit
        """
        params = {"query": query, "limit": limit}
    else:
        sql = """
            SELECT kind AS source, ref_id, document_id, page,
                   snippet(search_entry, 4, char(2), char(3), ' … ', 40) AS snippet
            FROM search_entry WHERE search_entry MATCH :query
            ORDER BY bm25(search_entry), rowid LIMIT :limit
        """
        params = {"query": fts5_query(query), "limit": limit}
    documents = """
        SELECT d.id, k.name, n.name, d.year, d.filename FROM document d
        JOIN namnd n ON n.id = d.namnd_id JOIN kommun k ON k.id = n.kommun_id
    """
    with engine.connect() as connection:
        rows = connection.execute(text(sql), params).all()
        about = {r[0]: r[1:] for r in connection.execute(text(documents)).all()}
        kinds = dict(connection.execute(text("SELECT id, kind FROM finding")).all())
    hits = []
    for source, ref_id, document_id, page, snippet in rows:
        kommun, namnd, year, filename = about[int(document_id)]
        kind = kinds.get(int(ref_id), source) if source == "finding" else source
        hits.append(
            Hit(kind, int(ref_id), int(document_id), None if page is None else int(page),
                snippet, kommun, namnd, int(year), filename)
        )  # fmt: skip
    return hits
