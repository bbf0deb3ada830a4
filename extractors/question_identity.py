"""A question's identity from its wording, so comparisons line up the same question.

Auditors renumber and touch up their questions from year to year ("Följer nämnden/styrelsen
upp ..." becomes "Följer nämnden upp ..."; "för 2024" becomes "för 2025"). The number is
therefore no identity; the normalised wording is, and a similarity score tells a slightly
reworded question from a different one. Pure: matching against stored questions is the
store's job (pipeline/store.py).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

# Above this, two wordings are the same question. In the sample corpus a reworded question
# scores 0.92 against its earlier wording, while different questions built on the same
# template ("Beslutar nämnden/styrelsen om åtgärder vid ...") reach at most 0.74.
SAME_QUESTION = 0.85


def normalise(text: str) -> str:
    """Case, accents, punctuation, years and other numbers aside; words in order."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"\d+", " # ", folded)
    return " ".join(re.findall(r"[a-z#]+", folded))


def question_key(text: str) -> str:
    """A stable key from the normalised wording: equal wordings (any year) share it."""
    return hashlib.sha1(normalise(text).encode()).hexdigest()[:16]


def similarity(a: str, b: str) -> float:
    """0..1: how alike two wordings are after normalisation (difflib's ratio)."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return 1.0
    return SequenceMatcher(None, na, nb, autojunk=False).ratio()


def best_match(text: str, known: Iterable[tuple[str, str]]) -> tuple[str, float] | None:
    """The (key, score) of the known (key, wording) most like `text`, if it is the same question."""
    best: tuple[str, float] | None = None
    for key, wording in known:
        score = similarity(text, wording)
        if score >= SAME_QUESTION and (best is None or score > best[1]):
            best = (key, score)
    return best
