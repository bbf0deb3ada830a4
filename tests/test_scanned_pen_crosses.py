"""Large crosses drawn by hand over a shaded answer cell (as tall as the question's lines,
so the cross reaches over the text beside and below it): erased before OCR, so the text
and question numbers under them are read, and read as the cell's mark at their centre.

The fixture: the random enkät of tuning seed 3060 (samples/generator/random_enkat.py, as
drawn: shaded cells, ReportLab), scanned by samples/scan.py under the conditions
benchmarks/ocr.py --random draws for that seed, read by real Tesseract; compared with the
generator's ground truth beside it.
"""

from __future__ import annotations

import numpy as np
import pytest

from kommunkoll.extractors.pixel_marks import pen_crosses

from .scanned_enkat import Read, reader

CONDITION = {
    "dpi": 172, "angle": (0.51, 0.51), "noise": 23.8, "blur": 0.31, "bilevel": False,
    "quality": 42, "hand_marks": True,
}  # fmt: skip


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Read:
    return reader(tmp_path_factory, lambda seed: CONDITION)


def test_a_thick_cross_is_found_and_erased_a_filled_block_and_text_strokes_are_not() -> None:
    import cv2

    scale = 2.0  # pixels per point
    gray = np.full((400, 400), 255, np.uint8)
    # a pen cross 60 pt wide with strokes 10 pt thick, centred at (100, 100) pt
    cv2.line(gray, (140, 140), (260, 260), 20, 20)
    cv2.line(gray, (140, 260), (260, 140), 20, 20)
    cv2.rectangle(gray, (20, 300), (120, 360), 100, -1)  # a shaded block: no cross
    cv2.line(gray, (200, 320), (380, 320), 0, 2)  # a text stroke, 1 pt thick
    found, erased = pen_crosses(gray, scale)
    assert len(found) == 1
    cx, cy = found[0].centre
    assert abs(cx - 100) < 1 and abs(cy - 100) < 1
    assert erased is not None
    assert (erased[130:270, 130:270] == 255).all()  # the cross gone
    assert (erased[300:361, 20:121] == 100).all()  # the block kept
    assert (erased[319:322, 200:381] == 0).any()  # the text stroke kept


def test_a_page_without_a_pen_cross_is_left_as_it_is() -> None:
    gray = np.full((200, 200), 255, np.uint8)
    gray[50:52, 20:180] = 0
    assert pen_crosses(gray, 2.0) == ([], None)


@pytest.mark.slow
def test_answers_under_large_pen_crosses_are_read(scanned: Read) -> None:
    truth, got = scanned(3060)
    by_number = {a["number"]: a for a in got["answers"]}
    expected = {t["number"]: t["answer"] for t in truth["answers"]}
    crossed = ["1.2", "2.4", "3.1", "3.2", "3.4", "3.5"]
    assert {n: expected[n] for n in crossed} == {
        "1.2": "vet_ej", "2.4": "nej", "3.1": "ja", "3.2": "ja", "3.4": "delvis", "3.5": "ja",
    }  # fmt: skip
    assert {n: by_number[n]["answer"] for n in crossed} == {n: expected[n] for n in crossed}
    # the unmarked ones stay unanswered, and nothing else is read
    blank = ("1.1", "2.5", "4.2")
    assert {n: expected[n] for n in blank} == {"1.1": None, "2.5": None, "4.2": None}
    assert {n: by_number[n]["answer"] for n in blank} == {n: expected[n] for n in blank}


@pytest.mark.slow
def test_questions_whose_number_is_not_read_are_warned_of(scanned: Read) -> None:
    truth, got = scanned(3060)
    # 1.7 and 2.3: their numbers OCR could not read, even a second time; each one's text
    # is named in a warning, none is read silently wrong
    assert {t["number"] for t in truth["answers"]} - {a["number"] for a in got["answers"]} == {
        "1.7",
        "2.3",
    }
    for start in ("Har en verksamhetsplan antagits?", "Får nämnden/styrelsen en analys av orsaker"):
        assert len([w for w in got["warnings"] if f"'{start}" in w and "sida 1, ruta" in w]) == 1
