"""Render a sample document to PDF with reportlab platypus.

Embeds DejaVu Sans so åäö, ☐☒✓, U+2212 and no-break/thin spaces have real glyphs, and
draws exactly the strings the ground truth is computed from (numbers via numbers.py, text
via inline.plain). `invariant=1` keeps the PDFs byte-stable between runs.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from .inline import plain
from .model import (
    BulletList,
    Delarsbokslut,
    Enkat,
    Heading,
    InternalControlTable,
    Layout,
    Paragraph,
    Question,
    Section,
    Table,
)
from .render_common import (
    DESCRIPTION_PREFIX,
    LIST_MARKER,
    RISK_PREFIX,
    answer_key,
    mark_text,
    table_cells,
)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
TFONT, TFONT_BOLD = "DejaVuSansCondensed", "DejaVuSansCondensed-Bold"  # numeric tables
PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
TEXT_W = PAGE_W - 2 * MARGIN


NBSP_STANDIN = 0xE0A0  # private-use code point that carries U+00A0 through reportlab


class NbspTTFont(TTFont):
    """A TTFont that keeps U+00A0 as U+00A0 in the PDF's text layer.

    reportlab maps a no-break space to a plain space when it subsets a font, so an
    extractor would never meet one. Here the no-break space travels under a stand-in
    code point and is put back into the subset's character list (which becomes the
    ToUnicode map); its glyph is the space glyph, as in the font itself.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.face.charToGlyph[NBSP_STANDIN] = self.face.charToGlyph[0x20]
        self.face.charWidths[NBSP_STANDIN] = self.face.charWidths[0x20]

    def splitString(self, text, doc, encoding="utf-8"):
        if isinstance(text, bytes):
            text = text.decode(encoding)
        results = super().splitString(text.replace("\u00a0", chr(NBSP_STANDIN)), doc, encoding)
        for subset in self.state[doc].subsets:
            for i, code in enumerate(subset):
                if code == NBSP_STANDIN:
                    subset[i] = 0xA0
        return results


