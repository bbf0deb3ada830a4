"""Every sample questionnaire against its ground truth: each question, answer, comment, page.

Nothing here knows which sample is which: the questionnaires are found by their expected
kind and compared answer by answer with `<name>.expected.json`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.contract import Extraction

from .conftest import expected_for, manifest, sample_pdfs

ENKATER = [p for p in sample_pdfs() if expected_for(p)["document"]["kind"] == "enkat"]
IDS = [p.name for p in ENKATER]


@cache
def extracted(pdf: Path) -> Extraction:
    return extract_pdf(pdf)


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_there_are_questionnaires() -> None:
    listed = sorted(s["pdf"] for s in manifest() if s["kind"] == "enkat")
    assert [p.name for p in ENKATER] == listed


@pytest.mark.parametrize("pdf", ENKATER, ids=IDS)
def test_every_answer_matches_the_ground_truth(pdf: Path) -> None:
    truth = expected_for(pdf)["answers"]
    got = extracted(pdf).answers
    assert [a.number for a in got] == [t["number"] for t in truth]
    for answer, expected in zip(got, truth, strict=True):
        where = f"{pdf.name} {expected['number']}"
        assert answer.question == expected["question"], where
        assert answer.answer == expected["answer"], where
        assert answer.page == expected["page"], where
        assert _squash(answer.comment) == _squash(expected["comment"]), where
        assert answer.fields == expected.get("fields", {}), where


@pytest.mark.parametrize("pdf", ENKATER, ids=IDS)
def test_comment_paragraphs_follow_the_print(pdf: Path) -> None:
    """Paragraph breaks (list items, new paragraphs) survive as line breaks in the comment."""
    truth = expected_for(pdf)["answers"]
    for answer, expected in zip(extracted(pdf).answers, truth, strict=True):
        assert answer.comment == expected["comment"], f"{pdf.name} {expected['number']}"


@pytest.mark.parametrize("pdf", ENKATER, ids=IDS)
def test_answers_are_traceable_and_clean(pdf: Path) -> None:
    extraction = extracted(pdf)
    assert extraction.warnings == []
    for answer in extraction.answers:
        assert answer.flags == []
        assert answer.bbox is not None and answer.bbox[0] < answer.bbox[2]
        assert answer.section and answer.section.split()[0] == answer.number.split(".")[0]
        for mark in answer.marks:
            assert mark.column == answer.answer
            assert mark.page == answer.page


def test_every_mark_kind_is_read_from_some_sample() -> None:
    kinds = {m.kind for pdf in ENKATER for a in extracted(pdf).answers for m in a.marks}
    assert kinds == {"text", "glyph", "drawn", "form"}


def _repeated_lines(pdf: Path) -> set[str]:
    """Lines printed on two or more pages (running heads and feet), read with plain
    pdfplumber, and every page's number as printed alone on a line."""
    import re

    import pdfplumber

    seen: dict[str, int] = {}
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            lines = (page.extract_text() or "").splitlines()
            # a page number printed on the header's line differs from page to page
            for line in {re.sub(r"\s*\d{1,3}$", "", _squash(t)) for t in lines}:
                seen[line] = seen.get(line, 0) + 1
    return {line for line, pages in seen.items() if pages >= 2 and len(line) > 3}


@pytest.mark.parametrize("pdf", ENKATER, ids=IDS)
def test_no_running_header_or_page_number_leaks(pdf: Path) -> None:
    """No comment or question holds a line the PDF repeats on every page, nor a page number
    line; unless the ground truth itself has that text there."""
    import re

    truth = {t["number"]: t for t in expected_for(pdf)["answers"]}
    furniture = _repeated_lines(pdf)
    for answer in extracted(pdf).answers:
        want = truth[answer.number]
        for field in ("comment", "question"):
            got = getattr(answer, field)
            for line in furniture:
                assert (line in _squash(got)) == (line in _squash(want[field])), (field, line)
            lines = [x.strip() for x in got.splitlines()]
            assert not any(
                re.fullmatch(r"(?:sida\s+)?\d{1,3}(?:\s*\(\d{1,3}\))?", x) for x in lines
            )


def test_the_leak_test_sees_the_running_headers() -> None:
    """The reportlab questionnaires print "<kommun> kommun – Grundläggande granskning <year>"
    on every page (samples/README.md); the LibreOffice ones print no running header."""
    with_header = [
        p.stem
        for p in ENKATER
        if any(line.endswith("– Grundläggande granskning 2025") or line.endswith("2024")
               for line in _repeated_lines(p))
    ]  # fmt: skip
    assert with_header == [
        "alingsas-socialnamnden-2025-enkat",
        "alingsas-von-2024-enkat",
        "lerum-von-2025-enkat",
    ]
