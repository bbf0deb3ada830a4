"""Answer marks on a scanned page, decided from its pixels (OpenCV).

A scan has no drawn boxes or glyphs to ask about, only ink. Under the answer columns
(found from the OCR'd Ja / Nej / Delvis / Vet ej header) the page's ink is cleaned of table
rules and of the words OCR read as text; what is left are printed or drawn boxes and marks.
Each blob of ink of a mark's size is one place: a hollow square is an empty box, a square
with ink inside it (a cross, a tick, a fill) a marked one, and any other blob (a printed or
hand-drawn cross, a tick, an x) a mark by itself. Positions are PDF points of the
straightened page, so the questionnaire reader assigns them to questions and columns exactly
as it does a text PDF's boxes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np

from kommunkoll import vocabulary

from .answer_marks import Box, Column, is_isolated

_MARKISH = re.compile(
    "^[" + vocabulary.character_class(set("xX×*%<>/\\|[](){}0oO°_=+-—–.,:;'\"`´")) + "]{1,4}$"
)


@dataclass(frozen=True)
class PixelMarkSettings:
    """Sizes in PDF points, fractions of a blob's area."""

    ink_level: int = 150  # gray below this is ink
    rule_length: float = 18.0  # straight runs at least this long are table rules, not marks
    min_size: float = 4.0  # a blob smaller than this both ways is a speck of noise
    max_size: float = 28.0  # a blob larger than this either way is no mark
    box_ratio: tuple[float, float] = (0.7, 1.4)  # width / height of a square box
    border_ink: float = 0.45  # a box's border band is at least this much ink...
    inside_marked: float = 0.08  # ...and its inside at least this much when it is marked
    inside_empty: float = 0.03  # ...and at most this much when it is clearly empty
    word_pad: float = 0.8  # text words are cleared this far beyond their box
    text_confidence: float = 60.0  # a short word OCR is less sure of may be a box
    mark_size: float = 6.0  # a cross, tick or x without a box is at least this big both ways
    # A blob of strokes at least `small_mark` one way but under `mark_size`, and at most
    # `small_mark_max` the other, may be a small printed tick ("✓" in a 10 pt font inks
    # about 5 × 5-8 pt) or a piece of something (a speck drawn out longer): a weak mark,
    # read no surer than `small_mark_confidence` and only where nothing surer marks the
    # question.
    small_mark: float = 4.8
    small_mark_max: float = 9.0
    small_mark_confidence: float = 60.0
    join_gap: float = 1.0  # ink closer than this is one blob (a broken stroke, a box's side)
    # A blob with this share of its ink in one straight band `line_width` wide, across or
    # down, is a piece of a rule (a short cell border), not a cross or a tick.
    line_share: float = 0.75
    line_width: float = 2.0
    # A shaded answer cell: ink this dense over every `fill_core` square of it (a letter's
    # or a cross's strokes are thinner; a box's fill is smaller), at least `fill_min` both
    # ways and at most `fill_max` wide (one answer column; a shaded band is wider).
    fill_core: float = 4.0
    fill_density: float = 0.75
    fill_min: float = 9.0
    fill_max: float = 90.0
    # A pen's cross drawn over a large cell (as tall as a question's lines, so the cross
    # reaches over the text beside and below it): strokes at least `pen_stroke` thick
    # (printed text, even bold, is thinner), a blob at least `pen_min` and at most
    # `pen_max` both ways whose strokes fill at most `pen_fill` of its extent (a shaded
    # cell or a bar fills all of it) and cross in its middle `pen_core`.
    pen_stroke: float = 3.0
    pen_min: float = 15.0
    pen_max: float = 320.0
    pen_fill: float = 0.65
    pen_core: float = 0.2
    pen_confidence: float = 90.0
    # Two large crosses of neighbouring rows may touch and make one blob, whose centre is
    # neither's: a cross inks its middle and its four corners (of a 3 × 3 grid, at least
    # `pen_corner` of each); a blob that does not is left as it is, to the marks' reading.
    pen_corner: float = 0.03


