"""The one page model every reader works on: positioned words, lines, furniture, phrases.

Each page is split into words once (pdfplumber `extract_words`, with font and size). From
those words come the page's lines (one grouper), its text for identification and the NLP,
the regrouped tokens a table reads ("-800 967" is one number, not two), the answer marks an
enkät reads, and — in one pass over the whole document — which lines are running headers,
footers and page numbers. Every tolerance lives in `LayoutSettings`, like pdfplumber's
TableSettings, so no reader carries a private copy of one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from sys import intern
from typing import Any

from .numbers import MINUS_SIGNS, NULL_TEXTS, parse_number


@dataclass(frozen=True)
class LayoutSettings:
    """Tolerances of the page model, in PDF points or as a share of the font size."""

    x_tolerance: float = 1.5  # pdfplumber: characters closer than this make one word
    line_overlap: float = 0.5  # a word joins a line it overlaps by this share of the lower height
    line_lookback: int = 3  # lines (nearest first) a word may join: superscripts, marks
    number_gap: float = 0.45  # × size: digit groups closer than this are one printed number
    phrase_gap: float = 0.6  # × size: words closer than this belong to one phrase
    margin: float = 0.09  # share of the page height at top and bottom where furniture lives
    furniture_pages: int = 2  # the same margin text on this many pages is furniture


SETTINGS = LayoutSettings()

_SPECIAL_SPACES = "\u00a0\u2009\u202f"  # no-break, thin, narrow no-break: "966 332"


@dataclass(frozen=True, slots=True)  # slots: a long report holds a million of them
class Word:
    """One word (or, after `regroup`, one printed number) with its box in PDF points
    (top-left origin), font and size. Readable as a mapping too (``w["x0"]``), which is how
    the answer-mark code reads words."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str = ""
    space_after: str = " "  # the space printed after it: a no-break or thin one is kept
    conf: float | None = None  # 0–100 when OCR read it from a scan (ocr.py); None when printed

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def bold(self) -> bool:
        return "bold" in self.fontname.casefold()

    @property
    def italic(self) -> bool:
        font = self.fontname.casefold()
        return "italic" in font or "oblique" in font

    @property
    def is_value(self) -> bool:
        """A number or a printed "no value" ("Inget värde"), as a table cell holds."""
        if self.text.casefold() in NULL_TEXTS:
            return bool(self.text)
        try:
            return parse_number(self.text) is not None
        except ValueError:
            return False


def join_words(words: Sequence[Word]) -> str:
    """Words of one line as printed: with the no-break or thin space where there was one."""
    parts: list[str] = []
    for w in words:
        parts.append(w.text)
        parts.append(w.space_after)
    return "".join(parts[:-1])


def is_bold(words: Sequence[Word]) -> bool:
    """Most characters are set in a bold font."""
    chars = Counter(w.bold for w in words for _ in w.text)
    return chars[True] > chars[False]


def is_italic(words: Sequence[Word]) -> bool:
    """Most characters are set in an italic (oblique) font."""
    chars = Counter(w.italic for w in words for _ in w.text)
    return chars[True] > chars[False]


@dataclass(eq=False, slots=True)
class Line:
    """One printed line: its words left to right and, derived from them, its tokens (numbers
    regrouped). `furniture` marks a running header, footer or page number."""

    page: int
    words: list[Word]
    furniture: bool = False
    left: float = 0.0  # the page's left text edge (the enkät's question numbers stand there)
    header: bool = False  # what is left of an answer-header row: a heading, never a comment
    _tokens: tuple[Word, ...] = field(default=(), repr=False)
    _tokens_of: list[Word] | None = field(default=None, repr=False)

    @property
    def tokens(self) -> tuple[Word, ...]:
        """The words with each printed number (and "Inget värde") as one token."""
        if self._tokens_of is not self.words:
            self._tokens = tuple(regroup(self.words))
            self._tokens_of = self.words
        return self._tokens

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def text(self) -> str:
        return join_words(self.words)

    @property
    def bold(self) -> bool:
        return is_bold(self.words)

    @property
    def italic(self) -> bool:
        return is_italic(self.words)


