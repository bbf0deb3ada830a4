"""One reader per document kind: what recognises the kind and what reads its parts.

A reader is a module with
- `KIND`: its document kind (a key of `vocabulary.DOCUMENT_KINDS`);
- `recognise(pages) -> float`: how surely `pages` is this kind (0: not at all); the reader
  with the highest score reads the document;
- `page_data(page, number)`: what it needs of one open pdfplumber page;
- `read(pages, year) -> Parts`: the kind's part of the Extraction.
`extract.READERS` lists them; adding a document kind is one vocabulary entry and one reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from kommunkoll.vocabulary import DOCUMENT_KINDS

from ..contract import Answer, Finding, InternalControl, Table
from ..pages import Pages


@dataclass
class Parts:
    """What a reader adds to an Extraction; findings are structural (the NLP adds its own)."""

    tables: list[Table] = field(default_factory=list)
    internal_controls: list[InternalControl] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Reader(Protocol):
    KIND: str

    def recognise(self, pages: Pages) -> float: ...

    def page_data(self, page: Any, number: int) -> object: ...

    def read(self, pages: Pages, year: int) -> Parts: ...


def title_score(pages: Pages, kind: str) -> float:
    """A kind named on the title page scores 2 and a little more the nearer the top it
    stands (so "Delårsrapport ... enligt årsredovisningslagen" stays a delårsrapport); named
    twice or more in the text only, 1; else 0."""
    title = re.compile(DOCUMENT_KINDS[kind].title, re.I)
    on_first = title.search(pages.first)
    if on_first:
        return 2 + 1 / (1 + on_first.start())
    return 1.0 if len(title.findall(pages.text)) >= 2 else 0.0
