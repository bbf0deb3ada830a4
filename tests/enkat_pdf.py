"""Build small real questionnaire PDFs (reportlab) with every kind of answer mark.

The test states what is printed (columns in some order, which boxes are marked and how);
the PDF is drawn from that, so the expected answer is the test's own input, never the code
under test. Positions are arbitrary on purpose: the extractor must read them, not know them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


@dataclass
class Q:
    number: str
    text: str
    marked: list[str] = field(default_factory=list)  # column labels as printed, e.g. ["Nej"]
    boxed: bool = True  # False: an open question (nothing in the answer columns)
    comment: list[str] = field(default_factory=list)


def register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))


def make_enkat_pdf(
    path: Path,
    questions: list[Q],
    *,
    columns: tuple[str, ...] = ("Ja", "Nej", "Delvis", "Vet ej"),
    style: str = "x",  # x | glyph | check | drawn | ticked | filled | boxed_x | form | radio
    first_column_x: float = 360.0,
    spacing: float = 42.0,
    field_names: dict[tuple[str, str], str] | None = None,
    running_header: str | None = "Alingsås kommun – Grundläggande granskning 2025",
    section: str = "1 Verksamhetsstyrning och uppföljning",
    per_page: int = 100,
    cover: list[str] | None = None,
    header_row: bool = True,
    repeat_header: bool = False,
    mark_row: str = "beside",  # beside | below | inline_left | inline_right
    comment_column: bool = False,  # comments in a "Kommentar" column right of the boxes
    comment_gap: float = 18,  # line pitch of the comment: 18 a paragraph each, 11 one paragraph
) -> Path:
    """A one-section enkät: title block, header row, questions with marks and comments."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    width, height = A4
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    xs = {c: first_column_x + i * spacing for i, c in enumerate(columns)}
    comment_x = first_column_x + len(columns) * spacing
    page = 1
    if cover:  # a title page of its own, before the questionnaire
        canvas.setFont(FONT, 14)
        for i, line in enumerate(cover):
            canvas.drawString(60, height - 200 - 24 * i, line)
        canvas.showPage()
        page += 1

    def furniture() -> None:
        canvas.setFont(FONT, 8)
        if running_header:
            canvas.drawString(60, height - 30, running_header)
        canvas.drawRightString(width - 50, 30, str(page))

    furniture()
    y = height - 70
    if not cover:
        canvas.setFont(FONT_BOLD, 15)
        canvas.drawString(60, y, "Alingsås kommun")
        canvas.setFont(FONT, 11)
        for line in ("Revisorerna", "Grundläggande granskning 2025", "Frågor till Socialnämnden"):
            y -= 16
            canvas.drawString(60, y, line)
    y -= 36

    def header() -> None:
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawString(60, y, section)
        for label, x in xs.items() if header_row else ():
            canvas.drawCentredString(x, y, label)
        if comment_column:
            canvas.drawString(comment_x, y, "Kommentar")

    header()
    y -= 22
    for n, q in enumerate(questions):
        if n and n % per_page == 0:
            canvas.showPage()
            page += 1
            furniture()
            y = height - 100  # below the margin band where running headers stand
            if repeat_header:  # a table continued on the next page repeats its header row
                header()
                y -= 22
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawString(60, y, f"{q.number} {q.text}")
        if q.boxed and mark_row in ("inline_left", "inline_right"):
            # The question's own answer row: each label printed beside its box, no columns.
            y -= 16
            x = 80.0
            canvas.setFont(FONT, 9)
            for label in columns:
                box_x = x + 5 if mark_row == "inline_left" else x + 4 + _width(label) + 9
                label_x = x + 14 if mark_row == "inline_left" else x
                _draw_mark(canvas, style, box_x, y, label in q.marked, field_names, q.number, label)
                canvas.setFont(FONT, 9)
                canvas.drawString(label_x, y, label)
                x += 70
        elif q.boxed:
            if mark_row == "below":  # the boxes on a row of their own under the question
                y -= 14
            for label, x in xs.items():
                _draw_mark(canvas, style, x, y, label in q.marked, field_names, q.number, label)
        canvas.setFont(FONT, 9)
        if comment_column:  # beside the question, one line a paragraph
            for i, paragraph in enumerate(q.comment):
                canvas.drawString(comment_x, y - 14 * i, paragraph)
            y -= 14 * max(len(q.comment) - 1, 0)
        else:
            for i, paragraph in enumerate(q.comment):
                y -= 18 if i == 0 else comment_gap
                canvas.drawString(60, y, paragraph)
        y -= 26
    canvas.showPage()
    canvas.save()
    return path


def _width(text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, FONT, 9)


def _draw_mark(canvas, style, x, y, on, names, number, label) -> None:  # type: ignore[no-untyped-def]
    size = 9.0
    left, bottom = x - size / 2, y - 1.5
    name = (names or {}).get((number, label)) or f"f{number.replace('.', '_')}_{len(label)}"
    if style in ("x", "check"):
        if on:
            canvas.setFont(FONT, 10)
            canvas.drawCentredString(x, y, "x" if style == "x" else "✓")
    elif style == "glyph":
        canvas.setFont(FONT, 11)
        canvas.drawCentredString(x, y, "☒" if on else "☐")
    elif style in ("drawn", "filled", "boxed_x", "ticked"):
        canvas.setLineWidth(0.7)
        canvas.rect(left, bottom, size, size, stroke=1, fill=0)
        if on and style == "ticked":  # a tick drawn as one path of two strokes
            path = canvas.beginPath()
            path.moveTo(left + 1.5, bottom + size / 2)
            path.lineTo(left + size / 2.5, bottom + 1.5)
            path.lineTo(left + size - 1.5, bottom + size - 1.5)
            canvas.drawPath(path, stroke=1, fill=0)
        elif on and style == "boxed_x":  # an x typed into a drawn box
            canvas.setFont(FONT, 8)
            canvas.drawCentredString(x, bottom + 1.5, "x")
        elif on and style == "drawn":
            canvas.line(left + 1.5, bottom + 1.5, left + size - 1.5, bottom + size - 1.5)
            canvas.line(left + 1.5, bottom + size - 1.5, left + size - 1.5, bottom + 1.5)
        elif on:
            canvas.rect(left + 2, bottom + 2, size - 4, size - 4, stroke=0, fill=1)
    elif style == "form":
        canvas.acroForm.checkbox(
            name=name, checked=on, x=left, y=bottom, size=size + 1, buttonStyle="cross"
        )
    elif style == "radio":
        canvas.acroForm.radio(
            name=f"q{number.replace('.', '_')}",
            value=f"v{len(label)}{label[:1]}",
            selected=on,
            x=left,
            y=bottom,
            size=size + 1,
        )
    else:
        raise ValueError(style)
