"""No silent gap: what a delårsbokslut evidently prints but no table read.

Three signs, each a `Gap` with its page and text (and a warning in the extraction):
- a heading that names a table every report has (Drift, Resultaträkning, Investeringar,
  Personalomsättning, Sjukfrånvaro) with no table of that kind read under it on its page or
  the next (a table read there as another kind, `ovrigt` say, is not what it names);
- a line a Drift table always prints (Årets resultat, Verksamhetens nettokostnader), with
  figures, that no table holds;
- any other line ending in two or more figures that belongs to no table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kommunkoll.vocabulary import (
    GAP_REASONS,
    GAP_WARNING,
    KNOWN_TABLE_HEADINGS,
    TABLE_KINDS,
    USUAL_TABLE_LINES,
)

from .contract import Gap, Table
from .layout import Line, Page, in_margin
from .tables import is_data_row, value_tail

_HEADING = re.compile(KNOWN_TABLE_HEADINGS, re.I)
_USUAL = re.compile(USUAL_TABLE_LINES, re.I)
_MAX_HEADING_WORDS = 6


def _captured(line: Line, page: int, tables: Sequence[Table]) -> bool:
    """The line lies inside a row some table read (a row's box spans its wrapped label), or
    holds a cell one read (a transposed table's row goes on at the next page's top)."""
    boxes = [
        box
        for table in tables
        for row in table.rows
        for box in [
            (row.page, row.bbox),
            *((c.page, c.bbox) for c in row.cells if c.value is not None),
        ]
    ]
    for box_page, bbox in boxes:
        if box_page != page or bbox is None:
            continue
        top, bottom = bbox[1], bbox[3]
        if line.top < bottom - 0.5 and line.bottom > top + 0.5:
            return True
    return False


def _is_heading(line: Line) -> bool:
    text = line.text.strip()
    words = text.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and bool(_HEADING.match(text))
        and not text.endswith((".", ",", ":"))
        and not any(w.is_value for w in line.tokens)
    )


def _kinds_named(heading: Line) -> set[str]:
    return {
        k.key for k in TABLE_KINDS.values() if k.title and re.search(k.title, heading.text, re.I)
    }


def _table_under(heading: Line, page: int, tables: Sequence[Table]) -> bool:
    """A row or a read cell of a table of the kind the heading names below it on its page,
    or on the next (a transposed table's rows stand on the page it starts on, its cells
    where they are printed)."""
    kinds = _kinds_named(heading)
    for table in tables:
        if kinds and table.kind not in kinds:
            continue
        for row in table.rows:
            for box_page, bbox in [(row.page, row.bbox), *((c.page, c.bbox) for c in row.cells)]:
                if bbox is None:
                    continue
                if (box_page == page and bbox[1] > heading.top) or box_page == page + 1:
                    return True
    return False


def _footer(line: Line, page: Page) -> bool:
    """A line in the page's margin standing apart from the body: a running footer or head
    printed on one page only, not the last row of a table that reaches the page's foot."""
    if not in_margin(line, page):
        return False
    others = [li for li in page.body if li is not line]
    return all(
        min(abs(li.top - line.bottom), abs(line.top - li.bottom)) > 2 * line.size for li in others
    )


def find_gaps(pages: Sequence[Page], tables: Sequence[Table]) -> list[Gap]:
    """Every sign of a table printed but not read, in page order."""
    gaps: list[Gap] = []
    for page in pages:
        for line in page.body:
            text = " ".join(line.text.split())
            if _is_heading(line) and not _captured(line, page.number, tables):
                if not _table_under(line, page.number, tables):
                    gaps.append(Gap(page=page.number, text=text, reason="heading_without_table"))
                continue
            _, values = value_tail(line)
            if not values or _footer(line, page) or _captured(line, page.number, tables):
                continue  # a footer on one page only ("... årsredovisning 2025   2") is no row
            if _USUAL.match(text):
                gaps.append(Gap(page=page.number, text=text, reason="usual_line_not_read"))
            elif len(values) >= 2 and is_data_row(line):
                gaps.append(Gap(page=page.number, text=text, reason="figures_not_read"))
    return gaps


def gap_warning(gap: Gap) -> str:
    return GAP_WARNING.format(page=gap.page, what=GAP_REASONS[gap.reason], text=gap.text)
