"""One PDF in, one `Extraction` out: the only entry point callers need.

Pure apart from reading the file: no database, no Prefect. Table, answer and finding
extractors plug in here as they land; until then those lists are empty.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber

from kommunkoll import EXTRACTOR_VERSION, __version__

from .contract import Answer, DocumentInfo, Extraction, Extractor, Source
from .enkat import answers_of, looks_like_enkat
from .errors import ExtractionError
from .identify import identify
from .page_lines import PageLayout, read_page
from .pdf import open_pdf, require_text

PageVisitor = Callable[[int, Any, str], None]


def extract_pdf(path: Path | str) -> Extraction:
    """Extract one PDF; raises ExtractionError (with a reason) for a file it cannot read."""
    path = Path(path)
    with open_pdf(path) as (source, pdf):
        require_text(pdf, source.filename)
        layouts: list[PageLayout] = []

        def keep_enkat_layout(number: int, page: Any, text: str) -> None:
            # Kept only when page 1 announced an enkät (a title or an answer header).
            if (number > 1 and layouts) or (number == 1 and looks_like_enkat(text)):
                layouts.append(read_page(page, number))

        pages = page_texts(pdf, source.filename, keep_enkat_layout)
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
        answers: list[Answer] = []
        warnings: list[str] = []
        if who.kind == "enkat":
            if len(layouts) != len(pages):  # page 1 did not say so: read the layouts now
                layouts = read_layouts(pdf, source.filename)
            answers, warnings = answers_of(layouts)
        return Extraction(
            source=Source(filename=source.filename, sha256=source.sha256, pages=source.pages),
            document=DocumentInfo(
                kind=who.kind,  # type: ignore[arg-type]
                kommun=who.kommun,  # type: ignore[arg-type]
                namnd=who.namnd,  # type: ignore[arg-type]
                year=who.year,  # type: ignore[arg-type]
                period=who.period,
            ),
            answers=answers,
            extractor=Extractor(version=__version__, extractor_version=EXTRACTOR_VERSION),
            warnings=warnings,
        )


def page_texts(pdf: pdfplumber.PDF, filename: str, visit: PageVisitor | None = None) -> list[str]:
    """Each page's text in reading order; a page that cannot be parsed makes the PDF broken.

    `visit(number, page, text)` sees each page while it is open: extractors that need words,
    rects or form fields take them there, so the PDF is parsed once.
    """
    texts = []
    for number, page in enumerate(pdf.pages, start=1):
        try:
            texts.append(page.extract_text(x_tolerance=1.5) or "")
        except Exception as exc:  # pdfminer's errors on damaged content streams are untyped
            raise ExtractionError(
                "broken", f"page {number} is damaged and cannot be read ({exc})", filename
            ) from None
        else:
            if visit is not None:  # the page parsed: what goes wrong here is no damage
                visit(number, page, texts[-1])
        finally:
            page.close()  # frees the page's parsed objects: memory stays flat on long reports
    return texts


def read_layouts(pdf: pdfplumber.PDF, filename: str) -> list[PageLayout]:
    """The questionnaire layout of every page (when page 1 gave no sign of an enkät)."""
    layouts: list[PageLayout] = []
    page_texts(pdf, filename, lambda number, page, _: layouts.append(read_page(page, number)))
    return layouts
