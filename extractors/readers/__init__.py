"""One reader per document kind: what recognises the kind and what reads its parts.

A reader is a module with
- `KIND`: its document kind (a key of `vocabulary.DOCUMENT_KINDS`);
- `BOXES`: whether it needs the page model's drawn and form answer boxes too;
- `recognise(pages) -> float`: how surely these pages (layout.Page, the one page model) are
  this kind (0: not at all); the reader with the highest score reads the document;
- `read(pages, year) -> Parts`: the kind's part of the Extraction.
`extract.READERS` lists them; adding a document kind is one vocabulary entry and one reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from kommunkoll.vocabulary import DOCUMENT_KINDS

from ..contract import Answer, Finding, Gap, InternalControl, Table
from ..layout import Page


@dataclass
class Parts:
    """What a reader adds to an Extraction; findings are structural (the NLP adds its own)."""

    tables: list[Table] = field(default_factory=list)
    internal_controls: list[InternalControl] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)  # the completeness check's (delårsbokslut)


class Reader(Protocol):
    KIND: str
    BOXES: bool

    def recognise(self, pages: Sequence[Page]) -> float: ...

    def read(self, pages: Sequence[Page], year: int) -> Parts: ...


def first_text(pages: Sequence[Page]) -> str:
    """The title page's text: what a document says it is."""
    return pages[0].text if pages else ""


def all_text(pages: Sequence[Page]) -> str:
    return "\n".join(page.text for page in pages)


def title_score(pages: Sequence[Page], kind: str) -> float:
    """A kind named on the title page scores 2 and a little more the nearer the top it
    stands (so "Delårsrapport ... enligt årsredovisningslagen" stays a delårsrapport); named
    twice or more in the text only, 1; else 0."""
    title = re.compile(DOCUMENT_KINDS[kind].title, re.I)
    on_first = title.search(first_text(pages))
    if on_first:
        return 2 + 1 / (1 + on_first.start())
    return 1.0 if len(title.findall(all_text(pages))) >= 2 else 0.0
