"""A scanned page's OCR words and pixel marks as the page model (layout.Page).

Every reader takes a `Page`: its lines of words, and for an enkät the answer boxes. On a
scan the words come from Tesseract (tidied of what OCR makes of table rules and of a few
glyphs it misreads) and the boxes from the pixels under the answer columns
(pixel_marks.py); the reader code is the same as for a text PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from kommunkoll import vocabulary

from .answer_marks import Box, Column, header_columns, option_words
from .layout import Page, Word, group_lines
from .ocr import OcrPage, tessdata_dir
from .ocr_figures import FIGURE_SETTINGS, is_figure, line_reader, read_image, word_image
from .pixel_marks import answer_zone, find_marks, is_text, stands_alone

_RULE = re.compile(r"^[|¦!\[\]{}_]+$")  # a table rule or cell border read as characters
_EDGE_RULE = re.compile(r"^[|¦]+|[|¦]+$")  # a cell border OCR glued to a word: "|Delvis"
_STROKES = "Iil|¦"  # what OCR makes of a cell border glued before a word


def _unglued(text: str) -> str:
    """A word less the cell border OCR read as a letter before it ("ISvar", "lÄr",
    "iVänligen"): one stroke, then a capitalised word."""
    rest = text[2:].rstrip(".,;:?")
    glued = len(text) >= 3 and text[0] in _STROKES and text[1].isupper()
    return text[1:] if glued and rest.isalpha() and rest.islower() else text


_BULLET = re.compile(r"^[»«•·*°©+®]{1,2}$")  # what Tesseract makes of a printed "•"
_DECISION_NUMBER = re.compile(r"^\d{1,4}/\d{4}[.,;:]?$")  # "71/2024": after a "§"
# A question number as OCR may print it: "3,3", "4:3", ":3.7" for 3.3, 4.3, 3.7.
_QUESTION_NUMBER = re.compile(r"^[:;.,'`]?(\d{1,2})[.,:;](\d{1,2})(?:[.,:;](\d{1,2}))?([.,:;]?)$")
_HEADER_WORDS = {part for word in vocabulary.ANSWER_WORDS for part in word.split()}


@dataclass(frozen=True)
class ScanSettings:
    speck_confidence: float = 40.0  # a word of ≤ 2 letters OCR is less sure of is no text
    # A "§" read as one digit or "$" ("SN 5 47/2025"): unlike a digit it reaches below the
    # baseline, by this share of the line's height (more: a box or a mark, no glyph).
    section_descent: tuple[float, float] = (0.035, 0.2)
    # An enkät's answer header: below this confidence a short word in it may be a misread
    # label; three labels, one gap at least `lost_label_gap` × the other and nothing in it,
    # lost a fourth there.
    misread_label: float = 60.0
    lost_label_gap: float = 1.7
    # An enkät line's first word read with less than `number_unsure` confidence and at
    # most `number_chars` characters, standing `number_gap` × its height or more before
    # the next word (a capital), may be a question number OCR garbled ("SÅ", "Jr" for 1.7,
    # 2.3): it is read once more as digits and dots, and kept when that reads "n.m".
    number_unsure: float = 60.0
    number_chars: int = 4
    number_gap: float = 0.6
    # A number's digit groups as OCR boxes them stand further apart than a printed space
    # (seen up to 0.6 × the line's size; table columns stand 2.5 × or more apart).
    group_gap: float = 0.8
    # The mark a large pen cross gives its cell: this many points wide at the cross's centre
    pen_mark: float = 4.0


SCAN_SETTINGS = ScanSettings()


def _word(w: dict[str, Any]) -> Word:
    return Word(
        w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"], w["fontname"], conf=w["conf"]
    )


def _lines_of(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """OCR words (dicts) as lines, by the page model's own grouper."""
    wrapped = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"]) for w in words]
    back = {id(v): words[i] for i, v in enumerate(wrapped)}
    return [[back[id(v)] for v in line.words] for line in group_lines(wrapped)]


