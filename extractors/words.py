"""Words into tokens: pdfplumber's words regrouped by the Swedish number grammar, in lines.

pdfplumber (like every extractor that splits on whitespace) cuts "-800 967" into "-800" and
"967", because the thousands separator is a (no-break, thin) space. A table cell must never
become two, so adjacent digit groups closer than a column gap are joined again here, before
anything decides where columns are. "Inget värde" becomes one token for the same reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .numbers import MINUS_SIGNS, NULL_TEXTS, parse_number

_HEAD = re.compile(rf"^[{MINUS_SIGNS}+]?\d{{1,3}}$")  # a number's first group: "-800", "1"
_GROUP = re.compile(r"^\d{3}(?:,\d+)?%?$")  # a following group: "967", "024,5"
_SIGN = re.compile(rf"^[{MINUS_SIGNS}]$")
# A space between digit groups is at most about half the font size; columns are further apart.
_JOIN_GAP = 0.45


@dataclass(frozen=True)
class Token:
    """One word or regrouped number with its box in PDF points (top-left origin)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str = ""

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def is_value(self) -> bool:
        """A number or a printed "no value" ("Inget värde"), as a table cell holds."""
        if self.text.casefold() in NULL_TEXTS:
            return bool(self.text)
        try:
            return parse_number(self.text) is not None
        except ValueError:
            return False


@dataclass(frozen=True)
class Line:
    tokens: tuple[Token, ...]

    @property
    def top(self) -> float:
        return min(t.top for t in self.tokens)

    @property
    def bottom(self) -> float:
        return max(t.bottom for t in self.tokens)

    @property
    def x0(self) -> float:
        return self.tokens[0].x0

    @property
    def x1(self) -> float:
        return self.tokens[-1].x1

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def size(self) -> float:
        return max(t.size for t in self.tokens)


def _merge(a: Token, b: Token, sep: str) -> Token:
    return Token(
        a.text + sep + b.text,
        a.x0,
        b.x1,
        min(a.top, b.top),
        max(a.bottom, b.bottom),
        max(a.size, b.size),
        a.fontname,
    )


def regroup(tokens: Sequence[Token]) -> list[Token]:
    """Join the pieces of one printed number (or "Inget värde") that a word splitter cut."""
    out: list[Token] = []
    for token in tokens:
        if out:
            prev = out[-1]
            close = token.x0 - prev.x1 <= _JOIN_GAP * max(prev.size, token.size)
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


def page_lines(page: object, y_tolerance: float = 1.5) -> list[Line]:
    """A page's text as lines of regrouped tokens, top to bottom, each left to right."""
    words = page.extract_words(  # type: ignore[attr-defined]
        x_tolerance=1.5, keep_blank_chars=False, extra_attrs=["size", "fontname"]
    )
    tokens = [
        Token(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"], w["fontname"])
        for w in words
    ]
    return group_lines(tokens, y_tolerance)


def group_lines(tokens: Iterable[Token], y_tolerance: float = 1.5) -> list[Line]:
    rows: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: (t.top, t.x0)):
        if rows and abs(token.top - rows[-1][0].top) <= y_tolerance:
            rows[-1].append(token)
        else:
            rows.append([token])
    return [Line(tuple(regroup(sorted(r, key=lambda t: t.x0)))) for r in rows]


def furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[tuple[int, int]]:
    """(page index, line index) of running heads and page numbers: the same text (digits aside)
    at the same distance from the top or the bottom edge on at least half the pages (landscape
    pages keep their footer's distance from the bottom), inside the page margins."""
    if len(pages) < 2:
        return set()

    def keys(line: Line, height: float) -> tuple[tuple[str, int, str], ...]:
        text = re.sub(r"\d+", "#", line.text)
        return (
            ("top", round(line.top / 4), text),
            ("end", round((height - line.bottom) / 4), text),
        )

    counts = Counter(
        k
        for lines, height in zip(pages, heights, strict=True)
        for k in {k for line in lines for k in keys(line, height)}
    )
    need = max(2, len(pages) // 2)
    return {
        (p, i)
        for p, (lines, height) in enumerate(zip(pages, heights, strict=True))
        for i, line in enumerate(lines)
        if _in_margin(line, height) and any(counts[k] >= need for k in keys(line, height))
    }


def _in_margin(line: Line, height: float) -> bool:
    """Heads and footers live in the page's top and bottom margins; a table header repeated
    at the same height on two pages (Drift, then Investeringar) is not furniture."""
    return line.bottom <= 0.08 * height or line.top >= 0.9 * height
