"""Committed random enkäter (samples/random-enkat/, made by samples/generate_random_enkat.py):
every answer, flag, question, instruction and comment equal to the generator's ground truth,
exactly (whole strings).

A regression set (no LibreOffice or Chromium needed to run it), not proof: the held-out
figures come from `benchmarks/answers.py --random 200 --seed 1000`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf

FOLDER = Path(__file__).resolve().parent.parent / "samples" / "random-enkat"
PDFS = sorted(FOLDER.glob("*.pdf"))


def test_the_set_covers_every_form_and_producer() -> None:
    names = [p.stem.split("-") for p in PDFS]
    forms = ("columns", "shaded", "svar", "label", "options")
    producers = ("reportlab", "libreoffice", "chromium")
    assert {(n[2], n[3]) for n in names} == {(f, p) for f in forms for p in producers}


def test_the_set_has_instructions_unread_answers_and_a_wrapped_question() -> None:
    truths = [json.loads(p.with_name(f"{p.stem}.expected.json").read_text()) for p in PDFS]
    answers = [a for t in truths for a in t["answers"]]
    styles = {
        t["draw"]["instruction_style"]
        for t in truths
        if any(a["instruction"] for a in t["answers"])
    }
    assert styles == {"italic", "bold", "plain"}
    assert sorted(a["number"] for a in answers if a["flags"]) == ["1.6", "1.7", "2.3", "2.4", "3.7"]
    assert [t["draw"]["wrap_at"] for t in truths if t["draw"]["wrap_at"]] == ["1.8"]


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_every_answer_and_comment_as_printed(pdf: Path) -> None:
    truth = json.loads(pdf.with_name(f"{pdf.stem}.expected.json").read_text(encoding="utf-8"))
    extraction = extract_pdf(pdf)
    got = {a.number.rstrip("."): a for a in extraction.answers}
    assert sorted(got) == sorted(t["number"] for t in truth["answers"])
    for t in truth["answers"]:
        answer = got[t["number"]]
        assert (t["number"], answer.answer) == (t["number"], t["answer"])
        assert (t["number"], answer.flags) == (t["number"], t["flags"])
        assert answer.comment == t["comment"]
        assert answer.page == t["page"]
        assert answer.question == t["question"]
        assert answer.instruction == t["instruction"]