def _speck(word: dict[str, Any], settings: ScanSettings) -> bool:
    """A speck of dirt or a piece of a rule that OCR made a word of: short and unsure."""
    if word.get("reread"):  # a table figure or label read a second time (ocr_figures.py)
        return False
    alnum = sum(ch.isalnum() for ch in word["text"])
    return alnum <= 2 and word["conf"] < settings.speck_confidence


def tidy_words(
    words: list[dict[str, Any]], settings: ScanSettings | None = None
) -> list[dict[str, Any]]:
    """OCR words less rule characters (alone or glued to a word) and specks; "§" and "•"
    where Tesseract reads "8" and "»"; "Vetej" (Vet ej printed tight in a header cell) as
    the two words it is; a question number whose dot OCR misread as the number it is."""
    settings = settings or SCAN_SETTINGS
    kept = [
        {**w, "text": _unglued(_EDGE_RULE.sub("", w["text"])) or w["text"]}
        for w in words
        if not _RULE.match(w["text"]) and not _speck(w, settings)
    ]
    out: list[dict[str, Any]] = []
    for line in _lines_of(kept):
        _question_number(line)
        _join_groups(line, settings)
        for i, w in enumerate(line):
            w["text"] = _spaced(w["text"])
            nxt = line[i + 1]["text"] if i + 1 < len(line) else ""
            after_figure = i > 0 and is_figure(line[i - 1]["text"])  # a row of figures
            if not after_figure and _section_sign(w, nxt, settings):
                w["text"] = "§"
            elif i == 0 and _BULLET.match(w["text"]) and nxt[:1].isalpha():
                w["text"] = "•"
            if w["text"].casefold() == "vetej":
                split = w["x0"] + (w["x1"] - w["x0"]) * 3 / 5
                out.append({**w, "text": w["text"][:3], "x1": split - 0.5})
                out.append({**w, "text": w["text"][3:], "x0": split + 0.5})
                continue
            out.append(w)
    return [w for w in out if w["text"]]


# The narrow spaces OCR loses: between a number and the word after it ("29år", "50år>"),
# and beside a "<" or ">" ("<29").
_NUMBER_WORD = re.compile(r"(?<=\d)([^\W\d_]{2,})(?!\w)")
_COMPARISON = re.compile(r"(?<=[<>])(?=\w)|(?<=\w)(?=[<>])")


def _spaced(text: str) -> str:
    """A word with the spaces OCR lost put back (`_NUMBER_WORD` before a lower-case word,
    `_COMPARISON`)."""
    text = _NUMBER_WORD.sub(lambda m: f" {m[1]}" if m[1].islower() else m[1], text)
    return _COMPARISON.sub(" ", text)


_GROUPED = re.compile(r"^[-−–]?\d{1,3}(?: \d{3})*$")  # a number's head: "-1", "-1 103"
_GROUP = re.compile(r"^\d{3}(?:,\d+)?%?$")  # a thousands group going on: "638", "000,5"


def _join_groups(line: list[dict[str, Any]], settings: ScanSettings) -> None:
    """A number's digit groups ("-1" and "638" of "-1 638") as one word, when OCR's boxes
    left them further apart than the page model takes for a thousands space: else a table
    takes the head for a column of its own, and the row loses the figure."""
    k = 1
    while k < len(line):
        a, b = line[k - 1], line[k]
        gap = b["x0"] - a["x1"]
        if (
            _GROUPED.match(a["text"])
            and _GROUP.match(b["text"])
            and 0 <= gap <= settings.group_gap * max(a["size"], b["size"])
        ):
            joined = {**a, "text": f"{a['text']} {b['text']}", "x1": b["x1"]}
            joined["conf"] = min(a["conf"], b["conf"])
            if a.get("ink") and b.get("ink"):
                ink_a, ink_b = a["ink"], b["ink"]
                joined["ink"] = (
                    ink_a[0],
                    min(ink_a[1], ink_b[1]),
                    ink_b[2],
                    max(ink_a[3], ink_b[3]),
                )
            line[k - 1 : k + 1] = [joined]
            continue
        k += 1


