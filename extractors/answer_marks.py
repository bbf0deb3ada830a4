"""Answer columns and the marks under them, however a kommun draws its boxes.

A mark is found by what it is on the page (a letter "x", a ☒ glyph, a box drawn with lines
and a cross or fill in it, an AcroForm checkbox or radio button) and assigned to a column by
its horizontal position against the header row, never by reading order or field names.
Pure functions over pdfplumber's plain dicts (words, rects, lines, curves, annots).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from kommunkoll.vocabulary import (
    ANSWER_WORDS,
    JA,
    LETTER_MARKS,
    MARK_DRAWN,
    MARK_FORM,
    MARK_GLYPH,
    MARK_SCAN,
    MARK_TEXT,
    NEJ,
    OFF_GLYPHS,
    ON_GLYPHS,
    TICKS,
    VET_EJ,
    VET_WORDS,
)

from .contract import MarkKind

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Column:
    """One answer column as printed in a header row: its value and horizontal extent."""

    value: str  # ja | nej | delvis | vet_ej
    x0: float
    x1: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Box:
    """A place where an answer can be marked, and whether it is."""

    kind: MarkKind
    on: bool
    bbox: BBox  # x0, top, x1, bottom in PDF points
    value: str | None = None  # an answer typed as a word ("Svar: Ja"): no column needed
    cell: bool = False  # a shaded table cell: as tall as its row, which may hold a comment
    unread: bool = False  # an answer evidently given that could not be read ("Svar: -?-")
    confidence: float | None = None  # 0–100, for a box seen in a scan's pixels
    weak: bool = False  # a scan's small blob that may be a mark: counts only when alone

    @property
    def centre(self) -> tuple[float, float]:
        return (self.bbox[0] + self.bbox[2]) / 2, (self.bbox[1] + self.bbox[3]) / 2

    @property
    def anchor(self) -> float:
        """The height the box stands at: a cell's first text line, else its centre."""
        if self.cell:
            return min(self.bbox[1] + 8.0, self.centre[1])
        return self.centre[1]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def header_columns(line: Sequence[dict[str, Any]]) -> list[Column] | None:
    """The answer columns if this line (words in x order) prints Ja, Nej, Delvis and Vet ej.

    Words are matched as a run at the end of the line, so a section title may stand before
    them and one or two other headers after them ("Kommentar"); "Vet" and "ej" may be
    separate words. Returns None when the line is no header row.
    """
    found: list[Column] = []
    vet, rest = VET_WORDS
    i = len(line) - 1
    for _ in range(2):  # headers of further columns after the answer columns
        text = _fold(line[i]["text"]) if i >= 0 else ""
        if i >= 0 and ANSWER_WORDS.get(text) is None and text not in rest and text != vet:
            i -= 1
    while i >= 0:
        text = _fold(line[i]["text"])
        if text in rest and i > 0 and _fold(line[i - 1]["text"]) == vet:
            found.append(Column(VET_EJ, line[i - 1]["x0"], line[i]["x1"]))
            i -= 2
            continue
        if i > 0 and _fold(line[i - 1]["text"]) == vet and _stacked(line[i - 1], line[i]):
            # "Vet" over a word OCR misread ("inte" as "läte") wrapped in its header cell
            found.append(Column(VET_EJ, line[i - 1]["x0"], line[i - 1]["x1"]))
            i -= 2
            continue
        if text == vet:  # "Vet" / "ej" wrapped in its header cell: the rest is below
            found.append(Column(VET_EJ, line[i]["x0"], line[i]["x1"]))
            i -= 1
            continue
        value = ANSWER_WORDS.get(text)
        if value is None:
            break
        found.append(Column(value, line[i]["x0"], line[i]["x1"]))
        i -= 1
    values = {c.value for c in found}
    if len(found) != len(values) or not {JA, NEJ} <= values or len(found) < 3:
        return None
    return sorted(found, key=lambda c: c.x0)


def _stacked(upper: dict[str, Any], lower: dict[str, Any]) -> bool:
    """Two words one above the other in one cell: lower (OCR rows overlap much), and most
    of the narrower one's width under the other (the wrapped halves of a header)."""
    overlap = min(upper["x1"], lower["x1"]) - max(upper["x0"], lower["x0"])
    narrower = min(upper["x1"] - upper["x0"], lower["x1"] - lower["x0"])
    below = lower["top"] >= upper["top"] + 0.3 * (upper["bottom"] - upper["top"])
    return below and overlap >= 0.5 * narrower


