"""Storing in a real SQLite file: counts, idempotence, hierarchy, one transaction a document."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from kommunkoll.extractors.contract import Extraction
from kommunkoll.models import Answer, Document, Finding, Line, Value
from kommunkoll.pipeline.db import create_schema, make_engine
from kommunkoll.pipeline.store import document_counts, store_extraction

from .conftest import expected_for, sample_pdfs

SAMPLES = sample_pdfs()


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    create_schema(engine)
    yield engine
    engine.dispose()


def test_sqlite_file_uses_wal(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert (tmp_path / "test.db").exists()


@pytest.mark.parametrize("pdf", SAMPLES, ids=[p.name for p in SAMPLES])
def test_ground_truth_stores_every_value(engine, pdf: Path) -> None:  # type: ignore[no-untyped-def]
    """The expected JSON is contract-shaped: storing it must keep every value, answer, finding."""
    truth = Extraction.model_validate(expected_for(pdf))
    assert store_extraction(engine, truth) is not None
    [counts] = document_counts(engine)
    cells = sum(len(row.cells) for table in truth.tables for row in table.rows)
    assert counts["tables"] == len(truth.tables)
    assert counts["values"] == cells
    assert counts["answers"] == len(truth.answers)
    assert counts["findings"] == len(truth.findings)
    assert counts["namnd"] == truth.document.namnd
    with Session(engine) as session:
        stored = session.exec(select(Value.number)).all()
    printed = [c.value for t in truth.tables for r in t.rows for c in r.cells]
    assert sorted(stored, key=repr) == sorted(printed, key=repr)


def test_same_document_twice_adds_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    truth = Extraction.model_validate(expected_for(SAMPLES[0]))
    first = store_extraction(engine, truth)
    assert first is not None
    assert store_extraction(engine, truth) is None
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Document)).one() == 1


def test_investment_lines_keep_their_parent(engine) -> None:  # type: ignore[no-untyped-def]
    with_parents = [
        p
        for p in SAMPLES
        if any("parent" in r for t in expected_for(p)["tables"] for r in t["rows"])
    ]
    assert with_parents, "some sample must have Investeringar sub-lines"
    truth = Extraction.model_validate(expected_for(with_parents[0]))
    store_extraction(engine, truth)
    expected = {
        r.label: r.parent  # type: ignore[attr-defined]
        for t in truth.tables
        for r in t.rows
        if getattr(r, "parent", None)
    }
    with Session(engine) as session:
        lines = {line.id: line for line in session.exec(select(Line)).all()}
        stored = {
            line.label: lines[line.parent_id].label for line in lines.values() if line.parent_id
        }
    assert stored == expected


def test_failure_mid_document_stores_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    """A row that breaks a constraint half-way must roll the whole document back."""
    payload = expected_for(next(p for p in SAMPLES if expected_for(p)["tables"]))
    row = payload["tables"][-1]["rows"][-1]
    row["cells"].append(dict(row["cells"][0]))  # the same (measure, year) twice on one line
    with pytest.raises(IntegrityError):
        store_extraction(engine, Extraction.model_validate(payload))
    with Session(engine) as session:
        for model in (Document, Line, Value, Answer, Finding):
            assert session.exec(select(func.count()).select_from(model)).one() == 0
