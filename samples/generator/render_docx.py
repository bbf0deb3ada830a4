"""Render a sample document the way a kommun makes it: a Word file exported to PDF.

The reportlab renderer draws pages directly; this one builds a .docx with python-docx and
lets LibreOffice export it, so the samples also carry what a real Word-to-PDF export does
to text: font substitution, repeated table header rows, how special spaces and symbol
glyphs end up in the PDF. Everything printed comes from the model objects, so the PDF and
its ground truth cannot disagree about content; only the page layout is LibreOffice's.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from .inline import plain
from .model import (
    BulletList,
    Delarsbokslut,
    Enkat,
    Heading,
    InternalControl,
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

SOFFICE_TIMEOUT_S = 180  # a conversion takes 1-3 s; only a hung soffice gets near this
BODY_PT = 11.0
TABLE_PT = 10.0
MIN_TABLE_PT = 8.0
HEADER_FOOTER_PT = 9.0
HEADING_PT = {1: 16.0, 2: 13.0, 3: 11.5}
SYMBOL_FONT = "DejaVu Sans"  # Liberation has no ✓ ☐ ☒; DejaVu Sans does
INTERNAL_CONTROL_KIND = "internkontroll"  # Layout.split_table value for that table
PAGE_W_CM, PAGE_H_CM = 21.0, 29.7  # A4, as Swedish kommuner print
MARGIN_CM = 2.5
CELL_PAD_TW = 108  # Word's default left/right cell margin, in twips
PT_PER_CM = 72 / 2.54
PORTRAIT_BODY_W = (PAGE_W_CM - 2 * MARGIN_CM) * PT_PER_CM
PORTRAIT_BODY_H = (PAGE_H_CM - 2 * MARGIN_CM) * PT_PER_CM
CHILD_INDENT_PT = 0.4 * PT_PER_CM  # Investeringar: lines under their parent are indented
BULLET_INDENT_CM = 0.63
TITLE_BEFORE_PT, TITLE_AFTER_PT = 6.0, 3.0
BODY_AFTER_PT = 6.0

_CONVERT_LOCK = threading.Lock()  # one soffice per profile at a time


def render(doc: Enkat | Delarsbokslut, out: Path) -> None:
    """Write `doc` as a PDF at `out` via a .docx exported by LibreOffice."""
    out = Path(out)
    if isinstance(doc, Enkat):
        docx_doc = _render_enkat(doc)
    elif isinstance(doc, Delarsbokslut):
        docx_doc = _render_delarsbokslut(doc)
    else:
        raise TypeError(f"render_docx cannot render {type(doc).__name__}")
    with tempfile.TemporaryDirectory(prefix="kommunkoll-docx-") as tmp:
        tmpdir = Path(tmp)
        docx_path = tmpdir / f"{out.stem or 'sample'}.docx"
        docx_doc.save(str(docx_path))
        pdf = _convert_to_pdf(docx_path, tmpdir)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(pdf), str(out))


# ------------------------------------------------------------------ measuring text


@cache
def _font_path(family: str, bold: bool) -> str | None:
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    pattern = f"{family}:bold" if bold else f"{family}:regular"
    try:
        res = subprocess.run(
            [exe, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return res.stdout.strip() or None


@cache
def _pil_font(family: str, bold: bool) -> Any:
    try:
        from PIL import ImageFont
    except ImportError:
        return None
    path = _font_path(family, bold)
    if path is None:
        return None
    try:
        return ImageFont.truetype(path, 1000)
    except OSError:
        return None


def _text_width(text: str, family: str, size: float, bold: bool = False) -> float:
    """Width in points, so columns can be made wide enough that only '\\n' wraps."""
    font = _pil_font(family, bold)
    if font is None:
        return len(text) * size * (0.6 if bold else 0.56)
    return float(font.getlength(text)) * size / 1000


def _line_height(family: str, size: float) -> float:
    """Single line spacing in points (LibreOffice uses ascent + descent + line gap)."""
    font = _pil_font(family, False)
    if font is None:
        return size * 1.15
    return float(font.font.height) / 1000 * size  # FreeType's height includes the line gap


# ----------------------------------------------------------------- docx plumbing


def _set_rfonts(rpr: Any, family: str) -> None:
    """Name the font for every script and drop theme fonts, which would win otherwise."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), family)


