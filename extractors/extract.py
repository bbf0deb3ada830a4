"""One PDF in, one `Extraction` out: the only entry point callers need.

Pure apart from reading the file: no database, no Prefect. Each page is opened once and
split into words once (layout.py, the one page model): its lines' text names the document
and feeds the NLP; the kind's reader (READERS) reads its part: a report's tables from the
lines, an enkät's answers from the marks and boxes. A scanned page is read by OCR first
(ocr.py) and enters the same page model with its words' confidences and the answer boxes
seen in its pixels (scan_pages.py), so the same readers run on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pdfplumber

from kommunkoll import EXTRACTOR_VERSION, __version__
from kommunkoll.vocabulary import DOCUMENT_KINDS, ERROR_REASONS, IDENTITY_FIELDS, OCR_PAGES_WARNING

from . import gc_pause
from .compact import compact
from .contract import DocumentInfo, Extraction, Extractor, Source
from .errors import ExtractionError
from .file_content import FileContent
from .identify import identify
from .layout import Page, answer_boxes, mark_furniture, read_page
from .limits import Limits
from .nlp import find as find_findings
from .nlp import merge as merge_findings
from .nlp.decisions import Phrase, phrases_of
from .ocr import SETTINGS as OCR_SETTINGS
from .ocr import (
    OcrPage,
    OcrSettings,
    check_readable,
    is_scanned,
    read_scanned_page,
)
from .ocr_confidence import flag_answers, flag_cells
from .page_objects import prime
from .parser_warnings import as_warnings, parser_warnings
from .pdf import detail, no_text, open_pdf, release_page, release_pages
from .readers import arsredovisning, delarsbokslut, enkat
from .scan_pages import scanned_page

# Document kind → its reader (readers/__init__.py says what a reader is). The reader that
# recognises a document most surely reads it.
READERS: dict[str, ModuleType] = {
    reader.KIND: reader for reader in (enkat, delarsbokslut, arsredovisning)
}


@dataclass
class Pages:
    content: list[Page] = field(default_factory=list)
    read_for: str | None = None  # the kind whose page data was read along with the words
    scans: dict[int, OcrPage] = field(default_factory=dict)  # OCR of scanned pages, 0-based

    @property
    def texts(self) -> list[str]:
        """Each page's whole text (running heads too: they may name kommun and nämnd)."""
        return [page.text for page in self.content]

    @property
    def body_texts(self) -> list[str]:
        """Each page's text without running headers, footers and page numbers."""
        return ["\n".join(line.text for line in page.body) for page in self.content]


