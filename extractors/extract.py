"""One PDF in, one `Extraction` out: the only entry point callers need.

Pure apart from reading the file: no database, no Prefect. Table, answer and finding
extractors plug in here as they land; until then those lists are empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from kommunkoll import EXTRACTOR_VERSION, __version__

from .contract import DocumentInfo, Extraction, Extractor, Source
from .errors import ExtractionError
from .identify import identify
from .nlp import find as find_findings
from .pdf import open_pdf, require_text
from .report_tables import extract_report_tables
from .words import Line, page_lines


def extract_pdf(path: Path | str) -> Extraction:
    """Extract one PDF; raises ExtractionError (with a reason) for a file it cannot read."""
    path = Path(path)
    with open_pdf(path) as (source, pdf):
        require_text(pdf, source.filename)
        content = read_pages(pdf, source.filename)
        pages = [page.text for page in content]
        who = identify(pages)
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
        extraction = Extraction(
            source=Source(filename=source.filename, sha256=source.sha256, pages=source.pages),
            document=DocumentInfo(
                kind=who.kind,  # type: ignore[arg-type]
                kommun=who.kommun,  # type: ignore[arg-type]
                namnd=who.namnd,  # type: ignore[arg-type]
                year=who.year,  # type: ignore[arg-type]
                period=who.period,
            ),
            # NLP findings; other extractors' findings join through nlp.merge (no duplicates).
            findings=find_findings(pages),
            extractor=Extractor(version=__version__, extractor_version=EXTRACTOR_VERSION),
        )
        if who.kind == "delarsbokslut":
            extract_report_tables(
                extraction, [p.lines for p in content], [p.height for p in content]
            )
        return extraction


@dataclass(frozen=True)
class PageContent:
    """What the extractors need of one page, read while it is open."""

    text: str
    lines: list[Line]
    height: float


def read_pages(pdf: pdfplumber.PDF, filename: str) -> list[PageContent]:
    """Each page's text and positioned lines, each page opened once and closed after.

    A page that cannot be parsed makes the PDF broken.
    """
    pages = []
    for number, page in enumerate(pdf.pages, start=1):
        try:
            text = page.extract_text(x_tolerance=1.5) or ""
            pages.append(PageContent(text, page_lines(page), float(page.height)))
        except Exception as exc:  # pdfminer's errors on damaged content streams are untyped
            raise ExtractionError(
                "broken", f"page {number} is damaged and cannot be read ({exc})", filename
            ) from None
        finally:
            page.close()  # frees the page's parsed objects: memory stays flat on long reports
    return pages