def _set_lang(rpr: Any, lang: str) -> None:
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    for attr in ("val", "eastAsia", "bidi"):
        el.set(qn(f"w:{attr}"), lang)


def _new_document(layout: Layout, title: str, author: str, year: int) -> DocxDocument:
    """An A4 Swedish document whose styles all use the layout's font."""
    doc = Document()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(rpr_default, layout.font)
    _set_lang(rpr_default, "sv-SE")
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr_default.find(qn("w:spacing"))
    spacing.set(qn("w:after"), str(round(BODY_AFTER_PT * 20)))
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")

    normal = doc.styles["Normal"]
    normal.font.name = layout.font
    _set_rfonts(normal.element.get_or_add_rPr(), layout.font)
    normal.font.size = Pt(BODY_PT)
    for level in range(1, 10):
        style = doc.styles[f"Heading {level}"]
        _set_rfonts(style.element.get_or_add_rPr(), layout.font)
        style.font.size = Pt(HEADING_PT.get(level, BODY_PT))
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(_heading_before(level))
        style.paragraph_format.space_after = Pt(6)
    for name in ("Header", "Footer"):
        doc.styles[name].font.size = Pt(HEADER_FOOTER_PT)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE_W_CM), Cm(PAGE_H_CM)
    section.orientation = WD_ORIENT.PORTRAIT
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.header_distance = section.footer_distance = Cm(1.25)

    props = doc.core_properties  # fixed, so the same data gives the same file
    props.title = title
    props.author = props.last_modified_by = author
    props.created = props.modified = datetime(year, 9, 15, 8, 0, 0)
    props.revision = 1
    props.language = "sv-SE"
    return doc


def _body_width_pt(doc: DocxDocument) -> float:
    sec = doc.sections[-1]
    return (sec.page_width - sec.left_margin - sec.right_margin) / 12700


def _body_height_pt(doc: DocxDocument) -> float:
    sec = doc.sections[-1]
    return (sec.page_height - sec.top_margin - sec.bottom_margin) / 12700


def _format_run(
    run: Run, *, font: str | None = None, size: float | None = None, bold: bool = False
) -> Run:
    if font is not None:
        run.font.name = font
        _set_rfonts(run._r.get_or_add_rPr(), font)
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    return run


def _mark_size(par: DocxParagraph, size: float) -> None:
    """Size the paragraph mark too: an empty cell is otherwise a Normal-size line high."""
    ppr = par._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), str(round(size * 2)))


def _add_lines(par: DocxParagraph, text: str, **fmt: Any) -> Run:
    """One run whose '\\n' become real line breaks, as a wrapped header typed with Shift+Enter."""
    if fmt.get("size") is not None:
        _mark_size(par, fmt["size"])
    run = _format_run(par.add_run(), **fmt)
    for i, line in enumerate(plain(text).split("\n")):
        if i:
            run.add_break()
        run.add_text(line)
    return run


def _tight(par: DocxParagraph, align: Any = None) -> DocxParagraph:
    """Cell paragraphs: no spacing, so row heights are predictable."""
    pf = par.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    if align is not None:
        pf.alignment = align
    return par


def _append_pr_child(parent: Any, tag: str, order: Sequence[str]) -> Any:
    """Insert `tag` into a *Pr element respecting the schema order LibreOffice expects."""
    existing = parent.find(qn(tag))
    if existing is not None:
        return existing
    el = OxmlElement(tag)
    idx = order.index(tag)
    for later in order[idx + 1 :]:
        found = parent.find(qn(later))
        if found is not None:
            found.addprevious(el)
            return el
    parent.append(el)
    return el


_TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
    "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
)  # fmt: skip
_TRPR_ORDER = (
    "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
    "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden",
)  # fmt: skip


