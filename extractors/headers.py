"""Column headers to (measure, year), by what they say rather than where they stand.

"Avv. / prognos/ / budget 2025" (wrapped over three lines) is avvikelse/2025; "Delårs- /
bokslut / 2024" is utfall/2024; a bare "2025" is utfall/2025; "Differens" without a year is
differens/<report year>. A column order other than the seed's maps the same way.
"""

from __future__ import annotations

import re

from kommunkoll.vocabulary import MEASURE_HEADER_ORDER, MEASURES

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_FOOTNOTE = re.compile(r"[*¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+")  # a footnote marker on a header: "2024¹", "Budget*"


def normalise_header(text: str) -> str:
    """Collapse whitespace and undo hyphenation at a wrap: "Delårs- bokslut" → "delårsbokslut"."""
    text = " ".join(_FOOTNOTE.sub(" ", text).split()).casefold()
    return re.sub(r"(\w)- (?!och\b|eller\b)(\w)", r"\1\2", text)


def year_of(text: str) -> int | None:
    """The year a header prints (the last one: "Förändring 2023–2024" is 2024), else None."""
    years = _YEAR.findall(normalise_header(text))
    return int(years[-1]) if years else None


def measure_of(text: str, report_year: int) -> tuple[str, int] | None:
    """(measure, year) for one column header, None for a header that is not a measure."""
    t = normalise_header(text)
    years = [int(y) for y in _YEAR.findall(t)]
    year = years[-1] if years else report_year
    for key in MEASURE_HEADER_ORDER:
        if re.search(MEASURES[key].header, t):
            return (key, year)
    return None


HEADER_WORD = re.compile(
    r"^(?:(?:19|20)\d\d(?:/(?:19|20)\d\d)?|avv\.?|avvikelse|diff\.?|differens|budget|prognos/?|"
    r"helår|delårs-?|bokslut|delårsbokslut|utfall|mål|preliminärt|belopp|tkr|mnkr)$",
    re.I,
)


def is_header_word(text: str) -> bool:
    """A word a column header prints: a year, a unit, or a word naming a measure."""
    word = text.strip(" ,:()*¹²")
    if HEADER_WORD.match(word):
        return True
    folded = normalise_header(word)
    return len(folded) > 3 and any(re.search(MEASURES[k].header, folded) for k in MEASURES)
