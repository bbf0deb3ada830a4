"""The whole contract is stored: internkontroll, answer provenance, finding origin, cell text.

Internal controls are compared with the ground truth the generator wrote; the answer and
cell provenance (which the ground truth does not carry) must come back exactly as the
extraction handed it to the store, and fill on `reprocess` for documents stored before.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from kommunkoll import frames
from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.contract import Extraction
from kommunkoll.pipeline.db import make_engine, upgrade_schema
from kommunkoll.pipeline.export import export
from kommunkoll.pipeline.store import store_extraction

from .conftest import ROOT, expected_for

REPORT = ROOT / "samples" / "alingsas-von-2025-delarsbokslut.pdf"
ENKAT = ROOT / "samples" / "alingsas-von-2024-enkat.pdf"


def _json(value: object) -> object:
    return json.loads(value) if isinstance(value, str) else value


def test_internal_controls_are_stored_as_the_ground_truth_has_them(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    upgrade_schema(engine)
    truth = expected_for(REPORT)
    store_extraction(engine, Extraction.model_validate(truth), path=REPORT)
    stored = frames.internal_controls(engine)
    got = [
        {
            "risk": r.risk,
            "riskbeskrivning": r.riskbeskrivning,
            "riskvarde": int(r.riskvarde),
            "page": int(r.page),
            "controls": _json(r.controls),
        }
        for r in stored.itertuples()
    ]
    assert got == truth["internal_controls"]
    origins = frames.findings(engine)
    with engine.connect() as connection:
        stored_origins = [row[0] for row in connection.execute(text("SELECT origin FROM finding"))]
    assert len(stored_origins) == len(origins) == len(truth["findings"])
    engine.dispose()


def test_answer_provenance_and_cell_text_round_trip(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    upgrade_schema(engine)
    enkat, report = extract_pdf(ENKAT), extract_pdf(REPORT)
    store_extraction(engine, enkat, path=ENKAT)
    store_extraction(engine, report, path=REPORT)
    details = frames.answer_details(engine, filename=ENKAT.name).sort_values("answer_id")
    assert len(details) == len(enkat.answers)
    for row, answer in zip(details.itertuples(), enkat.answers, strict=True):
        assert row.number == answer.number and row.section == answer.section
        assert _json(row.marks) == [m.model_dump(mode="json") for m in answer.marks]
        assert _json(row.flags) == answer.flags and _json(row.fields) == answer.fields
        assert int(row.boxes) == answer.boxes
        assert (row.x0, row.top, row.x1, row.bottom) == tuple(answer.bbox or (None,) * 4)
    assert sum(len(_json(m)) for m in details["marks"]) == sum(len(a.marks) for a in enkat.answers)
    with engine.connect() as connection:
        texts = [r[0] for r in connection.execute(text("SELECT text FROM value ORDER BY id"))]
        kinds = {r[0] for r in connection.execute(text("SELECT origin FROM finding"))}
    printed = [c.text for t in report.tables for r in t.rows for c in r.cells]
    assert texts == printed and any(printed)
    assert kinds == {f.origin for f in enkat.findings + report.findings}
    files = {p.name for p in export(engine, tmp_path / "out", "csv")}
    assert {"internal_controls.csv", "answer_details.csv"} <= files
    engine.dispose()
