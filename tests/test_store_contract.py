"""The whole contract is stored: internkontroll, answer provenance, finding origin, cell text.

Internal controls are compared with the ground truth the generator wrote; the answer and
cell provenance (which the ground truth does not carry) must come back exactly as the
extraction handed it to the store, and fill on `reprocess` for documents stored before.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import text

from kommunkoll import frames, vocabulary
from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.contract import Extraction, Finding
from kommunkoll.extractors.numbers import parse_number
from kommunkoll.pipeline.db import make_engine, upgrade_schema
from kommunkoll.pipeline.export import export
from kommunkoll.pipeline.flows import ingest_flow, reprocess_flow
from kommunkoll.pipeline.store import store_extraction

from .conftest import ROOT, expected_for

REPORT = ROOT / "samples" / "alingsas-von-2025-delarsbokslut.pdf"
ENKAT = ROOT / "samples" / "alingsas-von-2024-enkat.pdf"
RANDOM_ENKAT = ROOT / "samples" / "random-enkat" / "enkat-00104-columns-reportlab.pdf"


def _json(value: object) -> object:
    return json.loads(value) if isinstance(value, str) else value


def test_internal_controls_are_stored_as_the_ground_truth_has_them(database_url: str) -> None:
    engine = make_engine(database_url)
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
    origins = [(f.text, f.origin) for f in frames.findings(engine).itertuples()]
    # The ground truth's findings carry no origin: the contract's default is stored for each.
    default = Finding.model_fields["origin"].default
    assert origins == [(f["text"], f.get("origin", default)) for f in truth["findings"]]
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
        stored = [_mark(row)] if _present(row.mark_page) else []
        stored += _json(row.other_marks) or []
        assert stored == [m.model_dump(mode="json") for m in answer.marks]
        assert _json(row.flags) == answer.flags and _json(row.fields) == answer.fields
        assert int(row.boxes) == answer.boxes
        assert (row.x0, row.top, row.x1, row.bottom) == tuple(answer.bbox or (None,) * 4)
    with engine.connect() as connection:
        texts = [r[0] for r in connection.execute(text("SELECT text FROM value ORDER BY id"))]
        kinds = {r[0] for r in connection.execute(text("SELECT origin FROM finding"))}
    printed = [c.text for t in report.tables for r in t.rows for c in r.cells]
    assert texts == printed and all(isinstance(t, str) for t in printed) and printed
    assert kinds == {f.origin for f in enkat.findings + report.findings}
    files = {p.name for p in export(engine, tmp_path / "out", "csv")}
    assert {"internal_controls.csv", "answer_details.csv"} <= files
    engine.dispose()


def test_stored_marks_and_cell_text_agree_with_the_ground_truth(database_url: str) -> None:
    """Each answered question's stored mark sits in the column the generator marked, on the
    question's page; an unmarked one has none; each cell's printed text reads as its value
    (SQLite and PostgreSQL alike: JSON columns come back as text on one, parsed on the other)."""
    engine = make_engine(database_url)
    upgrade_schema(engine)
    store_extraction(engine, extract_pdf(RANDOM_ENKAT), path=RANDOM_ENKAT)
    store_extraction(engine, extract_pdf(REPORT), path=REPORT)
    truth = expected_for(RANDOM_ENKAT)["answers"]
    details = frames.answer_details(engine, filename=RANDOM_ENKAT.name).sort_values("answer_id")
    assert [r.number for r in details.itertuples()] == [a["number"] for a in truth]
    for row, expected in zip(details.itertuples(), truth, strict=True):
        if expected["answer"] is None:
            assert not _present(row.mark_page), row.number
            continue
        assert row.mark_column == expected["answer"], row.number
        assert int(row.mark_page) == expected["page"], row.number
        assert row.mark_x0 < row.mark_x1 and row.mark_top < row.mark_bottom
        assert row.mark_kind in vocabulary.MARK_KINDS and _json(row.other_marks) is None
    assert sum(a["answer"] is not None for a in truth) == details["mark_page"].notna().sum()
    values = frames.values(engine, filename=REPORT.name)
    expected_cells = {
        (table["kind"], row["label"], cell["measure"], cell["year"]): cell["value"]
        for table in expected_for(REPORT)["tables"]
        for row in table["rows"]
        for cell in row["cells"]
    }
    read = {
        (v.table_kind, v.line, v.measure, v.year): parse_number(v.text) for v in values.itertuples()
    }
    assert read == expected_cells
    engine.dispose()


def _present(value: object) -> bool:
    return value is not None and value == value  # pandas hands back NaN for a null integer


def _mark(row: object) -> dict[str, object]:
    """The stored marked box in the contract's shape."""
    box = [getattr(row, f"mark_{side}") for side in ("x0", "top", "x1", "bottom")]
    return {"column": row.mark_column, "kind": row.mark_kind,  # type: ignore[attr-defined]
            "page": int(row.mark_page), "bbox": box}  # type: ignore[attr-defined]  # fmt: skip


def test_reprocess_fills_what_an_older_store_dropped(prefect_api: str, tmp_path: Path) -> None:
    """Documents stored before 0004 (columns empty, no internal_control rows, extractor 2)
    get the whole contract from `reprocess`, as the ground truth has it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for pdf in (REPORT, RANDOM_ENKAT):
        shutil.copy(pdf, inbox / pdf.name)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert len(ingest_flow([str(inbox)], db=url).stored) == 2
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM internal_control"))
        connection.execute(
            text(
                "UPDATE answer SET section = NULL, boxes = NULL, mark_column = NULL, "
                "mark_kind = NULL, other_marks = NULL, flags = NULL, fields = NULL"
            )
        )
        connection.execute(text("UPDATE finding SET origin = NULL"))
        connection.execute(text("UPDATE value SET text = NULL"))
        connection.execute(text("UPDATE document SET extractor_version = '2'"))
    outcome = reprocess_flow(db=url)
    assert sorted(outcome.stored) == sorted([REPORT.name, RANDOM_ENKAT.name])
    controls = frames.internal_controls(engine)
    assert [(r.risk, int(r.page)) for r in controls.drop_duplicates("position").itertuples()] == [
        (ic["risk"], ic["page"]) for ic in expected_for(REPORT)["internal_controls"]
    ]
    truth = expected_for(RANDOM_ENKAT)["answers"]
    details = frames.answer_details(engine, filename=RANDOM_ENKAT.name).sort_values("answer_id")
    assert [r.mark_column for r in details.itertuples() if _present(r.mark_column)] == [
        a["answer"] for a in truth if a["answer"] is not None
    ]
    assert details["boxes"].notna().all() and details["flags"].notna().all()
    with engine.connect() as connection:
        nulls = connection.execute(text("SELECT count(*) FROM value WHERE text IS NULL"))
        assert nulls.scalar_one() == 0
        origins = connection.execute(text("SELECT count(*) FROM finding WHERE origin IS NULL"))
        assert origins.scalar_one() == 0
    engine.dispose()


def test_every_exported_column_has_a_swedish_title(tmp_path: Path) -> None:
    """The xlsx export is for people: no column of any exported table keeps its snake_case
    name there."""
    from kommunkoll.pipeline.queries import EXPORTS, stream
    from kommunkoll.vocabulary import EXPORT_TITLES

    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    upgrade_schema(engine)
    untitled = {
        name: [c for c in next(stream(engine, sql))[0] if c not in EXPORT_TITLES]
        for name, sql in EXPORTS.items()
    }
    assert untitled == {name: [] for name in EXPORTS}
    engine.dispose()