def _register_fonts() -> None:
    """Register DejaVu once; reportlab subsets it into each PDF (small files)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(NbspTTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(NbspTTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    for name in (TFONT, TFONT_BOLD):
        pdfmetrics.registerFont(NbspTTFont(name, str(FONT_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def _style(name: str, size: float, *, bold: bool = False, **kw: object) -> ParagraphStyle:
    font = kw.pop("fontName", FONT_BOLD if bold else FONT)
    return ParagraphStyle(
        name,
        splitLongWords=0,  # never break a word mid-way: extractors would see two words
        fontName=font,
        fontSize=size,
        leading=kw.pop("leading", size * 1.3),
        **kw,
    )


STYLES = {
    "body": _style("body", 9.5, spaceAfter=6),
    "item": _style("item", 9.5, spaceAfter=3, leftIndent=14, firstLineIndent=-14),
    "h1": _style("h1", 14, bold=True, spaceBefore=10, spaceAfter=6, keepWithNext=1),
    "h2": _style("h2", 11.5, bold=True, spaceBefore=8, spaceAfter=4, keepWithNext=1),
    "h3": _style("h3", 10, bold=True, spaceBefore=6, spaceAfter=3, keepWithNext=1),
    "lead": _style("lead", 9.5, bold=True, spaceAfter=2, keepWithNext=1),
    "cell": _style("cell", 8.5),
    "cell_item": _style("cell_item", 8.5, leftIndent=12, firstLineIndent=-12),
    "cell_bold": _style("cell_bold", 8.5, bold=True),
    "small": _style("small", 7.5, spaceAfter=3),
    "cover1": _style("cover1", 22, bold=True, alignment=TA_CENTER, spaceAfter=14),
    "cover2": _style("cover2", 14, alignment=TA_CENTER, spaceAfter=10),
    "title1": _style("title1", 16, bold=True, spaceAfter=4),
    "title2": _style("title2", 11, spaceAfter=2),
}


def para(text: str, style: str = "body") -> RLParagraph:
    """A paragraph of model text: annotations stripped, markup-escaped."""
    text = plain(text)
    if style in ("body", "cell") and LIST_MARKER.match(text):
        style = "item" if style == "body" else "cell_item"
    return RLParagraph(escape(text), STYLES[style])


class PushDown(Flowable):
    """Blank space that leaves only `keep` points on the page, so the next table splits."""

    def __init__(self, keep: float) -> None:
        super().__init__()
        self.keep = keep

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.height = aH - self.keep if aH > self.keep else aH + 1
        return aW, self.height

    def draw(self) -> None:  # nothing to draw: the point is the space
        pass


class DrawnBox(Flowable):
    """An answer box drawn with lines; the mark is a drawn cross, never text."""

    def __init__(self, marked: bool, size: float = 9) -> None:
        super().__init__()
        self.marked, self.size = marked, size

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.setLineWidth(0.7)
        c.rect(0, 0, s, s)
        if self.marked:
            c.line(1.5, 1.5, s - 1.5, s - 1.5)
            c.line(1.5, s - 1.5, s - 1.5, 1.5)


class FormBox(Flowable):
    """A real AcroForm checkbox: the answer lives in the field value, not in page text."""

    def __init__(self, name: str, checked: bool, size: float = 10) -> None:
        super().__init__()
        self.name, self.checked, self.size = name, checked, size

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.acroForm.checkbox(
            name=self.name,
            checked=self.checked,
            buttonStyle="cross",
            x=0,
            y=0,
            size=self.size,
            borderWidth=0.8,
            borderColor=colors.black,
            fillColor=colors.white,
            textColor=colors.black,
            forceBorder=True,
            relative=True,
        )


def grid(layout: Layout, extra: list | None = None) -> list:
    """Table lines for the layout: a full grid when ruled, none when whitespace-only."""
    cmds: list = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if layout.table_style == "ruled":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    return cmds + (extra or [])


# --- numeric tables -------------------------------------------------------------------


def table_flowables(t: Table, layout: Layout) -> list[Flowable]:
    """Title/lead lines and the table; split over a page break when the layout asks."""
    has_label, header, body = table_cells(t, layout)
    data: list[list[object]] = [header, *body]

    ncol = len(t.columns)
    if not has_label:
        widths = [42 * mm] * ncol
    elif ncol >= 5:
        label_w = 44 * mm
        widths = [label_w] + [(TEXT_W - label_w) / ncol] * ncol
    else:
        widths = [72 * mm] + [24 * mm] * ncol

    first_num = 1 if has_label else 0
    cmds = [
        ("FONT", (0, 0), (-1, -1), TFONT, 8.5),
        ("FONT", (0, 0), (-1, 0), TFONT_BOLD, 7.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LEADING", (0, 0), (-1, 0), 9.5),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (first_num, 0), (-1, -1), "RIGHT"),
    ]
    if layout.table_style == "ruled":
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
    for i, row in enumerate(t.rows, start=1):
        if row.parent:  # Investeringar: lines under their parent are indented
            cmds.append(("LEFTPADDING", (0, i), (0, i), 12))
        if row.bold:
            cmds.append(("FONT", (0, i), (-1, i), TFONT_BOLD, 8.5))
    table = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(grid(layout, cmds)))

    out: list[Flowable] = []
    if t.title:
        out.append(para(t.title, "lead" if t.kind == "arbetsmiljomal" else "h2"))
    out.extend(para(line, "lead" if not out else "body") for line in t.lead)
    for f in out:
        f.keepWithNext = 1
    out.append(table)
    out.append(Spacer(1, 6))
    return out


def push_down_before(story: list[Flowable], start: int) -> None:
    """Insert blank space before story[start:] (headings, title, table) so that only the
    headings, the title, the header row and three data rows fit: the table must split."""
    keep = 2.0
    for f in story[start:]:
        f.keepWithNext = 0  # a kept-together group would move whole instead of splitting
        if isinstance(f, RLTable):
            f.wrap(TEXT_W, PAGE_H)
            keep += sum(f._rowHeights[:4])
            break
        _, h = f.wrap(TEXT_W, PAGE_H)
        keep += h + f.getSpaceBefore() + f.getSpaceAfter()
    story.insert(start, PushDown(keep))


# --- internkontroll -------------------------------------------------------------------


def internal_control_flowables(ic: InternalControlTable, layout: Layout) -> list[Flowable]:
    """One row per control; the risk cells are printed once per risk, not repeated."""
    widths = [x * mm for x in (36, 14, 30, 44, 18, 28)]
    small = _style("ic", 7.5, fontName=TFONT)
    gap = _style("ic_gap", 7.5, fontName=TFONT, spaceBefore=4)
    bold = _style("ic_b", 7.5, fontName=TFONT_BOLD)

    def cell(text: str | None, prefix: str = "", first: ParagraphStyle = small) -> list[Flowable]:
        """Cell text; "\n" separates printed paragraphs."""
        if not text:
            return []
        parts = plain(text).split("\n")
        head = RLParagraph(escape(prefix + parts[0]), first)
        return [head] + [RLParagraph(escape(p), gap) for p in parts[1:]]

    headers = [RLParagraph(escape(h).replace("\n", "<br/>"), bold) for h in ic.headers]
    data: list[list[object]] = [headers]
    cmds: list = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 1), (1, -1), "CENTER"),
        ("FONT", (1, 1), (1, -1), TFONT, 8.5),
    ]
    ruled = layout.table_style == "ruled"
    line = (0.5, colors.black)
    if ruled:
        cmds += [
            ("BOX", (0, 0), (-1, -1), *line),
            ("LINEBELOW", (0, 0), (-1, 0), *line),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ]
        cmds += [("LINEAFTER", (c, 0), (c, -1), *line) for c in range(5)]
    for item in ic.items:
        risk = cell(item.risk, RISK_PREFIX)
        risk += cell(item.riskbeskrivning, DESCRIPTION_PREFIX, gap)
        for i, ctl in enumerate(item.controls):
            data.append(
                [
                    risk if i == 0 else "",
                    str(item.riskvarde) if i == 0 else "",
                    cell(ctl.kontroll),
                    cell(ctl.resultat),
                    cell(ctl.bedomning),
                    cell(ctl.atgard),
                ]
            )
            r = len(data) - 1
            if ruled:  # a new risk rules across; a further control only under its own cells
                cmds.append(("LINEABOVE", (0 if i == 0 else 2, r), (-1, r), *line))
    table = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    cmds += [("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    table.setStyle(TableStyle(grid(Layout(table_style="whitespace"), cmds)))
    return [para(ic.title, "h1"), table]


# --- documents ------------------------------------------------------------------------


def block_flowables(block: object, layout: Layout) -> list[Flowable]:
    if isinstance(block, Heading):
        return [para(block.text, f"h{min(block.level, 3)}")]
    if isinstance(block, Paragraph):
        return [para(block.text)]
    if isinstance(block, BulletList):
        marks = [f"{i}." if block.numbered else "•" for i in range(1, len(block.items) + 1)]
        return [para(f"{m} {item}", "item") for m, item in zip(marks, block.items, strict=True)]
    if isinstance(block, Table):
        return table_flowables(block, layout)
    if isinstance(block, InternalControlTable):
        return internal_control_flowables(block, layout)
    raise TypeError(f"unknown block {type(block).__name__}")


def delarsbokslut_story(doc: Delarsbokslut) -> list[Flowable]:
    """Cover page with the title block, then the report's blocks in order."""
    story: list[Flowable] = [Spacer(1, 70 * mm)]
    story.append(para(doc.title_lines[0], "cover1"))
    story.extend(para(line, "cover2") for line in doc.title_lines[1:])
    story.append(PageBreak())
    for block in doc.blocks:
        flowables = block_flowables(block, doc.layout)
        if isinstance(block, Table) and block.kind == doc.layout.split_table:
            start = len(story)
            while start > 0 and story[start - 1].getKeepWithNext():
                start -= 1  # headings kept with the table move down with it
            story.extend(flowables)
            push_down_before(story, start)
        else:
            story.extend(flowables)
    return story


