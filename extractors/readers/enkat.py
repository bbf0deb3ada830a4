"""The revisorernas enkät: numbered questions, the marked answer of each, its comment."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kommunkoll.vocabulary import ANSWER_WORDS, DOCUMENT_KINDS, ENKAT

from ..enkat import answers_of
from ..layout import Page
from . import Parts, all_text, first_text

KIND = ENKAT
BOXES = True  # answers may be drawn boxes or form fields, not only printed marks


def _is_answer_header(line: str) -> bool:
    words = " ".join(line.casefold().split())
    printed = {v for w, v in ANSWER_WORDS.items() if re.search(rf"(?<!\w){w}(?!\w)", words)}
    return printed == set(ANSWER_WORDS.values())  # each answer, in any of its wordings


def recognise(pages: Sequence[Page]) -> float:
    """The Ja/Nej/Delvis/Vet ej header anywhere, or the enkät's title on page 1: an enkät
    mentions delårsbokslut and årsredovisning often, so it outranks a title found in them."""
    if any(_is_answer_header(line) for line in all_text(pages).splitlines()):
        return 3.0
    return 3.0 if re.search(DOCUMENT_KINDS[KIND].title, first_text(pages), re.I) else 0.0


def read(pages: Sequence[Page], year: int) -> Parts:
    answers, warnings = answers_of(list(pages))
    return Parts(answers=answers, warnings=warnings)
