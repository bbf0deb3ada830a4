"""Answers of scanned enkäter that used to be lost without a word (tuning seeds 3000-3058):
small printed ticks ("✓" inks about 5 pt, under the size a cross is looked for at) read as
weak marks, flagged for a person; a header whose "Nej" OCR lost, its column put back in the
gap it left; a wrapped "Vet inte" header whose second word OCR misread ("läte").

The fixtures: random enkäter of tuning seeds (samples/generator/random_enkat.py, as drawn),
scanned by samples/scan.py under the conditions benchmarks/ocr.py --random draws for each
seed, read by real Tesseract; compared with the generator's ground truth beside them.
"""

from __future__ import annotations

import pytest

from kommunkoll.vocabulary import LOW_CONFIDENCE

from .scanned_enkat import Read, reader

# seed: the scan conditions benchmarks/ocr.py draws for it
CONDITIONS = {
    # answer columns, LibreOffice, black and white: ticks of 5 pt; the header's "Nej" lost
    3046: {
        "dpi": 197, "angle": (1.36, 1.36), "noise": 11.7, "blur": 0.89, "bilevel": True,
        "quality": 84, "hand_marks": False,
    },
    # shaded cells, LibreOffice, crosses by hand: "Vet inte" wrapped, read "Vet" over "läte"
    3030: {
        "dpi": 266, "angle": (1.88, 1.88), "noise": 15.0, "blur": 0.35, "bilevel": False,
        "quality": 60, "hand_marks": True,
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Read:
    """Each seed's truth and extraction, scanned and read once for the module."""
    return reader(tmp_path_factory, CONDITIONS.__getitem__)


@pytest.mark.slow
def test_small_ticks_under_a_lost_header_label_are_read_and_flagged(scanned: Read) -> None:
    truth, got = scanned(3046)
    by_number = {a["number"]: a for a in got["answers"]}
    expected = {t["number"]: t["answer"] for t in truth["answers"]}
    ticked = ["1.5", "1.6", "1.7", "2.2", "2.4", "3.3", "3.4", "3.5", "3.7"]
    assert {n: by_number[n]["answer"] for n in ticked} == {n: expected[n] for n in ticked}
    # 1.5's tick stands under the "Nej" OCR lost
    assert expected["1.5"] == "nej"
    # a weak mark is never stored as certain
    assert {n: by_number[n]["flags"] for n in ticked} == {n: [LOW_CONFIDENCE] for n in ticked}
    assert {by_number[n]["confidence"] for n in ticked} == {60.0}
    for n in ticked:
        page = by_number[n]["page"]
        assert len([w for w in got["warnings"] if w.startswith(f"fråga {n} (sida {page}, ")]) == 1


@pytest.mark.slow
def test_a_wrapped_vet_inte_header_misread_still_gives_the_columns(scanned: Read) -> None:
    truth, got = scanned(3030)
    by_number = {a["number"]: a for a in got["answers"]}
    expected = {t["number"]: t["answer"] for t in truth["answers"]}
    assert {n: by_number[n]["answer"] for n in ("1.5", "3.6")} == {"1.5": "delvis", "3.6": "ja"}
    assert {n: expected[n] for n in ("1.5", "3.6")} == {"1.5": "delvis", "3.6": "ja"}
