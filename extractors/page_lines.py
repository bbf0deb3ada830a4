"""A page as lines of positioned words, with its answer boxes and without its furniture.

What the questionnaire reader (enkat.py) works on: pdfplumber's words (with fonts) grouped
into lines, marks printed as text split out of the running text, running headers, footers
and page numbers recognised, no-break and thin spaces kept as printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .answer_marks import Box, drawn_boxes, form_boxes, mark_glyph

_WORD_KEYS = ("text", "x0", "x1", "top", "bottom", "fontname", "size")
_RECT_KEYS = ("x0", "x1", "top", "bottom", "stroke", "fill", "non_stroking_color")
_EDGE_KEYS = ("x0", "x1", "top", "bottom")


@dataclass
class PageLayout:
    """What the questionnaire reader needs of one page, taken before the page is closed."""

    number: int
    width: float
    height: float
    words: list[dict[str, Any]]
    boxes: list[Box]  # drawn boxes and form widgets (text marks come from `words`)


def read_page(page: Any, number: int) -> PageLayout:
    """Words with fonts, and drawn/form answer boxes, of one pdfplumber page."""
    words = [
        {k: w[k] for k in _WORD_KEYS}
        for w in page.extract_words(x_tolerance=1.5, extra_attrs=["fontname", "size"])
    ]
    _keep_special_spaces(words, [c for c in page.chars if c["text"] in _SPECIAL_SPACES])
    rects = [{k: r.get(k) for k in _RECT_KEYS} for r in page.rects]
    edges = [{k: e[k] for k in _EDGE_KEYS} for e in (*page.lines, *page.curves)]
    boxes = drawn_boxes(rects, edges) + form_boxes(page.annots)
    return PageLayout(number, float(page.width), float(page.height), words, boxes)


_SPECIAL_SPACES = "\u00a0\u2009\u202f"  # no-break, thin, narrow no-break: "966 332"


def _keep_special_spaces(words: list[dict[str, Any]], spaces: list[dict[str, Any]]) -> None:
    """pdfplumber splits words at a no-break or thin space; remember which space it was."""
    for c in spaces:
        before = [
            w
            for w in words
            if w["x1"] <= c["x0"] + 0.5 and w["top"] < c["bottom"] and c["top"] < w["bottom"]
        ]
        if before:
            max(before, key=lambda w: w["x1"])["space_after"] = c["text"]


def join_words(words: Sequence[dict[str, Any]]) -> str:
    """Words of one line as printed: with the no-break or thin space where there was one."""
    parts: list[str] = []
    for w in words:
        parts.append(w["text"])
        parts.append(w.get("space_after", " "))
    return "".join(parts[:-1])


@dataclass
class Line:
    page: int
    words: list[dict[str, Any]]
    furniture: bool = False
    left: float = 0.0  # the page's left text edge: question numbers stand there
    header: bool = False  # what is left of an answer-header row: a heading, never a comment

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def bold(self) -> bool:
        return is_bold(self.words)


def is_bold(words: Sequence[dict[str, Any]]) -> bool:
    chars = Counter(
        "bold" in str(w.get("fontname", "")).casefold() for w in words for _ in w["text"]
    )
    return chars[True] > chars[False]


def _is_isolated(word: dict[str, Any], others: Sequence[dict[str, Any]]) -> bool:
    """Not part of running text: "x" in "3 x 2" has words a space away on both sides; a mark
    stands apart, at most with the question text ending a little to its left."""
    size = max(word["bottom"] - word["top"], 1.0)
    left = right = float("inf")
    for o in others:
        if o is word or o["bottom"] <= word["top"] or o["top"] >= word["bottom"]:
            continue
        if o["x1"] <= word["x0"] + 0.5:
            left = min(left, word["x0"] - o["x1"])
        elif o["x0"] >= word["x1"] - 0.5:
            right = min(right, o["x0"] - word["x1"])
        else:
            return False  # overlapping text
    if min(left, right) < 0.5 * size:  # an ordinary word space
        return False
    return not (left < 1.5 * size and right < 1.5 * size)


def split_marks(words: Sequence[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """(text words, mark words): box glyphs and ticks always, the letter x when alone."""
    marks, text = [], []
    for w in words:
        meaning = mark_glyph(w)
        if meaning in ("on", "off", "tick"):
            marks.append(w)
        elif meaning == "letter":
            (marks if _is_isolated(w, [o for o in words if o is not w]) else text).append(w)
        else:
            text.append(w)
    return text, marks


def group_lines(words: Sequence[dict[str, Any]], page: int) -> list[Line]:
    """Words into lines: a word joins the line it overlaps vertically by half its height."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        h = w["bottom"] - w["top"]
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, w["bottom"]) - max(line.top, w["top"])
            if overlap >= 0.5 * min(h, line.height):
                line.words.append(w)
                break
        else:
            lines.append(Line(page, [w]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.casefold().split()))


def mark_furniture(pages: Sequence[tuple[PageLayout, list[Line]]]) -> None:
    """Running headers, footers and page numbers: in the top or bottom margin band, and
    either repeated (digits aside) on several pages or a bare page number."""
    band = 0.09
    seen: Counter[str] = Counter()
    for layout, lines in pages:
        for key in {_furniture_key(li) for li in lines if _in_margin(li, layout, band)}:
            seen[key] += 1
    for layout, lines in pages:
        for line in lines:
            if not _in_margin(line, layout, band):
                continue
            key = _furniture_key(line)
            bare_number = re.fullmatch(r"(?:sida\s*)?#(?:\s*(?:\(|av|/)\s*#\)?)?", key)
            if bare_number or (seen[key] >= 2 and len(pages) >= 2):
                line.furniture = True


def _in_margin(line: Line, layout: PageLayout, band: float) -> bool:
    return line.bottom <= layout.height * band or line.top >= layout.height * (1 - band)
