"""What OCR read from a scan with too little confidence, per page, for the document page:
each page image with those boxes outlined, so a person sees what to confirm."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from kommunkoll.extractors.ocr import SETTINGS as OCR_SETTINGS
from kommunkoll.models import Answer, Line, ReportTable, Value
from kommunkoll.vocabulary import LOW_CONFIDENCE, UNSURE_ANSWER_BOX, UNSURE_VALUE_BOX

from .pdfpage import box_percent, page_size


def unsure_pages(session: Session, document_id: int, pdf: Path | None) -> list[dict]:
    """[{number, boxes: [{left, top, width, height, label}]}] for every page holding an
    answer flagged low_confidence or a value OCR read below the threshold; [] without the PDF."""
    if pdf is None:
        return []
    limit = OCR_SETTINGS.min_confidence
    found: dict[int, list[tuple[tuple[float, float, float, float], str]]] = {}
    answers = session.exec(
        select(Answer).where(Answer.document_id == document_id, Answer.ocr == True)  # noqa: E712
    ).all()
    for a in answers:
        if LOW_CONFIDENCE in (a.flags or []) and a.x0 is not None:
            label = UNSURE_ANSWER_BOX.format(number=a.number, confidence=a.confidence)
            found.setdefault(a.page, []).append(((a.x0, a.top, a.x1, a.bottom), label))
    values = session.exec(
        select(Value, Line)
        .join(Line, Line.id == Value.line_id)
        .join(ReportTable, ReportTable.id == Line.table_id)
        .where(ReportTable.document_id == document_id, Value.confidence < limit)
    ).all()
    for v, line in values:
        if v.x0 is not None and v.page is not None:
            label = UNSURE_VALUE_BOX.format(
                line=line.label, measure=v.measure or "", year=v.year or "", confidence=v.confidence
            )
            found.setdefault(v.page, []).append(((v.x0, v.top, v.x1, v.bottom), label))
    pages = []
    for number in sorted(found):
        size = page_size(str(pdf), number)
        boxes = [{**box_percent(bbox, size), "label": label} for bbox, label in found[number]]
        pages.append({"number": number, "boxes": boxes})
    return pages