def group_lines(
    words: Iterable[Word], page: int = 0, settings: LayoutSettings = SETTINGS
) -> list[Line]:
    """Words into lines: a word joins a recent line it overlaps vertically by half the
    smaller height (a superscript or a taller mark stays on its line)."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        h = w.bottom - w.top
        for line in reversed(lines[-settings.line_lookback :]):
            overlap = min(line.bottom, w.bottom) - max(line.top, w.top)
            if overlap >= settings.line_overlap * min(h, line.height):
                line.words.append(w)
                break
        else:
            lines.append(Line(page, [w]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def phrases(tokens: Sequence[Word], settings: LayoutSettings = SETTINGS) -> list[list[Word]]:
    """A line's tokens split where the gap is wider than a word space: one phrase per cell
    of a table or header row."""
    out: list[list[Word]] = []
    for token in tokens:
        if out and token.x0 - out[-1][-1].x1 <= settings.phrase_gap * token.size:
            out[-1].append(token)
        else:
            out.append([token])
    return out


# ---- numbers: one printed number is one token ----------------------------------------------

_HEAD = re.compile(rf"^[{MINUS_SIGNS}+]?\d{{1,3}}$")  # a number's first group: "-800", "1"
_GROUP = re.compile(r"^\d{3}(?:,\d+)?%?$")  # a following group: "967", "024,5"
_SIGN = re.compile(rf"^[{MINUS_SIGNS}]$")


def _merge(a: Word, b: Word, sep: str) -> Word:
    return Word(
        a.text + sep + b.text,
        a.x0,
        b.x1,
        min(a.top, b.top),
        max(a.bottom, b.bottom),
        max(a.size, b.size),
        a.fontname,
        b.space_after,
        None if a.conf is None or b.conf is None else min(a.conf, b.conf),
    )


def regroup(tokens: Sequence[Word], settings: LayoutSettings = SETTINGS) -> list[Word]:
    """Join the pieces of one printed number (or "Inget värde") that the word splitter cut:
    the thousands separator is a (no-break, thin) space, and a cell must never become two."""
    out: list[Word] = []
    for token in tokens:
        if out:
            prev = out[-1]
            close = token.x0 - prev.x1 <= settings.number_gap * max(prev.size, token.size)
            last_group = prev.text.rsplit(" ", 1)[-1]
            number_goes_on = (_HEAD.match(prev.text) or _is_grouped(prev.text)) and _GROUP.match(
                token.text
            )
            if close and number_goes_on and "," not in last_group and "%" not in last_group:
                out[-1] = _merge(prev, token, " ")
                continue
            if close and _SIGN.match(prev.text) and token.text[:1].isdigit():
                out[-1] = _merge(prev, token, "")
                continue
            if close and token.text == "%" and _is_numberish(prev.text):
                out[-1] = _merge(prev, token, "")
                continue
            if close and f"{prev.text} {token.text}".casefold() in NULL_TEXTS:
                out[-1] = _merge(prev, token, " ")
                continue
        out.append(token)
    return out


def _is_grouped(text: str) -> bool:
    return bool(re.match(rf"^[{MINUS_SIGNS}+]?\d{{1,3}}(?: \d{{3}})+$", text))


def _is_numberish(text: str) -> bool:
    return bool(re.match(rf"^[{MINUS_SIGNS}+]?[\d ]+(?:,\d+)?$", text))


# ---- a page, read once ---------------------------------------------------------------------


@dataclass
class Page:
    """Everything any reader needs of one page, taken while pdfplumber has it open."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]  # every text line, furniture included (marked)
    marks: list[Word] = field(default_factory=list)  # ☒, ✓ and a lone x: answer marks
    boxes: list[Any] = field(default_factory=list)  # drawn boxes and form widgets (enkät)

    @property
    def body(self) -> list[Line]:
        """The lines without running headers, footers and page numbers."""
        return [line for line in self.lines if not line.furniture]

    @property
    def text(self) -> str:
        """The page's text, line by line, as printed."""
        return "\n".join(line.text for line in self.lines)


_WORD_ATTRS = ["fontname", "size"]
_RECT_KEYS = ("x0", "x1", "top", "bottom", "stroke", "fill", "non_stroking_color")
_EDGE_KEYS = ("x0", "x1", "top", "bottom")


def page_words(page: Any, settings: LayoutSettings = SETTINGS) -> list[Word]:
    """A pdfplumber page's words with font and size, each knowing the space printed after it.

    The words of one line share their top, bottom and size, and a column its edges: each
    value is one float object per page (`_shared`), not one per word, as a long report
    keeps its page model until its tables are read."""
    raw = page.extract_words(x_tolerance=settings.x_tolerance, extra_attrs=_WORD_ATTRS)
    spaces = [c for c in page.chars if c["text"] in _SPECIAL_SPACES] if raw else []
    for c in spaces:  # pdfplumber splits a word at a no-break or thin space: remember which
        before = [
            w
            for w in raw
            if w["x1"] <= c["x0"] + 0.5 and w["top"] < c["bottom"] and c["top"] < w["bottom"]
        ]
        if before:
            max(before, key=lambda w: w["x1"])["space_after"] = c["text"]
    one = _shared()
    return [
        Word(
            intern(w["text"]),
            one(w["x0"]),
            one(w["x1"]),
            one(w["top"]),
            one(w["bottom"]),
            one(w["size"]),
            w["fontname"],
            w.get("space_after", " "),
        )
        for w in raw
    ]


def _shared() -> Callable[[float], float]:
    """Equal values as one object (zero aside: 0.0 and -0.0 are equal, yet print apart)."""
    seen: dict[float, float] = {}

    def one(value: float) -> float:
        return seen.setdefault(value, value) if value else value

    return one