def _section_sign(word: dict[str, Any], nxt: str, settings: ScanSettings) -> bool:
    """A "§" OCR read as a character like it: before a number, an "8" before a decision
    number ("8 71/2024"), or any one digit or "$" whose ink goes below the baseline as a
    "§" does and no digit."""
    if word["text"] == "8" and _DECISION_NUMBER.match(nxt):
        return True
    if len(word["text"]) != 1 or word["text"] not in "0123456789$" or not nxt[:1].isdigit():
        return False
    if "base" not in word or word["size"] <= 0:
        return False
    low, high = settings.section_descent
    return low <= (word["ink"][3] - word["base"]) / word["size"] <= high


def _question_number(line: list[dict[str, Any]]) -> None:
    """The line's first word as the "n.m" number it is when OCR misread its dot ("3,3",
    "4:3", ":3.7") or split it ("4. 2"); a numbered list item ("1. Text") is left alone."""
    if not line:
        return
    first = line[0]
    if len(line) > 2 and re.fullmatch(r"\d{1,2}[.,]", first["text"]):
        second = line[1]
        if re.fullmatch(r"\d{1,2}", second["text"]) and second["x0"] - first["x1"] < 4:
            first["text"] = first["text"][:-1] + "." + second["text"]
            first["x1"] = second["x1"]
            line.remove(second)
            second["text"] = ""
    match = _QUESTION_NUMBER.match(first["text"])
    if match:
        parts = [p for p in match.groups()[:3] if p]
        first["text"] = ".".join(parts) + ("." if match.group(4) else "")


def _reread_numbers(page: OcrPage, words: list[dict[str, Any]], settings: ScanSettings) -> None:
    """Question numbers OCR garbled, read again as digits and dots (see ScanSettings)."""
    if page.image is None:
        return
    api = None
    for line in _lines_of(words):
        if len(line) < 2:
            continue
        first, nxt = line[0], line[1]
        if first["conf"] >= settings.number_unsure or len(first["text"]) > settings.number_chars:
            continue
        if _QUESTION_NUMBER.match(first["text"]) or not nxt["text"][:1].isupper():
            continue
        if nxt["x0"] - first["x1"] < settings.number_gap * first["size"]:
            continue
        image = word_image(first, page.image, page.scale, right=nxt["x0"] - 0.5)
        if image is None:
            continue
        api = api or line_reader(FIGURE_SETTINGS.lang, tessdata_dir(), "0123456789.")
        text, conf = read_image(api, image, page.dpi, FIGURE_SETTINGS)
        if re.fullmatch(r"\d{1,2}\.\d{1,2}(\.\d{1,2})?\.?", text) and conf > first["conf"]:
            first["text"], first["conf"] = text, round(conf, 1)


def scanned_page(
    page: OcrPage, boxes: bool = False, carried: list[Column] | None = None
) -> tuple[Page, list[Column] | None]:
    """A scanned page as the page model; with `boxes` (an enkät) also its answer boxes from
    the pixels. Returns the answer columns in force at the page's end too (a header row
    applies to the pages after it until the next one)."""
    if boxes:
        _reread_numbers(page, page.words, SCAN_SETTINGS)
    words = tidy_words(page.words)
    found: list[Box] = []
    if boxes:
        words, found, carried = _answer_boxes(page, words, carried)
    model = Page(page.number, page.width, page.height, group_lines(map(_word, words), page.number))
    model.boxes = list(found)
    return model, carried


