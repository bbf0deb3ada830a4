"""The auditors' questionnaire: sections, numbered questions, the marked answer, the comment.

Read from the page model's lines (layout.py) and the boxes found on each page
(answer_marks.py), in reading order. Decisions are made from structure and relative
position: a question is a line that starts with an "n.m" number in an increasing sequence;
its text is the first paragraph after the number; its instruction is what the auditors
printed with it before the nämnd's answer (set in italic, or in bold like the question, or
standing before the question's answer row, or in the question's cell of a table whose
comments have a column of their own); its comment is what follows up to the next question or
section; its answer is the mark beside the question text, under the column whose header it
sits below.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kommunkoll.vocabulary import (
    ANSWER_COLUMN_HEADERS,
    ANSWER_LABELS,
    ANSWER_UNREAD,
    ANSWER_UNREAD_WARNING,
    ANSWER_WORDS,
    LETTER_MARKS,
    MARK_TEXT,
    MULTIPLE_MARKS,
    MULTIPLE_MARKS_WARNING,
    NO_ANSWER_HEADER_WARNING,
    NO_QUESTIONS_WARNING,
    NUMBER_WORDS,
    QUESTION_NOT_READ_FIRST,
    QUESTION_NOT_READ_GAP,
    QUESTION_NOT_READ_LAST,
    QUESTION_NOT_READ_MARK,
    QUESTION_NOT_READ_NUMBER,
    QUESTION_NOT_READ_OPTIONS,
    QUESTION_NOT_READ_WARNING,
    STRAY_MARK_WARNING,
    VET_EJ,
    VET_WORDS,
)

from .answer_marks import (
    Box,
    Column,
    column_of,
    header_columns,
    inline_columns,
    merge_boxes,
    option_row,
    text_boxes,
)
from .contract import Answer, Mark
from .layout import Line, Page, box_text, is_bold, join_words, phrases
from .ocr import SETTINGS as OCR_SETTINGS
from .ocr_confidence import ocr_fields
from .question_identity import question_key

_QNUM = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?\.?$")  # 1.2, "4.4.", 3.1.1
_SECNUM = re.compile(r"^(\d{1,2})\.?$")
_BULLET = re.compile(r"^[•\-–—▪◦*]$")
_NUMBERED = re.compile(r"^\d{1,2}[.)]$")
BESIDE = 0.6  # × a line's height: a box this far above or below a question's line is beside it
BOLD_SHARE = 0.8  # this share of the questions' first lines bold, of their comments' not bold


@dataclass
class Question:
    number: str
    section: str
    page: int
    lines: list[Line]  # the question's own text lines (number included in the first)
    rest: list[Line]  # the lines after it, up to the next question or section
    tail: list[Line] = field(default_factory=list)  # every line after it, the next one's first
    instruction_lines: list[Line] = field(default_factory=list)  # the auditors' instruction
    side: list[Line] = field(default_factory=list)  # its lines in a comment column
    text: str = ""
    instruction: str = ""
    comment: str = ""
    answer: str | None = None
    flags: list[str] = field(default_factory=list)
    marks: list[dict[str, Any]] = field(default_factory=list)
    fields: dict[str, str | int] = field(default_factory=dict)
    below: float | None = None  # top of the next line on the question's last page (inf: none)
    spill: tuple[int, float] | None = None  # (page, top) of the next line when on a later page
    answer_row: tuple[int, float, float] | None = None  # (page, top, bottom) of its own row
    boxes: int = 0  # answer boxes beside the question, marked or not
    seen: list[Box] = field(default_factory=list)  # those boxes (a scan's carry a confidence)
    options: list[tuple[int, float]] = field(default_factory=list)  # its rows of option words


def _question_number(line: Line, left: float) -> tuple[int, int, int] | None:
    match = _QNUM.match(line.words[0]["text"])
    if not match or line.x0 > left + 20:
        return None
    rest = line.words[1:]
    if rest and not (rest[0]["text"][:1].isupper() or rest[0]["text"][:1] in "\"'”“«("):
        return None  # "2.5 miljoner" continues a sentence; a question starts a new one
    return _parts(match)


_LIKE_ONE = str.maketrans("lI|i", "1111")  # what OCR reads for the 1 of "1.3"
_DAMAGED = re.compile(r"^(\d)(\d)$|^(\d)[,:;](\d{1,2})$|^(\d)\d(\d)$")  # 34, 3,4, 3:4, 3?4


def _damaged_readings(text: str) -> list[tuple[int, int, int]]:
    """The numbers an OCR-damaged "n.m" may have been: "34" or "3,4" for 3.4, "l.3" / "I.3"
    for 1.3, "155" for 1.5 (the dot read as a digit). Empty for a clean number or a word."""
    token = text.rstrip(".,:;")
    mended = token.translate(_LIKE_ONE)
    if mended != token and (match := _QNUM.match(mended)):
        return [_parts(match)]
    match = _DAMAGED.match(mended)
    if match is None:
        return []
    a, b, c, d, e, f = match.groups()
    if a is not None:
        return [(int(a), int(b), 0)]
    if c is not None:
        return [(int(c), int(d), 0)]
    return [(int(e), int(f), 0)]


def _successor(before: tuple[int, int, int], after: tuple[int, int, int]) -> bool:
    """Whether `after` follows `before` with no question between: 1.3 → 1.4, 1.8 → 2.1."""
    return after == (before[0], before[1] + 1, 0) or (
        after[0] == before[0] + 1 and after[1] == 1 and not after[2]
    )


def _recovered(
    lines: Sequence[Line],
    cands: list[tuple[int, tuple[int, int, int]]],
    chain: list[int],
) -> dict[int, tuple[int, int, int]]:
    """Question lines whose number OCR damaged, by sequence: a line that starts a paragraph
    at the numbers' edge, its number read as "34", "l.3" or "155", whose neighbours in the
    chain leave exactly one reading ("34" between 3.3 and 3.5 is 3.4, not 34). Before the
    first or after the last question the reading must be the one next to it. Only words
    OCR read: a printed "21 Nämnden" is what it says."""
    numbers = dict(cands)
    found: dict[int, tuple[int, int, int]] = {}
    for i, line in enumerate(lines):
        first = line.words[0]
        if i in numbers or first.get("conf") is None or line.x0 > line.left + 20:
            continue
        if i and not (lines[i - 1].page != line.page or _starts_paragraph(lines[i - 1], line)):
            continue
        rest = line.words[1:]
        if not rest or not rest[0]["text"][:1].isupper():
            continue
        readings = _damaged_readings(first["text"])
        if not readings:
            continue
        before = max((j for j in chain if j < i), default=None)
        after = min((j for j in chain if j > i), default=None)
        if before is None and after is None:
            continue
        fits = [
            r
            for r in readings
            if (before is None or numbers[before] < r)
            and (after is None or r < numbers[after])
            and (before is not None or _successor(r, numbers[after]) or r[1] == 1)  # type: ignore[index]
            and (after is not None or _successor(numbers[before], r))  # type: ignore[index]
        ]
        if len(fits) == 1:
            found[i] = fits[0]
    # two damaged lines in one gap must keep the sequence increasing too
    kept = _longest_increasing(sorted([*cands, *found.items()]))
    return {i: found[i] for i in kept if i in found}


def _longest_increasing(cands: list[tuple[int, tuple[int, int, int]]]) -> list[int]:
    """Indices (into the line list) of the longest strictly increasing run of numbers."""
    n = len(cands)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if cands[j][1] < cands[i][1] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    if not n:
        return []
    i = max(range(n), key=lambda k: (best[k], -k))
    chain = []
    while i >= 0:
        chain.append(cands[i][0])
        i = prev[i]
    return chain[::-1]


def _starts_paragraph(prev: Line, line: Line) -> bool:
    first = line.words[0]["text"]
    if _BULLET.match(first):
        return True
    if _NUMBERED.match(first) and prev.words[-1]["text"][-1:] in ".:;!?)":
        return True  # "1." after a finished sentence; "§" + newline + "35." is one sentence
    if prev.page != line.page:
        return False
    gap = line.top - prev.bottom
    return gap > 0.4 * min(prev.height, line.height)


def _ends_paragraph_at_page_break(prev: Line, line: Line, right: float) -> bool:
    """Over a page break no gap shows: a finished sentence whose line stops short by more
    than the next line's first word (which would have fitted after it) ended a paragraph."""
    if prev.page == line.page or prev.text.rstrip()[-1:] not in ".!?:":
        return False
    first = line.words[0]
    if not first["text"][:1].isupper():
        return False
    return right - prev.x1 > (first["x1"] - first["x0"]) + 0.5 * first["size"]


