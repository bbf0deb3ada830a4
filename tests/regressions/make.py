"""The regression fixtures: one PDF per bug, built here, beside `<slug>.expected.json`.

An enkät case draws its PDF (tests/enkat_pdf.py) from questions whose answers and comments
are the truth; a table case prints a random delårsbokslut layout (samples/generator, a
tuning seed with the fields that make the bug forced) whose truth the generator writes from
the same draw. Either way the expected file comes from the drawing's own spec, never from
what the extractor reads. `pytest tests/test_regressions.py --regen` (or `python -m
tests.regressions.make`) writes them again; a plain run only reads them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..enkat_pdf import FONT_BOLD, Q, make_enkat_pdf, register_fonts

HERE = Path(__file__).parent
VALUE = {"Ja": "ja", "Nej": "nej", "Delvis": "delvis", "Vet ej": "vet_ej"}


@dataclass
class Case:
    """A bug as a PDF: the questions drawn, how, and what a correct reading gives."""

    why: str
    questions: list[Q]
    draw: Callable[[Path, list[Q]], Path]
    # number → comment as one reads it, where it is not the drawn lines joined by "\n"
    comments: dict[str, str] | None = None

    def expected(self) -> dict[str, object]:
        comments = self.comments or {}
        return {
            "why": self.why,
            "answers": [
                {
                    "number": q.number,
                    "question": q.text,
                    "answer": VALUE[q.marked[0]] if len(q.marked) == 1 else None,
                    "comment": comments.get(q.number, "\n".join(q.comment)),
                    "flags": ["multiple_marks"] if len(q.marked) > 1 else [],
                }
                for q in self.questions
            ],
        }


def _close_after_the_question(path: Path, questions: list[Q]) -> Path:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    end = 60 + stringWidth(f"{questions[0].number} {questions[0].text}", FONT_BOLD, 9)
    return make_enkat_pdf(path, questions, style="x", first_column_x=end + 8, section="1 Mål")


WRAPPED = ["Under året fattades", "2 beslut om mål."]  # one paragraph, wrapped before "2"


@dataclass
class TableCase:
    """A table-reading bug as a random layout: seed, forced fields, producer (rebuilding a
    libreoffice case needs `soffice`)."""

    why: str
    seed: int
    producer: str
    force: dict[str, object]


TABLE_CASES: dict[str, TableCase] = {
    "table-rows-in-both-margins": TableCase(
        "a table's rows at a page's foot and the next page's top, the same words with other "
        "figures ('2023 9,3% ...' / '2022 10,1% ...'), are rows, not running heads or feet",
        134,
        "chromium",
        {},
    ),
    "table-header-repeated-in-the-top-margin": TableCase(
        "a table's header repeated atop each page it runs over, right on its first row, is "
        "its header, not a running head, though it recurs in the top margin",
        451,
        "chromium",
        {},
    ),
    "table-title-ending-the-page-before": TableCase(
        "a transposed table whose header opens the page takes its title (Sjukfrånvaro) from "
        "the last line of the page before, and its last row from the next page",
        35,
        "chromium",
        {},
    ),
    "table-sparse-rows-opening-a-page": TableCase(
        "a continued table opening its page with a row of blank cells ('Finansnetto 0,0 0,0') "
        "goes on with the fuller row after it",
        503,
        "chromium",
        {},
    ),
    "table-last-row-alone-with-a-blank-cell": TableCase(
        "a table's last row alone at the next page's top, one cell blank (fewer columns), "
        "goes on with the table",
        401,
        "chromium",
        {},
    ),
    "table-header-wrapped-up-beside-its-title": TableCase(
        "a column header wrapped up onto the title line that carries the headers "
        "('Personalomsättning   Jan–aug' / 'externt (%)  Jan–aug 2024  2023**') keeps its top",
        55,
        "chromium",
        {},
    ),
    "table-header-wrapped-repeated-in-the-top-margin": TableCase(
        "a wrapped header repeated atop the next page, its top line in the margin ('Dag 60' "
        "over 'Kvinnor Män ... >'), is the header, not a running head",
        631,
        "chromium",
        {},
    ),
    "table-last-column-blank-on-its-first-page": TableCase(
        "a header phrase right of the last column read on a page ('Kvinnor  Män' over a "
        "row that leaves Män blank) is a blank column of its own, not part of Kvinnor",
        732,
        "chromium",
        {},
    ),
    "table-label-broken-inside-a-word-numbers-last": TableCase(
        "a label word too long for its column, broken by the producer at the column's edge "
        "('Larm och' / 'trygghetstekni' / 'k' with the figures), is one word again",
        32,
        "libreoffice",
        {},
    ),
    "table-label-broken-inside-a-word-numbers-first": TableCase(
        "a label's word broken at the column's edge on the lines after its figures "
        "('Övriga' / 'verksamhetskostnade' / 'r') is one word again; a title set larger "
        "right over the header ('Investeringsprojekt, tkr') heads no column",
        155,
        "libreoffice",
        {},
    ),
}


CASES: dict[str, Case] = {
    "x-in-running-text": Case(
        "the letter x inside a comment (3 x 4 meter) is no mark",
        [Q("1.1", "Har nämnden fastställt mål?", ["Ja"], comment=["Lokalen är 3 x 4 meter."])],
        lambda path, qs: make_enkat_pdf(path, qs, style="x"),
    ),
    "x-close-after-question": Case(
        "an x printed 8 pt after the question's last word is still a mark, not question text",
        [Q("1.1", "Har nämnden fastställt mål?", ["Ja"], comment=["Ja, i budgeten."])],
        _close_after_the_question,
    ),
    "sub-questions-and-numbers-in-comments": Case(
        '3.1.1 is a question of its own; "2.5 miljoner" starting a comment line is not',
        [
            Q("3.1", "Finns det en internkontrollplan?", ["Ja"], comment=["Ja, antagen."]),
            Q("3.1.1", "Ange antal kontrollpunkter.", boxed=False, comment=["Tre."]),
            Q("3.2", "Har en riskanalys genomförts?", ["Nej"], comment=["2.5 miljoner avsattes."]),
            Q("3.3", "Följs planen upp?", ["Delvis"]),
        ],
        lambda path, qs: make_enkat_pdf(path, qs, style="glyph", section="3 Intern"),
    ),
    "comment-line-starting-with-a-section-number": Case(
        'a paragraph wrapped before "2 beslut" stays in the comment: no heading of section 2',
        [
            Q("1.1", "Har nämnden fastställt mål?", ["Ja"], comment=WRAPPED),
            Q("2.1", "Finns en budget?", ["Nej"]),
        ],
        lambda path, qs: make_enkat_pdf(path, qs, style="glyph", comment_gap=11),
        comments={"1.1": " ".join(WRAPPED)},
    ),
    "doubly-marked": Case(
        "two marks on one question: the answer is left null and flagged, never guessed",
        [
            Q("1.1", "Har nämnden fastställt mål?", ["Ja", "Delvis"], comment=["Både och."]),
            Q("1.2", "Följs målen upp under året?", ["Nej"]),
        ],
        lambda path, qs: make_enkat_pdf(path, qs, style="drawn"),
    ),
}


def pdf_path(slug: str) -> Path:
    return HERE / f"{slug}.pdf"


def expected_path(slug: str) -> Path:
    return HERE / f"{slug}.expected.json"


def write(slug: str) -> None:
    """Draw the case's PDF and write its expected file from the same spec."""
    if slug in TABLE_CASES:
        write_table_case(slug)
        return
    case = CASES[slug]
    case.draw(pdf_path(slug), case.questions)
    text = json.dumps(case.expected(), ensure_ascii=False, indent=2) + "\n"
    expected_path(slug).write_text(text, encoding="utf-8")


def write_table_case(slug: str) -> None:
    """Print the case's layout and keep the generator's truth, with why, beside it."""
    import sys

    sys.path.insert(0, str(HERE.parent.parent / "samples"))
    from generator import random_report

    case = TABLE_CASES[slug]
    layout = random_report.draw(case.seed, **case.force)
    layout.name = slug
    random_report.render(layout, case.producer, HERE)
    path = expected_path(slug)
    truth = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps({"why": case.why, **truth}, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    for name in [*CASES, *TABLE_CASES]:
        write(name)