def _answer_boxes(
    page: OcrPage, words: list[dict[str, Any]], carried: list[Column] | None
) -> tuple[list[dict[str, Any]], list[Box], list[Column] | None]:
    headers: list[tuple[float, float, list[Column]]] = []
    options = _option_boxes(page, words)
    rows = set(options)
    for line in _lines_of(words):
        if any(id(w) in rows for w in line):
            continue  # options with their boxes before them: no column header
        cols = _header(line)
        if cols:
            junk = {
                id(w)
                for w in line
                if w["x0"] >= cols[0].x0 - 0.5 and _fold(w["text"]) not in _HEADER_WORDS
            }
            words = [w for w in words if id(w) not in junk]  # a rule read as "TJ" between
            words += [w for w in line if w.get("lost")]  # a label OCR lost, put back
            top = min(w["top"] for w in line)
            bottom = max(w["bottom"] for w in line)
            headers.append((top, bottom, cols))
    zones = []
    current, start = carried, 0.0
    for top, bottom, cols in headers:
        if current:
            zones.append((*answer_zone(current), start, top))
        current, start = cols, bottom + 0.5
    if current:
        zones.append((*answer_zone(current), start, page.height))
    zones = [(x0, top, x1, bottom) for x0, x1, top, bottom in zones]
    marks = find_marks(page.image, page.scale, words, zones) if page.image is not None else []
    found = [
        Box(
            m.box.kind,
            m.box.on,
            m.box.bbox,
            cell=m.box.cell,
            confidence=m.confidence,
            weak=m.box.weak,
        )
        for m in marks
    ]
    found += [box for row in options for box in options[row]]
    text = [w for w in words if not _in_mark(w, words, found, zones)]
    found += _pen_marks(page, zones)  # erased before OCR: no word of theirs to drop
    return text, found, current


def _pen_marks(
    page: OcrPage, zones: list[tuple], settings: ScanSettings = SCAN_SETTINGS
) -> list[Box]:
    """The large pen crosses (erased before OCR) whose centre stands under the answer
    columns, each as a marked cell at its centre (`pen_mark` wide): the cross is drawn
    over its cell and centred on it, while its strokes reach beyond it."""
    out = []
    half = settings.pen_mark / 2
    for pen in page.pens:
        cx, cy = pen.centre
        if _in_zones(cx, cy, zones):
            bbox = (cx - half, cy, cx + half, cy)
            out.append(Box(vocabulary.MARK_SCAN, True, bbox, cell=True, confidence=pen.confidence))
    return out


BOX_REACH = 2.2  # × a word's height: how far before an option word its box may start
BOX_SLACK = 0.5  # × a word's height: how far a box may reach above and below the word


