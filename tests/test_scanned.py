"""Scanned questionnaires and a scanned delårsbokslut (samples/scanned/, made by
samples/scan.py) read by real Tesseract against their originals' ground truth.

Each enkät scan is extracted once for this module (its answers and its comments are two
tests of one reading); every answer must equal the expected JSON's, one by one, and the
comments reach a token Jaccard similarity of at least 0.9 with the originals' (OCR
misreads a letter now and then: a threshold, not an equality). The delårsbokslut's table
cells are compared by table kind, row label, measure and year; the cells OCR still gets
wrong are listed here exactly, so a regression and an improvement both show.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kommunkoll.extractors import extract_pdf

SCANNED = Path(__file__).resolve().parent.parent / "samples" / "scanned"

ENKATER = [
    "alingsas-kultur-och-fritidsnamnden-2025-enkat-scan",
    "alingsas-socialnamnden-2025-enkat-scan",
    "alingsas-von-2024-enkat-scan",
]


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _jaccard(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    return 1.0 if not ta and not tb else len(ta & tb) / len(ta | tb)


@pytest.fixture(scope="module", params=ENKATER)
def scanned_enkat(request: pytest.FixtureRequest) -> tuple[str, Any, dict]:
    """(its name, the extraction, the expected JSON) of one scanned enkät."""
    pdf = SCANNED / f"{request.param}.pdf"
    truth = json.loads(pdf.with_name(f"{request.param}.expected.json").read_text("utf-8"))
    return request.param, extract_pdf(pdf), truth


@pytest.mark.slow
def test_scanned_answers_match_the_original(scanned_enkat: tuple[str, Any, dict]) -> None:
    _, extraction, truth = scanned_enkat
    got = [(a.number, a.answer) for a in extraction.answers]
    assert got == [(t["number"], t["answer"]) for t in truth["answers"]]
    for answer in extraction.answers:
        assert answer.model_extra["ocr"] is True
        assert 0 <= answer.model_extra["confidence"] <= 100
    assert extraction.document.model_extra["ocr"]["pages"] == list(
        range(1, truth["source"]["pages"] + 1)
    )


@pytest.mark.slow
def test_scanned_comments_reach_the_originals(scanned_enkat: tuple[str, Any, dict]) -> None:
    _, extraction, truth = scanned_enkat
    got = {a.number: a.comment for a in extraction.answers}
    assert sorted(got) == sorted(t["number"] for t in truth["answers"])
    scores = [_jaccard(got[t["number"]], t["comment"]) for t in truth["answers"]]
    assert sum(scores) / len(scores) >= 0.9


# Table cells of the scanned delårsbokslut not yet read as the original gives them, as
# (table kind, row label, measure, year); every other cell must equal the ground truth.
KNOWN_CELL_MISSES: dict[str, set[tuple[str, str, str, int]]] = {
    "alingsas-socialnamnden-2025-delarsbokslut-scan": set(),
}


def _cells(tables: list[dict]) -> dict[tuple[str, str, str, int], object]:
    return {
        (t["kind"], " ".join(r["label"].split()), c["measure"], c["year"]): c["value"]
        for t in tables
        for r in t["rows"]
        for c in r["cells"]
    }


@pytest.mark.slow
@pytest.mark.parametrize("stem", sorted(KNOWN_CELL_MISSES))
def test_scanned_report_cells_match_the_original(stem: str) -> None:
    pdf = SCANNED / f"{stem}.pdf"
    truth = json.loads(pdf.with_name(f"{stem}.expected.json").read_text(encoding="utf-8"))
    got = _cells(extract_pdf(pdf).model_dump()["tables"])
    expected = _cells(truth["tables"])
    assert len(expected) == 138  # the original's cells, all of which the scan must give
    wrong = {key for key, value in expected.items() if key not in got or got[key] != value}
    assert wrong == KNOWN_CELL_MISSES[stem]


@pytest.mark.parametrize(
    "truth", sorted(SCANNED.glob("*-scan.expected.json")), ids=lambda p: p.stem
)
def test_a_scan_expects_what_its_original_expects(truth: Path) -> None:
    """A scan's ground truth is its original's, but for the file it is (source) and how it
    was scanned (scan): a sample regenerated without its scan is caught here."""
    original = truth.parent.parent / truth.name.replace("-scan.expected.json", ".expected.json")
    scan = json.loads(truth.read_text(encoding="utf-8"))
    want = json.loads(original.read_text(encoding="utf-8"))
    assert set(scan) - set(want) == {"scan"}
    assert {k: v for k, v in scan.items() if k not in ("scan", "source")} == {
        k: v for k, v in want.items() if k != "source"
    }
    assert {k: v for k, v in scan["source"].items() if k not in ("filename", "sha256")} == {
        k: v for k, v in want["source"].items() if k not in ("filename", "sha256")
    }