def document_kind(pages: Sequence[Page]) -> str | None:
    """The kind whose reader recognises `pages` most surely; None when none does."""
    scores = {kind: reader.recognise(pages) for kind, reader in READERS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > 0 else None


def _kinds() -> str:
    names = [kind.name.lower() for kind in DOCUMENT_KINDS.values()]
    return ", ".join(names[:-1]) + " eller " + names[-1]


def extract_pdf(
    path: Path | str,
    limits: Limits | None = None,
    *,
    ocr_settings: OcrSettings = OCR_SETTINGS,
    content: FileContent | None = None,
) -> Extraction:
    """Extract one PDF; raises ExtractionError (with a reason) for a file it cannot read.

    `limits` bounds the file size, pages and inflated bytes here; wall time and memory need
    a process that can be killed (`kommunkoll.pipeline.worker`). Scanned pages are read by
    OCR unless `limits.ocr` is False (--no-ocr): then a PDF of scans is `image_only`.
    `content`: the file's bytes and hash, read by the caller already, so the file is not
    read from disk again.
    """
    path = Path(path)
    ocr = (limits or Limits()).ocr
    with gc_pause.parsing(), parser_warnings() as heard:
        extraction = _extract(path, limits, ocr, ocr_settings, content)
    extraction.warnings.extend(as_warnings(heard))
    return extraction


def _extract(
    path: Path,
    limits: Limits | None,
    ocr: bool,
    ocr_settings: OcrSettings,
    content: FileContent | None,
) -> Extraction:
    with open_pdf(path, limits, content) as (source, pdf):
        pages = read_pages(pdf, source.filename, ocr=ocr_settings if ocr else None)
        scans = pages.scans
        kind = document_kind(pages.content)
        if kind is None:
            reason = ERROR_REASONS["unrecognised"].format(kinds=_kinds())
            raise ExtractionError("unrecognised", reason, source.filename)
        who = identify(pages.texts, kind)
        missing = [f for f in ("kommun", "namnd", "year") if getattr(who, f) is None]
        if missing:
            reason = ERROR_REASONS["unidentified"].format(
                kind=kind, missing=", ".join(IDENTITY_FIELDS[f] for f in missing)
            )
            raise ExtractionError("unrecognised", reason, source.filename)
        if _boxes(pages.read_for) != _boxes(kind):  # guessed wrong: read again, with boxes
            pages = read_pages(pdf, source.filename, kind=kind, scans=scans)
        release_pages(pdf)  # read for the last time: what pdfminer holds of them can go
        extraction = Extraction(
            source=Source(filename=source.filename, sha256=source.sha256, pages=source.pages),
            document=DocumentInfo(
                kind=kind,
                kommun=who.kommun,  # type: ignore[arg-type]
                namnd=who.namnd,  # type: ignore[arg-type]
                year=who.year,  # type: ignore[arg-type]
                period=who.period,
            ),
            extractor=Extractor(version=__version__, extractor_version=EXTRACTOR_VERSION),
        )
        parts = READERS[kind].read(pages.content, who.year)
        compact([parts.internal_controls, parts.answers, parts.findings])  # tables: as built
        extraction.tables = parts.tables
        extraction.internal_controls = parts.internal_controls
        extraction.answers = parts.answers
        extraction.warnings.extend(parts.warnings)
        extraction.gaps = parts.gaps
        # The internkontroll's risks and åtgärder first, then what the NLP finds in the text.
        found = find_findings(pages.body_texts, drain_phrases(pages.content))
        extraction.findings = merge_findings(parts.findings, found)
        if scans:
            extraction.warnings.extend(_ocr_review(extraction, scans, ocr_settings))
        return extraction


def _read_scan(data: bytes, page: Any, index: int, filename: str, settings: OcrSettings) -> OcrPage:
    """OCR of the scanned page `index` (0-based); `ocr_failed` when it cannot be read."""
    try:
        return read_scanned_page(data, index, float(page.width), float(page.height), settings)
    except ExtractionError as exc:
        exc.filename = filename
        raise
    except Exception as exc:  # a page pdfium cannot render, an image Tesseract rejects
        reason = ERROR_REASONS["ocr_page"].format(page=index + 1, detail=exc)
        raise ExtractionError("ocr_failed", reason, filename) from None


def _ocr_review(
    extraction: Extraction, scans: dict[int, OcrPage], settings: OcrSettings
) -> list[str]:
    """Confidences on what OCR read; warnings for what a person must confirm."""
    pages = sorted(i + 1 for i in scans)
    warnings = [
        OCR_PAGES_WARNING.format(
            pages=", ".join(map(str, pages)), lang=settings.lang, limit=settings.min_confidence
        )
    ]
    warnings += flag_answers(extraction.answers, settings.min_confidence)
    words = {i + 1: scan.words for i, scan in scans.items()}
    images = {
        i + 1: (scan.image, scan.scale) for i, scan in scans.items() if scan.image is not None
    }
    warnings += flag_cells(extraction.tables, words, settings.min_confidence, images)
    for scan in scans.values():
        scan.image = None  # the pixels are no longer needed
    extraction.document.ocr = {  # type: ignore[attr-defined]
        "pages": pages,
        "skew": {str(p.number): round(p.skew, 2) for p in scans.values()},
        "dpi": settings.dpi,
        "min_confidence": settings.min_confidence,
    }
    return warnings


def body_phrases(pages: Iterable[Page]) -> Iterator[list[Phrase]]:
    """Every page's lines without furniture, each split into its cells, for the NLP: made
    as they are read, so a long report's phrases are never all held at once."""
    return (phrases_of(line) for page in pages for line in page.body)


def drain_phrases(pages: list[Page]) -> Iterator[list[Phrase]]:
    """`body_phrases`, emptying `pages` as it goes: the NLP is the page model's last reader,
    so each page is let go of once its phrases are made."""
    pages.reverse()
    while pages:
        yield from body_phrases([pages.pop()])


def _boxes(kind: str | None) -> bool:
    reader = READERS.get(kind or "")
    return bool(reader and reader.BOXES)


# Pages kept open (parsed) while the first pages do not yet say what the document is: a
# blank or covering first page must not make an enkät be read twice for its answer boxes.
LOOKAHEAD = 3


def read_pages(
    pdf: pdfplumber.PDF,
    filename: str,
    kind: str | None = None,
    scans: dict[int, OcrPage] | None = None,
    ocr: OcrSettings | None = None,
) -> Pages:
    """Every page in the page model, furniture marked, with answer boxes too when the reader
    of `kind` (guessed from the first pages that say it, when not given) needs them.

    One pass over the pages, each parsed once and closed after use, so memory stays flat
    on long reports. With `ocr` settings each page is told scanned or printed as it is
    read, and a scanned one is read by OCR (kept in `Pages.scans`, by 0-based index) and
    its boxes from its pixels; `scans` hands in the OCR of an earlier pass instead. A
    document with no text layer and no scan to read is `image_only` (or `no_text`); a page
    that cannot be parsed makes the PDF broken.
    """
    pages = Pages(read_for=kind, scans=dict(scans or {}))
    detect = scans is None  # the first pass: find the scans and check there is text
    data = pdf.stream.getvalue() if ocr and detect else b""
    text, images = False, 0
    columns = None  # a scanned enkät's answer columns, carried from page to page
    undecided = kind is None
    held: list[tuple[Any, OcrPage | None]] = []  # read before the kind was known, still open
    try:
        for number, page in enumerate(pdf.pages, start=1):
            # Telling scans from print parses the page: pdfminer's errors there name the
            # document (open_pdf), as they always have; the readers' name the page.
            prime(page)
            if detect and ocr and is_scanned(page, ocr):
                pages.scans[number - 1] = _read_scan(data, page, number - 1, filename, ocr)
            if detect and not text:
                text = bool(page.chars)
                images += 0 if text else len(page.images)
            scan = pages.scans.get(number - 1)
            held.append((page, scan))
            with _damaged(number, filename):
                if scan:
                    model, columns = scanned_page(scan, _boxes(pages.read_for), columns)
                else:
                    model = read_page(page, number, boxes=_boxes(pages.read_for))
            pages.content.append(model)
            if undecided:
                guess = document_kind(pages.content)
                if guess is None and number < LOOKAHEAD:
                    continue
                undecided, pages.read_for = False, guess
                if _boxes(guess):  # the pages read so far need their boxes too
                    columns = _add_boxes(pages.content, held, filename)
            _close(held)  # frees the parsed objects: memory stays flat on long reports
    finally:
        _close(held)
    if detect and pages.scans and ocr:
        check_readable(list(pages.scans.values()), filename, ocr)
    elif detect and not text:
        raise no_text(images, len(pages.content), filename)
    mark_furniture(pages.content)
    return pages


def _add_boxes(
    content: list[Page], held: list[tuple[Any, OcrPage | None]], filename: str
) -> list[Any] | None:
    """Answer boxes for the pages read before the kind was known (the first `len(held)`
    pages); returns the scanned answer columns in force after them."""
    columns = None
    for i, (page, scan) in enumerate(held):
        with _damaged(i + 1, filename):
            if scan:
                content[i], columns = scanned_page(scan, True, columns)
            else:
                content[i].boxes = answer_boxes(page)
    return columns


@contextmanager
def _damaged(number: int, filename: str) -> Iterator[None]:
    """A page that cannot be parsed makes the PDF broken."""
    try:
        yield
    except ExtractionError:
        raise
    except Exception as exc:  # pdfminer's errors on damaged content streams are untyped
        reason = ERROR_REASONS["page_broken"].format(page=number, detail=detail(exc))
        raise ExtractionError("broken", reason, filename) from None


def _close(held: list[tuple[Any, OcrPage | None]]) -> None:
    for page, _ in held:
        release_page(page)
    held.clear()