def _new_table(
    doc: DocxDocument, widths_pt: Sequence[float], rows: int, layout: Layout
) -> DocxTable:
    """A fixed-width table with the layout's borders: all ruled, or none at all."""
    table = doc.add_table(rows=rows, cols=len(widths_pt))
    table.style = None  # no "Table Grid": its borders would survive a whitespace layout
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = _append_pr_child(tbl_pr, "w:tblW", _TBLPR_ORDER)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(round(sum(widths_pt) * 20)))
    tbl_layout = _append_pr_child(tbl_pr, "w:tblLayout", _TBLPR_ORDER)
    tbl_layout.set(qn("w:type"), "fixed")
    borders = _append_pr_child(tbl_pr, "w:tblBorders", _TBLPR_ORDER)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        if layout.table_style == "ruled":
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    margins = _append_pr_child(tbl_pr, "w:tblCellMar", _TBLPR_ORDER)
    for side, tw in (("top", 0), ("left", CELL_PAD_TW), ("bottom", 0), ("right", CELL_PAD_TW)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(tw))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    for i, width in enumerate(widths_pt):
        table.columns[i].width = Twips(round(width * 20))
    for row in table.rows:
        _size_row(row, widths_pt)
    return table


def _size_row(row: Any, widths_pt: Sequence[float]) -> None:
    for cell, width in zip(row.cells, widths_pt, strict=False):
        cell.width = Twips(round(width * 20))


def _add_row(table: DocxTable, widths_pt: Sequence[float]) -> Any:
    row = table.add_row()
    _size_row(row, widths_pt)
    return row


def _mark_row(row: Any, *, header: bool = False, cant_split: bool = False) -> None:
    """w:tblHeader repeats the row on every page; w:cantSplit keeps a row on one page."""
    tr_pr = row._tr.get_or_add_trPr()
    if cant_split:
        _append_pr_child(tr_pr, "w:cantSplit", _TRPR_ORDER)
    if header:
        _append_pr_child(tr_pr, "w:tblHeader", _TRPR_ORDER)


def _cell_par(cell: _Cell, align: Any = None) -> DocxParagraph:
    """The cell's first paragraph, made tight; python-docx gives every cell one."""
    return _tight(cell.paragraphs[0], align)


def _keep_with_next(cells: Sequence[_Cell]) -> None:
    for cell in cells:
        for par in cell.paragraphs:
            par.paragraph_format.keep_with_next = True


