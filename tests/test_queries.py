"""The reads in pipeline/queries.py: the windowed v_answer_changes returns what the first
view returned, filters reach SQL with names matched case aside, exports stream in chunks.

The reference for v_answer_changes is the first view's own SQL (migration 0002), run on the
same database beside the new view; the other expectations come from the ground truth.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from kommunkoll import frames
from kommunkoll.pipeline import queries
from kommunkoll.pipeline.db import make_engine, upgrade_schema
from kommunkoll.pipeline.export import export
from kommunkoll.pipeline.store import store_extraction

from . import truthdb
from .truthdb import build_truth_db, located_truths, truth

truth_db = truthdb.truth_db

VON = "Vård- och omsorgsnämnden"
COLUMNS = (
    "kommun, namnd, question_key, question, year_before, year, number_before, number, "
    "answer_before, answer, comment_before, comment, page_before, page, document_id_before, "
    "document_id, namnd_id"
)


def _first_view_sql() -> str:
    """The SELECT of v_answer_changes as migration 0002 wrote it (a correlated MAX per row)."""
    first = importlib.import_module("kommunkoll.models.migrations.versions.0002_analyst_views")
    return first.V_ANSWER_CHANGES.replace("CREATE VIEW v_answer_changes AS", "", 1)


def _window_view_sql() -> str:
    """The SELECT of v_answer_changes as migration 0003 wrote it (LAG over distinct years)."""
    window = importlib.import_module(
        "kommunkoll.models.migrations.versions.0003_answer_changes_window"
    )
    return window.V_ANSWER_CHANGES.replace("CREATE VIEW v_answer_changes AS", "", 1)


def _both_views(engine: Engine) -> tuple[Counter, Counter]:
    """The current view's rows and the first view's; 0003's window view's rows (with the
    answer ids it added) equal the current view's too."""
    with engine.connect() as connection:
        new = connection.execute(text(f"SELECT {COLUMNS} FROM v_answer_changes")).all()
        old = connection.execute(text(f"SELECT {COLUMNS} FROM ({_first_view_sql()}) AS old")).all()
        ids = f"{COLUMNS}, answer_id_before, answer_id"
        current = connection.execute(text(f"SELECT {ids} FROM v_answer_changes")).all()
        window = connection.execute(text(f"SELECT {ids} FROM ({_window_view_sql()}) AS w")).all()
    assert Counter(map(tuple, current)) == Counter(map(tuple, window))
    return Counter(map(tuple, new)), Counter(map(tuple, old))


def test_answer_changes_view_returns_the_first_views_rows(database_url: str) -> None:
    engine = build_truth_db(database_url)
    new, old = _both_views(engine)
    engine.dispose()
    assert new == old
    # The ground truth's known change is among them: VON 1.3, nej in 2024, delvis in 2025.
    [before] = [a for a in truth("alingsas-von-2024-enkat")["answers"] if a["number"] == "1.3"]
    [now] = [a for a in truth("alingsas-von-2025-enkat")["answers"] if a["number"] == "1.3"]
    hits = [r for r in new if r[1] == VON and r[5] == 2025 and r[7] == "1.3"]
    assert [(r[4], r[8], r[9]) for r in hits] == [(2024, before["answer"], now["answer"])]


def test_answer_changes_view_with_a_missing_year_and_two_documents_in_one(
    database_url: str,
) -> None:
    """Alingsås VON's enkäter as if 2024's were missing and 2025's were stored twice (two
    files of one year): changes reach back to 2023, and both 2025 answers count."""
    engine = make_engine(database_url)
    upgrade_schema(engine)
    enkater = {
        e.document.year: e
        for _, e in located_truths()
        if e.document.kind == "enkat"
        and e.document.namnd == VON
        and e.document.kommun == "Alingsås"
    }
    second = enkater[2025].model_copy(deep=True)
    second.source.sha256 = "0" * 64
    second.answers[0].answer = "vet_ej" if second.answers[0].answer != "vet_ej" else "ja"
    for extraction in (enkater[2023], enkater[2025], second):
        store_extraction(engine, extraction)
    new, old = _both_views(engine)
    engine.dispose()
    assert new == old
    assert {r[4] for r in new} == {2023}
    changed_2023_2025 = {
        a.number
        for a, b in zip(enkater[2023].answers, enkater[2025].answers, strict=False)
        if a.question == b.question and (a.answer or "") != (b.answer or "")
    }
    assert changed_2023_2025  # the fixture has changes to find
    assert changed_2023_2025 <= {r[7] for r in new}
    assert {r[15] for r in new} == set(_document_ids(database_url, [enkater[2025], second]))


def _document_ids(url: str, extractions: list) -> list[int]:
    engine = make_engine(url)
    with engine.connect() as connection:
        ids = [
            connection.execute(
                text("SELECT id FROM document WHERE sha256 = :s"), {"s": e.source.sha256}
            ).scalar_one()
            for e in extractions
        ]
    engine.dispose()
    return ids