def _paragraphs(lines: Sequence[Line]) -> list[str]:
    paras: list[list[str]] = []
    prev: Line | None = None
    right = max((li.x1 for li in lines), default=0.0)
    for line in lines:
        if (
            prev is None
            or _starts_paragraph(prev, line)
            or _ends_paragraph_at_page_break(prev, line, right)
        ):
            paras.append([])
        paras[-1].append(line.text)
        prev = line
    return [_join_texts(p) for p in paras]


# A count of controls in a comment ("tre kontroller") is spelled up to twelve.
_NUMBER_WORDS = {word: n for word, n in NUMBER_WORDS.items() if n <= 12}
_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_COUNT = re.compile(r"(?<!\w)(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+kontroll\w*", re.I)


def question_fields(question: str, comment: str) -> dict[str, str | int]:
    """The structured answers a question asks for beside its comment: a decision date when
    it asks for "datum", the number of control points when it asks for "antal" kontroll..."""
    found: dict[str, str | int] = {}
    low = question.casefold()
    if "datum" in low and (date := _DATE.search(comment)):
        found["beslutsdatum"] = date.group(0)
    if "antal" in low and "kontroll" in low and (count := _COUNT.search(comment)):
        word = count.group(1).casefold()
        found["antal_kontrollpunkter"] = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    return found


ColumnsAt = list[tuple[tuple[int, float], list[Column]]]


def parse_enkat(pages: Sequence[Page]) -> tuple[list[Question], list[str]]:
    """Every question of a questionnaire with its answer, comment and fields; and warnings.

    `pages` come from the page model with furniture already marked (layout.mark_furniture).
    """
    warnings: list[str] = []
    page_boxes = {p.number: merge_boxes(text_boxes(p.marks) + p.boxes) for p in pages}
    option_lines = [li for p in pages for li in p.lines if li.words and option_row(li.words)]
    rows = [(li.page, li.top) for li in option_lines]  # before reading_order takes words out
    printed = {(li.page, li.top): (li.text, _line_box(li)) for li in option_lines}
    lines, columns_at, side, beside = reading_order(pages, page_boxes)
    questions = split_questions(lines)
    _attach_side_comments(questions, side)
    _instructions(questions, page_boxes, beside)
    _printed_options(questions, rows)
    for q in questions:
        _finish(q)
    stray = _assign_marks(questions, page_boxes, columns_at, warnings)
    _unread_options(questions, warnings)
    _unread_questions(questions, stray, printed, warnings, _before_first(lines, questions))
    if not questions:
        warnings.append(NO_QUESTIONS_WARNING)
    return questions, warnings


