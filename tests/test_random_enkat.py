"""Committed random enkäter (samples/random-enkat/, made by samples/generator/random_enkat.py):
every answer and every comment equal to the generator's ground truth, exactly.

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
    assert {n[2] for n in names} == {"columns", "shaded", "label", "options"}
    assert {n[3] for n in names} == {"reportlab", "libreoffice", "chromium"}


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_every_answer_and_comment_as_printed(pdf: Path) -> None:
    truth = json.loads(pdf.with_name(f"{pdf.stem}.expected.json").read_text(encoding="utf-8"))
    extraction = extract_pdf(pdf)
    got = {a.number.rstrip("."): a for a in extraction.answers}
    assert sorted(got) == sorted(t["number"] for t in truth["answers"])
    for t in truth["answers"]:
        answer = got[t["number"]]
        assert (t["number"], answer.answer) == (t["number"], t["answer"])
        assert answer.comment == t["comment"]
        assert answer.page == t["page"]
        assert answer.question == t["question"]
        assert answer.instruction == t.get("instruction", "")  # sets drawn before instructions
