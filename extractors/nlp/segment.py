"""Page texts → blocks of running text, each knowing the pages its characters come from.

The page model gives one line per printed line (running headers and page-number footers
already dropped) and no paragraph marks, so structure is read from the lines: questionnaire
question numbers, list items, short headings and table rows start blocks of their own, and
every other line continues the block before it (joined by a space, so "VON §" at the end of
one line and "85/2024" on the next, or on the next page, become one reference).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from kommunkoll.vocabulary import (
    ANSWERS,
    CONTROL_HEADERS,
    CONTROL_RISK,
    DELVIS,
    JA,
    LETTER_MARKS,
    MARK_GLYPHS,
    NEJ,
    VET_EJ,
    character_class,
)

BlockKind = Literal["prose", "question", "section", "heading", "item", "table"]

QUESTION = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+\S")
SECTION = re.compile(r"^(\d{1,2})\s+[A-ZÅÄÖ][^.?!]*$")
ITEM = re.compile(r"^(?:(\d{1,2})[.)]|[•●▪\-–])\s+(?=\S)")
_GLYPHS = character_class(MARK_GLYPHS)
_LETTERS = character_class(LETTER_MARKS)
MARKS_ONLY = re.compile(rf"^[{_LETTERS}{_GLYPHS}\s]+$")
TRAILING_MARKS = re.compile(rf"(?:\s+(?:[{_GLYPHS}]|[{_LETTERS}](?=\s|$)))+\s*$")
_JA, _NEJ, _DELVIS, _VET_EJ = (re.escape(ANSWERS[k].name) for k in (JA, NEJ, DELVIS, VET_EJ))
ANSWER_COLUMNS = re.compile(
    rf"\s*{_JA}\s+(?:{_NEJ}\s+{_DELVIS}|{_DELVIS}\s+{_NEJ})\s+{_VET_EJ}\s*$"
)
NUMERIC_TOKEN = re.compile(r"^[-−–<>]?\d[\d,.%/]*%?$")
ENDS_SENTENCE = re.compile(r"[.:!?;]\s*$")
# The column header of an internkontroll table: its cells are read by the table extractor.
CONTROL_TABLE = re.compile(re.escape(CONTROL_RISK), re.IGNORECASE)
CONTROL_COLUMNS = tuple(CONTROL_HEADERS.values())


@dataclass
class Block:
    """A run of text from one structural unit; `context` is the question or heading above it."""

    kind: BlockKind
    text: str = ""
    context: str = ""
    number: str | None = None  # a question's or list item's number as printed
    in_control_table: bool = False
    _offsets: list[int] = field(default_factory=list)
    _pages: list[int] = field(default_factory=list)

    def add(self, line: str, page: int) -> None:
        if self.text:
            self.text += " "
        self._offsets.append(len(self.text))
        self._pages.append(page)
        self.text += line

    def page_at(self, offset: int) -> int:
        """The page of the character at `offset` (1-based, as in the contract)."""
        return self._pages[max(bisect.bisect_right(self._offsets, offset) - 1, 0)]

    @property
    def page(self) -> int:
        return self._pages[0]


def is_table_line(line: str) -> bool:
    tokens = line.split()
    numeric = sum(bool(NUMERIC_TOKEN.match(t)) for t in tokens)
    # a table row ends in a figure; prose that quotes figures ends in a word or a full stop
    return numeric >= 2 and numeric / len(tokens) >= 0.4 and bool(NUMERIC_TOKEN.match(tokens[-1]))


def page_lines(pages: list[str]) -> list[tuple[str, int]]:
    """Each page's lines with their page number, without answer marks. The pages' running
    headers, footers and page numbers are already out (the page model's document pass)."""
    out = []
    for number, text in enumerate(pages, start=1):
        for line in (ln.strip() for ln in text.splitlines()):
            if not line or MARKS_ONLY.match(line):
                continue
            line = ANSWER_COLUMNS.sub("", TRAILING_MARKS.sub("", line))
            if line:
                out.append((line, number))
    return out


CONTINUES = {"och", "att", "för", "i", "av", "med", "som", "till", "på", "eller", "samt", "en"}


def _is_heading(line: str, previous: str | None) -> bool:
    words = line.split()
    return (
        len(words) <= 8
        and not ENDS_SENTENCE.search(line)
        and "," not in line
        and line[-1] not in "§-–/"  # "VON §" goes on with "85/2024" on the next line
        and words[-1].lower() not in CONTINUES
        and line[:1].isupper()
        and (previous is None or bool(ENDS_SENTENCE.search(previous)))
    )


def blocks(pages: list[str]) -> list[Block]:
    """The document as blocks in reading order."""
    out: list[Block] = []
    context = ""
    in_control = False
    current: Block | None = None
    previous: str | None = None
    for line, page in page_lines(pages):
        lower = line.lower()
        if (CONTROL_TABLE.search(line) and any(c in lower for c in CONTROL_COLUMNS)) or (
            "internkontroll" in lower and _is_heading(line, None)
        ):
            in_control = True
            if current is not None:
                current.in_control_table = True
        kind: BlockKind | None = None
        number = None
        if is_table_line(line):
            kind = "table"
        elif m := QUESTION.match(line):
            kind, number = "question", m.group(1)
        elif SECTION.match(line) and len(line.split()) <= 10:
            kind, number = "section", line.split()[0]
        elif m := ITEM.match(line):
            kind, number = "item", m.group(1)
            line = line[m.end() :]
        elif _is_heading(
            line, None if current is not None and current.kind == "heading" else previous
        ) or (current is not None and current.kind == "table"):
            kind = "heading" if not is_table_line(line) and _is_heading(line, None) else "prose"
        if kind == "heading" and in_control and not CONTROL_TABLE.search(line):
            kind = "prose"  # a wrapped table cell, not a heading
        if kind == "question":  # a questionnaire's next question: no table goes on past it
            in_control = False
        if kind is not None or current is None:
            current = Block(kind=kind or "prose", context=context, number=number)
            current.in_control_table = in_control
            out.append(current)
            if kind in ("question", "section", "heading"):
                context = line
        elif current.kind == "question" and ENDS_SENTENCE.search(current.text or " "):
            # the question is asked; what follows is its comment
            current = Block(kind="prose", context=current.text, in_control_table=in_control)
            out.append(current)
        elif current.kind in ("section", "heading"):
            current = Block(kind="prose", context=current.text, in_control_table=in_control)
            out.append(current)
        current.add(line, page)
        if current.kind == "question":
            context = current.text
        previous = line
    return out