def reading_order(
    pages: Sequence[Page], page_boxes: dict[int, list[Box]]
) -> tuple[list[Line], ColumnsAt, list[Line], set[int]]:
    """Body lines page by page, furniture dropped and answer-header words taken out; where
    each header row stands (its columns apply from there on, across pages); the lines of
    a comment column printed right of the answer columns ("Kommentar"), kept apart; and the
    ids of the lines left of such a column (a question's cell: no comment stands there).

    A header row with a box beside each label is a question's own inline answer row. A line
    goes to the comment column only when nothing of it stands in the answer columns: a
    full-width paragraph crosses them and stays one line.
    """
    lines: list[Line] = []
    side: list[Line] = []
    beside: set[int] = set()
    columns_at: ColumnsAt = []
    side_from: float | None = None
    zone = (0.0, 0.0)
    table_cols: list[Column] = []
    typed: tuple[float, float] | None = None  # the x-range of a single "Svar" column
    for layout in pages:
        # a header row repeated atop every page is furniture, yet its columns (and the
        # second line of a wrapped "Vet / inte" under it) still stand there
        body = [
            li
            for li in layout.lines
            if not li.furniture or header_columns(li.words) or _typed_header(li) is not None
        ]
        left = min((li.x0 for li in body), default=0.0)
        boxes = page_boxes.setdefault(layout.number, [])
        for k, line in enumerate(body):
            if not line.words:
                continue
            cols = header_columns(line.words)
            svar = None if cols else _typed_header(line)
            if cols:
                cols = _wrapped_vet(cols, line, body, k, lines)
                on_line = [b for b in boxes if b.bbox[1] < line.bottom and b.bbox[3] > line.top]
                inline = inline_columns(cols, on_line)
                if inline is None:
                    after = [w for w in line.words if w["x0"] > cols[-1].x1]
                    side_from = after[0]["x0"] - 2 if after else None
                    zone = (cols[0].x0, cols[-1].x1)
                    table_cols = cols
                    typed = None
                columns_at.append(((layout.number, line.top), inline or cols))
                line.words = [w for w in line.words if w["x0"] < cols[0].x0 - 0.5]
                if not line.words:
                    continue
                line.header = True
            elif svar is not None:
                reach = max(15.0, svar["x1"] - svar["x0"])
                after = [w for w in line.words if w["x0"] > svar["x1"]]
                side_from = after[0]["x0"] - 2 if after else None
                typed = (svar["x0"] - reach, min(svar["x1"] + reach, side_from or 1e9))
                zone = (svar["x0"], svar["x1"])
                line.words = [w for w in line.words if w["x0"] < svar["x0"] - 0.5]
                if not line.words:
                    continue
                line.header = True
            else:
                if typed is not None:
                    _take_typed_answer(line, typed, boxes, side_from)
                    if not line.words:
                        continue
                elif zone[1] > zone[0]:
                    _take_crowded_mark(line, table_cols, boxes, side_from)
                    _take_column_text(line, zone, boxes)
                    if not line.words:
                        continue
                if _take_answer_label(line, boxes):
                    continue
                if side_from is not None:
                    right = [w for w in line.words if w["x0"] >= side_from]
                    crossing = any(w["x1"] > zone[0] and w["x0"] < zone[1] for w in line.words)
                    if right and not crossing:
                        side.append(Line(line.page, right))
                        line.words = [w for w in line.words if w["x0"] < side_from]
                        if not line.words:
                            continue
                    if not crossing:
                        beside.add(id(line))
            line.left = left
            lines.append(line)
    return lines, columns_at, side, beside


def _fold(words: Sequence[Any]) -> str:
    return " ".join(" ".join(w["text"] for w in words).casefold().split())


def _typed_header(line: Line) -> Any | None:
    """The "Svar" word of a header row whose answers are typed in one column as words."""
    for i, w in enumerate(line.words):
        if _fold([w]) in ANSWER_COLUMN_HEADERS and len(line.words) <= 4:
            before = line.words[i - 1] if i else None
            if before is None or w["x0"] - before["x1"] > 2 * w["size"]:
                return w
    return None


def _answer_of(words: Sequence[Any]) -> str | None:
    """The answer a typed phrase names; a stop after it ("Ja.", OCR's "Delvis;") is none
    of the word."""
    return ANSWER_WORDS.get(_fold(words).rstrip(".,;:")) if words else None


def _take_typed_answer(
    line: Line, typed: tuple[float, float], boxes: list[Box], side_from: float | None = None
) -> None:
    """The answer word typed in the "Svar" column of this line, taken out of its text: the
    phrase (words a word space apart) standing in the column. "Vet" alone is "Vet ej" /
    "Vet inte" wrapped in its cell; the "inte" on the next line is taken there. Words of a
    comment column (from `side_from` on) are no part of the answer cell's phrase."""
    vet, rest = VET_WORDS
    cell = [w for w in line.words if side_from is None or w["x0"] < side_from]
    for words in phrases(cell):
        centre = (words[0]["x0"] + words[-1]["x1"]) / 2
        if not typed[0] <= centre <= typed[1]:
            continue
        text = _fold(words)
        if text in rest and boxes and boxes[-1].value == VET_EJ:
            line.words = [w for w in line.words if w not in words]  # "inte" of a wrapped cell
            return
        value = VET_EJ if text == vet else _answer_of(words)
        if value is None:
            if words[0] is not line.words[0]:  # a word typed in the cell that is no answer
                boxes.append(_unread_box(words, line))
                line.words = [w for w in line.words if w not in words]
            return
        bbox = (words[0]["x0"], line.top, words[-1]["x1"], line.bottom)
        boxes.append(Box(MARK_TEXT, True, bbox, value=value))
        line.words = [w for w in line.words if w not in words]
        return


def _unread_box(words: Sequence[Any], line: Line) -> Box:
    """Something written where the answer goes that is no answer ("?", "Se kommentar"):
    an answer evidently given that could not be read."""
    bbox = (words[0]["x0"], line.top, words[-1]["x1"], line.bottom)
    return Box(MARK_TEXT, False, bbox, value="", unread=True)


def _take_crowded_mark(
    line: Line, cols: Sequence[Column], boxes: list[Box], side_from: float | None
) -> None:
    """A lone "x" (or "?") closing the question's line inside an answer column, the
    question's text running up to the column's edge (a cramped table): a mark, or an answer
    that could not be read, not the question's last word."""
    words = [w for w in line.words if side_from is None or w["x0"] < side_from]
    if len(words) < 2:
        return
    last, before = words[-1], words[-2]
    if last["text"] not in (*LETTER_MARKS, "?") or before["x1"] > last["x0"]:
        return
    column = next((c for c in cols if c.x0 - 1 <= last["x0"] and last["x1"] <= c.x1 + 1), None)
    if column is None or before["x1"] > column.x0:
        return
    bbox = (last["x0"], last["top"], last["x1"], last["bottom"])
    mark = last["text"] != "?"
    boxes.append(Box(MARK_TEXT, mark, bbox, value=None if mark else "", unread=not mark))
    line.words = [w for w in line.words if w is not last]