_BOX_READINGS = frozenset("oO0xX8")  # what OCR glues before a word from the box beside it


def _option_value(text: str) -> tuple[str, bool] | None:
    """The answer a word names, and whether OCR glued the box beside it to its front ("Oja"
    for "☐ Ja")."""
    vet, _ = VET_WORDS
    for word, glued in ((text, False), (text[1:], True), (text[2:], True)):
        if glued and not (len(text) > 2 and (text[0] in _BOX_READINGS or not text[0].isalnum())):
            break
        value = VET_EJ if word == vet else ANSWER_WORDS.get(word)
        if value is not None:
            return value, glued
    return None


OptionWord = tuple[str, dict[str, Any], bool]  # the answer, its word, a box glued to its front


def option_words(line: Sequence[dict[str, Any]]) -> list[OptionWord] | None:
    """The answer words if a line (words in x order) is the answer options printed as a row
    ("☐ Ja ☐ Nej ☐ Delvis ☐ Vet ej", a header "Ja Nej Delvis Vet ej"): Ja, Nej and a third
    answer, each once, and between them nothing longer than what a scan makes of a box
    ("O", "8", "CJ"); a scan may lose one of Ja and Nej. Text that talks of yes and no has
    words of its own. None otherwise."""
    _, rest = VET_WORDS
    found: list[OptionWord] = []
    other = 0
    for word in line:
        text = _fold(word["text"]).strip(".,:;")
        value = _option_value(text)
        if value is not None:
            found.append((value[0], word, value[1]))
        elif text in rest and found and found[-1][0] == VET_EJ:
            continue
        elif len(text) <= 2:  # what a scan makes of a box: "O", "8", "CJ", "[]"
            other += 1
        else:
            return None
    values = [value for value, _, _ in found]
    distinct = set(values)
    # Ja and Nej and a third; or, where a scan lost the word beside a marked box, three
    # answers with one of Ja and Nej
    if len(values) != len(distinct) or not {JA, NEJ} & distinct or len(distinct) < 3:
        return None
    return found if other <= len(values) + 1 else None


def option_row(line: Sequence[dict[str, Any]]) -> bool:
    """Whether a line is a row of answer options (`option_words`)."""
    return option_words(line) is not None


def inline_columns(columns: Sequence[Column], boxes: Sequence[Box]) -> list[Column] | None:
    """Labels printed beside their own boxes on one line ("☐ Ja ☐ Nej ..." or "Ja ☐ Nej ☐"):
    each column then spans its box and its label, so a box belongs to its own label and not
    to the nearest label centre. None when not every label has a box right beside it."""
    for side in ("left", "right"):
        spans = []
        for c in columns:
            near = [b for b in boxes if _beside(b, c, side)]
            if not near:
                break
            box = min(near, key=lambda b: abs(b.centre[0] - c.centre))
            spans.append(
                Column(c.value, box.bbox[0], c.x1)
                if side == "left"
                else Column(c.value, c.x0, box.bbox[2])
            )
        else:
            return spans
    return None


def _beside(box: Box, column: Column, side: str) -> bool:
    reach = 1.5 * (box.bbox[2] - box.bbox[0]) + 4
    if side == "left":
        return box.bbox[2] <= column.x0 + 1 and column.x0 - box.bbox[2] <= reach
    return box.bbox[0] >= column.x1 - 1 and box.bbox[0] - column.x1 <= reach


def column_of(box: Box, columns: Sequence[Column]) -> Column | None:
    """The column the box stands under: the one whose span holds its centre, else the
    nearest column centre within half the column spacing."""
    if not columns:
        return None
    x = box.centre[0]
    holding = [c for c in columns if c.x0 <= x <= c.x1]
    if len(holding) == 1:
        return holding[0]
    nearest = min(columns, key=lambda c: abs(c.centre - x))
    centres = sorted(c.centre for c in columns)
    spacing = min((b - a for a, b in pairwise(centres)), default=40.0)
    reach = max(spacing / 2, (nearest.x1 - nearest.x0) / 2 + 2)
    return nearest if abs(nearest.centre - x) <= reach else None


