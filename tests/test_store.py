"""Storing in a real SQLite file and a real PostgreSQL database: counts, idempotence,
hierarchy, one transaction a document, replacing a document's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.contract import Extraction, Extractor
from kommunkoll.models import (
    Answer,
    Check,
    Document,
    Finding,
    IngestError,
    Line,
    ReportTable,
    Value,
)
from kommunkoll.pipeline.db import create_schema, make_engine
from kommunkoll.pipeline.queries import document_counts
from kommunkoll.pipeline.store import (
    record_ingest_error,
    replace_extraction,
    snapshot,
    store_extraction,
)

from .conftest import expected_for, sample_pdfs

SAMPLES = sample_pdfs()


@pytest.fixture
def engine(database_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(database_url)
    create_schema(engine)
    yield engine
    engine.dispose()


def test_sqlite_file_uses_wal(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    create_schema(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert (tmp_path / "test.db").exists()
    engine.dispose()


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


def _with_tables() -> Extraction:
    return Extraction.model_validate(
        expected_for(next(p for p in SAMPLES if expected_for(p)["tables"]))
    )


def test_replace_swaps_every_row_in_one_go(engine) -> None:  # type: ignore[no-untyped-def]
    """A re-extraction replaces the document's rows; the document keeps its id and path."""
    truth = _with_tables()
    first = store_extraction(engine, truth, path="/srv/inbox/processed/x.pdf")
    fewer = truth.model_copy(deep=True)
    fewer.tables = fewer.tables[:1]
    fewer.extractor = Extractor(version="9", extractor_version="9")
    assert replace_extraction(engine, fewer) == first
    [counts] = document_counts(engine)
    assert counts["tables"] == 1
    assert counts["values"] == sum(len(r.cells) for r in truth.tables[0].rows)
    with Session(engine) as session:
        document = session.exec(select(Document)).one()
        assert (document.extractor_version, document.path) == ("9", "/srv/inbox/processed/x.pdf")
        lines = session.exec(select(func.count()).select_from(Line)).one()
    assert lines == len(truth.tables[0].rows)


def test_failed_replace_keeps_the_old_rows(engine) -> None:  # type: ignore[no-untyped-def]
    truth = _with_tables()
    store_extraction(engine, truth)
    before = snapshot(engine)
    broken = truth.model_dump(mode="json")
    broken["tables"][-1]["rows"][-1]["cells"].append(broken["tables"][-1]["rows"][-1]["cells"][0])
    with pytest.raises(IntegrityError):
        replace_extraction(engine, Extraction.model_validate(broken))
    assert snapshot(engine) == before


def test_checks_and_entities_are_stored(engine) -> None:  # type: ignore[no-untyped-def]
    """Fields the contract may grow (Table.checks, Finding.entities) land in their columns."""
    payload = _with_tables().model_dump(mode="json")
    payload["tables"][0]["checks"] = [
        {"name": "sum of lines", "ok": False, "expected": 1200, "found": 1150.5}
    ]
    payload["findings"] = [
        {
            "kind": "risk",
            "text": "Underskott inom hemtjänsten",
            "page": 2,
            "entities": {"units": ["hemtjänsten"], "amounts": ["2,3 mnkr"]},
        }
    ]
    store_extraction(engine, Extraction.model_validate(payload))
    with Session(engine) as session:
        check = session.exec(select(Check)).one()
        finding = session.exec(select(Finding)).one()
        table = session.exec(select(ReportTable).where(ReportTable.position == 0)).one()
    assert (check.name, check.ok, check.expected, check.found) == (
        "sum of lines",
        False,
        1200,
        1150.5,
    )
    assert check.table_id == table.id
    assert finding.entities["amounts"] == ["2,3 mnkr"]
    assert finding.entities["units"] == ["hemtjänsten"]


def test_ingest_error_is_recorded_once_per_file(engine) -> None:  # type: ignore[no-untyped-def]
    record_ingest_error(engine, "locked.pdf", "a" * 64, "encrypted", "needs a password")
    record_ingest_error(engine, "locked.pdf", "a" * 64, "encrypted", "needs a password")
    record_ingest_error(engine, "other.pdf", "b" * 64, "truncated", "cut off")
    with Session(engine) as session:
        rows = session.exec(select(IngestError).order_by(IngestError.filename)).all()
    assert [(r.filename, r.code) for r in rows] == [
        ("locked.pdf", "encrypted"),
        ("other.pdf", "truncated"),
    ]


def test_stored_values_keep_page_bbox_and_parents(engine) -> None:  # type: ignore[no-untyped-def]
    """Every cell of a report with sub-lines is stored with its page and box, under the
    parent line the ground truth gives it."""
    pdf = next(
        p
        for p in SAMPLES
        if expected_for(p)["document"]["kind"] == "delarsbokslut"
        and any(r.get("parent") for t in expected_for(p)["tables"] for r in t["rows"])
    )
    store_extraction(engine, extract_pdf(pdf))
    tables = expected_for(pdf)["tables"]
    with Session(engine) as session:
        values = session.exec(select(Value)).all()
        lines = {line.id: line for line in session.exec(select(Line)).all()}
    assert len(values) == sum(len(r["cells"]) for t in tables for r in t["rows"])
    assert all(v.page and None not in (v.x0, v.top, v.x1, v.bottom) for v in values)
    parents = {line.label: lines[line.parent_id].label for line in lines.values() if line.parent_id}
    truth = {r["label"]: r["parent"] for t in tables for r in t["rows"] if r.get("parent")}
    assert parents == truth


def test_a_documents_warnings_are_stored_and_make_it_varning(engine) -> None:  # type: ignore[no-untyped-def]
    """A file the parser repaired is read, and its warning outlives the terminal: stored with
    the document, counted, shown on the document's page, and the document is "varning"."""
    from fastapi.testclient import TestClient

    from kommunkoll.extractors import extract_pdf
    from kommunkoll.pipeline.web.app import create_app

    repaired = Path(__file__).resolve().parent / "hostile" / "checksum-damaged.pdf"
    warning = (
        "PDF-läsaren reparerade filen, text kan saknas: "
        "Data-loss while decompressing corrupted data"
    )
    document_id = store_extraction(engine, extract_pdf(repaired))
    clean = Extraction.model_validate(expected_for(SAMPLES[0]))
    assert clean.warnings == []
    store_extraction(engine, clean)
    with Session(engine) as session:
        stored = {d.filename: d.warnings for d in session.exec(select(Document))}
    assert stored == {"checksum-damaged.pdf": [warning], SAMPLES[0].name: []}
    status = {c["filename"]: (c["status"], c["warnings"]) for c in document_counts(engine)}
    assert status == {"checksum-damaged.pdf": ("varning", 1), SAMPLES[0].name: ("ok", 0)}
    with TestClient(create_app(engine)) as client:
        page = client.get(f"/documents/{document_id}").text
        assert f'<li class="warn">{warning}</li>' in page
        listed = client.get("/").text
        assert f"<div>{warning}</div>" in listed
