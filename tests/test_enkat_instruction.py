"""The auditors' instruction under a question is kept apart from what the nämnd wrote.

Random enkäter (samples/generator/random_enkat.py, reportlab: no other producer needed) are
drawn with an instruction under some questions, set in italic, in bold like the question, or
plain (a plain one only where the page shows its end); each question's wording, instruction
and comment must equal the generator's ground truth whole. Seeds below 1000 (tuning seeds).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from generator.random_enkat import make

CASES = [
    (form, style, 302)  # the comment in a column of its own for the table forms
    for form in ("columns", "shaded", "svar", "label", "options")
    for style in ("italic", "bold", "plain")
] + [(form, style, 303) for form in ("columns", "shaded", "svar") for style in ("italic", "bold")]


@pytest.mark.parametrize(
    ("form", "style", "seed"), CASES, ids=[f"{f}-{s}-{n}" for f, s, n in CASES]
)
def test_instruction_question_and_comment_whole(
    tmp_path: Path, form: str, style: str, seed: int
) -> None:
    [drawn] = make([seed], tmp_path, form=form, producer="reportlab", style=style)
    truth = json.loads((tmp_path / f"{drawn.name}.expected.json").read_text(encoding="utf-8"))
    instructed = [t for t in truth["answers"] if t["instruction"]]
    assert instructed  # the draw prints instructions: the test tests something
    got = {a.number: a for a in extract_pdf(tmp_path / f"{drawn.name}.pdf").answers}
    assert sorted(got) == sorted(t["number"] for t in truth["answers"])
    for t in truth["answers"]:
        a = got[t["number"]]
        assert (t["number"], a.question) == (t["number"], t["question"])
        assert (t["number"], a.instruction) == (t["number"], t["instruction"])
        assert (t["number"], a.comment) == (t["number"], t["comment"])
        assert (t["number"], a.answer) == (t["number"], t["answer"])


def test_the_key_is_the_whole_wording_wherever_the_instruction_stands(tmp_path: Path) -> None:
    """One question read with its instruction apart or run on has one key."""
    [drawn] = make([302], tmp_path, form="label", producer="reportlab", style="italic")
    answers = extract_pdf(tmp_path / f"{drawn.name}.pdf").answers
    apart = next(a for a in answers if a.instruction)
    run_on = apart.model_copy(
        update={"question": f"{apart.question} {apart.instruction}", "instruction": ""}
    )
    from kommunkoll.extractors.question_identity import question_key

    assert apart.key == question_key(run_on.wording)
    assert apart.wording == run_on.wording


@pytest.mark.parametrize("apart", [False, True], ids=["as-printed", "2023-instruction-apart"])
def test_the_answers_matrix_shows_von_18_as_one_row(tmp_path: Path, apart: bool) -> None:
    """Alingsås VON 2023–2025, read from the sample PDFs and stored: 1.8 is one row, asked
    every year. With `apart`, 2023's 1.8 comes as a producer that sets its instruction
    apart reads it (question and instruction split): still one row."""
    from kommunkoll import frames
    from kommunkoll.pipeline.compare import answer_matrix, parse_years
    from kommunkoll.pipeline.db import create_schema, make_engine
    from kommunkoll.pipeline.store import store_extraction

    engine = make_engine(f"sqlite:///{tmp_path / 'matrix.db'}")
    create_schema(engine)
    truths = {}
    for year in (2023, 2024, 2025):
        pdf = ROOT / "samples" / f"alingsas-von-{year}-enkat.pdf"
        truths[year] = json.loads(pdf.with_suffix("").with_suffix(".expected.json").read_text())
        extraction = extract_pdf(pdf)
        if apart and year == 2023:
            answers = []
            for a in extraction.answers:
                if a.number == "1.8":
                    head, _, tail = a.question.rpartition("? ")
                    a = a.model_copy(update={"question": head + "?", "instruction": tail})
                answers.append(a)
            extraction = extraction.model_copy(update={"answers": answers})
        assert store_extraction(engine, extraction) is not None
    matrix = answer_matrix(
        frames.answers(engine),
        "Alingsås",
        "Vård- och omsorgsnämnden",
        parse_years("2023-2025"),
    )
    engine.dispose()
    assert [c.year for c in matrix.columns] == [2023, 2024, 2025]
    rows = [r for r in matrix.rows if r.number == "1.8"]
    [expected] = [t for t in truths[2025]["answers"] if t["number"] == "1.8"]
    assert [r.question for r in rows] == [expected["question"]]
    assert [c.asked for c in rows[0].cells] == [True, True, True]
    comments = [c.comment for c in rows[0].cells]
    assert comments == [
        next(t["comment"] for t in truths[y]["answers"] if t["number"] == "1.8")
        for y in (2023, 2024, 2025)
    ]
