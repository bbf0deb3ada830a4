"""Report pages with one table each, drawn with reportlab from a spec that is also the ground
truth: each failure class of issue 11 gets a PDF built for it, and the test compares every
cell the reader returns with the spec's (label, header, measure, year, value)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

Value = int | float | None


@dataclass
class Spec:
    kind: str
    title: str
    unit: str
    stub: str  # the header text over the labels ("Belopp (tkr)"), may be ""
    headers: list[str]  # one per column, "\n" a printed line break
    keys: list[tuple[str | None, int | None]]  # (measure, year) per column: the truth
    rows: list[tuple[str, list[Value]]]  # label ("\n": wrapped), values (None: blank cell)
    decimals: int = 0
    suffix: str = ""  # "%" after each value
    title_carries_headers: bool = False  # the headers printed on the title line
    numbers_on_last_line: bool = True  # a wrapped label's values on its last line
    rules: bool = False
    bold: set[str] = field(default_factory=set)

    def truth(self) -> list[tuple]:
        return [
            (" ".join(label.split()), " ".join(h.split()), m, y, None if v is None else v + 0)
            for label, values in self.rows
            for h, (m, y), v in zip(self.headers, self.keys, values, strict=True)
        ]


def fmt(value: Value, decimals: int, suffix: str) -> str:
    if value is None:
        return ""
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    return ("-" if value < 0 else "") + text + suffix


def draw_table(canvas: Canvas, spec: Spec, top: float, font: str = "Helvetica") -> float:
    """Draw one table from `top` (PDF y, bottom-left origin); returns the y below it."""
    size, lead = 9.0, 11.5
    left, label_w, col_w = 60.0, 190.0, 62.0
    right_edges = [left + label_w + col_w * (i + 1) for i in range(len(spec.headers))]
    y = top
    if spec.title_carries_headers:
        canvas.setFont(font + "-Bold", size)
        canvas.drawString(left, y, spec.title)
        lines = max(h.count("\n") + 1 for h in spec.headers)
        for i, header in enumerate(spec.headers):
            for k, part in enumerate(header.split("\n")):
                canvas.drawRightString(right_edges[i] - 4, y - k * lead, part)
        y -= lead * lines
    else:
        canvas.setFont(font + "-Bold", 11)
        canvas.drawString(left, y, spec.title)
        y -= 18
        lines = max(h.count("\n") + 1 for h in spec.headers)
        canvas.setFont(font + "-Bold", size)
        canvas.drawString(left, y - (lines - 1) * lead, spec.stub)
        for i, header in enumerate(spec.headers):
            parts = header.split("\n")
            for k, part in enumerate(parts):
                canvas.drawRightString(
                    right_edges[i] - 4, y - (lines - len(parts) + k) * lead, part
                )
        y -= lead * lines
    if spec.rules:
        canvas.line(left, y + lead - 2.5, right_edges[-1], y + lead - 2.5)
    for label, values in spec.rows:
        parts = label.split("\n")
        bold = label in spec.bold
        canvas.setFont(font + ("-Bold" if bold else ""), size)
        numbers_at = len(parts) - 1 if spec.numbers_on_last_line else 0
        for k, part in enumerate(parts):
            canvas.drawString(left + (8 if k else 0), y - k * lead, part)
        for i, value in enumerate(values):
            canvas.drawRightString(
                right_edges[i] - 4, y - numbers_at * lead, fmt(value, spec.decimals, spec.suffix)
            )
        y -= lead * len(parts)
        if spec.rules:
            canvas.line(left, y + lead - 2.5, right_edges[-1], y + lead - 2.5)
    return y - 14


def build(path: Path, specs: list[Spec], prose_after: str = "") -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(60, 790, "Delårsbokslut 2025")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(60, 772, "Alingsås kommun, Vård- och omsorgsnämnden, januari-augusti 2025")
    y = 740.0
    for spec in specs:
        y = draw_table(canvas, spec, y)
    if prose_after:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(60, y, prose_after)
    canvas.showPage()
    canvas.save()
    return path
