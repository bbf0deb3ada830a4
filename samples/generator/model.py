"""The data a sample document is made of.

Renderers (reportlab, LibreOffice) and the ground-truth writer read the same objects, so a
PDF and its `.expected.json` can never disagree about what was printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

MarkStyle = Literal["x", "glyph", "check", "drawn", "form"]
Producer = Literal["reportlab", "libreoffice"]
TableStyle = Literal["ruled", "whitespace"]


@dataclass
class Layout:
    """How one sample is drawn; each field is a way real kommuner differ."""

    producer: Producer = "libreoffice"
    table_style: TableStyle = "whitespace"
    thousands_sep: str = " "  # " ", "\u00a0" (no-break) or "\u2009" (thin)
    minus: str = "-"  # "-", "\u2212" (Unicode minus) or "\u2013" (en dash)
    mark_style: MarkStyle = "x"
    mark_text: str = "x"  # the printed mark when mark_style is "x" (e.g. "X")
    font: str = "Liberation Sans"
    # Split this table kind over a page break with its header row repeated.
    split_table: str | None = None
    features: list[str] = field(default_factory=list)  # human-readable, for the manifest


@dataclass
class Column:
    """One printed column: the header as printed (lines joined by \\n) and what it means."""

    header: str  # e.g. "Avv.\nprognos/\nbudget 2025"  (\n = printed line break)
    measure: str  # contract measure: budget, prognos, avvikelse, utfall, differens, mal, ...
    year: int
    decimals: int = 0
    percent: bool = False  # print "9,1%"


@dataclass
class Row:
    label: str  # as printed, may contain \n where the label wraps
    values: list[float | int | None]  # one per column; None prints as empty (or null_text)
    parent: str | None = None  # Investeringar hierarchy
    null_text: str = ""  # e.g. "Inget värde"
    bold: bool = False


@dataclass
class Table:
    kind: str  # drift, investeringar, personalomsattning, sjukfranvaro, arbetsmiljomal
    title: str | None  # as printed above/in the table, or None
    unit: str  # tkr, procent, andel
    label_header: str  # top-left header cell, e.g. "Belopp i tkr"
    columns: list[Column]
    rows: list[Row]
    # Printed lines between the title and the table (arbetsmiljömål: the title is the goal
    # line, lead is ["Indikator: ..."] and the row label is empty: the seed prints none).
    lead: list[str] = field(default_factory=list)


@dataclass
class Control:
    kontroll: str
    resultat: str
    bedomning: str | None
    atgard: str


@dataclass
class InternalControl:
    risk: str  # "Att nämnden inte har ett fungerande systematiskt kvalitetsarbete."
    riskbeskrivning: str
    riskvarde: int
    controls: list[Control]


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Paragraph:
    text: str


@dataclass
class BulletList:
    items: list[str]
    numbered: bool = False


@dataclass
class InternalControlTable:
    title: str
    headers: list[str]
    items: list[InternalControl]


Block = Heading | Paragraph | BulletList | Table | InternalControlTable


@dataclass
class Question:
    number: str  # as printed: "1.2", "4.4."
    text: str  # question text as printed (no line breaks)
    has_boxes: bool  # False: open question
    answer: str | None  # "ja" | "nej" | "delvis" | "vet_ej" | None
    comment: list[str]  # paragraphs / list items in reading order
    fields: dict[str, str | int] = field(default_factory=dict)


@dataclass
class Section:
    number: str  # "1"
    title: str  # "Verksamhetsstyrning och uppföljning"
    has_boxes: bool
    questions: list[Question]


@dataclass
class Enkat:
    kommun: str  # "Alingsås"
    kommun_official: str  # "Alingsås kommun"
    namnd: str  # "Vård- och omsorgsnämnden"
    year: int
    title_lines: list[str]  # the cover/title block as printed
    columns: list[str]  # answer columns in printed order, e.g. ["Ja", "Nej", "Delvis", "Vet ej"]
    sections: list[Section]
    layout: Layout


@dataclass
class Delarsbokslut:
    kommun: str
    kommun_official: str
    namnd: str
    year: int
    period: str  # "januari-augusti"
    title_lines: list[str]
    running_header: str  # printed at the top of every page after the first
    blocks: list[Block]
    layout: Layout


# Decisions, risks and actions are written inline in the data as [[D:...]], [[R:...]] and
# [[A:...]]; renderers print only the inner text, the ground truth records each as a finding.
