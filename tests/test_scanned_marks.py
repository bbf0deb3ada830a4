"""Answers a scan shows that the pixel and OCR readers used to miss without a word: a
shaded answer cell (a solid fill wider than a table rule is long), a "Svar" column whose
header OCR read with the cell border glued to it ("ISvar"), and a hand-drawn cross OCR read
as an "X" just right of where the question's text ends.

The fixtures: random enkäter of tuning seeds (samples/generator/random_enkat.py, as drawn),
scanned by samples/scan.py under the conditions benchmarks/ocr.py --random draws for each
seed, read by real Tesseract; compared with the generator's ground truth beside them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
import scan as scanner
from generator.random_enkat import make

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
}


def _scanned(folder: Path, seed: int) -> tuple[dict, dict]:
    condition, bilevel, hand, _ = CASES[seed]
    [drawn] = make([seed], folder)
    original = folder / f"{drawn.name}.pdf"
    truth = json.loads(original.with_name(f"{drawn.name}.expected.json").read_text("utf-8"))
    scan = scanner.Scan(drawn.name, seed=seed, bilevel=bilevel, hand_marks=hand, **condition)  # type: ignore[arg-type]
    pdf = folder / f"{drawn.name}-scan.pdf"
    pdf.write_bytes(scanner.scan_pdf(original, scan))
    return truth, extract_pdf(pdf).model_dump()


@pytest.mark.slow
@pytest.mark.parametrize("seed", sorted(CASES))
def test_scanned_answers_match_the_truth(seed: int, tmp_path: Path) -> None:
    truth, got = _scanned(tmp_path, seed)
    by_number = {a["number"]: a for a in got["answers"]}
    expected = {t["number"]: t["answer"] for t in truth["answers"]}
    numbers = CASES[seed][3]
    assert {n: by_number[n]["answer"] for n in numbers} == {n: expected[n] for n in numbers}