def _option_boxes(page: OcrPage, words: list[dict[str, Any]]) -> dict[int, list[Box]]:
    """The boxes printed before the answer words of each row of options ("☐ Ja ☐ Nej ..."),
    found in the pixels just before each word and carrying its answer (no column needed),
    by the id of the row's first answer word. A row whose words have no boxes before them
    (all but one at most) is a column header instead and is left out."""
    lines = [(line, found) for line in _lines_of(words) if (found := option_words(line))]
    if not lines or page.image is None:
        return {}
    rows = [found for _, found in lines]
    # the row's printed words: its answers and the "ej" / "inte" after "Vet"; the rest of
    # the row is what OCR made of the boxes
    printed = {id(w) for _, w, _ in (o for row in rows for o in row)}
    printed |= {id(w) for line, _ in lines for w in line if _fold(w["text"]) in _HEADER_WORDS}
    cleared = [_trimmed(w, glued) for row in rows for _, w, glued in row]
    in_rows = {id(w) for line, _ in lines for w in line}
    cleared += [w for w in words if id(w) not in in_rows or id(w) in printed]
    zones: list[tuple[float, float, float, float]] = []
    owners: list[tuple[int, str]] = []
    for r, (line, row) in enumerate(lines):
        for value, word, glued in row:
            height = word["bottom"] - word["top"]
            end = _trimmed(word, glued)["x0"]
            start = end - BOX_REACH * height
            for other in line:  # not past the printed word before it
                if id(other) in printed and other["x1"] <= word["x0"]:
                    start = max(start, other["x1"] + 0.5)
            slack = BOX_SLACK * height
            zones.append((start, word["top"] - slack, end + 0.5, word["bottom"] + slack))
            owners.append((r, value))
    marks = find_marks(page.image, page.scale, cleared, zones)
    chosen: dict[int, tuple[float, Box]] = {}
    for mark in marks:
        if mark.box.weak:
            continue  # a box before its word is no small tick: a piece of the box or word
        x0, top, x1, bottom = mark.box.bbox
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        for k, (zx0, ztop, zx1, zbottom) in enumerate(zones):
            if zx0 <= cx <= zx1 and ztop <= cy <= zbottom:
                size = (x1 - x0) * (bottom - top)
                on, bbox, value = mark.box.on, mark.box.bbox, owners[k][1]
                box = Box(vocabulary.MARK_SCAN, on, bbox, value=value, confidence=mark.confidence)
                if k not in chosen or size > chosen[k][0]:
                    chosen[k] = (size, box)
    found: dict[int, list[Box]] = {}
    for r, row in enumerate(rows):
        ks = [k for k, (owner, _) in enumerate(owners) if owner == r]
        boxes = [chosen[k][1] for k in ks if k in chosen]
        if len(boxes) >= len(row) - 1:
            # the box not seen may be the marked one: unread and of no confidence, so the
            # answer read (or none) is warned of, never stored as certain
            boxes += [
                Box(vocabulary.MARK_SCAN, False, zones[k], value="", unread=True, confidence=0.0)
                for k in ks
                if k not in chosen
            ]
            found[id(row[0][1])] = boxes
    return found


def _trimmed(word: dict[str, Any], glued: bool) -> dict[str, Any]:
    """The word without the box OCR glued to its front (its first character's width)."""
    if not glued:
        return word
    x0 = word["x0"] + (word["x1"] - word["x0"]) / len(word["text"])
    trimmed = {**word, "x0": x0}
    if word.get("ink"):
        ix0, top, ix1, bottom = word["ink"]
        trimmed["ink"] = (max(ix0, x0), top, ix1, bottom)
    return trimmed


def _fold(text: str) -> str:
    return text.casefold().strip(".,:;")


def _header(words: list[dict[str, Any]]) -> list[Column] | None:
    """The answer columns of a header row, read past what OCR makes of the rules between
    its cells ("TJ", "I", low-confidence specks)."""
    cols = header_columns(words)
    if not cols:
        kept = [w for w in words if _fold(w["text"]) in _HEADER_WORDS or is_text(w)]
        cols = header_columns(kept) if len(kept) < len(words) else None
    if not cols:
        cols = _lost_label(words)
    return _misread_column(cols, words) if cols else None


def _misread_column(cols: list[Column], words: list[dict[str, Any]]) -> list[Column]:
    """Three answer columns and, one column's spacing beyond the first or last, a short
    word that is no label, read with little confidence ("te" for "Vet ej"): the fourth
    answer's column, misread, so its marks are looked for there too; the word is given
    that label's text, so the enkät reader finds the same four columns. Decided from the
    spacing and the confidence, never from the word."""
    missing = [v for v in vocabulary.ANSWERS if v not in {c.value for c in cols}]
    if len(cols) != 3 or len(missing) != 1:
        return cols
    centres = [c.centre for c in cols]
    step = (centres[-1] - centres[0]) / 2
    for w in words:
        centre, text = (w["x0"] + w["x1"]) / 2, _fold(w["text"])
        if (
            text in _HEADER_WORDS
            or not 0 < len(text) <= 4
            or w.get("conf", 100.0) >= SCAN_SETTINGS.misread_label
        ):
            continue
        gap = min(abs(centre - centres[0]), abs(centre - centres[-1]))
        outside = centre < cols[0].x0 or centre > cols[-1].x1
        if outside and 0.6 * step <= gap <= 1.5 * step:
            half = max((w["x1"] - w["x0"]) / 2, min(c.x1 - c.x0 for c in cols) / 2)
            extra = Column(missing[0], centre - half, centre + half)
            w["text"] = vocabulary.ANSWERS[missing[0]].name.split()[0]  # "Vet" of "Vet ej"
            return sorted([*cols, extra], key=lambda c: c.x0)
    return cols


