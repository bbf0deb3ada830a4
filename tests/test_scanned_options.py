"""A scanned enkät whose answer options are printed as words, each with its box before it
("☒ Ja ☐ Nej ☐ Delvis ☐ Vet ej") and no answer column header: an answer that is not read
from those boxes is no silent gap but a flagged null with a warning naming question and
page, and the options row is no part of the nämnd's comment.

Random "options" enkäter (samples/generator/random_enkat.py, reportlab, tuning seeds below
1000) scanned by samples/scan.py and read by real Tesseract; compared with the generator's
ground truth beside each.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf
from kommunkoll.vocabulary import ANSWER_UNREAD, ANSWER_UNREAD_WARNING

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
import scan as scanner
from generator.random_enkat import make


def _scanned(tmp_path: Path, seed: int, **condition: object) -> tuple[object, dict, object]:
    """The options enkät of `seed`, its ground truth, and its scan read by the extractor."""
    [drawn] = make([seed], tmp_path, form="options", producer="reportlab")
    original = tmp_path / f"{drawn.name}.pdf"
    truth = json.loads(original.with_name(f"{drawn.name}.expected.json").read_text("utf-8"))
    scan = scanner.Scan(drawn.name, seed=seed, angle=(0.8, 0.8), **condition)  # type: ignore[arg-type]
    scanned = tmp_path / f"{drawn.name}-scan.pdf"
    scanned.write_bytes(scanner.scan_pdf(original, scan))
    return drawn, truth, extract_pdf(scanned)


def _unread_and_warned(drawn: object, truth: dict, extraction: object) -> tuple[set, set]:
    """The questions printing options whose answer came back null (save an unmarked one
    read as such), and those warned of."""
    got = {a.number: a for a in extraction.answers}  # type: ignore[attr-defined]
    assert sorted(got) == sorted(t["number"] for t in truth["answers"])
    boxed = {item.number for item in drawn.items if item.boxed}  # type: ignore[attr-defined]
    answer = {t["number"]: t["answer"] for t in truth["answers"]}
    # an unmarked question whose four boxes were all seen, none marked, is read: unmarked
    seen_empty = {n for n, a in got.items() if answer[n] is None and a.boxes == 4}
    unread = {n for n, a in got.items() if a.answer is None and n in boxed - seen_empty}
    said = {
        n
        for n, a in got.items()
        if ANSWER_UNREAD_WARNING.format(number=n, page=a.page) in extraction.warnings  # type: ignore[attr-defined]
    }
    return unread, said


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "dpi", "bilevel"), [(6, 200, False), (10, 170, True)])
def test_the_box_before_each_option_word_is_read(
    tmp_path: Path, seed: int, dpi: int, bilevel: bool
) -> None:
    """Each answer from the box before its word, and the options row left out of the
    comment, as the text PDF is read."""
    drawn, truth, extraction = _scanned(tmp_path, seed, dpi=dpi, bilevel=bilevel)
    got = {a.number: a for a in extraction.answers}
    for t in truth["answers"]:
        a = got[t["number"]]
        assert (t["number"], a.answer, a.page) == (t["number"], t["answer"], t["page"])
        assert ANSWER_UNREAD not in a.flags
        assert (t["number"], a.comment.split()[:3]) == (t["number"], t["comment"].split()[:3])
    assert _unread_and_warned(drawn, truth, extraction) == (set(), set())


@pytest.mark.slow
def test_options_whose_boxes_a_poor_scan_lost_are_warned_per_question(tmp_path: Path) -> None:
    """A coarse, blurred, noisy gray scan: where no box is found before the option words,
    the answer is null, flagged and warned of with its page, question by question."""
    drawn, truth, extraction = _scanned(
        tmp_path, 6, dpi=150, bilevel=False, blur=1.2, noise=25.0, quality=30
    )
    unread, said = _unread_and_warned(drawn, truth, extraction)
    assert said == unread
    assert unread == {"1.2", "1.5", "2.1", "2.3", "2.4", "3.3"}  # this scan's lost boxes
    for a in extraction.answers:
        assert (a.number, ANSWER_UNREAD in a.flags) == (a.number, a.number in unread)
    [t] = [t for t in truth["answers"] if t["number"] == "3.6"]  # the one it read
    assert [a.answer for a in extraction.answers if a.number == "3.6"] == [t["answer"]]
