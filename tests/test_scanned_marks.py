"""Answers a scan shows that the pixel and OCR readers used to miss without a word: a
shaded answer cell (a solid fill wider than a table rule is long), a "Svar" column whose
header OCR read with the cell border glued to it ("ISvar"), and a hand-drawn cross OCR read
as an "X" just right of where the question's text ends; and what cannot be read is warned
of: a bold question whose number OCR lost and that asks nothing ("Vänligen ange ..."), an
options row whose marked box the pixels did not see.

The fixtures: random enkäter of tuning seeds (samples/generator/random_enkat.py, as drawn),
scanned by samples/scan.py under the conditions benchmarks/ocr.py --random draws for each
seed, read by real Tesseract; compared with the generator's ground truth beside them.
"""

from __future__ import annotations

import re

import pytest

from kommunkoll.vocabulary import (
    ANSWER_UNREAD,
    ANSWER_UNREAD_WARNING,
    LOW_CONFIDENCE,
    QUESTION_NOT_READ_GAP,
    QUESTION_NOT_READ_WARNING,
)

from .scanned_enkat import Read, reader

# seed: (the scan conditions benchmarks/ocr.py draws for it, the questions checked)
CASES = {
    # shaded cells, reportlab: the cells of 1.5, 3.2 and 3.6 were no box at all
    2058: (
        {"dpi": 187, "angle": (1.73, 1.73), "noise": 5.2, "blur": 0.81, "quality": 82},
        False,
        False,
        ["1.5", "1.8", "3.1", "3.2", "3.6", "4.3", "4.4"],
    ),
    # typed "Svar" column, LibreOffice, black and white: OCR reads the header "ISvar"
    2030: (
        {"dpi": 202, "angle": (0.47, 0.47), "noise": 10.3, "blur": 0.35, "quality": 60},
        True,
        False,
        ["1.5", "2.5", "3.1", "3.2", "4.2"],
    ),
    # answer columns, LibreOffice, crosses drawn by hand: 2.2's cross read as "X" after
    # "utfallet", 3.6's likewise
    2038: (
        {"dpi": 160, "angle": (0.63, 0.63), "noise": 7.6, "blur": 0.86, "quality": 63},
        False,
        True,
        ["2.2", "2.3", "3.1", "3.4", "3.6"],
    ),
    # options rows, headless Chromium, heavy noise: 3.3's marked Ja box not seen
    2020: (
        {"dpi": 164, "angle": (1.13, 1.13), "noise": 29.7, "blur": 0.81, "quality": 44},
        False,
        False,
        ["1.6", "1.8", "2.4", "3.1", "3.2"],
    ),
}


def _condition(seed: int) -> dict:
    condition, bilevel, hand, _ = CASES[seed]
    return {**condition, "bilevel": bilevel, "hand_marks": hand}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Read:
    """Each seed's truth and extraction, scanned and read once for the module."""
    return reader(tmp_path_factory, _condition)


@pytest.mark.slow
@pytest.mark.parametrize("seed", sorted(CASES))
def test_scanned_answers_match_the_truth(seed: int, scanned: Read) -> None:
    truth, got = scanned(seed)
    by_number = {a["number"]: a for a in got["answers"]}
    expected = {t["number"]: t["answer"] for t in truth["answers"]}
    numbers = CASES[seed][3]
    assert {n: by_number[n]["answer"] for n in numbers} == {n: expected[n] for n in numbers}


@pytest.mark.slow
def test_a_bold_question_whose_number_was_lost_is_warned_of(scanned: Read) -> None:
    truth, got = scanned(2058)
    [t] = [t for t in truth["answers"] if t["number"] == "2.5"]
    assert t["number"] not in [a["number"] for a in got["answers"]]
    # 2.1 before it, whose number OCR garbled too, is read a second time as digits and dots
    [t21] = [t for t in truth["answers"] if t["number"] == "2.1"]
    assert [a["answer"] for a in got["answers"] if a["number"] == "2.1"] == [t21["answer"]]
    what = QUESTION_NOT_READ_GAP.format(after="2.1", before="3.1")
    exact = QUESTION_NOT_READ_WARNING.format(page=t["page"], box="BOX", what=what, text="TEXT")
    pattern = re.escape(exact).replace("BOX", r"\d+, \d+, \d+, \d+")
    pattern = pattern.replace(re.escape("'TEXT'"), f"'{re.escape(t['question'])}'")
    assert len([w for w in got["warnings"] if re.fullmatch(pattern, w)]) == 1


@pytest.mark.slow
def test_an_options_row_whose_marked_box_was_not_seen_is_warned_of(scanned: Read) -> None:
    truth, got = scanned(2020)
    [t] = [t for t in truth["answers"] if t["number"] == "3.3"]
    [a] = [a for a in got["answers"] if a["number"] == "3.3"]
    assert (t["answer"], a["answer"], a["flags"]) == ("ja", None, [ANSWER_UNREAD, LOW_CONFIDENCE])
    unread = ANSWER_UNREAD_WARNING.format(number="3.3", page=t["page"])
    assert got["warnings"].count(unread) == 1
    assert (
        len([w for w in got["warnings"] if w.startswith(f"fråga 3.3 (sida {t['page']}, ruta ")])
        == 1
    )