def _lost_label(words: list[dict[str, Any]]) -> list[Column] | None:
    """A header row of three answer labels lacking Ja or Nej, one gap between the labels'
    centres at least `lost_label_gap` × the other and no word in it: OCR lost that label there
    (a faint "Nej"), so its column stands in the gap's middle, as wide as the narrowest
    label. A word of that label is put in the row (marked "lost", confidence 0) so the
    enkät reader finds the same four columns. Decided from the spacing, never the words."""
    vet, rest = vocabulary.VET_WORDS
    labels = [
        w for w in words if _fold(w["text"]) in vocabulary.ANSWER_WORDS or _fold(w["text"]) == vet
    ]
    values = [
        vocabulary.VET_EJ if _fold(w["text"]) == vet else vocabulary.ANSWER_WORDS[_fold(w["text"])]
        for w in labels
    ]
    missing = [v for v in (vocabulary.JA, vocabulary.NEJ) if v not in values]
    if len(labels) != 3 or len(set(values)) != 3 or len(missing) != 1:
        return None
    ends = [w["x1"] for w in labels]
    for k, w in enumerate(labels):  # "Vet ej" as one label
        after = [o for o in words if _fold(o["text"]) in rest and 0 <= o["x0"] - w["x1"] < 8]
        if values[k] == vocabulary.VET_EJ and after:
            ends[k] = after[0]["x1"]
    centres = [(w["x0"] + end) / 2 for w, end in zip(labels, ends, strict=True)]
    gaps = [b - a for a, b in pairwise(centres)]
    wide = max(range(len(gaps)), key=gaps.__getitem__)
    if min(gaps) <= 0 or gaps[wide] < SCAN_SETTINGS.lost_label_gap * min(gaps):
        return None
    inside = [w for w in words if labels[0]["x0"] < w["x0"] and w["x1"] < ends[-1]]
    if len(inside) > len(labels) - 1 + (ends != [w["x1"] for w in labels]):
        return None  # more than the labels (and an "ej"): a row of options, boxes between
    centre = (centres[wide] + centres[wide + 1]) / 2
    half = min(end - w["x0"] for w, end in zip(labels, ends, strict=True)) / 2
    text = vocabulary.ANSWERS[missing[0]].name
    lost = {**labels[wide], "text": text, "x0": centre - half, "x1": centre + half}
    lost.update(conf=0.0, lost=True)
    trial = sorted([*words, lost], key=lambda w: w["x0"])
    cols = header_columns(trial)
    if cols is None:
        return None
    words[:] = trial
    return cols


def _in_mark(
    word: dict[str, Any], words: list[dict[str, Any]], boxes: list[Box], zones: list[tuple]
) -> bool:
    """OCR's reading of a mark or box ("X", "[]", "Oo"): not text of the question. A short
    word inside a line of text ("i", "§" of a full-width comment crossing the answer
    columns) is text, as find_marks took it: a mark stands alone in its column."""
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    for box in boxes:
        x0, top, x1, bottom = box.bbox
        if x0 - 2 <= cx <= x1 + 2 and top - 2 <= cy <= bottom + 2:
            return True
    if is_text(word) or not stands_alone(word, words):
        return False
    return _in_zones(cx, cy, zones)


def _in_zones(x: float, y: float, zones: list[tuple]) -> bool:
    """The point stands in one of the answer zones (x0, top, x1, bottom)."""
    return any(z[0] <= x <= z[2] and z[1] <= y <= z[3] for z in zones)
