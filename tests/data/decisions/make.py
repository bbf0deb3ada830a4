"""Build decisions.pdf and its ground truth: every decision-reference form, split every way.

Run from the repository root: `.venv/bin/python tests/data/decisions/make.py`. The ground
truth is the list of references this script prints, page by page (each once per page),
written as decisions.expected.json beside the PDF — never the extractor's output.
Deterministic (reportlab invariant=1).
"""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# Each page: lines of running text (x, text), then table rows (cells at x positions).
PAGE_1 = [
    "Alingsås kommun",
    "Vård- och omsorgsnämnden",
    "Delårsbokslut 2025, januari–augusti",
    "Risk- och väsentlighetsanalysen behandlades på arbetsutskottets sammanträde 2024-11-05",
    "§ 53 punkt a. Resultatet antogs vid fastställandet av budgeten.",
    "Fullmäktige fastställde ramarna, KF § 152/2024, och nämnden följde upp enligt",
    "§ 53 punkt a i samma protokoll.",
    "Nämndens beslut 2024-11-05, § 53 gäller tills vidare. Budgeten antogs VON § 85/2024",
    "och återrapporterades senare VON § 85/2024. Även i juni nämndes VON § 85/2024.",
    "Handlingsplanen beslutades den 6 november 2024, § 152 och följs upp under hösten VON §",
]
PAGE_2 = [
    "86/2024 gäller även här, liksom KF 2024-11-06 § 152.",
]
# A table with a narrow Beslut column whose references wrap inside the cell.
TABLE = [
    ("Åtgärd", "Beslut", "Kommentar"),
    ("Ny bemanningsplan för", "VON §", "Planen har tagits fram av förvaltningen och"),
    ("hemtjänsten", "38/2025", "följs upp varje månad i nämnden."),
    ("Översyn av lokaler", "2025-03-27", "Översynen redovisas i samband med"),
    ("", "§ 22", "delårsbokslutet och årsredovisningen."),
]
EXPECTED = [
    ("2024-11-05 § 53 punkt a", 1),
    ("KF § 152/2024", 1),
    ("§ 53 punkt a", 1),
    ("2024-11-05, § 53", 1),
    ("VON § 85/2024", 1),
    ("den 6 november 2024, § 152", 1),
    ("VON § 86/2024", 1),  # over the page break: its page is where it begins
    ("KF 2024-11-06 § 152", 2),
    ("VON § 38/2025", 2),
    ("2025-03-27 § 22", 2),
]


def main() -> None:
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdf = HERE / "decisions.pdf"
    canvas = Canvas(str(pdf), pagesize=A4, invariant=1)
    width, height = A4
    for number, lines in ((1, PAGE_1), (2, PAGE_2)):
        canvas.setFont("DejaVu", 9.5)
        y = height - 72
        for line in lines:
            canvas.drawString(56, y, line)
            y -= 14
        if number == 2:
            y -= 20
            columns = (56, 220, 300)
            for row in TABLE:
                for x, cell in zip(columns, row, strict=True):
                    canvas.drawString(x, y, cell)
                y -= 13
        canvas.setFont("DejaVu", 8)
        canvas.drawString(width / 2, 30, str(number))  # page number footer
        canvas.showPage()
    canvas.save()
    truth = [{"kind": "decision", "text": t, "page": p} for t, p in EXPECTED]
    (HERE / "decisions.expected.json").write_text(
        json.dumps({"findings": truth}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