def mark_cell(doc: Enkat, q: Question, column: str) -> object:
    """What one answer column shows for a boxed question, by the layout's mark style."""
    key = answer_key(column)
    marked = q.answer == key
    style = doc.layout.mark_style
    if style == "drawn":
        return DrawnBox(marked)
    if style == "form":
        return FormBox("q" + q.number.rstrip(".").replace(".", "_") + "_" + key, marked)
    return mark_text(doc.layout, marked)


def section_table(doc: Enkat, section: Section) -> RLTable:
    """[question | answer columns]; each comment paragraph is its own full-width row."""
    ncol = 1 + len(doc.columns) if section.has_boxes else 1
    box_w = 14 * mm
    widths = [TEXT_W - box_w * (ncol - 1)] + [box_w] * (ncol - 1)
    head = RLParagraph(escape(f"{section.number} {section.title}"), STYLES["cell_bold"])
    data: list[list[object]] = [[head] + (list(doc.columns) if ncol > 1 else [])]
    cmds: list = [
        ("FONT", (1, 0), (-1, 0), FONT_BOLD, 8.5),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
    ]
    if doc.layout.table_style == "ruled":
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
    if doc.layout.mark_style in ("glyph", "check"):
        cmds.append(("FONT", (1, 1), (-1, -1), FONT, 11))
    elif doc.layout.mark_style == "x":
        cmds.append(("FONT", (1, 1), (-1, -1), FONT, 10))
    for q in section.questions:
        r = len(data)
        qtext = RLParagraph(escape(f"{q.number} {plain(q.text)}"), STYLES["cell_bold"])
        if q.has_boxes and ncol > 1:
            data.append([qtext] + [mark_cell(doc, q, c) for c in doc.columns])
        else:
            data.append([qtext] + [""] * (ncol - 1))
            cmds.append(("SPAN", (0, r), (-1, r)))
        for text in q.comment:
            data.append([para(text, "cell")] + [""] * (ncol - 1))
            cmds.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        if not q.comment:  # an unanswered open question still gets its (empty) answer row
            data.append([""] * ncol)
            cmds.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        if doc.layout.table_style == "whitespace":
            cmds.append(("TOPPADDING", (0, r), (-1, r), 9))
    table = RLTable(data, colWidths=widths, hAlign="LEFT")
    if doc.layout.table_style == "ruled":  # comment rows belong to their question: no inner rule
        cmds += [
            ("GRID", (0, 0), (-1, 0), 0.5, colors.black),
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
        ]
        row = 1
        for q in section.questions:
            cmds.append(("LINEABOVE", (0, row), (-1, row), 0.5, colors.black))
            if q.has_boxes and ncol > 1:
                cmds += [
                    ("LINEBEFORE", (c, row), (c, row), 0.5, colors.black) for c in range(1, ncol)
                ]
            row += 1 + max(len(q.comment), 1)
        table.setStyle(TableStyle(grid(Layout(table_style="whitespace"), cmds)))
    else:
        table.setStyle(TableStyle(grid(doc.layout, cmds)))
    return table


