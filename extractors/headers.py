"""Column headers to (measure, year), by what they say rather than where they stand.

"Avv. / prognos/ / budget 2025" (wrapped over three lines) is avvikelse/2025; "Delårs- /
bokslut / 2024" is utfall/2024; a bare "2025" is utfall/2025; "Differens" without a year is
differens/<report year>. A column order other than the seed's maps the same way.
"""

from __future__ import annotations

import re
import unicodedata

from kommunkoll.vocabulary import MEASURE_HEADER_ORDER, MEASURES

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A footnote marker on a header ("2024¹", "Budget*"), or the quote OCR reads one as ("2023'").
_FOOTNOTE = re.compile(r"[*¹²³⁴⁵⁶⁷⁸⁹⁰†‡'\"’”`]+")
# Glyphs OCR reads for others, each undone in turn: "vv" as "w", "wv", "vwvv" ("Aw.",
# "Awvikelse", "Avwvv.": Swedish headers print no "w", and no measure's name one "v"); "m"
# as "rn".
_OCR_GLYPHS = ((re.compile("[vw]+"), "vv"), (re.compile("rn"), "m"))


def _plain_letters(text: str) -> str:
    """Without diacritics ("förändring" → "forandring"): OCR drops and adds them."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _misreadings(header: str) -> list[str]:
    """What a scanned header may have printed: without diacritics, each glyph undone."""
    plain = _plain_letters(header)
    return [plain, *(glyph.sub(meant, plain) for glyph, meant in _OCR_GLYPHS)]


# Each measure's header pattern, and the same over letters without diacritics.
_PATTERNS = [(key, re.compile(MEASURES[key].header)) for key in MEASURE_HEADER_ORDER]
_PLAIN_PATTERNS = [(key, re.compile(_plain_letters(MEASURES[key].header))) for key, _ in _PATTERNS]


def normalise_header(text: str) -> str:
    """Collapse whitespace and undo hyphenation at a wrap: "Delårs- bokslut" → "delårsbokslut"."""
    text = " ".join(_FOOTNOTE.sub(" ", text).split()).casefold()
    return re.sub(r"(\w)- (?!och\b|eller\b)(\w)", r"\1\2", text)


_LEADING_JUNK = re.compile(r"^[-−–—_|¦~=.,:;«»]+\s*")
_YEAR_PERCENT = re.compile(r"(?<!\d)((?:19|20)\d\d)%")


def year_of(text: str) -> int | None:
    """The year a header prints (the last one: "Förändring 2023–2024" is 2024), else None."""
    years = _YEAR.findall(normalise_header(text))
    return int(years[-1]) if years else None


def measure_of(text: str, report_year: int, ocr: bool = False) -> tuple[str, int] | None:
    """(measure, year) for one column header, None for a header that is not a measure;
    `ocr`: the header was read from a scan, and may name it misread."""
    t = normalise_header(text)
    if ocr:  # "— Jan-aug 2025": a rule or speck OCR read before the header's first word;
        # "2023%": a footnote mark after a year OCR read as a "%" (a year is no percentage)
        t = _YEAR_PERCENT.sub(r"\1", _LEADING_JUNK.sub("", t))
    years = [int(y) for y in _YEAR.findall(t)]
    year = years[-1] if years else report_year
    key = _measure_named(t, ocr)
    return None if key is None else (key, year)


def _measure_named(header: str, ocr: bool) -> str | None:
    """The measure a normalised header names, the most specific first; read from a scan, as
    printed or as OCR misreads it (a glyph for another, diacritics lost or added)."""
    readings = _misreadings(header) if ocr else []
    for (key, pattern), (_, misread) in zip(_PATTERNS, _PLAIN_PATTERNS, strict=True):
        if pattern.search(header) or any(misread.search(r) for r in readings):
            return key
    return None


HEADER_WORD = re.compile(
    r"^(?:(?:19|20)\d\d(?:/(?:19|20)\d\d)?|avv\.?|avvikelse|diff\.?|differens|budget|prognos/?|"
    r"helår|delårs-?|bokslut|delårsbokslut|utfall|mål|preliminärt|belopp|tkr|mnkr)$",
    re.I,
)


def is_header_word(text: str, ocr: bool = False) -> bool:
    """A word a column header prints: a year, a unit, or a word naming a measure (`ocr`:
    read from a scan, perhaps misread)."""
    word = text.strip(" ,:()*¹²")
    if HEADER_WORD.match(word):
        return True
    folded = normalise_header(word)
    return len(folded) > 3 and _measure_named(folded, ocr) is not None