# Word exports often print boxes in a symbol font: the character codes mean glyphs only in
# that font (and come out as U+F0xx when the font has no Unicode map).
_SYMBOL_FONTS: dict[str, dict[int, str]] = {
    "wingdings2": {0x54: "on", 0x52: "on", 0x50: "tick", 0x4F: "tick", 0xA3: "off"},
    "wingdings": {
        0xFD: "on", 0xFE: "on", 0x78: "on", 0xFC: "tick", 0xFB: "tick", 0x6E: "on",
        0x6F: "off", 0x71: "off", 0xA8: "off",
    },
}  # fmt: skip


def mark_glyph(word: dict[str, Any]) -> str | None:
    """What a one-character word means as a mark: "on" (☒, a Wingdings ballot box with x),
    "off" (☐), "tick" (✓ ✗), "letter" (x or X: a mark only when it stands alone) or None."""
    text = word["text"].strip()
    if len(text) != 1:
        return None
    font = re.sub(r"[^a-z0-9]", "", str(word.get("fontname", "")).casefold().split("+")[-1])
    for name, table in _SYMBOL_FONTS.items():
        if font.startswith(name):
            code = ord(text)
            return table.get(code - 0xF000 if 0xF000 <= code <= 0xF0FF else code)
    if text in LETTER_MARKS:
        return "letter"
    if text in TICKS:
        return "tick"
    if text in ON_GLYPHS:
        return "on"
    if text in OFF_GLYPHS:
        return "off"
    return None


def text_boxes(words: Iterable[dict[str, Any]]) -> list[Box]:
    """Marks printed as text: letters (x, ✓, ...) are marks, glyphs say on (☒) or off (☐)."""
    boxes = []
    for w in words:
        meaning = mark_glyph(w)
        if meaning is None:
            continue
        kind: MarkKind = MARK_TEXT if meaning in ("letter", "tick") else MARK_GLYPH
        boxes.append(Box(kind, meaning != "off", (w["x0"], w["top"], w["x1"], w["bottom"])))
    return boxes


def _darkness(color: object) -> float:
    """0 for white, 1 for black, from a gray, RGB or CMYK colour tuple."""
    if color is None:
        return 0.0
    values = color if isinstance(color, list | tuple) else (color,)
    try:
        nums = [float(v) for v in values]
    except (TypeError, ValueError):
        return 0.0
    if len(nums) == 1:
        return 1 - nums[0]
    if len(nums) == 3:
        return 1 - sum(nums) / 3
    if len(nums) == 4:
        return min(1.0, nums[3] + sum(nums[:3]) / 3)
    return 0.0


def _is_small_square(obj: dict[str, Any], lo: float = 4.0, hi: float = 22.0) -> bool:
    w, h = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
    return lo <= w <= hi and lo <= h <= hi and 0.7 <= w / h <= 1.4


def _inside(inner: dict[str, Any], outer: BBox, tol: float = 1.0) -> bool:
    return (
        inner["x0"] >= outer[0] - tol
        and inner["top"] >= outer[1] - tol
        and inner["x1"] <= outer[2] + tol
        and inner["bottom"] <= outer[3] + tol
    )


def drawn_boxes(
    rects: Sequence[dict[str, Any]],
    lines: Sequence[dict[str, Any]],
    curves: Sequence[dict[str, Any]] = (),
) -> list[Box]:
    """Answer boxes drawn as small squares; one is marked by a cross, tick or fill inside it.

    A stroke inside the box that spans at least 40% of it both across and down is a cross or
    tick (the box's own edges are axis-aligned and span only one way); a dark fill of the box,
    or a dark filled square inside it, is a filled mark.
    """
    squares = [r for r in rects if r.get("stroke") and _is_small_square(r)]
    boxes: list[Box] = []
    for sq in squares:
        bbox = (sq["x0"], sq["top"], sq["x1"], sq["bottom"])
        if any(_same_place(bbox, b.bbox) for b in boxes):
            continue
        size = min(bbox[2] - bbox[0], bbox[3] - bbox[1])
        on = bool(sq.get("fill")) and _darkness(sq.get("non_stroking_color")) > 0.5
        for stroke in (*lines, *curves):
            if not _inside(stroke, bbox):
                continue
            w, h = stroke["x1"] - stroke["x0"], stroke["bottom"] - stroke["top"]
            if w >= 0.4 * size and h >= 0.4 * size:
                on = True
                break
        for inner in rects:
            if inner is sq or not inner.get("fill") or not _inside(inner, bbox):
                continue
            if (
                _darkness(inner.get("non_stroking_color")) > 0.5
                and inner["x1"] - inner["x0"] >= 0.3 * size
            ):
                on = True
        boxes.append(Box(MARK_DRAWN, on, bbox))
    return boxes + shaded_cells(rects)


