"""What a document is (kind, kommun, nämnd, year, period), read from its text alone.

File names lie and differ between kommuner; the printed title and headers do not. The first
page (the title block) is trusted most, the rest of the text breaks ties.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from kommunkoll.vocabulary import DOCUMENT_KINDS, ENKAT

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTH = "|".join(MONTHS)
_DASH = "[-–—]"

_YEAR = re.compile(r"(?<![\d§/-])(20\d\d)(?![\d/-])")
_NAMND = re.compile(
    r"(?<![\w-])("
    r"(?:[A-ZÅÄÖa-zåäö]+\s?-\s?(?:och|&)\s+)?"  # "Vård- och ", "Vård-och ", "Vård - och "
    r"(?:[A-ZÅÄÖa-zåäö]+a\s+)?"  # "Tekniska "
    r"[A-ZÅÄÖa-zåäö]*(?:nämnd|styrelse))(en|ens|n|ns)?(?!\w)"
)
_GENERIC_NAMND = {"nämnd", "styrelse", "nämndstyrelse"}


@dataclass(frozen=True)
class Identity:
    kind: str | None
    kommun: str | None
    namnd: str | None
    year: int | None
    period: str | None


def identify(pages: list[str], kind: str) -> Identity:
    """Who and when a document of `kind` (its reader recognised it) is about, from the text
    of its pages (first page = title)."""
    first = pages[0] if pages else ""
    text = "\n".join(pages)
    return Identity(
        kind=kind,
        kommun=kommun_of(first, text),
        namnd=namnd_of(first, text),
        year=year_of(first, text, kind),
        period=period_of("\n".join(pages[:2])) if DOCUMENT_KINDS[kind].period else None,
    )


@cache
def _kommun_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    canonical: dict[str, str] = {}
    alternatives: list[str] = []
    raw = files("kommunkoll.extractors").joinpath("data/kommuner.txt").read_text("utf-8")
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, special = line.partition("|")
        forms = [f"{name} kommun", f"{name}s kommun", f"{name} stad", f"{name}s stad"]
        if special:
            forms.append(special)
        for form in forms:
            canonical[form.casefold()] = name
            alternatives.append(re.escape(form).replace(r"\ ", r"\s+"))
    alternatives.sort(key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?:s)?(?!\w)", re.I)
    return pattern, canonical


def kommun_of(first: str, text: str) -> str | None:
    """The kommun named on the title page, else the one named most often."""
    pattern, canonical = _kommun_pattern()

    def names(s: str) -> list[str]:
        found = []
        for match in pattern.finditer(s):
            form = " ".join(match.group(0).split()).casefold()
            name = canonical.get(form) or canonical.get(form[:-1])  # "kommuns" genitive
            if name:
                found.append(name)
        return found

    on_title = names(first)
    if on_title:
        return on_title[0]
    counts = Counter(names(text))
    return counts.most_common(1)[0][0] if counts else None


def normalise_namnd(stem: str) -> str:
    """'Vård-och omsorgsnämnd' → 'Vård- och omsorgsnämnden' (canonical, definite form)."""
    stem = " ".join(stem.split())
    stem = re.sub(r"\s?-\s?(och|&)\s", r"- \1 ", stem)
    stem = stem[0].upper() + stem[1:]
    return stem + ("n" if stem.endswith("styrelse") else "en")


def namnd_of(first: str, text: str) -> str | None:
    """The nämnd (or styrelse) the title page names, else the most frequently named one."""

    def names(s: str) -> list[str]:
        found = []
        for match in _NAMND.finditer(s):
            stem = match.group(1)
            bare = stem.casefold().replace(" ", "")
            if bare in _GENERIC_NAMND or bare.endswith(("/nämnd", "/styrelse")):
                continue
            if match.end() < len(s) and s[match.end()] == "/":  # "nämnden/styrelsen"
                continue
            found.append(normalise_namnd(stem))
        return found

    on_title = Counter(names(first))
    if on_title:
        return on_title.most_common(1)[0][0]
    counts = Counter(names(text))
    return counts.most_common(1)[0][0] if counts else None


def year_of(first: str, text: str, kind: str | None) -> int | None:
    """The report year: beside the title word if printed so, else the title page's year."""
    title = DOCUMENT_KINDS.get(kind or ENKAT, DOCUMENT_KINDS[ENKAT]).title
    near = re.search(rf"(?:{title})[^\n\d]{{0,40}}?(20\d\d)(?!\d)", first, re.I)
    if near:
        return int(near.group(1))
    for source in (first, text):
        years = Counter(int(y) for y in _YEAR.findall(source))
        if years:
            best = max(years.values())
            return max(y for y, n in years.items() if n == best)
    return None


def period_of(text: str) -> str | None:
    """'januari-augusti' from 'Januari–augusti 2025', 'perioden 1 januari – 31 augusti', ..."""
    low = text.casefold()
    span = re.search(rf"(?:\d{{1,2}}\s+)?({_MONTH})\s*{_DASH}\s*(?:\d{{1,2}}\s+)?({_MONTH})", low)
    if span:
        return f"{span.group(1)}-{span.group(2)}"
    per = re.search(rf"(?:per|till och med|t\.o\.m\.?)\s+(?:den\s+)?\d{{1,2}}\s+({_MONTH})", low)
    if per:
        return f"januari-{per.group(1)}"
    tertial = re.search(r"tertial\s*([12])|\bt([12])\b", low)
    if tertial:
        return {"1": "januari-april", "2": "januari-augusti"}[tertial.group(1) or tertial.group(2)]
    return None