SETTINGS = PixelMarkSettings()


@dataclass(frozen=True)
class PixelMark:
    """A place under the answer columns: its box for the reader and how sure the pixels are."""

    box: Box
    confidence: float  # 0–100: how far the ink is from the threshold between on and off


@dataclass(frozen=True)
class PenCross:
    """A large hand-drawn cross: where it stands (points) and how sure the reading is."""

    bbox: tuple[float, float, float, float]
    confidence: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.bbox[0] + self.bbox[2]) / 2, (self.bbox[1] + self.bbox[3]) / 2


def pen_crosses(
    gray: np.ndarray, scale: float, settings: PixelMarkSettings = SETTINGS
) -> tuple[list[PenCross], np.ndarray | None]:
    """Large crosses drawn with a thick pen, and the page with their strokes painted white.
    Such a cross reaches over the text around its cell: left in, Tesseract reads its
    strokes as letters and loses the words and question numbers under them, and the blob
    is too large for a box's mark. None for the page when there is none."""
    import cv2

    ink = _ink(gray, settings)
    size = max(3, round(settings.pen_stroke * scale))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    thick = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    if not thick.any():
        return [], None
    count, labels, stats, _ = cv2.connectedComponentsWithStats(thick, connectivity=8)
    lo, hi = settings.pen_min * scale, settings.pen_max * scale
    found: list[PenCross] = []
    strokes = np.zeros_like(ink)
    for i in range(1, count):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if min(bw, bh) < lo or max(bw, bh) > hi or area > settings.pen_fill * bw * bh:
            continue
        own = (labels[y : y + bh, x : x + bw] == i).astype(np.uint8)
        cy, cx, r = bh // 2, bw // 2, max(1, round(settings.pen_core * min(bw, bh) / 2))
        if not own[cy - r : cy + r + 1, cx - r : cx + r + 1].any():
            continue  # a ring or a bracket: no strokes crossing in its middle
        if not _one_cross(own, settings):
            continue  # left to the marks' own reading, as before pens were looked for
        strokes[y : y + bh, x : x + bw] |= own
        bbox = (x / scale, y / scale, (x + bw) / scale, (y + bh) / scale)
        found.append(PenCross(bbox, settings.pen_confidence))
    if not found:
        return [], None
    # the strokes' blurred edges too, which the opening trimmed off
    reach = cv2.dilate(strokes, np.ones((size, size), np.uint8))
    out = gray.copy()
    out[(reach & ink).astype(bool)] = 255
    return found, out


def _one_cross(own: np.ndarray, settings: PixelMarkSettings) -> bool:
    """Whether a blob is one cross: its middle and four corners inked (see the settings)."""
    h, w = own.shape
    rows, cols = (0, h // 3, h - h // 3, h), (0, w // 3, w - w // 3, w)
    cells = [(1, 1), (0, 0), (0, 2), (2, 0), (2, 2)]
    shares = [own[rows[r] : rows[r + 1], cols[c] : cols[c + 1]].mean() for r, c in cells]
    return all(share >= settings.pen_corner for share in shares)


def is_markish(text: str) -> bool:
    """What OCR makes of a box or cross: "X", "[x]", "|", "O", "><", "%" (no real word)."""
    return bool(_MARKISH.match(text.strip()))


def is_text(word: dict[str, Any], settings: PixelMarkSettings = None) -> bool:  # type: ignore[assignment]
    """A word OCR read as text: long, or short and sure. What Tesseract makes of a box
    ("Oo", "JR", "0" at confidence 0–50) is not text: its ink is a mark's."""
    settings = settings or SETTINGS
    if is_markish(word["text"]):
        return False
    alnum = sum(ch.isalnum() for ch in word["text"])
    return alnum >= 4 or (alnum >= 2 and word.get("conf", 100) >= settings.text_confidence)


def _ink(gray: np.ndarray, settings: PixelMarkSettings) -> np.ndarray:
    import cv2

    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    return (smooth < settings.ink_level).astype(np.uint8)


def _without_rules(ink: np.ndarray, length_px: int) -> np.ndarray:
    """Ink less its long horizontal and vertical runs (table rules, cell borders)."""
    import cv2

    length_px = max(length_px, 5)
    # A scanned rule is ragged and broken by noise: bridge its gaps along its own direction
    # (and a pixel across) before asking for a long straight run.
    gap = max(3, length_px // 8)
    tall = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, gap), np.uint8))
    wide = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((gap, 3), np.uint8))
    horizontal = cv2.morphologyEx(tall, cv2.MORPH_OPEN, np.ones((1, length_px), np.uint8))
    vertical = cv2.morphologyEx(wide, cv2.MORPH_OPEN, np.ones((length_px, 1), np.uint8))
    rules = cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))
    return ink & (1 - rules)


