"""Random-layout reports as .docx (python-docx), exported to PDF by headless LibreOffice.

Word tables with the layout's borders, or real right-aligned tab stops (one paragraph per
printed line) for tab-stop tables. Many documents go through one `soffice` call; a private
profile keeps it from colliding with other LibreOffice runs.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .model import Heading, Paragraph
from .random_doc import PrintedRow, PrintedTable, RandomDoc
from .random_layout import Layout
from .random_print import MARGIN, PAD, fit, segments, tab_lines, tab_stops

TIMEOUT_S = 600


def _run(
    par, text: str, *, bold: bool = False, size: float | None = None, font: str | None = None
) -> None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = par.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if font:
            run.font.name = font
        if i < len(lines) - 1:
            run.add_break()


def _tight(par, after: float = 0) -> None:
    fmt = par.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0


def _borders(table, rules: str) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    edges = {
        "grid": ("top", "left", "bottom", "right", "insideH", "insideV"),
        "horizontal": ("top", "bottom", "insideH"),
    }.get(rules, ())
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if edge in edges else "nil")
        if edge in edges:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


def _cell_margins(table) -> None:
    mar = OxmlElement("w:tblCellMar")
    for edge, pad in (("top", 1.5), ("left", PAD), ("bottom", 1.5), ("right", PAD)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(int(pad * 20)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def _grid(
    document,
    pt: PrintedTable,
    rows: list[PrintedRow],
    header: bool,
    widths: list[float],
    lay: Layout,
) -> None:
    n = len(pt.header)
    table = document.add_table(rows=0, cols=n)
    table.autofit = False
    _borders(table, lay.rules)
    _cell_margins(table)
    valign = (
        WD_CELL_VERTICAL_ALIGNMENT.TOP
        if pt.numbers_on == "first"
        else WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    )
    printed: list[tuple[list[str], bool, bool, bool]] = []
    if header:
        printed.append((pt.header, True, False, True))
    printed += [([r.label, *r.values], r.bold, r.indent, False) for r in rows]
    for texts, bold, indent, is_header in printed:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row never breaks
        cells = row.cells
        for i, (cell, text) in enumerate(zip(cells, texts, strict=True)):
            cell.width = Pt(widths[i])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM if is_header else valign
            par = cell.paragraphs[0]
            _tight(par)
            if i:
                par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif indent:
                par.paragraph_format.left_indent = Pt(10)
            _run(par, text, bold=bold, size=lay.font_size)

    for column, width in zip(table.columns, widths, strict=True):  # LibreOffice reads the grid
        column.width = Pt(width)
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(fixed)


def _tabs(
    document,
    pt: PrintedTable,
    rows: list[PrintedRow],
    header: bool,
    widths: list[float],
    lay: Layout,
) -> None:
    stops = tab_stops(widths)
    for cells, bold, indent in tab_lines(pt, rows, widths, header, lay):
        par = document.add_paragraph()
        _tight(par)
        for stop in stops:
            par.paragraph_format.tab_stops.add_tab_stop(Pt(stop), WD_TAB_ALIGNMENT.RIGHT)
        if indent:
            cells = [cells[0], *cells[1:]]
            par.paragraph_format.left_indent = Pt(10)
        _run(par, "\t".join(cells), bold=bold, size=lay.font_size)


def _page_field(par) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    par._p.append(fld)


def to_docx(doc: RandomDoc):
    lay = doc.layout
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = lay.font
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), lay.font)
    section = document.sections[0]
    section.page_width, section.page_height = Pt(595.28), Pt(841.89)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(MARGIN))
    head = section.header.paragraphs[0]
    _run(head, doc.running_header, size=8)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_field(foot)

    for _ in range(8):
        _tight(document.add_paragraph(), 12)
    for i, line in enumerate(doc.title_lines):
        par = document.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _tight(par, 10)
        _run(par, line, bold=i == 0, size=22 if i == 0 else 14)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for block in doc.blocks:
        if isinstance(block, Heading):
            par = document.add_paragraph()
            _tight(par, 4)
            par.paragraph_format.space_before = Pt(8)
            par.paragraph_format.keep_with_next = True
            _run(par, block.text, bold=True, size=15 if block.level == 1 else 12)
        elif isinstance(block, Paragraph):
            _tight(par := document.add_paragraph(), 6)
            _run(par, block.text)
        else:
            _table(document, block, doc)
    return document


def _table(document, pt: PrintedTable, doc: RandomDoc) -> None:
    lay, widths = fit(pt, doc.layout)
    for n, (title, header, rows) in enumerate(segments(pt)):
        if n:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if title:
            par = document.add_paragraph()
            _tight(par, 3)
            par.paragraph_format.space_before = Pt(6)
            par.paragraph_format.keep_with_next = True
            _run(par, title, bold=True, size=11)
        if doc.layout.rules == "tabs":
            _tabs(document, pt, rows, header, widths, lay)
        else:
            _grid(document, pt, rows, header, widths, lay)
    for note in pt.footnotes:
        _tight(par := document.add_paragraph(), 2)
        _run(par, note, size=7.5)
    _tight(document.add_paragraph(), 2)


def render_many(jobs: list[tuple[RandomDoc, Path]]) -> None:
    """Write every document as .docx and convert them all with one soffice call."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("the libreoffice producer needs `soffice` (libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="kommunkoll-random-docx-") as tmp:
        tmpdir = Path(tmp)
        docx_paths = []
        for doc, pdf in jobs:
            path = tmpdir / f"{pdf.stem}.docx"
            to_docx(doc).save(str(path))
            docx_paths.append(path)
        profile = tmpdir / "profile"
        cmd = [
            exe, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmpdir),
            *map(str, docx_paths),
        ]  # fmt: skip
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        try:
            _, stderr = proc.communicate(timeout=TIMEOUT_S + 10 * len(jobs))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise RuntimeError("LibreOffice did not finish converting") from None
        for (_, pdf), path in zip(jobs, docx_paths, strict=True):
            made = tmpdir / f"{path.stem}.pdf"
            if not made.exists():
                raise RuntimeError(f"LibreOffice did not convert {path.name}: {stderr.strip()}")
            pdf.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(made), str(pdf))
