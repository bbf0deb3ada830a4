"""The revisorernas enkät: numbered questions, the marked answer of each, its comment."""

from __future__ import annotations

import re
from typing import Any

from kommunkoll.vocabulary import ANSWER_WORDS, DOCUMENT_KINDS, ENKAT

from ..enkat import answers_of
from ..page_lines import read_page
from ..pages import Pages
from . import Parts

KIND = ENKAT


def _is_answer_header(line: str) -> bool:
    words = " ".join(line.casefold().split())
    return all(re.search(rf"(?<!\w){w}(?!\w)", words) for w in ANSWER_WORDS)


def recognise(pages: Pages) -> float:
    """The Ja/Nej/Delvis/Vet ej header anywhere, or the enkät's title on page 1: an enkät
    mentions delårsbokslut and årsredovisning often, so it outranks a title found in them."""
    if any(_is_answer_header(line) for line in pages.text.splitlines()):
        return 3.0
    return 3.0 if re.search(DOCUMENT_KINDS[KIND].title, pages.first, re.I) else 0.0


def page_data(page: Any, number: int) -> object:
    return read_page(page, number)


def read(pages: Pages, year: int) -> Parts:
    answers, warnings = answers_of([p.data for p in pages.content])  # type: ignore[misc]
    return Parts(answers=answers, warnings=warnings)
