"""An answer, finding or table line on its PDF page with its box: what the pages and the
search results link to, as a value's page does for a value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException
from sqlalchemy.engine import Engine
from sqlmodel import Session

from kommunkoll.models import Answer, Document, Finding
from kommunkoll.vocabulary import NOT_FOUND

from .. import queries
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


def owned_document(session: Session, document_id: int) -> tuple[Document, str, str]:
    """The document with its kommun's and nämnd's names, or 404."""
    found = queries.documents(session, document_id)
    if not found:
        raise HTTPException(404, NOT_FOUND["document"].format(id=document_id))
    document, namnd, kommun = found[0]
    return document, kommun.name, namnd.name


def box_on_page(
    path: Path | None, page: int, bbox: tuple[float | None, ...] | None
) -> dict[str, float] | None:
    """The box as percentages of its page, for the page image (None: no PDF or no box)."""
    if path is None or bbox is None or None in bbox:
        return None
    return box_percent(bbox, page_size(str(path), page))  # type: ignore[arg-type]


def _stored(engine: Engine, model: type, row_id: int, missing: str):  # type: ignore[no-untyped-def]
    """One stored answer or finding with its document, kommun and nämnd, or 404."""
    with Session(engine) as session:
        row = session.get(model, row_id)
        if row is None:
            raise HTTPException(404, missing)
        return (row, *owned_document(session, row.document_id))


def answer_on_page(engine: Engine, answer_id: int, find_pdf) -> OnPage:  # type: ignore[no-untyped-def]
    """The answer's marked box on its page (the whole page when no box was stored)."""
    answer, document, kommun, namnd = _stored(
        engine, Answer, answer_id, NOT_FOUND["answer"].format(id=answer_id)
    )
    path = find_pdf(document)
    page = answer.mark_page or answer.page
    bbox = (answer.mark_x0, answer.mark_top, answer.mark_x1, answer.mark_bottom)
    return OnPage(f"{answer.number} {answer.question_text}", "", document, kommun, namnd,
                  page, box_on_page(path, page, bbox), path is not None, answer=answer)  # fmt: skip


def finding_on_page(engine: Engine, finding_id: int, find_pdf) -> OnPage:  # type: ignore[no-untyped-def]
    """The finding on its page, its box where its words are found printed there."""
    finding, document, kommun, namnd = _stored(
        engine, Finding, finding_id, NOT_FOUND["finding"].format(id=finding_id)
    )
    path = find_pdf(document)
    bbox = printed_box(path, finding.page, finding.text) if path is not None else None
    return OnPage(finding.text, "", document, kommun, namnd, finding.page,
                  box_on_page(path, finding.page, bbox), path is not None,
                  finding=finding)  # fmt: skip


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
