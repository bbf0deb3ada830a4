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

from .conftest import expected_for, sample_pdfs

ENKATER = [p for p in sample_pdfs() if expected_for(p)["document"]["kind"] == "enkat"]
IDS = [p.name for p in ENKATER]


@cache
def extracted(pdf: Path) -> Extraction:
    return extract_pdf(pdf)


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_there_are_questionnaires() -> None:
    assert len(ENKATER) >= 5


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


def test_no_running_header_or_page_number_leaks() -> None:
    for pdf in ENKATER:
        kommun = expected_for(pdf)["document"]["kommun"]
        for answer in extracted(pdf).answers:
            assert f"{kommun} kommun – Grundläggande" not in answer.comment
            assert f"{kommun}s kommun – Grundläggande" not in answer.comment
