"""Swedish numbers as printed in municipal reports.

"-1 189 024" (groups split by a space, no-break space, narrow no-break or thin space),
"8,3" (decimal comma), "9,1%", a Unicode minus or en dash as the sign, "Inget värde" for
no value. The grammar is strict on purpose: a digit group that is not three digits long
means two numbers, not one, and a table cell must never swallow its neighbour.
"""

from __future__ import annotations

import re

from kommunkoll.vocabulary import NULL_TEXTS

# Every character Word and friends print between digit groups.
GROUP_SEPARATORS = " \u00a0\u2009\u202f\u2007"
MINUS_SIGNS = "-\u2212\u2013"

_SEP = f"[{GROUP_SEPARATORS}]"
_SIGN = f"[{MINUS_SIGNS}+]"
NUMBER_PATTERN = (
    rf"(?P<sign>{_SIGN})?\s?"
    rf"(?P<int>\d{{1,3}}(?:{_SEP}\d{{3}})+|\d+)"
    rf"(?:,(?P<frac>\d+))?"
    rf"(?:\s?(?P<pct>%))?"
)
NUMBER_RE = re.compile(rf"^{NUMBER_PATTERN}$")

Number = int | float


def parse_number(text: str) -> Number | None:
    """Parse one printed number; None for an empty cell or "Inget värde".

    Raises ValueError for text that is not a number, so that callers notice a wrong cell
    instead of storing a guess.
    """
    cleaned = text.strip(GROUP_SEPARATORS + "\t\n\r")
    if cleaned.casefold() in NULL_TEXTS:
        return None
    match = NUMBER_RE.match(cleaned)
    if match is None:
        raise ValueError(f"not a Swedish number: {text!r}")
    digits = re.sub(_SEP, "", match["int"])
    negative = match["sign"] is not None and match["sign"] != "+"
    value: Number = float(f"{digits}.{match['frac']}") if match["frac"] else int(digits)
    if negative:
        value = -value
    if value == 0:
        value = type(value)(0)  # no "-0" in the output
    return value


def is_number(text: str) -> bool:
    """True for text `parse_number` reads as a number (not for null texts)."""
    try:
        return parse_number(text) is not None
    except ValueError:
        return False