def _take_column_text(line: Line, zone: tuple[float, float], boxes: list[Box]) -> None:
    """Text standing alone in the answer columns of a question's row (a "?" where a mark
    goes): no part of the question or comment, and an answer that could not be read. A
    phrase running in from the left (a full-width comment line) is text."""
    pad = 4.0
    for words in phrases(line.words):
        if words[0] is line.words[0]:
            continue
        if words[0]["x0"] >= zone[0] - pad and words[-1]["x1"] <= zone[1] + pad:
            boxes.append(_unread_box(words, line))
            line.words = [w for w in line.words if w not in words]


def _take_answer_label(line: Line, boxes: list[Box]) -> bool:
    """ "Svar: Ja" on a line of its own under the question: the answer, not the comment.
    True when the line was only that; a "Svar:" followed by words that are no answer stays
    text (what the nämnd wrote) and counts as a box whose answer could not be read."""
    words = line.words
    first = _fold(words[:1])
    if first not in ANSWER_LABELS:
        return False
    rest = words[1:]
    if first == "svar" and rest and rest[0]["text"] == ":":
        rest = rest[1:]
    elif not first.endswith(":"):
        return False
    bbox = (words[0]["x0"], line.top, words[-1]["x1"], line.bottom)
    value = _answer_of(rest)
    if value is None and rest:
        boxes.append(Box(MARK_TEXT, False, bbox, value="", unread=True))
        return False
    boxes.append(Box(MARK_TEXT, value is not None, bbox, value=value or ""))
    return True


def _wrapped_vet(
    cols: list[Column], line: Line, body: Sequence[Line], k: int, lines: list[Line]
) -> list[Column]:
    """A "Vet ej" / "Vet inte" header wrapped in its cell: "Vet" and "inte" stand on the
    lines just above and below the header row (its other labels vertically centred)."""
    vet, rest = VET_WORDS
    have = [c for c in cols if c.value == VET_EJ]
    if have:  # "Vet" on the header row itself: its "ej" / "inte" may stand just below
        c = have[0]
        for li in body[k + 1 : k + 2]:
            if 0 < li.top - line.top < 2.5 * line.height:
                below = [
                    w for w in li.words if _fold([w]) in rest and c.x0 - 8 <= w["x0"] <= c.x1 + 8
                ]
                li.words = [w for w in li.words if w not in below]
        return cols
    near = [
        li
        for li in (body[k - 1] if k else None, body[k + 1] if k + 1 < len(body) else None)
        if li is not None and abs(li.top - line.top) < 2.5 * line.height
    ]
    found = [(li, w) for li in near for w in li.words if _fold([w]) in (vet, *rest)]
    words = [w for _, w in found if not any(c.x0 - 1 <= w["x0"] <= c.x1 + 1 for c in cols)]
    if not any(_fold([w]) == vet for w in words):
        return cols
    column = Column(VET_EJ, min(w["x0"] for w in words), max(w["x1"] for w in words))
    for li, w in found:
        if w in words:
            li.words = [o for o in li.words if o is not w]
            if not li.words and lines and lines[-1] is li:
                lines.pop()
    return sorted([*cols, column], key=lambda c: c.x0)


def _attach_side_comments(questions: list[Question], side: Sequence[Line]) -> None:
    """Comment-column lines belong to the question whose row they start in (or follow)."""
    for line in side:
        owner = None
        for q in questions:
            first = q.lines[0]
            if (first.page, first.top - 0.6 * first.height) <= (line.page, line.top):
                owner = q
        if owner is not None:
            owner.side.append(line)


def _styled_as_instruction(line: Line) -> bool:
    return not line.header and (line.italic or line.bold)


def _instructions(
    questions: list[Question], page_boxes: dict[int, list[Box]], beside: set[int]
) -> None:
    """The lines after a question's own paragraph that the auditors printed, not the nämnd:
    set in italic or bold (the nämnd writes its comment in the body text), standing in the
    question's cell of a table whose comments have a column of their own, or standing before
    the question's answer row (its options, its "Svar:" line). Decided from how and where
    the lines stand, never from their words."""
    rowless = _marks_beside(questions, page_boxes)
    for k, q in enumerate(questions):
        rest = q.rest
        n = 0
        while n < len(rest) and (_styled_as_instruction(rest[n]) or id(rest[n]) in beside):
            n += 1
        nxt = questions[k + 1].lines[0] if k + 1 < len(questions) else None
        row = None if rowless else _answer_row([*q.lines, *rest[:n]], page_boxes, nxt)
        if row is not None:
            while n < len(rest) and (rest[n].page, (rest[n].top + rest[n].bottom) / 2) < row[:2]:
                n += 1
            if n == len(rest) or (row[0], row[1]) <= (rest[n].page, rest[n].bottom):
                q.answer_row = row  # before anything the nämnd wrote: the question's own
        q.instruction_lines, q.rest = list(rest[:n]), list(rest[n:])


def _marks_beside(questions: Sequence[Question], page_boxes: dict[int, list[Box]]) -> bool:
    """Whether a scan's questions have their marks beside their text, not in rows below
    (`OcrSettings.beside_layout`): then no question has an answer row. A question whose
    number OCR lost leaves its marks below the question before it, where an answer row
    would stand; a hand cross bigger than its row leaves strokes there too. A text PDF
    keeps its answer rows (its boxes are drawn where they are)."""
    scanned = [q for q in questions if _read_by_ocr(q.lines[0])]
    if len(scanned) < len(questions) or len(questions) < 2:
        return False
    if any(b.value is not None for boxes in page_boxes.values() for b in boxes):
        return False  # options' boxes and typed answers stand in rows of their own
    beside = below = 0
    for k, q in enumerate(questions):
        nxt = questions[k + 1].lines[0] if k + 1 < len(questions) else None
        if _box_beside(q.lines, page_boxes):
            beside += 1
        elif _answer_row(q.lines, page_boxes, nxt) is not None:
            below += 1
    return beside >= 2 and beside >= OCR_SETTINGS.beside_layout * (beside + below)


