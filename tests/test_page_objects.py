"""Our page objects are pdfplumber's, key for key and in order, on every PDF we have.

extractors/page_objects.py builds the dictionaries pdfplumber's `Page.parse_objects` builds,
faster. Everything downstream (words, tables, answer boxes) reads them, so any difference
would change what is extracted: they are compared here with pdfplumber's own, on the
committed samples, the random layouts of every PDF producer, the regression fixtures, and a
page made to have what those lack (a MediaBox not at the origin, a turned page, curves, a
dashed line, an image inside a form XObject, NFKC-normalised text, pdfminer's text boxes).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from kommunkoll.extractors.page_objects import parse_objects, prime

from .conftest import ROOT

PDFS = sorted(
    p.relative_to(ROOT)
    for folder in ("samples", "samples/random", "tests/regressions")
    for p in (ROOT / folder).glob("*.pdf")
)


def _ordered(objects: dict[str, list[dict[str, Any]]]) -> list[Any]:
    """The objects with their keys' order, which a dict comparison ignores."""
    return [(kind, [list(o.items()) for o in found]) for kind, found in objects.items()]


def _compare(pdf: pdfplumber.PDF) -> int:
    """Pages compared; fails on the first page whose objects differ from pdfplumber's."""
    for page in pdf.pages:
        ours = parse_objects(page)
        assert _ordered(ours) == _ordered(page.parse_objects()), page.page_number
    return len(pdf.pages)


def test_the_corpus_is_there() -> None:
    assert len(PDFS) == 58


@pytest.mark.parametrize("path", PDFS, ids=str)
def test_objects_equal_pdfplumbers(path: Path) -> None:
    with pdfplumber.open(ROOT / path) as pdf:
        assert _compare(pdf) == len(pdf.pages)


def _unusual_pdf() -> bytes:
    """Two pages with what the corpus lacks, the second turned and its MediaBox moved."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842))
    for page in range(2):
        c.setFont("Helvetica", 11)
        c.drawString(72, 760, f"Nämnd {page + 1}: yta 5 m² per elev")
        c.setDash(3, 2)
        c.line(72, 750, 500, 750)
        c.setDash()
        c.setStrokeColorRGB(0.2, 0.4, 0.6)
        c.bezier(72, 700, 150, 740, 250, 660, 320, 700)
        c.setFillColorCMYK(0, 0.5, 1, 0)
        c.rect(72, 600, 100, 40, fill=1)
        c.beginForm(f"figure{page}")
        image = Image.new("RGB", (8, 8), (200, 30, 30))
        c.drawImage(ImageReader(image), 0, 0, 40, 40)
        c.setFont("Times-Roman", 9)
        c.drawString(0, 45, "Bild")
        c.endForm()
        c.doForm(f"figure{page}")
        c.showPage()
    c.save()
    doc = pikepdf.open(io.BytesIO(out.getvalue()))
    doc.pages[1].MediaBox = [30, 40, 625, 882]
    doc.pages[1].Rotate = 90
    moved = io.BytesIO()
    doc.save(moved)
    return moved.getvalue()


DRAWN = {"char": 30, "line": 1, "curve": 1, "rect": 1, "image": 1}
GROUPED = {"textboxhorizontal": 1, "textlinehorizontal": 1, "figure": 2}  # page 1's


@pytest.mark.parametrize(
    "options, kinds, squared",
    [({}, DRAWN, "²"), ({"unicode_norm": "NFKC"}, DRAWN, "2"), ({"laparams": {}}, GROUPED, "²")],
    ids=["plain", "nfkc", "laparams"],
)
def test_objects_equal_pdfplumbers_on_an_unusual_page(
    options: dict[str, Any], kinds: dict[str, int], squared: str
) -> None:
    with pdfplumber.open(io.BytesIO(_unusual_pdf()), **options) as pdf:
        assert _compare(pdf) == 2
        first, turned = (parse_objects(page) for page in pdf.pages)
        assert {kind: len(first[kind]) for kind in kinds} == kinds
        assert first["char"][16]["text"] == squared
        assert (first["char"][0]["x0"], round(turned["char"][0]["x0"], 3)) == (72.0, 757.723)


def test_a_primed_page_reads_them_through_pdfplumbers_api() -> None:
    with pdfplumber.open(ROOT / PDFS[0]) as pdf:
        page = pdf.pages[0]
        want = page.extract_words()
        page.close()
        prime(page)
        objects = page.objects
        assert page.chars is objects["char"]
        assert page.extract_words() == want
