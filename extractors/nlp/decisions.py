"""Decision references ("VON § 85/2024", "2024-11-05 § 53 punkt a"), once per page.

A reference is found wherever its pieces are printed one after the other: in the running
text with every line joined to the next (a break after the date, or before the §, or at a
page break, does not matter), and in each column of the page read on its own (a reference
wrapped inside a narrow table cell, whose lines the running text interleaves with the
neighbouring cells). What both readings find is one finding per reference and page, in the
order first printed, with the box of every occurrence where the words are known.

Forms (samples/README.md; a printed date before a body's "§ N/YYYY" is not part of it):
"VON § 85/2024", "KF § 152/2024", "KF 2024-11-06 § 152", "2024-11-05 § 53 punkt a",
"2024-11-05, § 53", "den 6 november 2024, § 152", and a bare "§ 53 punkt a" / "§ 53".
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import cast

from ..layout import SETTINGS, LayoutSettings, Line, phrases
from .rules import MONTHS

_BODY = r"[A-ZÅÄÖ]{2,6}"
_ISO = r"(?:19|20)\d\d-[01]\d-[0-3]\d"
_WORDED = rf"[Dd]en [0-3]?\d (?:{'|'.join(MONTHS)}) (?:19|20)\d\d"
_NUMBER = r"§ ?\d{1,4}(?!\d)"
_YEAR = r"/(?:19|20)\d\d(?!\d)"
_POINT = r"(?: [Pp]unkt (?:[a-zåäö]|\d{1,2})(?![\wåäö]))?"
_NOT_AFTER = r"(?<![\wÅÄÖåäö§/-])"
REFERENCE = re.compile(
    _NOT_AFTER
    + "(?:"
    + rf"{_BODY} {_NUMBER}{_YEAR}{_POINT}"  # VON § 85/2024
    + rf"|(?:{_BODY} )?{_ISO},? {_NUMBER}(?:{_YEAR})?{_POINT}"  # KF 2024-11-06 § 152
    + rf"|{_WORDED},? {_NUMBER}(?:{_YEAR})?{_POINT}"  # den 6 november 2024, § 152
    + rf"|{_NUMBER}(?:{_YEAR})?{_POINT}"  # § 53 punkt a
    + ")"
)

# A column goes on to the next line when it is at most this far (× font size) below.
LINE_GAP = 1.0


Box = tuple[float, float, float, float]


@dataclass
class Phrase:
    """Words of one line close enough to be one cell: the unit a column is read in."""

    page: int
    words: list[tuple[str, Box]]
    size: float

    @property
    def x0(self) -> float:
        return self.words[0][1][0]

    @property
    def x1(self) -> float:
        return self.words[-1][1][2]

    @property
    def top(self) -> float:
        return min(b[1] for _, b in self.words)

    @property
    def bottom(self) -> float:
        return max(b[3] for _, b in self.words)


@dataclass
class Reference:
    text: str
    page: int
    top: float
    boxes: list[Box] = field(default_factory=list)


def phrases_of(line: Line, settings: LayoutSettings = SETTINGS) -> list[Phrase]:
    """A page-model line split into its cells (the page model's one phrase splitter)."""
    return [
        Phrase(line.page, [(w.text, w.bbox) for w in words], max(w.size for w in words))
        for words in phrases(line.words, settings)
    ]


def text_lines(lines: Iterable[tuple[str, int]]) -> list[list[Phrase]]:
    """Lines known only as text ((line, page), furniture dropped): each one phrase, its
    words placed by their order (no real boxes)."""
    out = []
    for i, (text, page) in enumerate(lines):
        words = [(w, (float(j), float(i), j + 1.0, i + 1.0)) for j, w in enumerate(text.split())]
        if words:
            out.append([Phrase(page, words, 0.0)])
    return out


class _Running:
    """A stream of phrases read in order, their words joined by spaces: the text and, per
    word, where it starts and ends, its page and its box, in flat arrays (the running text
    of a long report has a million words; tuples of them were 250 bytes a word)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.starts = array("q")
        self.ends = array("q")
        self.pages = array("q")
        self.boxes = array("d")  # x0, top, x1, bottom of each word, one after the other

    def add(self, phrase: Phrase) -> None:
        for word, box in phrase.words:
            if self.length:
                self.parts.append(" ")
                self.length += 1
            self.starts.append(self.length)
            self.parts.append(word)
            self.length += len(word)
            self.ends.append(self.length)
            self.pages.append(phrase.page)
            self.boxes.extend(box)

    def references(self) -> list[Reference]:
        text = "".join(self.parts)
        found = []
        for m in REFERENCE.finditer(text):
            # the words the match overlaps: ends > its start, starts < its end
            first = bisect.bisect_right(self.ends, m.start())
            last = bisect.bisect_left(self.starts, m.end())
            inside = [
                (self.pages[i], cast(Box, tuple(self.boxes[4 * i : 4 * i + 4])))
                for i in range(first, last)
            ]
            boxes: list[Box] = []
            for page, box in inside:  # one box per printed line of the reference, on its page
                if page != inside[0][0]:
                    continue
                if boxes and boxes[-1][1] == box[1] and box[0] >= boxes[-1][2]:
                    last_box = boxes[-1]
                    boxes[-1] = (last_box[0], last_box[1], box[2], max(last_box[3], box[3]))
                else:
                    boxes.append(box)
            found.append(Reference(m.group(0), inside[0][0], inside[0][1][1], boxes))
        return found


def _stream(pieces: Iterable[Phrase]) -> list[Reference]:
    """References in one stream of phrases read in order, their words joined by spaces."""
    running = _Running()
    for phrase in pieces:
        running.add(phrase)
    return running.references()


def _part_of_another(ref: Reference, on_its_page: Sequence[Reference]) -> bool:
    """ "§ 22" read apart from its date where a table's running text interleaves the cells:
    the same words are the end of a fuller reference ("2025-03-27 § 22") read in its column.
    `on_its_page`: every reference found on the page of `ref`."""
    return any(
        other.text.endswith(" " + ref.text) and set(ref.boxes) <= set(other.boxes)
        for other in on_its_page
    )


def _columns(lines: Sequence[list[Phrase]]) -> list[list[Phrase]]:
    """One page's phrases as columns: a phrase goes on the column it overlaps horizontally
    most whose last phrase is on the line just above; a column takes one phrase per line."""
    columns: list[list[Phrase]] = []
    open_: list[list[Phrase]] = []
    for line in lines:
        taken: list[list[Phrase]] = []
        for phrase in line:
            best, overlap = None, 0.0
            for column in open_:
                last = column[-1]
                if any(column is t for t in taken):
                    continue
                if phrase.top - last.bottom > LINE_GAP * phrase.size:
                    continue
                o = min(last.x1, phrase.x1) - max(last.x0, phrase.x0)
                if o > overlap:
                    best, overlap = column, o
            if best is None:
                best = [phrase]
                columns.append(best)
            else:
                best.append(phrase)
            taken.append(best)
        open_ = taken
    return columns


def _pages(lines: Iterable[list[Phrase]], running: _Running) -> Iterator[list[list[Phrase]]]:
    """The lines page by page (a page's lines follow each other), each line's phrases
    added to the `running` text on the way: one page's lines are held at a time."""
    page: list[list[Phrase]] = []
    for line in lines:
        for phrase in line:
            running.add(phrase)
        if not line:
            continue
        if page and line[0].page != page[0][0].page:
            yield page
            page = []
        page.append(line)
    if page:
        yield page


def find_references(lines: Iterable[list[Phrase]]) -> list[Reference]:
    """Every reference once per page, ordered by page and position: from the running text
    (every line of the document joined to the next) and from each column of every page.

    `lines` are the document's lines without furniture, each as its phrases, read once
    (a generator will do): a page's columns are read as soon as its lines are in, and of
    the running text only its characters and the words' places are kept."""
    running = _Running()
    in_columns: list[Reference] = []
    for page in _pages(lines, running):
        for column in _columns(page):
            in_columns += _stream(column)
    found = running.references() + in_columns
    by_page: dict[int, list[Reference]] = {}
    for ref in found:
        by_page.setdefault(ref.page, []).append(ref)
    unique: dict[tuple[str, int], Reference] = {}
    for ref in found:
        if _part_of_another(ref, by_page[ref.page]):
            continue
        kept = unique.setdefault((ref.text, ref.page), ref)
        if kept is not ref:
            kept.boxes += [b for b in ref.boxes if b not in kept.boxes]
            kept.top = min(kept.top, ref.top)
    return sorted(unique.values(), key=lambda r: (r.page, r.top))
