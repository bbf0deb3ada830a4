"""A scanned page's OCR words and pixel marks in the shape the readers take from a text PDF.

The delårsbokslut reader takes lines of tokens (words.py), the questionnaire reader a
PageLayout (page_lines.py): words plus answer boxes. On a scan the words come from Tesseract
(tidied of what OCR makes of table rules and of a few glyphs it misreads) and the boxes from
the pixels under the answer columns (pixel_marks.py); the reader code is the same.
"""

from __future__ import annotations

import re
from typing import Any

from kommunkoll import vocabulary

from .answer_marks import Column, header_columns
from .ocr import OcrPage
from .page_lines import PageLayout
from .page_lines import group_lines as layout_lines
from .pixel_marks import answer_zone, find_marks, is_text
from .words import Line, Token, group_lines

_RULE = re.compile(r"^[|¦!\[\]{}_]+$")  # a table rule or cell border read as characters
_BULLET = re.compile(r"^[»«•·*°©+®]{1,2}$")  # what Tesseract makes of a printed "•"
_DECISION_NUMBER = re.compile(r"^\d{1,4}/\d{4}[.,;:]?$")  # "71/2024": after a "§"


def tidy_words(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """OCR words less rule characters; "§" and "•" where Tesseract reads "8" and "»";
    "Vetej" (Vet ej printed tight in a header cell) as the two words it is."""
    kept = [dict(w) for w in words if not _RULE.match(w["text"])]
    out: list[dict[str, Any]] = []
    lines = layout_lines(kept, 0)
    for line in lines:
        for i, w in enumerate(line.words):
            nxt = line.words[i + 1]["text"] if i + 1 < len(line.words) else ""
            if w["text"] == "8" and _DECISION_NUMBER.match(nxt):
                w["text"] = "§"
            elif i == 0 and _BULLET.match(w["text"]) and nxt[:1].isalpha():
                w["text"] = "•"
            if w["text"].casefold() == "vetej":
                split = w["x0"] + (w["x1"] - w["x0"]) * 3 / 5
                out.append({**w, "text": w["text"][:3], "x1": split - 0.5})
                out.append({**w, "text": w["text"][3:], "x0": split + 0.5})
                continue
            out.append(w)
    return out


def report_lines(page: OcrPage) -> list[Line]:
    """A scanned delårsbokslut page as the table reader's lines of tokens."""
    tokens = [
        Token(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"], "")
        for w in tidy_words(page.words)
    ]
    return group_lines(tokens, y_tolerance=max(1.5, _median_height(page.words) * 0.4))


def _median_height(words: list[dict[str, Any]]) -> float:
    heights = sorted(w["bottom"] - w["top"] for w in words)
    return heights[len(heights) // 2] if heights else 0.0


def enkat_layout(
    page: OcrPage, carried: list[Column] | None
) -> tuple[PageLayout, list[Column] | None]:
    """A scanned questionnaire page as the questionnaire reader's PageLayout, and the answer
    columns in force at its end (a header row applies to the pages after it too)."""
    words = tidy_words(page.words)
    lines = layout_lines(words, page.number)
    headers = []
    for line in lines:
        cols = _header(line.words)
        if cols:
            inside = [w for w in line.words if w["x0"] >= cols[0].x0 - 0.5]
            junk = {id(w) for w in inside if _fold(w["text"]) not in _HEADER_WORDS}
            words = [w for w in words if id(w) not in junk]  # a rule read as "TJ" between
            line.words = [w for w in line.words if id(w) not in junk]
            headers.append((line, cols))
    zones = []
    current, start = carried, 0.0
    for line, cols in headers:
        if current:
            zones.append((*_x(current), start, line.top))
        current, start = cols, line.bottom + 0.5
    if current:
        zones.append((*_x(current), start, page.height))
    zones = [(x0, top, x1, bottom) for x0, x1, top, bottom in zones]
    marks = (
        find_marks(page.image, page.scale, words, zones) if page.image is not None else []
    )
    boxes = [m.box.__class__(m.box.kind, m.box.on, m.box.bbox, m.confidence) for m in marks]
    text = [w for w in words if not _in_mark(w, boxes, zones)]
    layout = PageLayout(page.number, page.width, page.height, text, boxes)
    return layout, current


_HEADER_WORDS = {part for word in vocabulary.ANSWER_WORDS for part in word.split()}


def _fold(text: str) -> str:
    return text.casefold().strip(".,:;")


def _header(words: list[dict[str, Any]]) -> list[Column] | None:
    """The answer columns of a header row, read past what OCR makes of the rules between
    its cells ("TJ", "I", low-confidence specks)."""
    cols = header_columns(words)
    if cols:
        return cols
    kept = [w for w in words if _fold(w["text"]) in _HEADER_WORDS or is_text(w)]
    return header_columns(kept) if len(kept) < len(words) else None


def _x(columns: list[Column]) -> tuple[float, float]:
    return answer_zone(columns)


def _in_mark(word: dict[str, Any], boxes: list[Any], zones: list[tuple]) -> bool:
    """OCR's reading of a mark or box ("X", "[]"): not text of the question."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    for box in boxes:
        x0, top, x1, bottom = box.bbox
        if x0 - 2 <= cx <= x1 + 2 and top - 2 <= cy <= bottom + 2:
            return True
    return not is_text(word) and any(z[0] <= cx <= z[2] and z[1] <= cy <= z[3] for z in zones)
