"""`kommunkoll browse`: the database in Datasette, read-only, with the analyst views described.

Datasette opens a database file given on its command line with SQLite's `mode=ro` for every
query, and offers no writing without a plugin, so browsing cannot change the data.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from kommunkoll.vocabulary import (
    DATASETTE_DESCRIPTION,
    DATASETTE_QUERIES,
    DATASETTE_SQLITE_ONLY,
    DATASETTE_VIEWS,
)

VIEW_DOCS = DATASETTE_VIEWS

# Saved queries Datasette lists beside the views (name → title, SQL).
QUERIES = {
    "andrade_svar_i_ar": (
        DATASETTE_QUERIES["andrade_svar_i_ar"],
        "SELECT kommun, namnd, number, question, year_before, answer_before, year, answer, "
        "comment_before, comment FROM v_answer_changes "
        "WHERE year = (SELECT MAX(year) FROM v_answer_changes) ORDER BY kommun, namnd, number",
    ),
    "personalkostnader_per_namnd": (
        DATASETTE_QUERIES["personalkostnader_per_namnd"],
        "SELECT v.kommun, v.namnd, v.year, v.number, v.unit, v.document_year, v.filename, "
        "v.page FROM v_values v WHERE v.table_kind = 'drift' "
        "AND v.line = 'Personalkostnader' AND v.measure = 'utfall' "
        "AND v.document_year = (SELECT MAX(w.document_year) FROM v_values w "
        "WHERE w.namnd_id = v.namnd_id AND w.table_kind = v.table_kind AND w.line = v.line "
        "AND w.measure = v.measure AND w.year = v.year) ORDER BY v.kommun, v.namnd, v.year",
    ),
    "beslut_per_namnd": (
        DATASETTE_QUERIES["beslut_per_namnd"],
        "SELECT kommun, namnd, year, COUNT(*) AS beslut FROM v_findings "
        "WHERE kind = 'decision' GROUP BY kommun, namnd, year ORDER BY kommun, namnd, year",
    ),
}


def sqlite_path(url: str) -> Path:
    """The file behind a SQLite URL; Datasette reads SQLite files only."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise ValueError(
            DATASETTE_SQLITE_ONLY.format(shown=parsed.render_as_string(hide_password=True))
        )
    return Path(parsed.database).resolve()


def metadata(database: str) -> dict:
    return {
        "title": "kommunkoll",
        "description": DATASETTE_DESCRIPTION,
        "databases": {
            database: {
                "tables": {name: {"description": text} for name, text in VIEW_DOCS.items()},
                "queries": {
                    name: {"title": title, "sql": sql} for name, (title, sql) in QUERIES.items()
                },
            }
        },
    }


def datasette_command(
    path: Path, host: str = "127.0.0.1", port: int = 8001, metadata_file: Path | None = None
) -> list[str]:
    """The argv that serves `path` read-only on host:port with the views' descriptions."""
    if metadata_file is None:
        # Outlives this process: `browse` replaces itself with Datasette, which reads it.
        descriptor, name = tempfile.mkstemp(suffix=".json", prefix="kommunkoll-datasette-")
        os.close(descriptor)
        metadata_file = Path(name)
    metadata_file.write_text(json.dumps(metadata(path.stem), ensure_ascii=False), "utf-8")
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(path),
        "--host",
        host,
        "--port",
        str(port),
        "--metadata",
        str(metadata_file),
        "--setting",
        "sql_time_limit_ms",
        "5000",
    ]
