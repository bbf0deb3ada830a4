"""Table figures on a scan: the minus sign seen in the pixels, and a row of figures read a
second time by real Tesseract, on rows drawn here in several fonts (the truth is what was
drawn)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from kommunkoll.extractors import ocr
from kommunkoll.extractors.layout import Word, group_lines
from kommunkoll.extractors.numbers import parse_number
from kommunkoll.extractors.ocr_figures import has_minus, is_figure, reread_figures

FONTS = Path("/usr/share/fonts/truetype/dejavu")
FACES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSansCondensed.ttf"]
DPI = 250


def _draw(
    cells: list[str], face: str, points: float = 9.0, gap: float = 60.0, prose: str = ""
) -> tuple:
    """A white strip with `cells` drawn left to right, and the ink box (points) of each
    cell's digits (after its sign)."""
    scale = DPI / 72
    font = ImageFont.truetype(str(FONTS / face), round(points * scale))
    image = Image.new("L", (round(900 * scale), round(44 * scale)), 255)
    draw = ImageDraw.Draw(image)
    x, boxes = 20 * scale, []
    for text in cells:
        draw.text((x, 6 * scale), text, font=font, fill=0)
        # the box of the digits, after a sign
        sign = len(text) - len(text.lstrip("-"))
        at = (x + font.getlength(text[:sign]), 6 * scale)
        left, top, _, bottom = draw.textbbox(at, text[sign:], font=font)
        right = draw.textbbox((x, 6 * scale), text, font=font)[2]
        boxes.append(tuple(v / scale for v in (left, top, right, bottom)))
        x = right + gap * scale
    if prose:  # a line of text below, as wide as the page's text
        draw.text((20 * scale, 26 * scale), prose, font=font, fill=0)
    return np.array(image), boxes


@pytest.mark.parametrize("face", FACES)
def test_a_minus_is_seen_before_any_digit_and_never_in_one(face: str) -> None:
    digits = [str(d) for d in range(10)]
    plain, plain_boxes = _draw(digits, face)
    signed, signed_boxes = _draw(["-" + d for d in digits], face)
    scale = DPI / 72
    for d, box in zip(digits, plain_boxes, strict=True):
        assert not has_minus(plain, box, scale), d
    for d, box in zip(digits, signed_boxes, strict=True):
        assert has_minus(signed, box, scale), "-" + d


def test_what_ocr_makes_of_a_figure_is_a_figure_and_a_range_is_not() -> None:
    assert [is_figure(t) for t in ["7.94", ":77", "0,2N0", "-4617", "12"]] == [True] * 5
    assert [is_figure(t) for t in ["1-14", "2024/2025", "(26)", "budget", "§"]] == [False] * 5


@pytest.mark.parametrize("face", FACES)
def test_a_row_of_figures_reads_as_drawn(face: str) -> None:
    """Signs, thin-space groups and "%" as drawn, whatever the first reading made of them
    (the last cell lies within the page's text width, as on a page)."""
    cells = ["-4 617", "12 543", "-0,6%", "7,9%", "-77 015", "3"]
    prose = "Kostnaderna har ökat jämfört med föregående år, främst för köp av tjänster " * 2
    gray, _ = _draw(["Kostnader", *cells], face, prose=prose)
    first = ocr.ocr_words(gray, DPI)
    words = reread_figures(first, gray, DPI, ocr.tessdata_dir())
    wrapped = [Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"]) for w in words]
    line, _ = group_lines(wrapped)
    values = [parse_number(t.text) for t in line.tokens if is_figure(t.text.replace(" ", ""))]
    assert values == [parse_number(c) for c in cells]
