"""Swedish number formatting for printed tables and prose.

Kommuner differ in the thousands separator (space, no-break space, thin space) and the
minus sign (hyphen, U+2212, en dash); the samples vary both so extractors meet them all.
"""

from __future__ import annotations

from .model import Column, Layout, Row


def format_number(
    value: float | int | None,
    *,
    decimals: int = 0,
    percent: bool = False,
    thousands_sep: str = " ",
    minus: str = "-",
    null_text: str = "",
) -> str:
    """'-1 189 024', '8,3', '9,1%'; None prints as `null_text`."""
    if value is None:
        return null_text
    rounded = round(float(value), decimals)
    negative = rounded < 0
    whole, _, frac = f"{abs(rounded):.{decimals}f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = thousands_sep.join(groups)
    if decimals:
        text += "," + frac
    if negative:
        text = minus + text
    return text + ("%" if percent else "")


def format_cell(value: float | int | None, column: Column, row: Row, layout: Layout) -> str:
    """One table cell as the sample's layout prints it."""
    return format_number(
        value,
        decimals=column.decimals,
        percent=column.percent,
        thousands_sep=layout.thousands_sep,
        minus=layout.minus,
        null_text=row.null_text,
    )


def mkr(tkr: float) -> int:
    """Whole miljoner kronor, as the prose rounds tkr amounts."""
    return round(abs(tkr) / 1000)