def shaded_cells(rects: Sequence[dict[str, Any]]) -> list[Box]:
    """Answer cells marked by a dark fill and no glyph: filled rectangles narrow enough to
    be one answer column (a rule is thinner, a shaded header row or band wider)."""
    cells = []
    for r in rects:
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if not r.get("fill") or not (6.0 <= w <= 90.0 and h >= 6.0):
            continue
        if _is_small_square(r) and r.get("stroke"):
            continue  # a drawn box, read above
        if _darkness(r.get("non_stroking_color")) < SHADE:
            continue
        cells.append(Box(MARK_DRAWN, True, (r["x0"], r["top"], r["x1"], r["bottom"]), cell=True))
    return cells


# A fill at least this dark marks a cell; header rows are shaded lighter in every template.
SHADE = 0.3


def _resolve(value: object) -> object:
    resolve = getattr(value, "resolve", None)
    return resolve() if callable(resolve) else value


def _name(value: object) -> str | None:
    value = _resolve(value)
    if value is None:
        return None
    name = getattr(value, "name", value)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return str(name)


def _inherited(data: dict[str, Any], key: str) -> object:
    """A field attribute, looked up through /Parent as the PDF spec inherits it."""
    seen = 0
    while isinstance(data, dict) and seen < 10:
        if key in data:
            return _resolve(data[key])
        data = _resolve(data.get("Parent"))  # type: ignore[assignment]
        seen += 1
    return None


_PUSHBUTTON = 1 << 16


def form_boxes(annots: Sequence[dict[str, Any]]) -> list[Box]:
    """AcroForm checkboxes and radio buttons (widgets of button fields), on or off.

    A widget is on when its appearance state /AS names a state other than /Off; without /AS,
    the field's value /V decides (for a radio group the value names the kid that is on).
    """
    boxes = []
    for annot in annots:
        data = annot.get("data") or {}
        if _name(data.get("Subtype")) != "Widget" or _name(_inherited(data, "FT")) != "Btn":
            continue
        flags = _inherited(data, "Ff")
        if isinstance(flags, int) and flags & _PUSHBUTTON:
            continue
        state = _name(data.get("AS"))
        if state is None:
            value = _name(_inherited(data, "V"))
            on = value not in (None, "Off")
        else:
            on = state != "Off"
        boxes.append(Box(MARK_FORM, on, (annot["x0"], annot["top"], annot["x1"], annot["bottom"])))
    return boxes


def _same_place(a: BBox, b: BBox, tol: float = 3.0) -> bool:
    ax, ay = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2
    bx, by = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    return abs(ax - bx) <= tol and abs(ay - by) <= tol


def merge_boxes(boxes: Iterable[Box]) -> list[Box]:
    """One box per place: a form widget and the border drawn under it are the same box.

    The marked one wins; among equals the more specific kind (form over drawn) is kept.
    """
    rank = {MARK_FORM: 3, MARK_GLYPH: 2, MARK_TEXT: 2, MARK_DRAWN: 1, MARK_SCAN: 1}
    merged: list[Box] = []
    for box in sorted(boxes, key=lambda b: (not b.on, -rank[b.kind])):
        if not any(_same_place(box.bbox, kept.bbox) for kept in merged):
            merged.append(box)
    return sorted(merged, key=lambda b: (b.bbox[1], b.bbox[0]))


def is_isolated(word: dict[str, Any], others: Sequence[dict[str, Any]]) -> bool:
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
            (marks if is_isolated(w, [o for o in words if o is not w]) else text).append(w)
        else:
            text.append(w)
    return text, marks
