"""Inline annotations ([[D:...]], [[R:...]], [[A:...]]) inside the model's text.

Renderers print `plain(text)`; the ground truth turns `annotations(text)` into findings, so
a finding's text is exactly what the PDF shows.
"""

from __future__ import annotations

import re

ANNOTATION = re.compile(r"\[\[([DRA]):(.*?)\]\]", re.S)
KINDS = {"D": "decision", "R": "risk", "A": "action"}


def plain(text: str) -> str:
    """The text as printed: annotation markers removed, their content kept."""
    return ANNOTATION.sub(lambda m: m.group(2), text)


def annotations(text: str) -> list[tuple[str, str]]:
    """(kind, printed text) for every annotation in `text`, in reading order."""
    return [(KINDS[m.group(1)], m.group(2)) for m in ANNOTATION.finditer(text)]


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces (how labels appear in the contract)."""
    return " ".join(text.split())
