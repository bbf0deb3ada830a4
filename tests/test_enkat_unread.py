"""Rules for every answer form: an answer given where the boxes are that cannot be read is
null with `answer_unread` and a warning naming its page and question; a question wrapped over
a page break is read whole.

Random enkäter (samples/generator/random_enkat.py, reportlab, tuning seeds below 1000) draw
an unreadable answer now and then ("?" where the mark or shading goes, "Se kommentar" typed
in the Svar column or after "Svar:") and push a question over a page break; the ground truth
beside each says which. The options form gets a ticked box beside no option, drawn here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pdfplumber
import pytest

from kommunkoll.extractors import extract_pdf

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
from generator.random_enkat import make

UNREAD = "answer_unread"


def _read(tmp_path: Path, seed: int, form: str) -> tuple[dict, dict, list[str]]:
    [drawn] = make([seed], tmp_path, form=form, producer="reportlab")
    truth = json.loads((tmp_path / f"{drawn.name}.expected.json").read_text(encoding="utf-8"))
    extraction = extract_pdf(tmp_path / f"{drawn.name}.pdf")
    return truth, {a.number: a for a in extraction.answers}, extraction.warnings


@pytest.mark.parametrize("form", ["columns", "shaded", "svar", "label"])
def test_an_answer_that_cannot_be_read_is_flagged_and_warned(tmp_path: Path, form: str) -> None:
    truth, got, warnings = _read(tmp_path, 400, form)
    unread = [t for t in truth["answers"] if UNREAD in t["flags"]]
    assert [t["number"] for t in unread] == ["3.2"]  # the draw has one: the test tests it
    for t in truth["answers"]:
        a = got[t["number"]]
        assert (t["number"], a.answer, a.flags) == (t["number"], t["answer"], t["flags"])
        assert (t["number"], a.comment) == (t["number"], t["comment"])
    [t] = unread
    assert warnings == [
        f"fråga {t['number']} (sida {t['page']}) har svarsrutor men inget svar kunde läsas; "
        "svaret lämnas tomt"
    ]


def test_a_ticked_box_beside_no_option_is_flagged(tmp_path: Path) -> None:
    """Options listed under the question, the tick in a box standing after the last one."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from .enkat_pdf import FONT, FONT_BOLD, register_fonts

    register_fonts()
    path = tmp_path / "options.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(FONT_BOLD, 11)
    canvas.drawString(60, 780, "Alingsås kommun – Grundläggande granskning 2025")
    canvas.drawString(60, 765, "Frågor till Socialnämnden")
    canvas.drawString(60, 745, "1 Verksamhetsstyrning och uppföljning")
    rows = [("1.1 Har nämnden fastställt mål?", None), ("1.2 Finns en budget?", "Nej")]
    y = 715.0
    for question, ticked in rows:
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawString(60, y, question)
        y -= 16
        canvas.setFont(FONT, 10)
        x = 60.0
        for label in ("Ja", "Nej", "Delvis", "Vet ej"):
            canvas.drawString(x, y, "☒" if label == ticked else "☐")
            canvas.drawString(x + 14, y, label)
            x += 70
        if ticked is None:
            canvas.drawString(x + 60, y, "☒")  # a tick far from every option
        y -= 18
        canvas.drawString(60, y, "Kommentar från nämnden.")
        y -= 30
    canvas.showPage()
    canvas.save()
    extraction = extract_pdf(path)
    first, second = extraction.answers
    assert (first.number, first.answer, first.flags) == ("1.1", None, [UNREAD])
    assert (second.number, second.answer, second.flags) == ("1.2", "nej", [])
    assert (
        "fråga 1.1 (sida 1) har svarsrutor men inget svar kunde läsas; svaret lämnas tomt"
    ) in extraction.warnings


def test_an_unmarked_question_is_null_without_a_warning(tmp_path: Path) -> None:
    """Boxes printed and none marked: left unmarked, which is no reading failure."""
    from .enkat_pdf import Q, make_enkat_pdf

    pdf = make_enkat_pdf(
        tmp_path / "unmarked.pdf",
        [Q("1.1", "Har nämnden fastställt mål?", []), Q("1.2", "Finns en budget?", ["Ja"])],
        style="drawn",
    )
    extraction = extract_pdf(pdf)
    first, second = extraction.answers
    assert (first.answer, first.flags, first.boxes) == (None, [], 4)
    assert (second.answer, second.flags) == ("ja", [])
    assert extraction.warnings == []


@pytest.mark.parametrize(("form", "seed"), [("label", 402), ("options", 401)])
def test_a_question_wrapped_over_a_page_break_is_read_whole(
    tmp_path: Path, form: str, seed: int
) -> None:
    truth, got, _ = _read(tmp_path, seed, form)
    number = truth["draw"]["wrap_at"]
    [t] = [t for t in truth["answers"] if t["number"] == number]
    [drawn] = list(tmp_path.glob("*.pdf"))
    with pdfplumber.open(drawn) as pdf:  # the generator did break it over the page
        last_line = pdf.pages[t["page"] - 1].extract_text().splitlines()[-1]
        first_line = pdf.pages[t["page"]].extract_text().splitlines()[0]
    assert last_line.startswith(f"{number} ")
    assert f"{last_line[len(number) + 1 :]} {first_line}" == t["question"]
    for t in truth["answers"]:
        a = got[t["number"]]
        assert (t["number"], a.question, a.instruction) == (
            t["number"],
            t["question"],
            t["instruction"],
        )
        assert (t["number"], a.answer, a.page) == (t["number"], t["answer"], t["page"])
        assert (t["number"], a.comment) == (t["number"], t["comment"])


def test_a_mark_crowded_against_the_question_text_is_read(tmp_path: Path) -> None:
    """A cramped table (as LibreOffice prints one): the question's text runs up to the
    answer column, its "X" (or a "?") a word space after it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from .enkat_pdf import FONT, FONT_BOLD, register_fonts

    register_fonts()
    path = tmp_path / "crowded.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(FONT_BOLD, 11)
    canvas.drawString(60, 780, "Alingsås kommun – Grundläggande granskning 2025")
    canvas.drawString(60, 765, "Frågor till Socialnämnden")
    rows = [("1.1 Har nämnden fastställt mål för", "X"), ("1.2 Finns en budget", "?")]
    ends = [60 + stringWidth(q, FONT, 10) + 3 for q, _ in rows]  # a word space after the text
    columns = {"Ja": ends[1], "Nej": ends[0], "Delvis": ends[0] + 50, "Vet ej": ends[0] + 100}
    canvas.setFont(FONT_BOLD, 10)
    canvas.drawString(60, 740, "1 Mål")
    for label, x in columns.items():
        canvas.drawString(x, 740, label)
    y = 715.0
    for (question, mark), end in zip(rows, ends, strict=True):
        canvas.setFont(FONT, 10)
        canvas.drawString(60, y, question)
        canvas.drawString(end, y, mark)
        canvas.drawString(60, y - 16, "Kommentar från nämnden.")
        y -= 40
    canvas.showPage()
    canvas.save()
    extraction = extract_pdf(path)
    first, second = extraction.answers
    assert (first.question, first.answer, first.flags) == (
        "Har nämnden fastställt mål för",
        "nej",
        [],
    )
    assert (second.question, second.answer, second.flags) == ("Finns en budget", None, [UNREAD])
    assert extraction.warnings == [
        "fråga 1.2 (sida 1) har svarsrutor men inget svar kunde läsas; svaret lämnas tomt"
    ]