def _printed_options(questions: list[Question], rows: Sequence[tuple[int, float]]) -> None:
    """The rows of answer options printed as words (`rows`: (page, top) of each) from a
    question's first line to the next question's: its answer row. What stands before that
    row the auditors printed (its instruction, as before a row of boxes); the row itself is
    no part of what the nämnd wrote."""
    at = set(rows)
    for k, q in enumerate(questions):
        nxt = questions[k + 1].lines[0] if k + 1 < len(questions) else None
        limit = (nxt.page, nxt.top) if nxt is not None else (10**9, 0.0)
        q.options = [row for row in rows if (q.lines[0].page, q.lines[0].top) <= row < limit]
        if not q.options:
            continue
        n = sum(1 for li in q.rest if (li.page, li.top) < q.options[0])
        q.instruction_lines += q.rest[:n]
        q.rest = [li for li in q.rest[n:] if (li.page, li.top) not in at]


def _unread_options(questions: list[Question], warnings: list[str]) -> None:
    """A question whose options are printed and beside which no box was found (a scan's
    boxes before the words) has an answer that was not read. A row that only stands above
    the next question, which has boxes, is that one's column header instead."""
    for k, q in enumerate(questions):
        read = {ANSWER_UNREAD, MULTIPLE_MARKS} & set(q.flags)  # already said
        if q.answer is not None or read or q.boxes or not q.options:
            continue
        nxt = questions[k + 1] if k + 1 < len(questions) else None
        followed = any((li.page, li.top) > q.options[0] for li in q.rest)
        if followed or nxt is None or not nxt.boxes:
            q.flags.append(ANSWER_UNREAD)
            warnings.append(ANSWER_UNREAD_WARNING.format(number=q.number, page=q.page))


def _line_box(line: Line) -> str:
    return box_text((line.x0, line.top, line.x1, line.bottom))


def _read_by_ocr(line: Line) -> bool:
    return any(w.get("conf") is not None for w in line.words)


def _unread_questions(
    questions: list[Question],
    stray: Sequence[tuple[int, Box]],
    printed: dict[tuple[int, float], tuple[str, str]],
    warnings: list[str],
    before: Sequence[Line] = (),
) -> None:
    """No silent gap on a scan: where the page evidently prints a question that was not
    read, a warning with its page, line and box. The signs, from where things stand, never
    from their words: a line at the questions' number edge (left of the text they indent)
    whose number could not be read; a marked box beside a line no question owns; a second
    row of options under one question; or a sentence that asks ("...?") opening a paragraph
    of a question's comment where the numbering leaves room for one more (1.2 then 1.4, or
    before the first and after the last read). Marks that stand by no
    line keep the stray-mark warning. Only OCR'd lines: a text PDF's numbers are printed."""
    said: set[tuple[int, float]] = set()

    def warn(what: str, at: tuple[int, float], text: str, box: str) -> None:
        if at not in said:
            said.add(at)
            warnings.append(
                QUESTION_NOT_READ_WARNING.format(page=at[0], box=box, what=what, text=text)
            )

    owned = [li for q in questions for li in q.lines]
    edge = _number_edge(questions)
    bold = _bold_questions(questions)
    before = [li for li in before if _read_by_ocr(li)]
    for li in before if edge is not None else []:
        if li.x0 < edge:  # type: ignore[operator]
            warn(QUESTION_NOT_READ_NUMBER, (li.page, li.top), li.text, _line_box(li))
    if questions and _number_of(questions[0].number)[:2] != (1, 1):
        what = QUESTION_NOT_READ_FIRST.format(before=questions[0].number)
        for para in _asking(before):
            warn(
                what,
                (para[0].page, para[0].top),
                _joined([li.words for li in para]),
                _line_box(para[0]),
            )
    for k, q in enumerate(questions):
        nxt = questions[k + 1] if k + 1 < len(questions) else None
        # 1.3 then 1.4 leaves no room; 1.8 then 2.1 does (a 1.9 may stand between)
        here, then = _number_of(q.number), _number_of(nxt.number) if nxt else None
        room = then is None or then != (here[0], here[1] + 1, 0)
        lines = [*q.instruction_lines, *q.rest]
        scanned = [li for li in lines if _read_by_ocr(li)]
        for li in scanned:
            if edge is not None and li.x0 < edge and not _heading_like(li):
                warn(QUESTION_NOT_READ_NUMBER, (li.page, li.top), li.text, _line_box(li))
                _release_marks(q, [li], warnings)
        for row in q.options[1:] if room else []:
            text, box = printed.get(row, ("", "?"))
            warn(QUESTION_NOT_READ_OPTIONS.format(after=q.number), row, text, box)
        if room:
            what = (
                QUESTION_NOT_READ_GAP.format(after=q.number, before=nxt.number)
                if nxt is not None
                else QUESTION_NOT_READ_LAST.format(after=q.number)
            )
            paras = _asking([li for li in scanned if li not in q.side])
            if bold:
                paras += _set_as_question([li for li in q.rest if li in scanned])
            for para in paras:
                text = _joined([li.words for li in para])
                warn(what, (para[0].page, para[0].top), text, _line_box(para[0]))
                _release_marks(q, para, warnings)
    unowned = [li for li in _lines_of(questions) if li not in owned] if stray else []
    for page, box in stray:
        beside = [
            li for li in unowned if li.page == page and li.top - 2 <= box.anchor <= li.bottom + 2
        ]
        if beside and _read_by_ocr(beside[0]):
            li = beside[0]
            warn(QUESTION_NOT_READ_MARK, (li.page, li.top), li.text, box_text(box.bbox))
        else:
            warnings.append(STRAY_MARK_WARNING.format(page=page, y=box.bbox[1]))