def test_filters_match_names_case_aside_in_sql(truth_db: str) -> None:
    expected = sum(len(e.answers) for _, e in located_truths() if e.document.kommun == "Alingsås")
    assert len(frames.answers(truth_db, kommun="ALINGSÅS")) == expected
    assert len(
        frames.answers(truth_db, kommun="alingsås", namnd=VON.upper(), years=(2024, 2025))
    ) == sum(
        len(e.answers)
        for _, e in located_truths()
        if e.document.kommun == "Alingsås" and e.document.namnd == VON and e.document.year >= 2024
    )
    utfall = frames.values(
        truth_db, kommun="Alingsås", namnd=VON, table_kind="DRIFT", line=" personalkostnader",
        measure="Utfall", years=(2025, 2025),
    )  # fmt: skip
    [table] = [
        t for t in truth("alingsas-von-2025-delarsbokslut")["tables"] if t["kind"] == "drift"
    ]
    [row] = [r for r in table["rows"] if r["label"] == "Personalkostnader"]
    [cell] = [c for c in row["cells"] if (c["measure"], c["year"]) == ("utfall", 2025)]
    assert list(utfall["number"]) == [cell["value"]]
    assert frames.answers(truth_db, kommun="Ingenstans").empty


def test_figure_values_reads_one_line_and_names_the_others(truth_db: str) -> None:
    engine = make_engine(truth_db)
    try:
        chosen = queries.figure_values(engine, "drift", "PERSONALKOSTNADER", "utfall", "lerum")
        assert set(chosen["kommun"]) == {"Lerum"}
        assert set(chosen["line"]) == {"Personalkostnader"}
        from kommunkoll.pipeline.compare import UnknownLine

        with pytest.raises(UnknownLine, match="Lokalhyror"):
            queries.figure_values(engine, "drift", "Ingen rad", "utfall")
        with pytest.raises(UnknownLine, match="budget"):
            queries.figure_values(engine, "drift", "Personalkostnader", "nonsense")
    finally:
        engine.dispose()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_in_small_chunks_equals_one_chunk(truth_db: str, tmp_path: Path, fmt: str) -> None:
    """Seven rows at a time (chunks where a column is all empty) give the same files."""
    engine = make_engine(truth_db)
    small = export(engine, tmp_path / "small", fmt, chunk=7)
    whole = export(engine, tmp_path / "whole", fmt, chunk=1_000_000)
    engine.dispose()
    read = {"csv": pd.read_csv, "parquet": pd.read_parquet}[fmt]
    for a, b in zip(small, whole, strict=True):
        left, right = read(a), read(b)
        pd.testing.assert_frame_equal(left, right)
    values = read(tmp_path / "small" / f"values.{fmt}")
    cells = sum(len(r.cells) for _, e in located_truths() for t in e.tables for r in t.rows)
    assert len(values) == cells
    assert str(values["page"].dtype).lower() == "int64"


HEAVY = ("pandas", "alembic", "sqlmodel", "sqlalchemy.orm", "kommunkoll.models", "pdfminer")


def test_compare_commands_load_neither_pandas_nor_alembic(truth_db: str) -> None:
    """compare answers and compare figures read plain rows from a database at the head:
    pandas (half a second to import), Alembic, the ORM with its models and the PDF reader
    stay unloaded."""
    code = (
        "import sys\n"
        "from kommunkoll.pipeline.cli import app\n"
        "for args in (['compare', 'answers', '--kommun', 'Alingsås'],\n"
        "             ['compare', 'figures', '--table', 'drift', '--line', 'Personalkostnader']):\n"
        "    app([*args, '--db', sys.argv[1]], standalone_mode=False)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, truth_db], capture_output=True, text=True, check=True
    )
    assert "Personalkostnader" in run.stdout
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_head_read_from_the_migration_files_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    from kommunkoll.pipeline.db import head_revision, migrations_folder

    with migrations_folder() as config:
        heads = ScriptDirectory.from_config(config).get_heads()
    assert [head_revision()] == heads


def test_parquet_columns_keep_their_types_on_both_databases(
    database_url: str, tmp_path: Path
) -> None:
    """The columns a database hands back in its own way come out alike: `ok` a bool (SQLite
    says 0 or 1), `ingested_at` a time in UTC (SQLite says text), entities JSON text
    (PostgreSQL hands back parsed lists)."""
    import json
    from datetime import UTC, datetime, timedelta

    import pyarrow.parquet as pq

    engine = build_truth_db(database_url)
    export(engine, tmp_path, "parquet", chunk=7)
    engine.dispose()
    extractions = [e for _, e in located_truths()]
    checks = pq.read_table(tmp_path / "checks.parquet")
    assert str(checks.schema.field("ok").type) == "bool"
    stored = [c.ok for e in extractions for t in e.tables for c in t.checks]
    assert Counter(checks.column("ok").to_pylist()) == Counter(stored)
    documents = pq.read_table(tmp_path / "documents.parquet")
    assert str(documents.schema.field("ingested_at").type) == "timestamp[us, tz=UTC]"
    now = datetime.now(UTC)
    for moment in documents.column("ingested_at").to_pylist():
        assert now - timedelta(hours=1) < moment <= now
    findings = pq.read_table(tmp_path / "findings.parquet").to_pylist()
    # A finding without entities is JSON null on SQLite and SQL NULL on PostgreSQL.
    written = Counter(
        json.dumps(json.loads(f["entities"] or "null"), sort_keys=True) for f in findings
    )
    expected = Counter(
        json.dumps(f.entities.model_dump(mode="json") if f.entities else None, sort_keys=True)
        for e in extractions
        for f in e.findings
    )
    assert written == expected
