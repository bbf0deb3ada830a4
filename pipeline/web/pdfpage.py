"""A PDF page as a PNG (pypdfium2), and where a value's box lies on it, for the web pages.

Boxes are stored in PDF points from the page's top left (pdfplumber's x0/top/x1/bottom), so
the box on the picture is the same fractions of the page's width and height.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium

from kommunkoll.vocabulary import NOT_FOUND

SCALE = 2.0  # 144 dpi: sharp enough to read a table's digits


@lru_cache(maxsize=64)
def page_png(path: str, page: int, mtime: float, scale: float = SCALE) -> bytes:
    """The rendered page (1-based). `mtime` is in the key so a replaced file is re-rendered."""
    document = pdfium.PdfDocument(path)
    try:
        if not 1 <= page <= len(document):
            raise IndexError(
                NOT_FOUND["page"].format(name=Path(path).name, pages=len(document), page=page)
            )
        image = document[page - 1].render(scale=scale).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=3)  # fast; optimize=True costs 10x
    return buffer.getvalue()


def page_size(path: str, page: int) -> tuple[float, float]:
    """Width and height in PDF points, as rendered."""
    document = pdfium.PdfDocument(path)
    try:
        return document[page - 1].get_size()
    finally:
        document.close()


def box_percent(
    bbox: tuple[float, float, float, float], size: tuple[float, float], pad: float = 2.0
) -> dict[str, float]:
    """CSS left/top/width/height in percent of the page for a box in points (padded a little)."""
    x0, top, x1, bottom = bbox
    width, height = size
    return {
        "left": max(0.0, (x0 - pad) / width * 100),
        "top": max(0.0, (top - pad) / height * 100),
        "width": (x1 - x0 + 2 * pad) / width * 100,
        "height": (bottom - top + 2 * pad) / height * 100,
    }
