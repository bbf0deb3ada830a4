"""A scanned page's OCR words as the page model, on words placed here with a known truth."""

from __future__ import annotations

import numpy as np

from kommunkoll.extractors.ocr import OcrPage
from kommunkoll.extractors.scan_pages import scanned_page

DPI = 150


def _line(text: str, x: float, top: float, conf: float = 96.0) -> list[dict]:
    """OCR words of one line starting at `x` (a 6 pt advance per character, a 3.5 pt space)."""
    words = []
    for part in text.split():
        x1 = x + 6 * len(part)
        box = (x, top + 2, x1, top + 10)
        words.append(
            {"text": part, "x0": x, "x1": x1, "top": top, "bottom": top + 12, "size": 12.0,
             "fontname": "", "conf": conf, "ink": box}
        )  # fmt: skip
        x = x1 + 3.5
    return words


def test_a_short_word_of_a_comment_crossing_the_answer_columns_is_text() -> None:
    """A full-width comment runs under the Ja / Nej / Delvis / Vet ej columns: its "i" and
    "§" there are words of the sentence, not what OCR made of a mark."""
    header = [
        *_line("1 Verksamhetsstyrning", 70, 100),
        *_line("Ja", 360, 100),
        *_line("Nej", 400, 100),
        *_line("Delvis", 440, 100),
        *_line("Vet ej", 490, 100),
    ]
    question = _line("1.1 Hur påverkar den nämndens styrning?", 70, 120)
    comment = _line("Förflyttningar som genomlysningen pekar ut följs upp i samband med", 70, 140)
    decision = _line("Nämnden har i budget 2025 KFN § 71/2024 antagit två inriktningar.", 70, 160)
    image = np.full((round(842 * DPI / 72), round(595 * DPI / 72)), 255, np.uint8)
    page = OcrPage(1, 595, 842, 0.0, DPI, [*header, *question, *comment, *decision], image)
    model, columns = scanned_page(page, boxes=True)
    assert [c.value for c in columns] == ["ja", "nej", "delvis", "vet_ej"]
    texts = [li.text for li in model.lines]
    assert texts[2:] == [
        "Förflyttningar som genomlysningen pekar ut följs upp i samband med",
        "Nämnden har i budget 2025 KFN § 71/2024 antagit två inriktningar.",
    ]
    assert model.boxes == []


def _descending(text: str, x: float, descent: float) -> dict:
    """One OCR word on a line whose baseline is at 110 (12 pt high), its ink `descent`
    points below that baseline."""
    return {"text": text, "x0": x, "x1": x + 6, "top": 100.0, "bottom": 112.0, "size": 12.0,
            "fontname": "", "conf": 90.0, "ink": (x, 101.5, x + 6, 110 + descent),
            "base": 110.0}  # fmt: skip


def test_a_section_sign_read_as_a_digit_is_told_by_its_descent() -> None:
    """A "§" OCR read as "5" or "$" reaches below the baseline, as no digit does: "SN § 47"
    (descent 0.8 pt of a 12 pt line), while a digit on the baseline stays a digit."""
    from kommunkoll.extractors.scan_pages import tidy_words

    def read(first: str, descent: float, number: str = "47/2025") -> list[str]:
        sign = _descending(first, 90, descent)
        after = _line(number, 99.5, 100)
        return [w["text"] for w in tidy_words([*_line("SN", 70, 100), sign, *after])]

    assert read("5", 0.8) == ["SN", "§", "47/2025"]
    assert read("$", 1.2, "44.") == ["SN", "§", "44."]
    assert read("5", 0.0) == ["SN", "5", "47/2025"]  # a digit: on the baseline
    assert read("5", 6.0) == ["SN", "5", "47/2025"]  # far below: a box or a mark, no glyph
    assert read("5", 0.8, "kr") == ["SN", "5", "kr"]  # no number after it


def test_gaps_are_closed_only_in_a_coarse_black_and_white_scan() -> None:
    """A thin vertical stroke the scanner's threshold broke (a 2-pixel gap at 150 dpi,
    3 pixels once rendered at 250) is whole again before OCR; a 200 dpi scan and a gray one
    are left as they are."""
    from kommunkoll.extractors.ocr import ScanSource, close_gaps

    image = np.full((60, 20), 255, np.uint8)
    image[10:25, 9:11] = 0
    image[28:45, 9:11] = 0  # rows 25-27 the gap
    closed = close_gaps(image, ScanSource(dpi=150.0, bilevel=True))
    assert (closed[11:45, 9:11] == 0).all()  # the gap closed (an end may move a pixel)
    assert (closed[:, :9] == 255).all() and (closed[:, 11:] == 255).all()  # no wider
    assert (closed[:10] == 255).all() and (closed[46:] == 255).all()  # no longer
    for source in (ScanSource(dpi=200.0, bilevel=True), ScanSource(dpi=150.0, bilevel=False)):
        assert (close_gaps(image, source) == image).all()
