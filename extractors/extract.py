"""One PDF in, one `Extraction` out: the only entry point callers need.

Pure apart from reading the file: no database, no Prefect. Each page is opened once: its
text names the document, and while it is open the kind's reader (READERS) takes what it needs
(positioned word lines for a report's tables, words and boxes for an enkät's answers).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pdfplumber

from kommunkoll import EXTRACTOR_VERSION, __version__
from kommunkoll.vocabulary import DOCUMENT_KINDS

from .contract import DocumentInfo, Extraction, Extractor, Source
from .errors import ExtractionError
from .identify import identify
from .nlp import find as find_findings
from .nlp import merge as merge_findings
from .pages import PageContent, Pages
from .pdf import open_pdf, require_text
from .readers import arsredovisning, delarsbokslut, enkat

# Document kind → its reader (see readers/__init__.py for what a reader is).
READERS: dict[str, ModuleType] = {
    reader.KIND: reader for reader in (enkat, delarsbokslut, arsredovisning)
}


def document_kind(pages: Pages) -> str | None:
    """The kind whose reader recognises `pages` most surely; None when none does."""
    scores = {kind: reader.recognise(pages) for kind, reader in READERS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > 0 else None


def _kinds_sentence() -> str:
    names = [kind.name.lower() for kind in DOCUMENT_KINDS.values()]
    return ", ".join(names[:-1]) + " or " + names[-1]


def extract_pdf(path: Path | str) -> Extraction:
    """Extract one PDF; raises ExtractionError (with a reason) for a file it cannot read."""
    path = Path(path)
    with open_pdf(path) as (source, pdf):
        require_text(pdf, source.filename)
        pages = read_pages(pdf, source.filename)
        kind = document_kind(pages)
        if kind is None:
            raise ExtractionError(
                "unrecognised",
                f"the text is none of the kinds read ({_kinds_sentence()}): no title such "
                "as 'Delårsbokslut 2025' and no Ja/Nej/Delvis/Vet ej answer columns",
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
        if pages.read_for != kind:  # page 1 did not say what the document is: read again
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
        parts = READERS[kind].read(pages, who.year)
        extraction.tables = parts.tables
        extraction.internal_controls = parts.internal_controls
        extraction.answers = parts.answers
        extraction.warnings.extend(parts.warnings)
        # The internkontroll's risks and åtgärder first, then what the NLP finds in the text.
        extraction.findings = merge_findings(parts.findings, find_findings(pages.texts))
        return extraction


def read_pages(pdf: pdfplumber.PDF, filename: str, kind: str | None = None) -> Pages:
    """Each page's text, plus the page data of `kind`'s reader (guessed from page 1 when not
    given). A page that cannot be parsed makes the PDF broken.
    """
    pages = Pages(read_for=kind)
    for number, page in enumerate(pdf.pages, start=1):
        try:
            text = page.extract_text(x_tolerance=1.5) or ""
            content = PageContent(number=number, text=text, height=float(page.height))
            if number == 1 and kind is None:
                pages.read_for = document_kind(Pages([content]))
            reader = READERS.get(pages.read_for or "")
            if reader is not None:
                content.data = reader.page_data(page, number)
            pages.content.append(content)
        except Exception as exc:  # pdfminer's errors on damaged content streams are untyped
            raise ExtractionError(
                "broken", f"page {number} is damaged and cannot be read ({exc})", filename
            ) from None
        finally:
            page.close()  # frees the page's parsed objects: memory stays flat on long reports
    return pages