def enkat_story(doc: Enkat) -> list[Flowable]:
    """Title block, then one table per section."""
    story: list[Flowable] = [para(doc.title_lines[0], "title1")]
    story.extend(para(line, "title2") for line in doc.title_lines[1:])
    story.append(Spacer(1, 8 * mm))
    for section in doc.sections:
        story.append(section_table(doc, section))
        story.append(Spacer(1, 6 * mm))
    return story


def _header_text(doc: Enkat | Delarsbokslut) -> str:
    if isinstance(doc, Delarsbokslut):
        return doc.running_header
    return f"{doc.kommun_official} – Grundläggande granskning {doc.year}"


def render(doc: Enkat | Delarsbokslut, out: Path) -> None:
    """Write `doc` to `out` as a PDF (A4, DejaVu Sans, running header and page numbers)."""
    _register_fonts()
    header = _header_text(doc)
    skip_first = isinstance(doc, Delarsbokslut)
    ruled = doc.layout.table_style == "ruled"

    def on_page(canvas, _doc) -> None:
        n = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont(FONT, 8.5)
        y = PAGE_H - 12 * mm
        if not (skip_first and n == 1):
            canvas.drawString(MARGIN, y, header)
            if ruled:
                canvas.setLineWidth(0.4)
                canvas.line(MARGIN, y - 2.5 * mm, PAGE_W - MARGIN, y - 2.5 * mm)
        canvas.drawRightString(PAGE_W - MARGIN, y, str(n))
        canvas.restoreState()

    template = a4_template(
        out,
        on_page,
        title=doc.title_lines[0]
        if isinstance(doc, Delarsbokslut)
        else " ".join(doc.title_lines[2:]),
        author=doc.kommun_official,
        creator="kommunkoll samples (reportlab)",
    )
    story = delarsbokslut_story(doc) if isinstance(doc, Delarsbokslut) else enkat_story(doc)
    template.build(story)


def a4_template(out: Path, on_page: object, **meta: str) -> BaseDocTemplate:
    """An A4 page with 20 mm margins, one frame, `on_page` drawing headers and page numbers;
    byte-stable (invariant=1)."""
    template = BaseDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=1,
        **meta,
    )
    frame = Frame(MARGIN, MARGIN, TEXT_W, PAGE_H - 2 * MARGIN, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    return template
