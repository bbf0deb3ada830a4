"""The one page model: words read once, one line grouper, one furniture pass, phrases."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from kommunkoll.extractors.layout import (
    LayoutSettings,
    Page,
    Word,
    group_lines,
    mark_furniture,
    phrases,
    read_page,
)


def _pdf(tmp_path: Path) -> Path:
    path = tmp_path / "layout.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for number in (1, 2, 3):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, 815, "Alingsås kommun · Delårsbokslut 2025")
        canvas.drawString(290, 25, f"Sida {number} av 3")
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, 700, f"Rad på sida {number}")
        canvas.drawString(72, 680, "Summa")
        canvas.drawRightString(300, 680, "-1 189 024")
        canvas.drawRightString(400, 680, "12,5")
        canvas.setFont("Helvetica", 6)
        canvas.drawString(102, 683, "1)")  # a footnote marker, raised: same line
        canvas.showPage()
    canvas.save()
    return path


def test_pages_lines_tokens_and_furniture(tmp_path: Path) -> None:
    with pdfplumber.open(_pdf(tmp_path)) as pdf:
        pages = [read_page(page, n) for n, page in enumerate(pdf.pages, start=1)]
    mark_furniture(pages)
    for page in pages:
        assert [line.text for line in page.lines if line.furniture] == [
            "Alingsås kommun · Delårsbokslut 2025",
            f"Sida {page.number} av 3",
        ]
        body = page.body
        assert [line.text for line in body] == [
            f"Rad på sida {page.number}",
            "Summa 1) -1 189 024 12,5",
        ]
        assert [t.text for t in body[1].tokens] == ["Summa", "1)", "-1 189 024", "12,5"]
        assert page.text.splitlines()[0] == "Alingsås kommun · Delårsbokslut 2025"


def test_one_page_is_no_running_header_but_a_page_number_is_furniture(tmp_path: Path) -> None:
    with pdfplumber.open(_pdf(tmp_path)) as pdf:
        page = read_page(pdf.pages[0], 1)
    mark_furniture([page])
    assert [line.text for line in page.lines if line.furniture] == ["Sida 1 av 3"]


def _word(text: str, x0: float, top: float = 100.0, size: float = 10.0) -> Word:
    return Word(text, x0, x0 + 5 * len(text), top, top + size, size)


def test_phrases_split_at_a_column_gap_and_settings_change_it() -> None:
    words = [_word("Budget", 100), _word("helår", 133), _word("2025", 200)]
    assert [[w.text for w in p] for p in phrases(words)] == [["Budget", "helår"], ["2025"]]
    wide = LayoutSettings(phrase_gap=5.0)
    assert [[w.text for w in p] for p in phrases(words, wide)] == [["Budget", "helår", "2025"]]


def test_words_on_lines_by_overlap_not_by_order() -> None:
    words = [_word("b", 50, 101), _word("a", 10, 100), _word("c", 10, 114)]
    assert [line.text for line in group_lines(words, 1)] == ["a b", "c"]


def _margin_page(number: int, head: str, foot: str) -> Page:
    """A page with `head` in its top margin, `foot` in its bottom one and a body between."""
    words = [
        *(_word(w, 72 + 60 * i, 20) for i, w in enumerate(head.split())),
        _word("Brödtext", 72, 400),
        *(_word(w, 72 + 60 * i, 815) for i, w in enumerate(foot.split())),
    ]
    return Page(number, 595.0, 842.0, group_lines(words, number))


def test_margin_text_is_furniture_when_its_numbers_differ_in_one_place_only() -> None:
    """Page 3's head differs from page 1's in one number (the page's) and from page 2's in
    two: alike pages are those within one number, so it is furniture by page 1. The foot
    rows' figures differ in two places from every other page: table rows, not furniture.
    Page 4's head differs from each other in two places; its foot is a page number."""
    pages = [
        _margin_page(1, "Rapport 2025 del 1", "2023 9,3 4,2"),
        _margin_page(2, "Rapport 2024 del 2", "2022 10,1 5,6"),
        _margin_page(3, "Rapport 2025 del 3", "2021 8,8 3,0"),
        _margin_page(4, "Rapport 2023 del 9", "Sida 4 av 4"),
    ]
    mark_furniture(pages)
    assert [[line.text for line in page.lines if line.furniture] for page in pages] == [
        ["Rapport 2025 del 1"],
        [],
        ["Rapport 2025 del 3"],
        ["Sida 4 av 4"],
    ]