def answer_zone(columns: Sequence[Column]) -> tuple[float, float]:
    """The x extent in points where the answer columns' marks stand."""
    centres = sorted(c.centre for c in columns)
    spacing = min((b - a for a, b in pairwise(centres)), default=40.0)
    return columns[0].x0 - spacing / 2, columns[-1].x1 + spacing / 2


def find_marks(
    gray: np.ndarray,
    scale: float,
    words: Sequence[dict[str, Any]],
    zones: Sequence[tuple[float, float, float, float]],
    settings: PixelMarkSettings = SETTINGS,
) -> list[PixelMark]:
    """Boxes and marks in `zones` (x0, top, x1, bottom in points) of a straightened page
    (`scale` pixels per point), ignoring the ink of `words` read as text."""
    import cv2

    ink = _ink(gray, settings)
    cells, filled = _filled_cells(ink, scale, zones, settings)
    # A box's own edges are short; only the table's long rules go (found on the whole page,
    # so a rule is not cut into short pieces at a zone's edge).
    ink = _without_rules(ink, round(settings.rule_length * scale)) & (1 - filled)
    page = np.zeros_like(ink)
    h, w = ink.shape
    for x0, top, x1, bottom in zones:
        a, b = max(0, int(x0 * scale)), min(w, int(x1 * scale) + 1)
        c, d = max(0, int(top * scale)), min(h, int(bottom * scale) + 1)
        page[c:d, a:b] = ink[c:d, a:b]
    pad = settings.word_pad * scale
    for word in words:
        if not is_text(word, settings) and (stands_alone(word, words) or _apart(word, words)):
            continue  # what OCR made of a box or a cross standing in its column
        x0, top, x1, bottom = word.get("ink") or _box(word)
        a, b = max(0, int(x0 * scale - pad)), min(w, int(x1 * scale + pad) + 1)
        c, d = max(0, int(top * scale - pad)), min(h, int(bottom * scale + pad) + 1)
        page[c:d, a:b] = 0
    # Strokes of one mark, or the sides of a box, broken by noise or blur join again.
    grow = max(3, round(settings.join_gap * scale))
    joined = cv2.dilate(page, np.ones((grow, grow), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    rects = [tuple(int(v) for v in stats[i][:4]) for i in range(1, count)]
    rects = _merge_near(rects, round(settings.join_gap * scale))
    marks = cells
    lo, hi = settings.min_size * scale, settings.max_size * scale
    for x, y, bw, bh in rects:
        if min(bw, bh) < lo or max(bw, bh) > hi:
            continue  # a speck, a piece of a rule or of a letter; or a figure, a table
        region = page[y : y + bh, x : x + bw]  # the blob's ink with its box edges intact
        mark = _classify(region, (x, y, bw, bh), scale, settings)
        if mark is not None:
            marks.append(mark)
    return marks


def _filled_cells(
    ink: np.ndarray,
    scale: float,
    zones: Sequence[tuple[float, float, float, float]],
    settings: PixelMarkSettings,
) -> tuple[list[PixelMark], np.ndarray]:
    """Answer cells marked by a fill and no glyph (a shaded cell), whose centre stands in
    a zone, and the pixels of every solid fill found (no cross or box is looked for there).
    A fill is ink dense over squares wider than any stroke: rules, letters and crosses are
    thinner, so they leave nothing of it."""
    import cv2

    core = max(3, round(settings.fill_core * scale))
    density = cv2.blur(ink.astype(np.float32), (core, core))
    solid = (density >= settings.fill_density).astype(np.uint8)
    # back to the fill's full extent (the window's half at each edge)
    solid = cv2.dilate(solid, np.ones((core, core), np.uint8)) & ink
    count, _, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
    cells = []
    filled = np.zeros_like(ink)
    for i in range(1, count):
        x, y, bw, bh = (int(v) for v in stats[i][:4])
        share = float(solid[y : y + bh, x : x + bw].mean())
        # a filled rectangle fills its extent; a thick stroke (a pen's cross) only its diagonal
        if min(bw, bh) < settings.fill_min * scale or share < settings.fill_density:
            continue
        filled[y : y + bh, x : x + bw] = 1
        if bw > settings.fill_max * scale:
            continue
        cx, cy = (x + bw / 2) / scale, (y + bh / 2) / scale
        if not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in zones):
            continue
        confidence = min(100.0, 50 + 50 * (share - 0.5) / 0.4)
        bbox = (x / scale, y / scale, (x + bw) / scale, (y + bh) / scale)
        box = Box(vocabulary.MARK_SCAN, True, bbox, cell=True)
        cells.append(PixelMark(box, round(max(confidence, 0.0), 1)))
    return cells, filled


def stands_alone(word: dict[str, Any], words: Sequence[dict[str, Any]]) -> bool:
    """A short word with no other word near it on its line: what OCR may make of a box
    ("Eg", "Oo") standing in its column; a word of a sentence has neighbours."""
    if sum(ch.isalnum() for ch in word["text"]) >= 4:
        return False
    reach = 1.5 * max(word["bottom"] - word["top"], 1.0)
    for other in words:
        if other is word or other["bottom"] <= word["top"] or other["top"] >= word["bottom"]:
            continue
        if other["x0"] - word["x1"] <= reach and word["x0"] - other["x1"] <= reach:
            return False
    return True


def _apart(word: dict[str, Any], words: Sequence[dict[str, Any]]) -> bool:
    """What OCR made of a cross ("X", "><") standing apart from the text, as a printed mark
    letter must (the question's text may end a little to its left): a hand-drawn cross
    beside a question's first line, in the column next to where its text ends."""
    return is_markish(word["text"]) and is_isolated(word, [o for o in words if o is not word])


def _merge_near(
    rects: list[tuple[int, int, int, int]], gap: int
) -> list[tuple[int, int, int, int]]:
    """Blobs closer than `gap` pixels as one: the halves of a box a scan broke apart."""
    boxes = [[x, y, x + w, y + h] for x, y, w, h in rects]
    merged = True
    while merged:
        merged = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                a, b = boxes[i], boxes[j]
                if (
                    a[0] - gap <= b[2]
                    and b[0] - gap <= a[2]
                    and a[1] - gap <= b[3]
                    and b[1] - gap <= a[3]
                ):
                    boxes[i] = [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]
                    del boxes[j]
                    merged = True
                    break
            if merged:
                break
    return [(x0, y0, x1 - x0, y1 - y0) for x0, y0, x1, y1 in boxes]


def _box(word: dict[str, Any]) -> tuple[float, float, float, float]:
    return (word["x0"], word["top"], word["x1"], word["bottom"])


def _frame(region: np.ndarray, dense: float = 0.6) -> tuple[int, int, int, int] | None:
    """The outline of a box within a blob: the outermost rows and columns that are mostly
    ink (a box's sides; a cross or tick crosses each row at a point or two)."""
    rows = np.nonzero(region.mean(axis=1) >= dense)[0]
    cols = np.nonzero(region.mean(axis=0) >= dense)[0]
    h, w = region.shape
    if len(rows) < 2 or len(cols) < 2:
        return None
    y0, y1, x0, x1 = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    if y1 - y0 < 0.5 * min(h, w) or x1 - x0 < 0.5 * min(h, w):
        return None
    return int(x0), int(y0), int(x1), int(y1)


def _straight(region: np.ndarray, scale: float, s: PixelMarkSettings) -> bool:
    """Most of the blob's ink in one narrow band along an axis: a rule's piece."""
    total = float(region.sum())
    if total <= 0:
        return True
    band = max(2, round(s.line_width * scale))
    for profile in (region.sum(axis=0), region.sum(axis=1)):
        window = np.convolve(profile.astype(np.float64), np.ones(band), mode="valid")
        if window.size and window.max() >= s.line_share * total:
            return True
    return False


def _classify(
    region: np.ndarray, rect: tuple[int, int, int, int], scale: float, s: PixelMarkSettings
) -> PixelMark | None:
    """A hollow square is a box, on when its inside holds ink; a blob of a mark's size is a
    mark; anything else (a piece of something) is None."""
    frame = _frame(region)
    if frame is not None and frame != (0, 0, region.shape[1], region.shape[0]):
        fx0, fy0, fx1, fy1 = frame  # a box with something touching it: the box alone
        region = region[fy0:fy1, fx0:fx1]
        rect = (rect[0] + fx0, rect[1] + fy0, fx1 - fx0, fy1 - fy0)
    x, y, bw, bh = rect
    bbox = (x / scale, y / scale, (x + bw) / scale, (y + bh) / scale)
    square = s.box_ratio[0] <= bw / max(bh, 1) <= s.box_ratio[1]
    band = max(2, round(min(bw, bh) * 0.15))
    if square and bw > 2 * band + 2 and bh > 2 * band + 2:
        inside = region[band:-band, band:-band]
        border = region.copy()
        border[band:-band, band:-band] = 0
        border_share = border.sum() / max(1, region.size - inside.size)
        edges = [region[:band].mean(), region[-band:].mean()]
        edges += [region[:, :band].mean(), region[:, -band:].mean()]
        # A box whose one side the scan lost (or a rule's removal took) is still a box.
        if border_share >= s.border_ink * 0.6 and sorted(edges)[1] >= 0.25:
            fill = float(inside.mean())
            on = fill >= s.inside_marked
            if on:
                confidence = min(100.0, 50 + 50 * (fill - s.inside_marked) / s.inside_marked)
            else:
                confidence = min(100.0, 50 + 50 * (s.inside_marked - fill) / s.inside_marked)
                if fill > s.inside_empty:
                    confidence = min(confidence, 60.0)
            return PixelMark(Box(vocabulary.MARK_SCAN, on, bbox), round(confidence, 1))
    # Not a box: a cross, tick or letter on its own, as large as one is drawn (a piece of a
    # box or of a letter is smaller). Its ink must fill enough of its extent to be strokes.
    if min(bw, bh) < s.small_mark * scale or _straight(region, scale, s):
        return None
    density = float(region.mean())
    if min(bw, bh) < s.mark_size * scale:
        if max(bw, bh) > s.small_mark_max * scale or not 0.06 <= density <= 0.7:
            return None
        box = Box(vocabulary.MARK_SCAN, True, bbox, weak=True)
        return PixelMark(box, s.small_mark_confidence)
    confidence = 90.0 if 0.06 <= density <= 0.7 else 55.0
    return PixelMark(Box(vocabulary.MARK_SCAN, True, bbox), confidence)
