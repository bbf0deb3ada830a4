"""Random-layout reports drawn with reportlab (platypus tables, or tab-stop lines).

Same printed texts as the other producers (random_print.py); `invariant=1` keeps the
PDF byte-stable. A tab-stop table is a flowable that draws each line's label at the left
and each value right-aligned at its stop: text only, no table and no rules.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from .model import Heading, Paragraph
from .random_doc import PrintedRow, PrintedTable, RandomDoc
from .random_layout import Layout
from .random_print import (
    MARGIN,
    PAD,
    PAGE_H,
    PAGE_W,
    fit,
    rl_font,
    segments,
    tab_lines,
    tab_stops,
)
from .render_reportlab import a4_template


class TabLines(Flowable):
    """Lines of text aligned by tab stops: (cells, bold, indented) per line."""

    def __init__(
        self, lines: list[tuple[list[str], bool, bool]], widths: list[float], lay: Layout
    ) -> None:
        super().__init__()
        self.lines, self.widths, self.lay = lines, widths, lay
        self.leading = lay.font_size * 1.3

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return sum(self.widths), self.leading * len(self.lines)

    def draw(self) -> None:
        lay = self.lay
        c = self.canv
        stops = tab_stops(self.widths)
        y = self.leading * len(self.lines) - lay.font_size
        for cells, bold, indent in self.lines:
            c.setFont(rl_font(lay.font, bold), lay.font_size)
            if cells[0]:
                c.drawString(12 if indent else 0, y, cells[0])
            for value, stop in zip(cells[1:], stops, strict=True):
                if value:
                    c.drawRightString(stop, y, value)
            y -= self.leading


def _styles(lay: Layout) -> dict[str, ParagraphStyle]:
    f, b = rl_font(lay.font), rl_font(lay.font, True)
    size = lay.font_size

    def st(name: str, font: str, sz: float, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=sz, leading=sz * 1.25, splitLongWords=0, **kw
        )

    return {
        "body": st("body", f, 10, spaceAfter=6),
        "h1": st("h1", b, 15, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "h2": st("h2", b, 12, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "title": st("title", b, 11, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        "note": st("note", f, 7.5, spaceBefore=2, spaceAfter=6),
        "cover0": st("cover0", b, 22, alignment=TA_CENTER, spaceAfter=14),
        "cover": st("cover", f, 14, alignment=TA_CENTER, spaceAfter=10),
        "cell": st("cell", f, size),
        "cell_b": st("cell_b", b, size),
        "head": st("head", b, size, alignment=TA_RIGHT),
        "head_l": st("head_l", b, size),
    }


def _p(text: str, style: ParagraphStyle) -> RLParagraph:
    return RLParagraph(escape(text).replace("\n", "<br/>"), style)


def _grid_table(
    pt: PrintedTable, rows: list[PrintedRow], header: bool, widths: list[float], lay: Layout
) -> RLTable:
    s = _styles(lay)
    data: list[list[object]] = []
    if header:
        data.append([_p(pt.header[0], s["head_l"])] + [_p(h, s["head"]) for h in pt.header[1:]])
    for r in rows:
        data.append([_p(r.label, s["cell_b" if r.bold else "cell"]), *r.values])
    cmds: list = [
        ("FONT", (0, 0), (-1, -1), rl_font(lay.font), lay.font_size),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP" if pt.numbers_on == "first" else "BOTTOM"),
    ]
    if header:
        cmds.append(("VALIGN", (0, 0), (-1, 0), "BOTTOM"))
    start = 1 if header else 0
    for i, r in enumerate(rows, start=start):
        if r.bold:
            cmds.append(("FONT", (1, i), (-1, i), rl_font(lay.font, True), lay.font_size))
        if r.indent:
            cmds.append(("LEFTPADDING", (0, i), (0, i), PAD + 10))
    if lay.rules == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif lay.rules == "horizontal":
        cmds.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black))
        cmds.append(("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black))
    table = RLTable(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(cmds))
    return table


def table_flowables(pt: PrintedTable, doc: RandomDoc, s: dict) -> list[Flowable]:
    lay, widths = fit(pt, doc.layout)
    out: list[Flowable] = []
    for n, (title, header, rows) in enumerate(segments(pt)):
        if n:
            out.append(PageBreak())
        if title:
            out.append(_p(title, s["title"]))
        if doc.layout.rules == "tabs":
            out.append(TabLines(tab_lines(pt, rows, widths, header, lay), widths, lay))
        else:
            out.append(_grid_table(pt, rows, header, widths, lay))
    out += [_p(f, s["note"]) for f in pt.footnotes]
    out.append(Spacer(1, 6))
    return out


def story(doc: RandomDoc) -> list[Flowable]:
    s = _styles(doc.layout)
    out: list[Flowable] = [Spacer(1, 200)]
    out += [_p(line, s["cover0" if i == 0 else "cover"]) for i, line in enumerate(doc.title_lines)]
    out.append(PageBreak())
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(_p(block.text, s[f"h{min(block.level, 2)}"]))
        elif isinstance(block, Paragraph):
            out.append(_p(block.text, s["body"]))
        else:
            out += table_flowables(block, doc, s)
    return out


def render(doc: RandomDoc, pdf: Path) -> None:
    lay = doc.layout

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(rl_font(lay.font), 8)
        canvas.drawString(MARGIN, PAGE_H - 12 * 2.835, doc.running_header)
        canvas.drawRightString(PAGE_W - MARGIN, 10 * 2.835, str(canvas.getPageNumber()))
        canvas.restoreState()

    template = a4_template(
        pdf, on_page, title=doc.title_lines[0], creator="kommunkoll random samples (reportlab)"
    )
    template.build(story(doc))


def render_many(jobs: list[tuple[RandomDoc, Path]]) -> None:
    for doc, pdf in jobs:
        render(doc, pdf)