def _page_number_field(par: DocxParagraph) -> None:
    """A PAGE field, as Word inserts it (begin / instr / separate / cached result / end)."""

    def fld(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        par.add_run()._r.append(el)

    fld("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    par.add_run()._r.append(instr)
    fld("separate")
    par.add_run("1")
    fld("end")


def _footer_page_numbers(section: Any, first_page_too: bool) -> None:
    footers = [section.footer] + ([section.first_page_footer] if first_page_too else [])
    for footer in footers:
        footer.is_linked_to_previous = False
        par = footer.paragraphs[0]
        par.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _page_number_field(par)


# -------------------------------------------------------------------- flow state


@dataclass
class _Flow:
    """Where we are in the document: pending page break, current orientation."""

    doc: DocxDocument
    layout: Layout
    break_pending: bool = False
    landscape: bool = False
    at_page_top: bool = False  # a section break just started a page

    def par(self, text: str = "", *, style: str | None = None, **fmt: Any) -> DocxParagraph:
        """Add a paragraph; a pending page break becomes its 'page break before'."""
        par = self.doc.add_paragraph(style=style)
        if text:
            _add_lines(par, text, **fmt)
        if self.break_pending:
            par.paragraph_format.page_break_before = True
            self.break_pending = False
        self.at_page_top = False
        return par

    def orient(self, landscape: bool) -> None:
        """Start a new section when orientation changes (internkontroll goes landscape)."""
        if landscape == self.landscape:
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False  # the clone copies titlePg
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        short, long_ = Cm(PAGE_W_CM), Cm(PAGE_H_CM)
        section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
        self.landscape = landscape
        self.break_pending = False  # the section break already starts a page
        self.at_page_top = True


def _title_block(flow: _Flow, lines: Sequence[str], *, cover: bool) -> None:
    """The title lines on the first page; a delårsbokslut has them on a cover page."""
    if cover:
        spacer = flow.par()
        spacer.paragraph_format.space_before = Pt(180)
    for i, line in enumerate(lines):
        size = (26.0 if cover else 16.0) if i == 0 else (14.0 if cover else 12.0)
        par = flow.par(line, size=size, bold=i == 0)
        par.paragraph_format.space_after = Pt(12 if i == 0 else 6)
    if cover:
        flow.break_pending = True
    else:
        flow.par()


# ---------------------------------------------------------------- delårsbokslut


def _render_delarsbokslut(d: Delarsbokslut) -> DocxDocument:
    layout = d.layout
    title = d.title_lines[0] if d.title_lines else d.running_header
    doc = _new_document(layout, plain(title), d.kommun_official, d.year)
    flow = _Flow(doc, layout)
    section = doc.sections[0]
    section.different_first_page_header_footer = True  # no running header on the cover
    header_par = section.header.paragraphs[0]
    _add_lines(header_par, d.running_header)
    _footer_page_numbers(section, first_page_too=False)

    _title_block(flow, d.title_lines, cover=True)
    plan = _split_plan(d.blocks, layout)
    for i, block in enumerate(d.blocks):
        if not isinstance(block, InternalControlTable):
            flow.orient(landscape=False)
        if plan is not None and i == plan[0]:
            _page_gap(flow, plan[1])
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 9)
            flow.par(plain(block.text), style=f"Heading {level}")
        elif isinstance(block, Paragraph):
            for text in _paragraphs(block.text):
                flow.par(text)
        elif isinstance(block, BulletList):
            _bullet_list(flow, block)
        elif isinstance(block, Table):
            _data_table(flow, block, split=block.kind == layout.split_table)
        elif isinstance(block, InternalControlTable):
            _internal_control_table(flow, block, split=layout.split_table == INTERNAL_CONTROL_KIND)
        else:
            raise TypeError(f"unknown block {type(block).__name__}")
    return doc


def _paragraphs(text: str) -> list[str]:
    """Free text: each non-empty line is a paragraph (Word users press Enter)."""
    return [line.strip() for line in plain(text).split("\n") if line.strip()]


def _bullet_list(flow: _Flow, block: BulletList) -> None:
    """Bullets typed as '•<tab>' with a hanging indent, so the PDF text shows the marker."""
    for i, item in enumerate(block.items, start=1):
        marker = f"{i}." if block.numbered else "\u2022"
        par = flow.par(f"{marker}\t{plain(item)}")
        pf = par.paragraph_format
        pf.left_indent = Cm(BULLET_INDENT_CM)
        pf.first_line_indent = Cm(-BULLET_INDENT_CM)
        pf.tab_stops.add_tab_stop(Cm(BULLET_INDENT_CM))
        pf.space_after = Pt(3)


def _fit_columns(
    cells: Sequence[Sequence[tuple[str, bool, float]]],
    total: float,
    family: str,
    label_share: float | None,
) -> tuple[float, list[float]]:
    """Pick a font size and column widths so nothing wraps except at '\\n'.

    `cells[j]` lists (text, bold, indent_pt) for column j; the first column is the label
    column when `label_share` is set and gets that share of any spare width.
    """
    pad = 2 * CELL_PAD_TW / 20 + 4  # both cell margins plus slack for rounding
    size = TABLE_PT
    while True:
        need = [
            max((_text_width(line, family, size, bold) + indent
                 for text, bold, indent in col for line in text.split("\n")), default=0.0)
            + pad
            for col in cells
        ]  # fmt: skip
        if sum(need) <= total or size <= MIN_TABLE_PT:
            break
        size -= 0.5
    spare = total - sum(need)
    if spare >= 0:
        if label_share is not None and len(need) > 1:
            need[0] += spare * label_share
            rest = spare * (1 - label_share) / (len(need) - 1)
            need[1:] = [w + rest for w in need[1:]]
        else:
            need = [w + spare / len(need) for w in need]
    elif label_share is not None and total - sum(need[1:]) > 2 * pad:
        need[0] = total - sum(need[1:])  # last resort: the label wraps on its own
    else:
        need = [w * total / sum(need) for w in need]
    return size, need


@dataclass
class _Grid:
    """A numeric table's printed cell texts, and the font size and widths chosen for them."""

    has_label: bool
    header: list[str]
    body: list[list[str]]
    size: float
    widths: list[float]


def _grid(t: Table, layout: Layout) -> _Grid:
    has_label, header, body = table_cells(t, layout)
    columns: list[list[tuple[str, bool, float]]] = [[(h, True, 0.0)] for h in header]
    for r, texts in zip(t.rows, body, strict=True):
        for j, text in enumerate(texts):
            indent = CHILD_INDENT_PT if (j == 0 and has_label and r.parent) else 0.0
            columns[j].append((text, r.bold, indent))
    size, widths = _fit_columns(columns, PORTRAIT_BODY_W, layout.font, 0.4 if has_label else None)
    return _Grid(has_label, header, body, size, widths)


def _data_table(flow: _Flow, t: Table, *, split: bool) -> None:
    """A numeric table: bold title, lead lines, header row, right-aligned numbers."""
    layout = flow.layout
    g = _grid(t, layout)
    lead_pars = []
    if t.title:
        par = flow.par(t.title, bold=True)
        par.paragraph_format.space_before = Pt(TITLE_BEFORE_PT)
        par.paragraph_format.space_after = Pt(TITLE_AFTER_PT)
        lead_pars.append(par)
    for line in t.lead:
        par = flow.par(line)
        par.paragraph_format.space_after = Pt(TITLE_AFTER_PT)
        lead_pars.append(par)
    if flow.break_pending:  # nothing printed above the table: carry the break on a blank line
        lead_pars.append(flow.par())
    for par in lead_pars:
        par.paragraph_format.keep_with_next = True

    table = _new_table(flow.doc, g.widths, 1 + len(t.rows), layout)
    numeric_from = 1 if g.has_label else 0
    head = table.rows[0]
    for j, text in enumerate(g.header):
        cell = head.cells[j]
        align = WD_ALIGN_PARAGRAPH.LEFT if j < numeric_from else WD_ALIGN_PARAGRAPH.RIGHT
        _add_lines(_cell_par(cell, align), text, size=g.size, bold=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    _mark_row(head, header=split, cant_split=True)
    for i, (r, texts) in enumerate(zip(t.rows, g.body, strict=True), start=1):
        row = table.rows[i]
        for j, text in enumerate(texts):
            align = WD_ALIGN_PARAGRAPH.LEFT if j < numeric_from else WD_ALIGN_PARAGRAPH.RIGHT
            par = _cell_par(row.cells[j], align)
            if j == 0 and g.has_label and r.parent:
                par.paragraph_format.left_indent = Pt(CHILD_INDENT_PT)
            _add_lines(par, text, size=g.size, bold=r.bold)
            row.cells[j].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        _mark_row(row, cant_split=True)
    if not split:  # Word's way to keep a table on one page: every row but the last keeps with next
        for row in table.rows[:-1]:
            _keep_with_next(row.cells)
    flow.par()


# ------------------------------------------------------- placing the split table


def _split_plan(blocks: Sequence[Any], layout: Layout) -> tuple[int, float] | None:
    """Where to start a new page, and how much blank to leave, so the split table breaks.

    LibreOffice lays out pages itself, so we cannot ask for a break at row k. Instead a new
    page starts a few text blocks before the table (the table's headings, some prose) and
    a fixed-height empty paragraph pads the page so that the page ends near the middle of
    the table; rows cannot split, so the break falls between two rows.
    """
    idx = next(
        (i for i, b in enumerate(blocks) if isinstance(b, Table) and b.kind == layout.split_table),
        None,
    )
    if idx is None:
        return None
    table = blocks[idx]
    if len(table.rows) < 2:
        raise ValueError(f"split_table={table.kind!r}: needs two rows to break across a page")
    g = _grid(table, layout)
    lead = _table_lead_boxes(table, layout)
    tail = _split_need(table, g, layout)
    best: tuple[int, float] | None = None
    start = idx
    while True:
        boxes = [box for b in blocks[start:idx] for box in _block_boxes(b, layout) or []]
        gap = PORTRAIT_BODY_H - _stack([*boxes, *lead]) - tail
        if gap < 0:
            break
        if start == idx or start == 0 or not isinstance(blocks[start - 1], Heading):
            best = (start, gap)  # never strand a heading at the foot of the previous page
        if start == 0 or _block_boxes(blocks[start - 1], layout) is None:
            break
        start -= 1
    return best if best is not None else (idx, 0.0)


# (space before, line height total, space after) of one printed paragraph, in points
_Box = tuple[float, float, float]


def _stack(boxes: Sequence[_Box]) -> float:
    """Height of consecutive paragraphs down to where a following table starts.

    Measured on LibreOffice's output: where two paragraphs meet, only the larger of the
    first's space after and the second's space before is used.
    """
    total, after = 0.0, 0.0
    for before, height, next_after in boxes:
        total += max(after, before) + height
        after = next_after
    return total + after


def _table_lead_boxes(t: Table, layout: Layout) -> list[_Box]:
    line = _line_height(layout.font, BODY_PT)
    boxes: list[_Box] = []
    if t.title:
        lines = _wrapped_lines(plain(t.title), PORTRAIT_BODY_W, layout.font, BODY_PT, bold=True)
        boxes.append((TITLE_BEFORE_PT, lines * line, TITLE_AFTER_PT))
    for text in t.lead:
        lines = _wrapped_lines(plain(text), PORTRAIT_BODY_W, layout.font, BODY_PT)
        boxes.append((0.0, lines * line, TITLE_AFTER_PT))
    return boxes


def _split_need(t: Table, g: _Grid, layout: Layout) -> float:
    """Height from the table's top to half-way into its row k = n // 2."""
    line = _line_height(layout.font, g.size)
    border = 0.5 if layout.table_style == "ruled" else 0.0  # measured: a 0.5 pt rule per row
    head_h = max(h.count("\n") + 1 for h in g.header) * line + border
    row_h = [max(c.count("\n") + 1 for c in texts) * line + border for texts in g.body]
    k = max(1, len(t.rows) // 2)
    return head_h + sum(row_h[:k]) + 0.5 * row_h[k]


def _block_boxes(block: Any, layout: Layout) -> list[_Box] | None:
    """Estimated paragraphs of a text block; None for blocks we won't move (tables)."""
    font = layout.font
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 9)
        size = HEADING_PT.get(level, BODY_PT)
        lines = _wrapped_lines(plain(block.text), PORTRAIT_BODY_W, font, size, bold=True)
        return [(_heading_before(level), lines * _line_height(font, size), 6.0)]
    line = _line_height(font, BODY_PT)
    if isinstance(block, Paragraph):
        return [
            (0.0, _wrapped_lines(p, PORTRAIT_BODY_W, font, BODY_PT) * line, BODY_AFTER_PT)
            for p in _paragraphs(block.text)
        ]
    if isinstance(block, BulletList):
        width = PORTRAIT_BODY_W - BULLET_INDENT_CM * PT_PER_CM
        return [
            (0.0, _wrapped_lines(f"1. {plain(i)}", width, font, BODY_PT) * line, 3.0)
            for i in block.items
        ]
    return None


def _heading_before(level: int) -> float:
    return 18.0 if level == 1 else 12.0


def _wrapped_lines(text: str, width: float, family: str, size: float, bold: bool = False) -> int:
    """Greedy line breaking at spaces, as a word processor does it."""
    lines, current = 1, ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and _text_width(trial, family, size, bold) > width:
            lines += 1
            current = word
        else:
            current = trial
    return lines


def _page_gap(flow: _Flow, gap: float) -> None:
    """A new page that starts with `gap` points of blank (an exact-height empty paragraph)."""
    if not flow.at_page_top:
        flow.break_pending = True
    spacer = flow.par()
    pf = spacer.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    if gap >= 1:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(round(gap, 1))
    else:
        _mark_size(spacer, 1.0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(1)


def _internal_control_table(flow: _Flow, ict: InternalControlTable, *, split: bool) -> None:
    """Uppföljning av internkontroll: a landscape page, one row per control, risk merged."""
    flow.orient(landscape=True)
    layout = flow.layout
    shares = (0.21, 0.08, 0.16, 0.25, 0.09, 0.21)
    headers = list(ict.headers)
    if len(headers) != len(shares):
        raise ValueError(f"internkontroll table needs 6 headers, got {headers!r}")
    total = _body_width_pt(flow.doc)
    widths = [total * s for s in shares]
    size = 9.0
    title = flow.par(ict.title, bold=True, size=12.0)
    title.paragraph_format.keep_with_next = True
    n_rows = 1 + sum(max(1, len(item.controls)) for item in ict.items)
    table = _new_table(flow.doc, widths, n_rows, layout)
    head = table.rows[0]
    for j, text in enumerate(headers):
        _add_lines(_cell_par(head.cells[j]), text, size=size, bold=True)
        head.cells[j].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    _mark_row(head, header=split, cant_split=True)
    r = 1
    for item in ict.items:
        r = _internal_control_item(table, r, item, size)
    flow.par()


def _internal_control_item(table: DocxTable, first: int, item: InternalControl, size: float) -> int:
    n = max(1, len(item.controls))
    last = first + n - 1
    risk_cell = table.cell(first, 0)
    value_cell = table.cell(first, 1)
    if n > 1:  # vertically merged over the item's controls, as the real table has it
        risk_cell = risk_cell.merge(table.cell(last, 0))
        value_cell = value_cell.merge(table.cell(last, 1))
    _fill_cell(risk_cell, RISK_PREFIX + item.risk, size, space_after=6)
    desc = _paragraphs(item.riskbeskrivning) or [""]
    desc[0] = DESCRIPTION_PREFIX + desc[0]
    _fill_cell(risk_cell, "\n".join(desc), size)
    _fill_cell(value_cell, str(item.riskvarde), size)
    for i, control in enumerate(item.controls):
        row = table.rows[first + i]
        texts = (control.kontroll, control.resultat, control.bedomning or "", control.atgard)
        for j, text in enumerate(texts, start=2):
            _fill_cell(row.cells[j], text, size, space_after=6)
    return last + 1


def _fill_cell(cell: _Cell, text: str, size: float, space_after: float = 0) -> None:
    """Append the text's paragraphs to a cell, reusing its initial empty paragraph."""
    for line in _paragraphs(text) or [""]:
        par = cell.paragraphs[-1]
        if par.runs:
            par = cell.add_paragraph()
        _tight(par)
        par.paragraph_format.space_after = Pt(space_after)
        _add_lines(par, line, size=size)


# ------------------------------------------------------------------------ enkät


def _render_enkat(e: Enkat) -> DocxDocument:
    layout = e.layout
    if layout.mark_style in ("drawn", "form"):
        raise ValueError(f"mark_style {layout.mark_style!r} is reportlab-only")
    title = e.title_lines[0] if e.title_lines else f"Grundläggande granskning {e.year}"
    doc = _new_document(layout, plain(title), e.kommun_official, e.year)
    flow = _Flow(doc, layout)
    _footer_page_numbers(doc.sections[0], first_page_too=True)
    _title_block(flow, e.title_lines, cover=False)

    total = _body_width_pt(doc)
    answer_keys = [answer_key(c) for c in e.columns]
    pad = 2 * CELL_PAD_TW / 20 + 4
    box_w = max(
        [_text_width(c, layout.font, TABLE_PT, True) + pad for c in e.columns] + [1.35 * PT_PER_CM]
    )
    widths = [total - box_w * len(e.columns)] + [box_w] * len(e.columns)
    for section in e.sections:
        _enkat_section(flow, section, e.columns, answer_keys, widths)
    return doc


def _enkat_section(
    flow: _Flow, section: Section, columns: Sequence[str], keys: Sequence[str], widths: list[float]
) -> None:
    """One table per section: header row, then per question a row and its comment row."""
    layout = flow.layout
    table = _new_table(flow.doc, widths, 1, layout)
    head = table.rows[0]
    label = f"{section.number} {plain(section.title)}"
    if section.has_boxes:
        _add_lines(_cell_par(head.cells[0]), label, size=BODY_PT, bold=True)
        for j, name in enumerate(columns, start=1):
            _add_lines(_cell_par(head.cells[j], WD_ALIGN_PARAGRAPH.CENTER), name, size=TABLE_PT,
                       bold=True)  # fmt: skip
            head.cells[j].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    else:
        cell = head.cells[0].merge(head.cells[-1])
        _add_lines(_cell_par(cell), label, size=BODY_PT, bold=True)
    _mark_row(head, header=bool(layout.split_table), cant_split=True)
    _keep_with_next(head.cells)
    for question in section.questions:
        _enkat_question(table, question, columns, keys, widths, layout)
    flow.par()


def _enkat_question(
    table: DocxTable,
    q: Question,
    columns: Sequence[str],
    keys: Sequence[str],
    widths: list[float],
    layout: Layout,
) -> None:
    row = _add_row(table, widths)
    text = f"{q.number} {plain(q.text)}"
    if q.has_boxes:
        cell = row.cells[0]
        marked = None
        if q.answer is not None:
            if q.answer not in keys:
                raise ValueError(f"question {q.number}: answer {q.answer!r} not among {columns!r}")
            marked = keys.index(q.answer)
        for j in range(len(columns)):
            _mark_cell(row.cells[j + 1], j == marked, layout)
    else:
        cell = row.cells[0].merge(row.cells[-1])
    par = _cell_par(cell)
    par.paragraph_format.space_before = Pt(4)
    _add_lines(par, text, size=BODY_PT)
    _mark_row(row, cant_split=True)
    comment = [p for c in q.comment for p in _paragraphs(c)]
    if not comment:
        return
    _keep_with_next(row.cells)
    crow = _add_row(table, widths)
    ccell = crow.cells[0].merge(crow.cells[-1])
    for i, text in enumerate(comment):
        par = ccell.paragraphs[0] if i == 0 else ccell.add_paragraph()
        _tight(par)
        pf = par.paragraph_format
        pf.space_before = Pt(6 if i == 0 else 0)
        pf.space_after = Pt(6)
        if LIST_MARKER.match(text):
            pf.left_indent = Cm(0.63)
            pf.first_line_indent = Cm(-0.63)
        _add_lines(par, text, size=BODY_PT)


def _mark_cell(cell: _Cell, marked: bool, layout: Layout) -> None:
    """The answer box: 'x'/'X' as typed, '✓', or a ☒/☐ checkbox glyph."""
    par = _cell_par(cell, WD_ALIGN_PARAGRAPH.CENTER)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    text = mark_text(layout, marked)
    if layout.mark_style == "x":
        if text:
            _add_lines(par, text, size=BODY_PT)
    elif text:  # ✓ ☐ ☒: from a font that has them; a checkbox glyph a point larger
        size = BODY_PT + 1 if layout.mark_style == "glyph" else BODY_PT
        _add_lines(par, text, font=SYMBOL_FONT, size=size)


# -------------------------------------------------------------------- conversion

_profiles: set[Path] = set()


def _remove_profiles() -> None:
    for profile in _profiles:
        shutil.rmtree(profile, ignore_errors=True)


atexit.register(_remove_profiles)


def _convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Export with headless LibreOffice; a per-process profile lets parallel runs coexist."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError(
            "LibreOffice is needed to render .docx samples but `soffice` is not on PATH "
            "(install libreoffice-writer, or use the reportlab producer)"
        )
    profile = Path(tempfile.gettempdir()) / f"lo-profile-{os.getpid()}"
    _profiles.add(profile)
    cmd = [
        exe, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
        "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out_dir), str(docx_path),
    ]  # fmt: skip
    with _CONVERT_LOCK:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        try:
            stdout, stderr = proc.communicate(timeout=SOFFICE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # soffice forks soffice.bin: kill the group
            proc.communicate()
            raise RuntimeError(
                f"LibreOffice did not convert {docx_path.name} within {SOFFICE_TIMEOUT_S} s"
            ) from None
    pdf = out_dir / f"{docx_path.stem}.pdf"
    if proc.returncode != 0 or not pdf.exists():
        raise RuntimeError(
            f"LibreOffice failed to convert {docx_path.name} (exit {proc.returncode}): "
            f"{(stderr or stdout).strip() or 'no output'}"
        )
    return pdf
