"""An answer, finding or table line on its PDF page with its box: what the pages and the
search results link to, as a value's page does for a value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from kommunkoll.models import Answer, Document, Finding, Kommun, Namnd

from .pdfpage import box_percent, page_size


@dataclass
class OnPage:
    """What the template `onpage.html` shows."""

    heading: str
    subheading: str
    doc: Document
    kommun: str
    namnd: str
    page_number: int
    box: dict[str, float] | None
    has_pdf: bool
    answer: Answer | None = None
    finding: Finding | None = None


def _document(session: Session, document_id: int) -> tuple[Document, str, str]:
    found = session.exec(
        select(Document, Namnd, Kommun)
        .join(Namnd, Document.namnd_id == Namnd.id)
        .join(Kommun, Namnd.kommun_id == Kommun.id)
        .where(Document.id == document_id)
    ).first()
    if found is None:
        raise HTTPException(404, f"inget dokument {document_id}")
    document, namnd, kommun = found
    return document, kommun.name, namnd.name


def _box(path: Path | None, page: int, bbox: tuple[float | None, ...]) -> dict[str, float] | None:
    if path is None or None in bbox:
        return None
    return box_percent(bbox, page_size(str(path), page))  # type: ignore[arg-type]


def answer_on_page(engine: Engine, answer_id: int, find_pdf) -> OnPage:  # type: ignore[no-untyped-def]
    """The answer's marked box on its page (the whole page when no box was stored)."""
    with Session(engine) as session:
        answer = session.get(Answer, answer_id)
        if answer is None:
            raise HTTPException(404, f"inget svar {answer_id}")
        document, kommun, namnd = _document(session, answer.document_id)
    path = find_pdf(document)
    page = answer.mark_page or answer.page
    box = _box(path, page, (answer.mark_x0, answer.mark_top, answer.mark_x1, answer.mark_bottom))
    return OnPage(f"{answer.number} {answer.question_text}", "", document, kommun, namnd,
                  page, box, path is not None, answer=answer)  # fmt: skip


def finding_on_page(engine: Engine, finding_id: int, find_pdf) -> OnPage:  # type: ignore[no-untyped-def]
    """The finding on its page, its box where its words are found printed there."""
    with Session(engine) as session:
        finding = session.get(Finding, finding_id)
        if finding is None:
            raise HTTPException(404, f"ingen iakttagelse {finding_id}")
        document, kommun, namnd = _document(session, finding.document_id)
    path = find_pdf(document)
    box = None
    if path is not None:
        bbox = printed_box(path, finding.page, finding.text)
        box = _box(path, finding.page, bbox) if bbox else None
    return OnPage(finding.text, "", document, kommun, namnd, finding.page, box,
                  path is not None, finding=finding)  # fmt: skip


def printed_box(path: Path, page: int, text: str) -> tuple[float, float, float, float] | None:
    """Where the text's first words are printed on the page (any spacing or line break
    between them), as the union of the matched characters' boxes."""
    import pdfplumber

    words = re.findall(r"\S+", text)[:8]
    if not words:
        return None
    pattern = r"\s*".join(re.escape(w) for w in words)
    with pdfplumber.open(path) as pdf:
        if not 1 <= page <= len(pdf.pages):
            return None
        hits = pdf.pages[page - 1].search(pattern, regex=True, return_chars=False)
    if not hits:
        return None
    hit = hits[0]
    return (hit["x0"], hit["top"], hit["x1"], hit["bottom"])