def _release_marks(q: Question, unread: Sequence[Line], warnings: list[str]) -> None:
    """A mark beside the text of a question that was not read is that question's, not the
    answer of the question whose comment the text fell into: when it was all that gave
    that one its answer, the answer is not known (flagged and warned of, never guessed)."""
    if q.answer is None or not q.marks:
        return

    def beside(mark: dict[str, Any]) -> bool:
        centre = (mark["bbox"][1] + mark["bbox"][3]) / 2
        return any(
            li.page == mark["page"] and li.top - 2 <= centre <= li.bottom + 2 for li in unread
        )

    if all(beside(m) for m in q.marks):
        q.answer, q.marks = None, []
        q.flags.append(ANSWER_UNREAD)
        warnings.append(ANSWER_UNREAD_WARNING.format(number=q.number, page=q.page))


def _asking(lines: Sequence[Line]) -> list[list[Line]]:
    """Of each paragraph that asks something, its lines up to its "?" (a comment may
    follow in the same paragraph when no gap shows between them). A question starts a
    sentence: a paragraph starting in lower case or with a figure is a line's run-on."""
    found = []
    for para in _paragraph_lines(lines):
        asks = [n for n, li in enumerate(para) if any(_asks(w["text"]) for w in li.words)]
        if asks and _starts_sentence(para[0]):
            found.append(para[: asks[0] + 1])
    return found


def _bold_questions(questions: Sequence[Question]) -> bool:
    """Whether the questions read are set in bold and their comments not: then a bold
    paragraph opening in a comment is a question whose number was not read, asking or not
    ("Vänligen ange ...", "Redogör för ...").
    A paragraph of a comment that asks ("...?") is a lost question itself, no comment: the
    more questions a scan lost, the more bold such text a comment holds, so it is not
    counted (else losing many questions would hide the rest)."""
    firsts = [q.lines[0].bold for q in questions]
    comments = [
        li.bold
        for q in questions
        for para in _paragraph_lines(q.rest)
        if not _asking(para)
        for li in para
    ]
    if len(firsts) < 2 or not comments:
        return False
    return sum(firsts) >= BOLD_SHARE * len(firsts) and sum(comments) <= (1 - BOLD_SHARE) * len(
        comments
    )


def _set_as_question(lines: Sequence[Line]) -> list[list[Line]]:
    """The paragraphs of a comment set in bold, opening a sentence (`_bold_questions`)."""
    return [
        para
        for para in _paragraph_lines(lines)
        if para[0].bold
        and _starts_sentence(para[0])
        and sum(li.bold for li in para) * 2 > len(para)
    ]


def _starts_sentence(line: Line) -> bool:
    """A capital first word, or one after what is left of a lost number ("0 Hur ...")."""
    first = line.words[0]["text"]
    if first[:1].isupper():
        return True
    second = line.words[1]["text"] if len(line.words) > 1 else ""
    return len(first) <= 3 and not any(c.isalpha() for c in first) and second[:1].isupper()


def _asks(word: str) -> bool:
    """A word that ends a question ("året?", "brister?"); a lone "?" is an unread answer."""
    return len(word) > 1 and word.endswith("?")


def _before_first(lines: Sequence[Line], questions: Sequence[Question]) -> list[Line]:
    """The lines after the first answer-header row and before the first question read:
    where a first question stands whose number was not read (a title stands above)."""
    if not questions:
        return []
    first = questions[0].lines[0]
    head = next((k for k, li in enumerate(lines) if li.header), None)
    if head is None:
        return []
    out = []
    for li in lines[head + 1 :]:
        if li is first:
            return out
        out.append(li)
    return []


def _heading_like(line: Line) -> bool:
    """A section's heading at the numbers' edge ("2 Ekonomistyrning"), no lost question."""
    match = _SECNUM.match(line.words[0]["text"])
    return match is not None and int(match.group(1)) > 0 and not line.text.rstrip().endswith("?")


def _lines_of(questions: Sequence[Question]) -> list[Line]:
    return [li for q in questions for li in (*q.lines, *q.instruction_lines, *q.rest)]


def _number_of(text: str) -> tuple[int, int, int]:
    match = _QNUM.match(text)
    return (0, 0, 0) if match is None else _parts(match)


def _parts(match: re.Match[str]) -> tuple[int, int, int]:
    """A question number matched by `_QNUM` as (section, question, sub-question or 0)."""
    return int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)


