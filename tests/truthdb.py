"""A database built from the samples' ground truth, for the comparison, export and web tests.

Today's extractors return no tables or answers yet, so these tests store each sample's
`*.expected.json` (a valid `Extraction`) with `store_extraction`, the file's real path as the
document's path, and each value's bbox located in the real PDF: the printed number searched
on the table's pages, kept only where it is printed exactly once (the ground truth carries
pages but no boxes).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pytest
from sqlalchemy.engine import Engine

from kommunkoll.extractors.contract import Extraction
from kommunkoll.extractors.numbers import GROUP_SEPARATORS, MINUS_SIGNS
from kommunkoll.pipeline.db import make_engine, upgrade_schema
from kommunkoll.pipeline.store import store_extraction

from .conftest import expected_for, sample_pdfs


def number_pattern(value: float) -> str:
    """A regex for `value` as a Swedish report may print it (any group separator or minus)."""
    digits = f"{abs(round(value)):d}" if float(value).is_integer() else None
    if digits is None:
        whole, frac = f"{abs(value):.10g}".split(".")
    else:
        whole, frac = digits, ""
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    body = f"[{GROUP_SEPARATORS}]?".join(groups) + (f",{frac}" if frac else "")
    sign = f"[{MINUS_SIGNS}]\\s?" if value < 0 else ""
    return rf"(?<![\d,]){sign}{body}(?![\d,])"


def locate_boxes(pdf_path: Path, extraction: Extraction) -> Extraction:
    """The extraction with a bbox on every cell whose number is printed once on its pages."""
    located = extraction.model_copy(deep=True)
    with pdfplumber.open(pdf_path) as pdf:
        for table in located.tables:
            pages = [pdf.pages[i] for i in (table.page - 1, table.page) if i < len(pdf.pages)]
            for row in table.rows:
                for cell in row.cells:
                    if cell.value is None or cell.value == 0:
                        continue
                    hits = [
                        (page.page_number, hit)
                        for page in pages
                        for hit in page.search(number_pattern(cell.value), regex=True)
                    ]
                    if len(hits) == 1:
                        page_number, hit = hits[0]
                        cell.bbox = (hit["x0"], hit["top"], hit["x1"], hit["bottom"])
                        cell.page = page_number  # type: ignore[attr-defined]
    return located


@lru_cache(maxsize=1)
def located_truths() -> tuple[tuple[Path, Extraction], ...]:
    return tuple(
        (pdf, locate_boxes(pdf, Extraction.model_validate(expected_for(pdf))))
        for pdf in sample_pdfs()
    )


def build_truth_db(url: str) -> Engine:
    """Every sample's ground truth stored through the real store, paths to the real PDFs."""
    engine = make_engine(url)
    upgrade_schema(engine)
    for pdf, extraction in located_truths():
        store_extraction(engine, extraction, path=pdf)
    return engine


def truth(stem_glob: str) -> dict:
    """The ground truth of the one sample whose stem matches."""
    [pdf] = [p for p in sample_pdfs() if re.fullmatch(stem_glob.replace("*", ".*"), p.stem)]
    return expected_for(pdf)


@pytest.fixture(scope="session")
def truth_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file holding every sample's ground truth; tests only read it.

    Import it into a test module (`from .truthdb import truth_db`) to use it.
    """
    url = f"sqlite:///{tmp_path_factory.mktemp('truth') / 'truth.db'}"
    build_truth_db(url).dispose()
    return url
