"""One PDF in, one `Extraction` out: the only entry point callers need.

Pure apart from reading the file: no database, no Prefect. Each page is opened once and
split into words once (layout.py, the one page model): its lines' text names the document
and feeds the NLP; the kind's reader (READERS) reads its part: a report's tables from the
lines, an enkät's answers from the marks and boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pdfplumber

from kommunkoll import EXTRACTOR_VERSION, __version__
from kommunkoll.vocabulary import DOCUMENT_KINDS

from . import gc_pause
from .contract import DocumentInfo, Extraction, Extractor, Source
from .errors import ExtractionError
from .identify import identify
from .layout import Page, answer_boxes, mark_furniture, read_page
from .nlp import find as find_findings
from .nlp import merge as merge_findings
from .nlp.decisions import Phrase, phrases_of
from .pdf import open_pdf, require_text
from .readers import arsredovisning, delarsbokslut, enkat

# Document kind → its reader (readers/__init__.py says what a reader is). The reader that
# recognises a document most surely reads it.
READERS: dict[str, ModuleType] = {
    reader.KIND: reader for reader in (enkat, delarsbokslut, arsredovisning)
}


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


def document_kind(pages: Sequence[Page]) -> str | None:
    """The kind whose reader recognises `pages` most surely; None when none does."""
    scores = {kind: reader.recognise(pages) for kind, reader in READERS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > 0 else None


def _kinds() -> str:
    names = [kind.name.lower() for kind in DOCUMENT_KINDS.values()]
    return ", ".join(names[:-1]) + " or " + names[-1]


def extract_pdf(path: Path | str) -> Extraction:
    """Extract one PDF; raises ExtractionError (with a reason) for a file it cannot read."""
    with gc_pause.parsing():
        return _extract(Path(path))


def _extract(path: Path) -> Extraction:
    with open_pdf(path) as (source, pdf):
        require_text(pdf, source.filename)
        pages = read_pages(pdf, source.filename)
        kind = document_kind(pages.content)
        if kind is None:
            raise ExtractionError(
                "unrecognised",
                f"the text is none of the kinds read ({_kinds()}): no title such as "
                "'Delårsbokslut 2025' and no Ja/Nej/Delvis/Vet ej answer columns",
                source.filename,
            )
        who = identify(pages.texts, kind)
        missing = [f for f in ("kommun", "namnd", "year") if getattr(who, f) is None]
        if missing:
            raise ExtractionError(
                "unrecognised",
                f"a {kind} whose {', '.join(missing)} could not be read from its text",
                source.filename,
            )
        if _boxes(pages.read_for) != _boxes(kind):  # guessed wrong: read again, with boxes
            pages = read_pages(pdf, source.filename, kind=kind)
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
        extraction.tables = parts.tables
        extraction.internal_controls = parts.internal_controls
        extraction.answers = parts.answers
        extraction.warnings.extend(parts.warnings)
        # The internkontroll's risks and åtgärder first, then what the NLP finds in the text.
        found = find_findings(pages.body_texts, body_phrases(pages.content))
        extraction.findings = merge_findings(parts.findings, found)
        return extraction


def body_phrases(pages: list[Page]) -> list[list[Phrase]]:
    """Every page's lines without furniture, each split into its cells, for the NLP."""
    return [phrases_of(line) for page in pages for line in page.body]


def _boxes(kind: str | None) -> bool:
    reader = READERS.get(kind or "")
    return bool(reader and reader.BOXES)


# Pages kept open (parsed) while the first pages do not yet say what the document is: a
# blank or covering first page must not make an enkät be read twice for its answer boxes.
LOOKAHEAD = 3


def read_pages(pdf: pdfplumber.PDF, filename: str, kind: str | None = None) -> Pages:
    """Every page in the page model, furniture marked, with answer boxes too when the reader
    of `kind` (guessed from the first pages that say it, when not given) needs them.

    A page that cannot be parsed makes the PDF broken.
    """
    pages = Pages(read_for=kind)
    undecided = kind is None
    held: list[tuple[Any, Page]] = []  # read before the kind was known, still open
    try:
        for number, page in enumerate(pdf.pages, start=1):
            held.append((page, _read(page, number, _boxes(pages.read_for), filename)))
            pages.content.append(held[-1][1])
            if undecided:
                guess = document_kind(pages.content)
                if guess is None and number < LOOKAHEAD:
                    continue
                undecided, pages.read_for = False, guess
                if _boxes(guess):  # the pages read so far need their boxes too
                    for open_page, read in held:
                        read.boxes = _answer_boxes(open_page, read.number, filename)
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


def _answer_boxes(page: Any, number: int, filename: str) -> list[Any]:
    try:
        return answer_boxes(page)
    except Exception as exc:
        raise _damaged(number, exc, filename) from None


def _damaged(number: int, exc: Exception, filename: str) -> ExtractionError:
    reason = f"page {number} is damaged and cannot be read ({exc})"
    return ExtractionError("broken", reason, filename)


def _close(held: list[tuple[Any, Page]]) -> None:
    for page, _ in held:
        page.close()
    held.clear()
