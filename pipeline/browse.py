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

VIEW_DOCS = {
    "v_values": (
        "Every table value, one row each: kommun, nämnd, the report's year (document_year), "
        "table, line (and parent line), measure, the column's year, number, unit, and where it "
        "is printed (page, x0/top/x1/bottom in PDF points from the page's top left)."
    ),
    "v_answers": (
        "Every enkät answer: kommun, nämnd, year, the question's stable key and latest "
        "wording, its number and wording as printed, answer (ja, nej, delvis, vet_ej or "
        "empty), comment, page."
    ),
    "v_answer_changes": (
        "Answers that differ from the same nämnd's answer to the same question in the "
        "nearest earlier year: both years, both answers, both comments."
    ),
    "v_findings": (
        "Risks, actions and decisions found in the text, with their page and named entities."
    ),
}


def sqlite_path(url: str) -> Path:
    """The file behind a SQLite URL; Datasette reads SQLite files only."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise ValueError(
            f"Datasette reads SQLite files; {parsed.render_as_string(hide_password=True)} is not"
            " one (use a SQL client, or `kommunkoll export`)"
        )
    return Path(parsed.database).resolve()


def metadata(database: str) -> dict:
    return {
        "title": "kommunkoll",
        "description": "Swedish municipal reports as tidy data. Start with the v_ views.",
        "databases": {
            database: {"tables": {name: {"description": text} for name, text in VIEW_DOCS.items()}}
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