def _number_edge(questions: Sequence[Question]) -> float | None:
    """Just right of where the question numbers stand, when a question's wrapped lines go
    on indented under its text (the number stands out left of it); else None. Only the
    questions' own lines measure it: a comment may stand anywhere."""
    numbers = sorted(q.lines[0].x0 for q in questions)
    text = sorted(li.x0 for q in questions for li in q.lines[1:])
    if len(numbers) < 2 or len(text) < 2:
        return None
    at, indent = numbers[len(numbers) // 2], text[len(text) // 2]
    return at + 0.4 * (indent - at) if indent - at > 10 else None


def _paragraph_lines(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped into paragraphs (`_starts_paragraph`)."""
    paras: list[list[Line]] = []
    for k, line in enumerate(lines):
        if not k or _starts_paragraph(lines[k - 1], line):
            paras.append([])
        paras[-1].append(line)
    return paras


def _answer_row(
    block: Sequence[Line], page_boxes: dict[int, list[Box]], nxt: Line | None
) -> tuple[int, float, float] | None:
    """(page, top, bottom) of the first answer box standing below the question's lines
    and above the next question: its answer row, when that is a row of its own (none when
    a box stands beside its text: the boxes further down are a question's not read)."""
    last = block[-1]
    after = (last.page, last.bottom)
    limit = (nxt.page, nxt.top) if nxt is not None else (10**9, 0.0)
    rows = [
        (page, box.bbox[1], box.bbox[3])
        for page, boxes in page_boxes.items()
        for box in boxes
        if after < (page, box.anchor) < limit and not box.weak  # a speck opens no row
    ]
    if _box_beside(block, page_boxes):  # its answer stands beside its text: a row further
        return None  # down is another's
    return min(rows) if rows else None


def _nearer_next(box: Box, page: int, lines: Sequence[Line], nxt: Line | None) -> bool:
    """A scan's mark in the reach of two questions (a hand cross taller than its row
    reaches the question above) that stands nearer the next question's first line than
    any line of this one: the next question's. A text PDF's boxes stand where drawn."""
    if box.confidence is None or box.value is not None or nxt is None or nxt.page != page:
        return False  # an option's box or a typed answer stands in its question's row
    if not lines:
        return False

    def gap(li: Line) -> float:
        return max(li.top - box.anchor, box.anchor - li.bottom, 0.0)

    return gap(nxt) < min(gap(li) for li in lines)


def _box_beside(block: Sequence[Line], page_boxes: dict[int, list[Box]]) -> bool:
    """A box beside the lines' text on their last page (within `BESIDE` of a line)."""
    last = block[-1]
    top = min(li.top for li in block if li.page == last.page)
    slack = BESIDE * last.height
    return any(
        top - slack <= b.anchor <= last.bottom + slack for b in page_boxes.get(last.page, [])
    )


def _may_hold_its_boxes(page: int, own_pages: set[int], has_boxes: bool) -> bool:
    """Whether `page` may hold a question's boxes. A question with boxes beside its own
    text has its answer there: boxes past a page break then belong to a question that was
    not read, not to this one; one with none may find them on the next page."""
    return page in own_pages or not has_boxes


def _finish(q: Question) -> None:
    """Instruction, comment and fields from the lines each part owns."""
    q.instruction = _joined([li.words for li in q.instruction_lines])
    q.comment = "\n".join(_paragraphs(q.side) + _paragraphs(q.rest))
    q.fields = question_fields(wording(q.text, q.instruction), q.comment)
    block = [*q.lines, *q.instruction_lines]
    after = [li for li in q.tail if li not in q.instruction_lines]
    # nothing more on the page: a box row under the question's last line there is its own
    q.below = after[0].top if after and after[0].page == block[-1].page else float("inf")
    if after and after[0].page > block[-1].page:  # its answer row may open the next page
        q.spill = (after[0].page, after[0].top)


def _joined(lines: Sequence[Sequence[Any]]) -> str:
    """The words of several lines as one text (`_join_texts`)."""
    return _join_texts([join_words(words) for words in lines])  # type: ignore[arg-type]


_WRAPPED_IN_WORD = re.compile(r"(/|\d[–-])$")  # "genomförande-/" + "uppföljning", "2025–" + "2027"


def _join_texts(texts: Sequence[str]) -> str:
    """Lines of one paragraph as one string: a line wrapped inside a word (after a slash,
    or inside a span of numbers "2025–2027") joins the next without a space."""
    text = ""
    for part in texts:
        glued = text and _WRAPPED_IN_WORD.search(text) and (text[-1] == "/" or part[:1].isdigit())
        text += part if not text or glued else f" {part}"
    return re.sub(r" +", " ", text).strip()


def wording(question: str, instruction: str) -> str:
    """The question as the auditors printed it, its instruction included: its identity,
    whatever part of it a layout set apart."""
    return f"{question} {instruction}".strip()


def _section_heading(line: Line, section: int, prev: Line | None) -> str | None:
    """ "2 Ekonomistyrning och uppföljning" before the first question of section 2: a short
    line of its own, not a comment's last line that happens to start "2 beslut ..."."""
    match = _SECNUM.match(line.words[0]["text"])
    if not match or int(match.group(1)) != section or not 1 < len(line.words) <= 12:
        return None
    own_line = prev is None or line.header or line.bold or _starts_paragraph(prev, line)
    if not own_line or line.text.rstrip().endswith((".", ",", ";")):
        return None
    return line.text


def _question_lines(lines: Sequence[Line], start: int, end: int) -> int:
    """Where the question's own text ends: at the first paragraph break, change of weight
    (bold question, regular comment) or page break (unless the question's bold text goes on
    at the top of the next page) after its first line."""
    first = lines[start]
    bold = is_bold(first.words[1:]) if len(first.words) > 1 else None
    i = start + 1
    while i < end:
        line, prev = lines[i], lines[i - 1]
        if line.header:
            break
        if prev is first and len(first.words) == 1:  # the number alone: the text follows
            bold = line.bold
        elif line.page != prev.page:
            # a bold question may go on at the next page's top, unless its sentence ended
            # there and a new one starts ("ev." + "avvikelse" goes on; "?" + "Ange" or "?" +
            # "1.7 …" does not)
            ended = prev.text.rstrip()[-1:] in ".?!:" and not line.text[:1].islower()
            if not (bold and line.bold) or ended:
                break
        elif _starts_paragraph(prev, line) or (bold is not None and line.bold != bold):
            break
        i += 1
    return i


def split_questions(lines: Sequence[Line]) -> list[Question]:
    """Questions at the longest increasing run of "n.m" numbers; each owns the lines up to
    the next question or the next section's heading."""
    cands = [(i, n) for i, li in enumerate(lines) if (n := _question_number(li, li.left))]
    starts = _longest_increasing(cands)
    mended = _recovered(lines, [(i, n) for i, n in cands if i in set(starts)], starts)
    starts = sorted([*starts, *mended])
    numbers = {**dict(cands), **mended}
    headings: dict[int, str] = {}
    questions: list[Question] = []
    for k, start in enumerate(starts):
        section = numbers[start][0]
        if section not in headings:
            j = start - 1
            if j >= 0 and (k == 0 or j > starts[k - 1]):
                prev = lines[j - 1] if j > 0 else None
                headings[section] = _section_heading(lines[j], section, prev) or ""
        end = len(lines)
        if k + 1 < len(starts):
            end = starts[k + 1]
            following = numbers[end][0]
            heading = following != section and end - 1 > start
            if heading and _section_heading(lines[end - 1], following, lines[end - 2]):
                end -= 1  # the next section's heading is no part of this comment
        first = lines[start]
        stop = _question_lines(lines, start, end)
        qlines = list(lines[start:stop])
        text = _joined([li.words[1:] if li is first else li.words for li in qlines])
        q = Question(
            number=_number_text(mended[start]) if start in mended else first.words[0]["text"],
            section=headings.get(section, ""),
            page=first.page,
            lines=qlines,
            rest=[li for li in lines[stop:end] if not li.header],
            tail=list(lines[stop : end + 1]),
            text=text,
        )
        questions.append(q)
    return questions


def _number_text(number: tuple[int, int, int]) -> str:
    return ".".join(str(n) for n in number if n) if number[2] else f"{number[0]}.{number[1]}"


def _columns_for(page: int, y: float, columns_at: ColumnsAt) -> list[Column]:
    """The columns of the last header row above this point (on this page or an earlier one)."""
    current: list[Column] = []
    for (p, t), cols in columns_at:
        if (p, t) <= (page, y):
            current = cols
    return current


def _assign_marks(
    questions: list[Question],
    page_boxes: dict[int, list[Box]],
    columns_at: ColumnsAt,
    warnings: list[str],
) -> list[tuple[int, Box]]:
    """Each box to the question whose text it stands beside; its column gives the answer.
    Returns the marked boxes under a column that no question claimed, with their page."""
    used: set[int] = set()
    stray: list[tuple[int, Box]] = []
    rowless = _marks_beside(questions, page_boxes)  # no row under a question: nor a box
    for k, q in enumerate(questions):
        nxt = questions[k + 1].lines[0] if k + 1 < len(questions) else None
        by_page: dict[int, list[Line]] = {}
        block = [*q.lines, *q.instruction_lines]
        for li in block:
            by_page.setdefault(li.page, []).append(li)
        values: list[str] = []
        unread = False
        bands = []
        for page, qlines in by_page.items():
            tol = BESIDE * max(li.height for li in qlines)
            top = min(li.top for li in qlines) - tol
            bottom = max(li.bottom for li in qlines) + tol
            if q.below is not None and qlines[-1] is block[-1] and not rowless:
                bottom = max(bottom, q.below)  # a box row under the question, above its comment
            bands.append((page, top, bottom))
        if q.answer_row is not None:
            page, top, bottom = q.answer_row
            bands.append((page, top - 1, bottom + 1))
        if q.spill is not None:
            bands.append((q.spill[0], float("-inf"), q.spill[1]))  # above the page's first line
        own_pages = set(by_page)
        bands.sort(key=lambda band: band[0] not in own_pages)  # the question's pages first
        for page, top, bottom in bands:
            if not _may_hold_its_boxes(page, own_pages, q.boxes > 0):
                break  # the bands of its own pages came first
            for box in page_boxes.get(page, []):
                if not (top <= box.anchor <= bottom) or id(box) in used:
                    continue
                if _nearer_next(box, page, by_page.get(page, []), nxt):
                    continue  # the next question's, whose band it reaches too
                column = (
                    Column(box.value, box.bbox[0], box.bbox[2])
                    if box.value is not None
                    else column_of(box, _columns_for(page, box.anchor, columns_at))
                )
                if column is None:
                    if box.on and _columns_for(page, box.anchor, columns_at):
                        unread = True  # marked, but under no answer column
                    continue
                unread = unread or box.unread
                used.add(id(box))
                q.boxes += 1
                q.seen.append(box)
                if box.on:
                    values.append(column.value)
                    q.marks.append(
                        {
                            "column": column.value,
                            "kind": box.kind,
                            "page": page,
                            "bbox": [round(v, 2) for v in box.bbox],
                        }
                    )
        values = _without_weak(q, values)
        distinct = sorted(set(values), key=values.index)
        if len(distinct) == 1:
            q.answer = distinct[0]
        elif len(distinct) > 1:
            q.flags.append(MULTIPLE_MARKS)
            warnings.append(
                MULTIPLE_MARKS_WARNING.format(
                    number=q.number, page=q.page, count=len(distinct), answers=", ".join(distinct)
                )
            )
        elif unread:
            q.flags.append(ANSWER_UNREAD)
            warnings.append(ANSWER_UNREAD_WARNING.format(number=q.number, page=q.page))
    if not columns_at and any(
        b.on and b.value is None for boxes in page_boxes.values() for b in boxes
    ):
        warnings.append(NO_ANSWER_HEADER_WARNING)
    for page, boxes in page_boxes.items():
        for box in boxes:
            if box.on and id(box) not in used:
                cols = _columns_for(page, box.anchor, columns_at)
                if column_of(box, cols) is not None:
                    stray.append((page, box))
    return stray


def _without_weak(q: Question, values: list[str]) -> list[str]:
    """A question's marked values less its weak marks (a scan's small blob that may be a
    tick or a speck) when a surer mark marks it: the speck neither adds a second answer nor
    lowers the sure one's confidence. Alone, a weak mark is the answer, at its own low
    confidence (flagged for a person). `q.marks` and `q.seen` are trimmed alike."""
    marked = [b for b in q.seen if b.on]
    if not any(b.weak for b in marked) or all(b.weak for b in marked):
        return values
    keep = [not b.weak for b in marked]
    q.seen = [b for b in q.seen if not (b.on and b.weak)]
    q.marks = [m for m, k in zip(q.marks, keep, strict=True) if k]
    return [v for v, k in zip(values, keep, strict=True) if k]


def answers_of(pages: Sequence[Page]) -> tuple[list[Answer], list[str]]:
    """The contract's answers (with key, section, bbox, fields, flags, marks) and warnings."""
    questions, warnings = parse_enkat(pages)
    answers = []
    for q in questions:
        on_page = [li for li in q.lines if li.page == q.page]
        bbox = (
            min(w["x0"] for li in on_page for w in li.words),
            min(li.top for li in on_page),
            max(w["x1"] for li in on_page for w in li.words),
            max(li.bottom for li in on_page),
        )
        answers.append(
            Answer(
                number=q.number,
                question=q.text,
                instruction=q.instruction,
                answer=q.answer,  # type: ignore[arg-type]
                comment=q.comment,
                page=q.page,
                key=question_key(wording(q.text, q.instruction)),
                section=q.section or None,
                bbox=tuple(round(v, 2) for v in bbox),  # type: ignore[arg-type]
                fields=q.fields,
                flags=q.flags,
                marks=[Mark(**m) for m in q.marks],
                boxes=q.boxes,
                **ocr_fields([*q.lines, *q.instruction_lines], [*q.side, *q.rest], q.seen),
            )
        )
    return answers, warnings
