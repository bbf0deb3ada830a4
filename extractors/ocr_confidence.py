"""How sure OCR was of each answer, comment and value, and the warnings for a person.

A value read from a scan is never stored as if it were printed text: it carries `ocr: true`
and a confidence (0–100, Tesseract's word confidences, the pixels' margin for a mark), and
below the threshold it is flagged `low_confidence` with a warning naming its page and box,
so the document is stored with status "varning" and a person confirms it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from kommunkoll import vocabulary

from .ocr import SETTINGS


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _confs(lines: Iterable[Any]) -> list[float]:
    return [w.conf for li in lines for w in li.words if w.conf is not None]


def ocr_fields(question: Sequence[Any], rest: Sequence[Any], boxes: Sequence[Any]) -> dict:
    """The OCR fields of one answer ({} for a text PDF's): confidences of the question
    text, the comment (mean word confidence) and the marks (the least sure box decides)."""
    question_conf = _confs(question)
    if not question_conf:
        return {}
    marks = [b.confidence for b in boxes if b.confidence is not None]
    parts = {
        "question": _mean(question_conf),
        "comment": _mean(_confs(rest)),
        "answer": round(min(marks), 1) if marks else None,
    }
    known = [v for v in parts.values() if v is not None]
    return {"ocr": True, "confidence": min(known), "confidences": parts}


def flag_answers(answers: Sequence[Any], threshold: float = SETTINGS.min_confidence) -> list[str]:
    """Flag and warn for each OCR'd answer whose confidence is below the threshold."""
    warnings = []
    for a in answers:
        extra = a.model_extra or {}
        confidence = extra.get("confidence")
        if not extra.get("ocr") or confidence is None or confidence >= threshold:
            continue
        if vocabulary.LOW_CONFIDENCE not in a.flags:
            a.flags.append(vocabulary.LOW_CONFIDENCE)
        parts = extra.get("confidences") or {}
        weak = [k for k, v in parts.items() if v is not None and v < threshold]
        box = ", ".join(f"{v:.0f}" for v in a.bbox) if a.bbox else "?"
        warnings.append(
            vocabulary.OCR_ANSWER_WARNING.format(
                number=a.number,
                page=a.page,
                box=box,
                confidence=confidence,
                limit=threshold,
                weak=", ".join(weak),
            )
        )
    return warnings


def _overlap(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def flag_cells(
    tables: Sequence[Any],
    words_by_page: dict[int, list[dict[str, Any]]],
    threshold: float = SETTINGS.min_confidence,
) -> list[str]:
    """Each value on a scanned page gets `ocr` and the least confidence of the OCR words
    in its box; one below the threshold a warning with its page and box."""
    warnings = []
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                page = cell.page or table.page
                words = words_by_page.get(page)
                if words is None or cell.bbox is None:
                    continue
                confs = [w["conf"] for w in words if _overlap(_box(w), cell.bbox)]
                confidence = round(min(confs), 1) if confs else None
                cell.ocr = True  # type: ignore[attr-defined]
                cell.confidence = confidence  # type: ignore[attr-defined]
                if confidence is not None and confidence < threshold:
                    box = ", ".join(f"{v:.0f}" for v in cell.bbox)
                    warnings.append(
                        vocabulary.OCR_CELL_WARNING.format(
                            kind=vocabulary.name_of(vocabulary.TABLE_KINDS, table.kind),
                            label=row.label,
                            measure=cell.measure,
                            year=cell.year,
                            page=page,
                            box=box,
                            text=cell.text,
                            confidence=confidence,
                            limit=threshold,
                        )
                    )
    return warnings


def _box(word: dict[str, Any]) -> tuple[float, float, float, float]:
    return (word["x0"], word["top"], word["x1"], word["bottom"])
