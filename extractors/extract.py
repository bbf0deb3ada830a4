"""One PDF in, one `Extraction` out: the only entry point callers need.

Pure apart from reading the file: no database, no Prefect. Each page is opened once and
split into words once (layout.py, the one page model): its lines' text names the document
and feeds the NLP, its lines feed the tables, its marks and boxes the enkät's answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber

from kommunkoll import EXTRACTOR_VERSION, __version__
from kommunkoll.vocabulary import ENKAT

from . import gc_pause
from .contract import DocumentInfo, Extraction, Extractor, Source
from .enkat import answers_of
from .errors import ExtractionError
from .identify import document_kind, identify
from .layout import Page, answer_boxes, mark_furniture, read_page
from .nlp import find as find_findings
from .nlp import merge as merge_findings
from .nlp.decisions import Phrase, phrases_of
from .pdf import open_pdf, require_text
from .report_tables import read_report


@dataclass
class Pages:
    content: list[Page] = field(default_factory=list)
    read_for: str | None = None  # the kind whose page data was read along with the words

    @property
    def texts(self) -> list[str]:
        """Each page's whole text (running heads too: they may name kommun and nämnd)."""
        return [page.text for page in self.content]

    @property
    def body_texts(self) -> list[str]:
        """Each page's text without running headers, footers and page numbers."""
        return ["\n".join(line.text for line in page.body) for page in self.content]


def extract_pdf(path: Path | str) -> Extraction:
    """Extract one PDF; raises ExtractionError (with a reason) for a file it cannot read."""
    with gc_pause.parsing():
        return _extract(Path(path))


def _extract(path: Path) -> Extraction:
    with open_pdf(path) as (source, pdf):
        require_text(pdf, source.filename)
        pages = read_pages(pdf, source.filename)
        who = identify(pages.texts)
        missing = [f for f in ("kind", "kommun", "namnd", "year") if getattr(who, f) is None]
        if who.kind is None:
            raise ExtractionError(
                "unrecognised",
                "the text is neither a delårsbokslut nor a revisorernas enkät (no title "
                "such as 'Delårsbokslut 2025' and no Ja/Nej/Delvis/Vet ej answer columns)",
                source.filename,
            )
        if missing:
            raise ExtractionError(
                "unrecognised",
                f"a {who.kind} whose {', '.join(missing)} could not be read from its text",
                source.filename,
            )
        if (pages.read_for == ENKAT) != (who.kind == ENKAT):  # guessed wrong: read the boxes
            pages = read_pages(pdf, source.filename, kind=who.kind)
        extraction = Extraction(
            source=Source(filename=source.filename, sha256=source.sha256, pages=source.pages),
            document=DocumentInfo(
                kind=who.kind,  # type: ignore[arg-type]
                kommun=who.kommun,  # type: ignore[arg-type]
                namnd=who.namnd,  # type: ignore[arg-type]
                year=who.year,  # type: ignore[arg-type]
                period=who.period,
            ),
            extractor=Extractor(version=__version__, extractor_version=EXTRACTOR_VERSION),
        )
        structural = []
        if who.kind == ENKAT:
            extraction.answers, warnings = answers_of(pages.content)
            extraction.warnings.extend(warnings)
        else:
            report = read_report(pages.content, who.year)  # type: ignore[arg-type]
            extraction.tables = report.tables
            extraction.internal_controls = report.internal_controls
            extraction.warnings.extend(report.warnings)
            structural = report.findings
        # The internkontroll's risks and åtgärder first, then what the NLP finds in the text.
        found = find_findings(pages.body_texts, body_phrases(pages.content))
        extraction.findings = merge_findings(structural, found)
        return extraction


def body_phrases(pages: list[Page]) -> list[list[Phrase]]:
    """Every page's lines without furniture, each split into its cells, for the NLP."""
    return [phrases_of(line) for page in pages for line in page.body]


# Pages kept open (parsed) while the first pages do not yet say what the document is: a
# blank or covering first page must not make an enkät be read twice for its answer boxes.
LOOKAHEAD = 3


def read_pages(pdf: pdfplumber.PDF, filename: str, kind: str | None = None) -> Pages:
    """Every page in the page model, furniture marked; an enkät's pages (`kind`, guessed
    from the first pages that say it when not given) with their answer boxes too.

    A page that cannot be parsed makes the PDF broken.
    """
    pages = Pages(read_for=kind)
    undecided = kind is None
    held: list[tuple[Any, Page]] = []  # read before the kind was known, still open
    texts: list[str] = []
    try:
        for number, page in enumerate(pdf.pages, start=1):
            held.append((page, _read(page, number, pages.read_for == ENKAT, filename)))
            pages.content.append(held[-1][1])
            if undecided:
                texts.append(held[-1][1].text)
                guess = document_kind(texts[0], "\n".join(texts))
                if guess is None and number < LOOKAHEAD:
                    continue
                undecided, pages.read_for = False, guess
                if guess == ENKAT:  # the pages read so far need their boxes too
                    for open_page, read in held[:-1]:
                        read.boxes = _boxes(open_page, read.number, filename)
                    held[-1][1].boxes = _boxes(page, number, filename)
            _close(held)  # frees the parsed objects: memory stays flat on long reports
    finally:
        _close(held)
    mark_furniture(pages.content)
    return pages


def _read(page: Any, number: int, boxes: bool, filename: str) -> Page:
    try:
        return read_page(page, number, boxes=boxes)
    except Exception as exc:  # pdfminer's errors on damaged content streams are untyped
        raise _damaged(number, exc, filename) from None


def _boxes(page: Any, number: int, filename: str) -> list[Any]:
    try:
        return answer_boxes(page)
    except Exception as exc:
        raise _damaged(number, exc, filename) from None


def _damaged(number: int, exc: Exception, filename: str) -> ExtractionError:
    return ExtractionError(
        "broken", f"page {number} is damaged and cannot be read ({exc})", filename
    )


def _close(held: list[tuple[Any, Page]]) -> None:
    for page, _ in held:
        page.close()
    held.clear()
