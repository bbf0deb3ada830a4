"""What the three random-layout renderers share: fonts, column widths, printed lines.

Widths are measured with the layout's own font (reportlab's metrics of the TrueType file
fontconfig picks), so a tab-stop table, which cannot wrap, never overlaps its columns.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from functools import cache

from reportlab.pdfbase import pdfmetrics

from .random_doc import PrintedRow, PrintedTable
from .random_layout import Layout

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points
MARGIN = 20 * 72 / 25.4  # 20 mm, as render_reportlab.MARGIN
TEXT_W = PAGE_W - 2 * MARGIN
PAD = 4.0  # points either side of a cell's text
SLACK = 7.0  # producers measure text a little wider than reportlab does
MIN_NUM_W = 36.0
MAX_LABEL_W = 200.0
MIN_SIZE = 6.5


@cache
def font_file(family: str, bold: bool = False) -> str:
    """The TrueType file fontconfig uses for `family` (what LibreOffice and Chromium get)."""
    exe = shutil.which("fc-match")
    pattern = f"{family}:{'bold' if bold else 'regular'}"
    if exe:
        res = subprocess.run([exe, "-f", "%{file}", pattern], capture_output=True, text=True)
        if res.returncode == 0 and res.stdout.strip().endswith((".ttf", ".otf")):
            return res.stdout.strip()
    return "/usr/share/fonts/truetype/dejavu/DejaVuSans" + ("-Bold" if bold else "") + ".ttf"


@cache
def rl_font(family: str, bold: bool = False) -> str:
    """Register `family` with reportlab (keeping no-break spaces) and return its name."""
    from .render_reportlab import NbspTTFont

    name = family.replace(" ", "") + ("-Bold" if bold else "")
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(NbspTTFont(name, font_file(family, bold)))
    return name


def text_width(
    text: str, layout: Layout, *, bold: bool = False, size: float | None = None
) -> float:
    return pdfmetrics.stringWidth(text, rl_font(layout.font, bold), size or layout.font_size)


def fit(pt: PrintedTable, layout: Layout) -> tuple[Layout, list[float]]:
    """The layout at the font size that lets the table fit the text width (as an author
    shrinks a wide table's font), and the column widths at that size."""
    size = layout.font_size
    while True:
        lay = replace(layout, font_size=size)
        widths = column_widths(pt, lay)
        fits = sum(widths) <= TEXT_W + 0.5 and widths[0] >= _label_need(pt, lay)
        if not fits and size <= MIN_SIZE and layout.rules == "tabs":
            # tab stops cannot wrap a label, but their header lines are wrapped here at
            # every space (header_lines): the value columns need only fit each word
            return lay, column_widths(pt, lay, words_only=True)
        if fits or size <= MIN_SIZE:
            return lay, widths
        size -= 0.5


def _label_need(pt: PrintedTable, layout: Layout) -> float:
    labels = [ln for r in pt.rows for ln in r.label.split("\n")]
    need = max([text_width(x, layout, bold=True) for x in labels] + [40.0]) + 2 * PAD + 8
    return min(need, MAX_LABEL_W)


def column_widths(pt: PrintedTable, layout: Layout, words_only: bool = False) -> list[float]:
    """Label column, then one width per value column, in points, fitting the text width;
    `words_only`: a header's words need to fit, not its lines up to a hyphened word."""
    size = layout.font_size
    labels = [ln for r in pt.rows for ln in r.label.split("\n")]
    label_w = max([text_width(x, layout, bold=True) for x in labels] + [40.0]) + 2 * PAD + 8
    if pt.title_in_header:
        label_w = max(label_w, text_width(pt.header[0], layout, bold=True) + 2 * PAD)
    label_w = min(label_w, MAX_LABEL_W)
    n = len(pt.header) - 1
    nums = []
    for i in range(n):
        values = [r.values[i] for r in pt.rows]
        w = max([text_width(v, layout, bold=True) for v in values] + [0.0])
        w = max(
            w,
            *(
                text_width(x, layout, bold=True, size=size)
                for x in (pt.header[i + 1].split() if words_only else unbroken(pt.header[i + 1]))
            ),
        )
        nums.append(max(MIN_NUM_W, w + 2 * PAD + SLACK))
    spare = TEXT_W - label_w - sum(nums)
    if spare > 0:  # widen the value columns a little, as a template would
        extra = min(spare / n, 22.0)
        nums = [w + extra for w in nums]
    elif spare < 0:
        label_w = max(label_w + spare, 60.0)
    return [label_w, *nums]


def unbroken(header: str) -> list[str]:
    """What a column must fit so a producer wraps `header` only at spaces: each word, and
    for a word with a hyphen or dash inside ("1-14", "jan–aug") its line up to that word,
    since LibreOffice and Chromium would rather break after the hyphen ("Dag 1-" / "14"),
    which no reader can tell from a printed "Dag 1- 14"."""
    out = []
    for line in header.split("\n"):
        words = line.split()
        for j, word in enumerate(words):
            inner = any(d in word[1:-1] for d in "-–")
            out.append(" ".join(words[: j + 1]) if inner else word)
    return out or [""]


def wrap_to(text: str, width: float, layout: Layout, bold: bool = True) -> list[str]:
    """`text`'s forced lines, each wrapped greedily at spaces to `width` points."""
    out: list[str] = []
    for part in text.split("\n"):
        line = ""
        for word in part.split():
            trial = f"{line} {word}".strip()
            if line and text_width(trial, layout, bold=bold) > width:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return out


def header_lines(pt: PrintedTable, widths: list[float], layout: Layout) -> list[list[str]]:
    """The header row as printed lines (tab-stop tables): cells bottom-aligned."""
    cells = [wrap_to(h, w - 2 * PAD, layout) for h, w in zip(pt.header, widths, strict=True)]
    if pt.title_in_header:
        cells[0] = [pt.header[0]]
    depth = max(len(c) for c in cells)
    cells = [[""] * (depth - len(c)) + c for c in cells]
    return [[c[i] for c in cells] for i in range(depth)]


def row_lines(row: PrintedRow, numbers_on: str) -> list[list[str]]:
    """A body row as printed lines: a wrapped label's numbers on its first or last line."""
    parts = row.label.split("\n")
    blank = [""] * len(row.values)
    at = 0 if numbers_on == "first" else len(parts) - 1
    return [[p, *(row.values if i == at else blank)] for i, p in enumerate(parts)]


def tab_stops(widths: list[float]) -> list[float]:
    """Right-aligned stops: each value column's right edge less the cell padding."""
    stops, x = [], widths[0]
    for w in widths[1:]:
        x += w
        stops.append(x - PAD)
    return stops


def tab_lines(
    pt: PrintedTable, rows: list[PrintedRow], widths: list[float], header: bool, lay: Layout
) -> list[tuple[list[str], bool, bool]]:
    """A tab-stop table's printed lines: (cells, bold, indented), header lines first."""
    lines = [(ln, True, False) for ln in header_lines(pt, widths, lay)] if header else []
    for r in rows:
        lines += [(ln, r.bold, r.indent) for ln in row_lines(r, pt.numbers_on)]
    return lines


def segments(pt: PrintedTable) -> list[tuple[str | None, bool, list[PrintedRow]]]:
    """(title, header printed?, rows) for each page the table is printed on."""
    if pt.split_at is None:
        return [(pt.title, True, pt.rows)]
    return [
        (pt.title, True, pt.rows[: pt.split_at]),
        (pt.split_title, pt.split_header, pt.rows[pt.split_at :]),
    ]