def read_page(
    page: Any, number: int, boxes: bool = False, settings: LayoutSettings = SETTINGS
) -> Page:
    """One pdfplumber page as the page model; `boxes` also reads drawn and form answer boxes
    (what an enkät needs; a report's tables need only the words)."""
    from .answer_marks import split_marks

    text_words, marks = split_marks(page_words(page, settings))
    layout = Page(
        number,
        float(page.width),
        float(page.height),
        group_lines(text_words, number, settings),
        marks,
    )
    if boxes:
        layout.boxes = answer_boxes(page)
    return layout


def answer_boxes(page: Any) -> list[Any]:
    """A pdfplumber page's drawn answer boxes and form widgets (what an enkät needs)."""
    from .answer_marks import drawn_boxes, form_boxes

    rects = [{k: r.get(k) for k in _RECT_KEYS} for r in page.rects]
    edges = [{k: e[k] for k in _EDGE_KEYS} for e in (*page.lines, *page.curves)]
    return drawn_boxes(rects, edges) + form_boxes(page.annots)


# ---- the document pass: running headers, footers, page numbers -----------------------------

_PAGE_NUMBER = re.compile(r"(?:sida\s*)?#(?:\s*(?:\(|av|/)\s*#\)?)?")


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.casefold().split()))


def in_margin(line: Line, page: Page, settings: LayoutSettings = SETTINGS) -> bool:
    """Heads and footers live in the page's top and bottom margins; a table header repeated
    at the same height on two pages (Drift, then Investeringar) is not furniture."""
    band = settings.margin * page.height
    return line.bottom <= band or line.top >= page.height - band


def mark_furniture(pages: Sequence[Page], settings: LayoutSettings = SETTINGS) -> None:
    """Mark running headers, footers and page numbers on every page of a document: a line in
    the top or bottom margin that is a bare page number ("3", "Sida 3 av 9") or whose text
    recurs in the margins of several pages, its numbers the same but for one (the page
    number). A table's rows at a page's foot and the next one's top print the same words
    with other figures ("2023 9,3% 4,2% ..." / "2022 10,1% 5,6% ..."): rows, not furniture."""
    seen: dict[tuple[str, tuple[str | None, ...]], set[int]] = {}
    for index, page in enumerate(pages):
        for line in page.lines:
            if in_margin(line, page, settings):
                for pattern in _alike(_furniture_key(line), _numbers(line)):
                    seen.setdefault(pattern, set()).add(index)
    for index, page in enumerate(pages):
        heads = _table_heads(page, settings)
        for line in page.lines:
            if not in_margin(line, page, settings):
                continue
            key = _furniture_key(line)
            patterns = _alike(key, _numbers(line))
            repeated = len(pages) >= 2 and _on_pages(
                index, seen, patterns, settings.furniture_pages
            )
            repeated = repeated and id(line) not in heads
            line.furniture = repeated or bool(_PAGE_NUMBER.fullmatch(key))


def _alike(key: str, numbers: tuple[str, ...]) -> list[tuple[str, tuple[str | None, ...]]]:
    """The line's text with one of its numbers left open (None): two lines of one key whose
    numbers differ in at most one place share one of these, and other lines none. Looking a
    line's pages up by them keeps the document pass linear in pages (a running head is on
    every page)."""
    if not numbers:
        return [(key, ())]
    return [(key, (*numbers[:i], None, *numbers[i + 1 :])) for i in range(len(numbers))]


def _on_pages(
    index: int,
    seen: dict[tuple[str, tuple[str | None, ...]], set[int]],
    patterns: list[tuple[str, tuple[str | None, ...]]],
    needed: int,
) -> bool:
    """Whether lines alike (`patterns`) stand on `needed` pages, this page (`index`) one."""
    found = {index}
    for pattern in patterns:
        for other in seen.get(pattern, ()):
            found.add(other)
            if len(found) >= needed:
                return True
    return len(found) >= needed


def _table_heads(page: Page, settings: LayoutSettings) -> set[int]:
    """Ids of the lines that sit right on a table's first row, directly or through lines
    that do (each gap under one line's height, the row ending in two figures): in the top
    margin, a header repeated atop each page the table runs over, not a running head,
    which stands apart from the body."""
    out: set[int] = set()
    below: Line | None = None
    band = settings.margin * page.height
    for line in reversed(page.lines):
        if below is not None and line.top <= band + 3 * line.size:
            close = below.top - line.bottom < line.size
            if close and (id(below) in out or sum(t.is_value for t in below.tokens[-2:]) == 2):
                out.add(id(line))
        below = line
    return out


def _numbers(line: Line) -> tuple[str, ...]:
    return tuple(re.findall(r"\d+", line.text))


def box_text(bbox: Sequence[float]) -> str:
    """A box as a warning names it for a person: whole points, "x0, top, x1, bottom"."""
    return ", ".join(f"{v:.0f}" for v in bbox)
