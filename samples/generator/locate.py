"""Find on which page each table, question and finding ended up after rendering.

Page breaks depend on the renderer (reportlab or LibreOffice), so the ground truth reads
them back from the written PDF: the document's texts are searched in print order in the
per-page text of pypdfium2, with all whitespace removed on both sides (line wraps,
no-break and thin spaces then cannot get in the way). A text that occurs more than once
is matched by its next occurrence after the previous anchor.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from .inline import annotations, plain
from .model import (
    BulletList,
    Delarsbokslut,
    Enkat,
    Heading,
    InternalControlTable,
    Paragraph,
    Table,
)

PREFIX = 40  # characters of an anchor that must match (long enough to be unique)


def squash(text: str) -> str:
    """Whitespace removed; pdfium's end-of-line hyphen marker (\\x02) back to '-'."""
    return "".join(text.replace("\x02", "-").split())


def page_texts(pdf: Path) -> list[str]:
    """Squashed text of every page of `pdf`."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [squash(page.get_textpage().get_text_bounded()) for page in doc]
    finally:
        doc.close()


@dataclass
class Anchor:
    """A text to find in print order; `key` names what it locates (None: just a step)."""

    text: str
    key: tuple | None = None
    # Findings inside this text, located from where the text starts.
    findings: list[tuple[str, str]] = field(default_factory=list)


def _text_anchor(text: str, key: tuple | None = None) -> Anchor:
    return Anchor(plain(text), key, annotations(text))


def delarsbokslut_anchors(doc: Delarsbokslut) -> list[Anchor]:
    """Anchors in print order; tables are keyed ("table", i), findings ("finding", j)."""
    out = [Anchor(line) for line in doc.title_lines]
    table_no = 0
    for block in doc.blocks:
        if isinstance(block, Heading | Paragraph):
            out.append(_text_anchor(block.text))
        elif isinstance(block, BulletList):
            out.extend(_text_anchor(item) for item in block.items)
        elif isinstance(block, Table):
            out.append(Anchor(block.title or block.label_header, ("table", table_no)))
            out.extend(Anchor(line) for line in block.lead)
            table_no += 1
        elif isinstance(block, InternalControlTable):
            out.append(Anchor(block.title))
            for item in block.items:
                out.append(Anchor(item.risk, None, [("risk", item.risk)]))
                for ctl in item.controls:
                    out.append(Anchor(plain(ctl.kontroll)))
                    out.append(Anchor(plain(ctl.atgard), None, [("action", plain(ctl.atgard))]))
    return out


def enkat_anchors(doc: Enkat) -> list[Anchor]:
    """Anchors in print order; questions are keyed ("question", number as printed)."""
    out = [Anchor(line) for line in doc.title_lines]
    for section in doc.sections:
        out.append(Anchor(f"{section.number} {section.title}"))
        for q in section.questions:
            out.append(_text_anchor(f"{q.number} {q.text}", ("question", q.number)))
            out.extend(_text_anchor(p) for p in q.comment)
    return out


@dataclass
class Located:
    pages: dict[tuple, int]  # key -> 1-based page
    findings: list[dict]  # {"kind", "text", "page"} in document order
    warnings: list[str]


def locate(doc: Enkat | Delarsbokslut, pdf: Path) -> Located:
    """Pages of every keyed anchor and every finding of `doc` in the rendered `pdf`."""
    pages = page_texts(pdf)
    starts, pos = [], 0
    for text in pages:
        starts.append(pos)
        pos += len(text)
    haystack = "".join(pages)
    anchors = delarsbokslut_anchors(doc) if isinstance(doc, Delarsbokslut) else enkat_anchors(doc)

    def page_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset)

    def find(text: str, start: int) -> tuple[int, int] | None:
        """(where `text` starts, where it ends) after `start`. A text cut by a page break
        (running header, page number in between) is found by its head and its tail."""
        needle = squash(text)
        i = haystack.find(needle, start)
        if i >= 0:
            return i, i + len(needle)
        for n in (PREFIX, 20, 10):
            i = haystack.find(needle[:n], start)
            if i >= 0:
                tail = haystack.find(needle[-PREFIX:], i)
                end = tail + len(needle[-PREFIX:]) if tail >= 0 else i + n
                return i, end
        return None

    cursor, result, findings, warnings = 0, {}, [], []
    for anchor in anchors:
        hit = find(anchor.text, cursor)
        if hit is None:
            warnings.append(f"not found after page {page_of(cursor)}: {anchor.text[:60]!r}")
            hit = (cursor, cursor)
        at, end = hit
        if anchor.key is not None:
            result[anchor.key] = page_of(at)
        inner = at
        for kind, text in anchor.findings:
            found = find(text, inner)
            if found is None:
                warnings.append(f"finding not found: {text[:60]!r}")
                found = (inner, inner)
            findings.append({"kind": kind, "text": text, "page": page_of(found[0])})
            inner = found[0] + 1
        cursor = max(end, inner)
    return Located(result, findings, warnings)


def page_count(pdf: Path) -> int:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()
