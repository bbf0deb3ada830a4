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
