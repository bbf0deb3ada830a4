"""Random-layout reports as HTML, printed to PDF by headless Chromium (Playwright).

Debian's chromium is driven through Playwright (`executable_path`), never a downloaded
browser. One browser prints many documents. Tab-stop tables are lines of absolutely placed
spans: no <table>, as a word processor's tab stops give no table either.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .model import Heading, Paragraph
from .random_doc import PrintedRow, PrintedTable, RandomDoc
from .random_layout import Layout
from .random_print import (
    MARGIN,
    PAD,
    fit,
    segments,
    tab_lines,
)

CHROMIUM = "/usr/bin/chromium"
MODDATE = re.compile(rb"(/(?:ModDate|CreationDate)\s*\(D:)(\d{14})([^)]*)\)")


def esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _css(doc: RandomDoc) -> str:
    lay = doc.layout
    rule = "0.5pt solid #000"
    css = f"""
@page {{ size: A4; margin: 22mm 20mm 20mm 20mm; }}
body {{ font-family: '{lay.font}'; font-size: 10pt; margin: 0; }}
h1 {{ font-size: 15pt; margin: 12pt 0 6pt; }} h2 {{ font-size: 12pt; margin: 10pt 0 4pt; }}
p {{ margin: 0 0 6pt; line-height: 1.3; }}
.cover {{ text-align: center; padding-top: 70mm; break-after: page; }}
.cover .t0 {{ font-size: 22pt; font-weight: bold; margin-bottom: 12pt; }}
.cover .tn {{ font-size: 14pt; margin-bottom: 8pt; }}
.ttitle {{ font-weight: bold; font-size: 11pt; margin: 8pt 0 3pt; }}
.note {{ font-size: 7.5pt; margin: 2pt 0 6pt; }}
.brk {{ break-before: page; }}
table.t {{ border-collapse: collapse; table-layout: fixed; }}
table.t td {{ padding: 1.5pt {PAD}pt; }}
table.t td.n {{ text-align: right; white-space: nowrap; }}
table.t td.h {{ text-align: right; }}
table.t thead td {{ font-weight: bold; vertical-align: bottom; white-space: normal; }}
table.t tr.b td {{ font-weight: bold; }}
table.t tr.first td {{ vertical-align: top; }} table.t tr.last td {{ vertical-align: bottom; }}
table.t td.ind {{ padding-left: 12pt; }}
.tabs {{ margin-bottom: 4pt; }}
.tabs .ln {{ white-space: nowrap; break-inside: avoid; }}
.tabs .ln span {{ display: inline-block; overflow: visible; }}
.tabs .ln span.v {{ text-align: right; }}
.tabs .b {{ font-weight: bold; }}
"""
    if lay.rules == "grid":
        css += f"table.t td {{ border: {rule}; }}\n"
    elif lay.rules == "horizontal":
        css += f"table.t tr td {{ border-top: {rule}; border-bottom: {rule}; }}\n"
    return css


def _table_html(pt: PrintedTable, doc: RandomDoc) -> str:
    lay, widths = fit(pt, doc.layout)
    size = f"font-size:{lay.font_size}pt"
    out = []
    for n, (title, with_header, rows) in enumerate(segments(pt)):
        if n:
            out.append('<div class="brk"></div>')
        if title:
            out.append(f'<div class="ttitle">{esc(title)}</div>')
        if doc.layout.rules == "tabs":
            out.append(_tabs(pt, rows, widths, with_header, lay))
            continue
        cols = "".join(f'<col style="width:{w:.1f}pt">' for w in widths)
        style = f"width:{sum(widths):.1f}pt;{size}"
        parts = [f'<table class="t" style="{style}"><colgroup>{cols}</colgroup>']
        if with_header:
            cells = "".join(
                f'<td class="{"h" if i else ""}">{esc(h)}</td>' for i, h in enumerate(pt.header)
            )
            parts.append(f"<thead><tr>{cells}</tr></thead>")
        parts.append("<tbody>")
        parts += [_row_html(r, pt.numbers_on) for r in rows]
        parts.append("</tbody></table>")
        out.append("".join(parts))
    out += [f'<div class="note">{esc(f)}</div>' for f in pt.footnotes]
    return "\n".join(out)


def _row_html(row: PrintedRow, numbers_on: str) -> str:
    cls = " ".join(x for x in ("b" if row.bold else "", numbers_on) if x)
    label = f'<td class="{"ind" if row.indent else ""}">{esc(row.label)}</td>'
    values = "".join(f'<td class="n">{esc(v)}</td>' for v in row.values)
    return f'<tr class="{cls}">{label}{values}</tr>'


def _tabs(
    pt: PrintedTable, rows: list[PrintedRow], widths: list[float], header: bool, lay: Layout
) -> str:
    """Whitespace-aligned lines: label at the left, each value right-aligned at its stop."""
    lines = tab_lines(pt, rows, widths, header, lay)
    out = [f'<div class="tabs" style="font-size:{lay.font_size}pt">']
    height = f"height:{lay.font_size * 1.3:.2f}pt"
    for cells, bold, indent in lines:
        first = (
            f"padding-left:{12 if indent else 0}pt;width:{widths[0] - (12 if indent else 0):.1f}pt"
        )
        spans = [f'<span style="{first}">{esc(cells[0])}</span>']
        spans += [
            f'<span class="v" style="width:{w - PAD:.1f}pt;padding-right:{PAD}pt">{esc(v)}</span>'
            for v, w in zip(cells[1:], widths[1:], strict=True)
        ]
        cls = "ln b" if bold else "ln"
        out.append(f'<div class="{cls}" style="{height}">{"".join(spans)}</div>')
    out.append("</div>")
    return "\n".join(out)


def to_html(doc: RandomDoc) -> str:
    body = ['<div class="cover">']
    for i, line in enumerate(doc.title_lines):
        body.append(f'<div class="{"t0" if i == 0 else "tn"}">{esc(line)}</div>')
    body.append("</div>")
    for block in doc.blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{esc(block.text)}</p>")
        else:
            body.append(_table_html(block, doc))
    return (
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>{_css(doc)}</style>'
        f"</head><body>{''.join(body)}</body></html>"
    )


def _templates(doc: RandomDoc) -> tuple[str, str]:
    style = f"font-family:'{doc.layout.font}';font-size:8pt;width:100%;margin:0 {MARGIN:.0f}pt"
    head = f'<div style="{style}">{esc(doc.running_header)}</div>'
    foot = f'<div style="{style};text-align:right"><span class="pageNumber"></span></div>'
    return head, foot


def stabilize(pdf: Path) -> None:
    """Chromium stamps the time into /CreationDate and /ModDate: fix both."""
    data = MODDATE.sub(
        lambda m: m.group(1) + b"20250930120000" + m.group(3) + b")", pdf.read_bytes()
    )
    pdf.write_bytes(data)


def render_many(jobs: list[tuple[RandomDoc, Path]]) -> None:
    """Print every (document, pdf path) with one headless Chromium."""
    if not jobs:
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            for doc, pdf in jobs:
                head, foot = _templates(doc)
                page.set_content(to_html(doc), wait_until="load")
                page.pdf(
                    path=str(pdf),
                    format="A4",
                    display_header_footer=True,
                    header_template=head,
                    footer_template=foot,
                    margin={"top": "22mm", "bottom": "20mm", "left": "20mm", "right": "20mm"},
                    print_background=True,
                )
                stabilize(pdf)
        finally:
            browser.close()
