"""How sure OCR was of each answer, comment and value, and the warnings for a person.

A value read from a scan is never stored as if it were printed text: it carries `ocr: true`
and a confidence (0–100, Tesseract's word confidences, the pixels' margin for a mark), and
below the threshold it is flagged `low_confidence` with a warning naming its page and box,
so the document is stored with status "varning" and a person confirms it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from kommunkoll import vocabulary
from kommunkoll.vocabulary import NULL_TEXTS

from .checks import doubted_cells
from .layout import box_text
from .ocr import SETTINGS
from .ocr_figures import ink_in


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
        box = box_text(a.bbox) if a.bbox else "?"
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
    images: dict[int, tuple[Any, float]] | None = None,
) -> list[str]:
    """Each value on a scanned page gets `ocr` and the least confidence of the OCR words
    in its box; one below the threshold a warning with its page and box. A cell read blank
    whose box on the page (`images`: page number to its straightened image, rules erased,
    and pixels per point) holds ink is no blank OCR is sure of: confidence 0, as is a cell
    whose text reads as no number (a figure misread, "-L6"). A value a
    failed check reads is no surer than `failed_check_confidence`, and its warning says so:
    Tesseract is as sure of a "4" whose minus it lost as of any other figure. A value is
    no surer than its row's name (`label_confidence`, tables.py): an analyst finds it by
    that name, so under a misread one ("Verksämbetens intakter") it is as good as lost;
    such a row has one warning, its values none of their own unless they are unsure too."""
    warnings = []
    for table in tables:
        odd = _odd_figures(table)
        doubted = doubted_cells(table)
        for row in table.rows:
            label_confidence = (row.model_extra or {}).get("label_confidence")
            if label_confidence is not None and label_confidence < threshold:
                warnings.append(
                    vocabulary.OCR_LABEL_WARNING.format(
                        kind=vocabulary.name_of(vocabulary.TABLE_KINDS, table.kind),
                        label=row.label,
                        page=row.page or table.page,
                        box=box_text(row.bbox or ()),
                        confidence=label_confidence,
                        limit=threshold,
                    )
                )
            for cell in row.cells:
                page = cell.page or table.page
                words = words_by_page.get(page)
                if words is None or cell.bbox is None:
                    continue
                confs = [w["conf"] for w in words if _overlap(_box(w), cell.bbox)]
                confidence = round(min(confs), 1) if confs else None
                if id(cell) in odd and confidence is not None:
                    confidence = min(confidence, SETTINGS.odd_figure_confidence)
                if id(cell) in doubted:
                    cap = SETTINGS.failed_check_confidence
                    confidence = cap if confidence is None else min(confidence, cap)
                blank = cell.value is None and not cell.text and page in (images or {})
                if blank and _inked(*images[page], cell.bbox):  # type: ignore[index]
                    confidence = 0.0  # something is printed there that was not read
                if cell.value is None and (cell.text or "").casefold() not in NULL_TEXTS:
                    confidence = 0.0  # a figure misread as no number ("-L6")
                own = confidence
                if confidence is not None and label_confidence is not None:
                    confidence = min(confidence, label_confidence)
                cell.ocr = True  # type: ignore[attr-defined]
                cell.confidence = confidence  # type: ignore[attr-defined]
                if own is not None and own < threshold:
                    box = box_text(cell.bbox)
                    template = (
                        vocabulary.OCR_CHECKED_CELL_WARNING
                        if id(cell) in doubted
                        else vocabulary.OCR_CELL_WARNING
                    )
                    warnings.append(
                        template.format(
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


def _inked(image: Any, scale: float, bbox: Sequence[float]) -> bool:
    """The middle of a cell's box holds as much ink as a printed glyph (a "0"), not a speck."""
    x0, top, x1, bottom = bbox
    patch = ink_in(image, scale, (x0, top, x1, bottom), SETTINGS.blank_band)
    return patch.size > 0 and int(patch.sum()) >= SETTINGS.blank_ink * ((bottom - top) * scale) ** 2


def _decimals(text: str) -> int:
    """Digits printed after the decimal comma (0 for none)."""
    _, comma, fraction = text.rstrip(" %").partition(",")
    return len(fraction) if comma else 0


def _odd_figures(table: Any) -> set[int]:
    """The cells (by id) printed unlike the rest of their column: no decimal comma where
    nearly all the others have one ("73" among "8,1", "6,5": OCR lost the comma of "7,3"),
    or one where they have none. Tesseract may be sure of each glyph and still lose a
    comma, so such a value is no surer than `odd_figure_confidence`."""
    columns: dict[int, list[Any]] = {}
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            if cell.value is not None and cell.text:
                columns.setdefault(i, []).append(cell)
    odd: set[int] = set()
    for cells in columns.values():
        counts = Counter(_decimals(c.text) for c in cells)
        usual, seen = counts.most_common(1)[0]
        if seen >= SETTINGS.odd_figure_column and seen >= SETTINGS.odd_figure_share * len(cells):
            odd.update(id(c) for c in cells if _decimals(c.text) != usual)
    return odd


def _box(word: dict[str, Any]) -> tuple[float, float, float, float]:
    return (word["x0"], word["top"], word["x1"], word["bottom"])
