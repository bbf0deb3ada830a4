"""The extraction contract (version 1) as pydantic models.

This is the product's public output; `schema/extraction.schema.json` is generated from these
models (`kommunkoll schema`) and a test keeps the committed file equal to them. Fields may be
added; the contract's fields are never renamed. Extra provenance (bbox, checks, warnings) is
welcome, so every model allows extra keys.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kommunkoll import vocabulary

SCHEMA_VERSION = 1

DocumentKind = Literal[tuple(vocabulary.DOCUMENT_KINDS)]  # type: ignore[valid-type]
TableKind = Literal[tuple(vocabulary.TABLE_KINDS)]  # type: ignore[valid-type]
Unit = Literal[tuple(vocabulary.UNITS)]  # type: ignore[valid-type]
Measure = Literal[tuple(vocabulary.MEASURES)]  # type: ignore[valid-type]
AnswerValue = Literal[tuple(vocabulary.ANSWERS)]  # type: ignore[valid-type]
FindingKind = Literal[tuple(vocabulary.FINDING_KINDS)]  # type: ignore[valid-type]
MarkKind = Literal[tuple(vocabulary.MARK_KINDS)]  # type: ignore[valid-type]
FindingOrigin = Literal[tuple(vocabulary.FINDING_ORIGINS)]  # type: ignore[valid-type]

BBox = tuple[float, float, float, float]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Source(_Open):
    filename: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    pages: int = Field(ge=1)


class DocumentInfo(_Open):
    kind: DocumentKind
    kommun: str
    namnd: str
    year: int = Field(ge=1990, le=2100)
    period: str | None = Field(description='e.g. "januari-augusti"; null when not a period')


class Cell(_Open):
    measure: Measure | None = Field(
        description="null when the column's header names no known measure (see `header`)"
    )
    year: int | None = Field(description="null when the header prints none and implies none")
    value: float | int | None
    bbox: BBox | None = Field(default=None, description="x0, top, x1, bottom in PDF points")
    page: int | None = Field(default=None, ge=1, description="1-based page the value is on")
    text: str | None = Field(
        default=None,
        description="the cell as printed (digit groups joined by a space); empty when blank",
    )
    header: str | None = Field(
        default=None, description="its column's header as printed, whitespace collapsed"
    )


class Row(_Open):
    label: str
    cells: list[Cell]
    parent: str | None = Field(
        default=None, description="label of the line this one is a sub-line of (Investeringar)"
    )
    page: int | None = Field(default=None, ge=1)
    bbox: BBox | None = Field(default=None, description="x0, top, x1, bottom in PDF points")


class Check(_Open):
    """One arithmetic check on a table; `ok` false is a warning, never an error."""

    name: str
    expected: float | int
    found: float | int | None
    ok: bool
    tolerance: float | None = Field(
        default=None, description="allowed |found − expected|: one unit of the last printed digit"
    )


class Table(_Open):
    kind: TableKind
    title: str | None
    page: int = Field(ge=1)
    unit: Unit | None = Field(description="null only for an ovrigt table that prints none")
    rows: list[Row]
    checks: list[Check] = Field(default_factory=list)


class Mark(_Open):
    """Where a marked answer was seen: provenance for the `answer` a revisor relies on."""

    column: AnswerValue
    kind: MarkKind = Field(
        description="an x/✓ printed as text, a ☒ glyph, a drawn box with a cross or fill, "
        "or a PDF form checkbox/radio button"
    )
    page: int = Field(ge=1)
    bbox: BBox = Field(description="x0, top, x1, bottom in PDF points")


class Answer(_Open):
    number: str
    question: str
    answer: AnswerValue | None
    comment: str
    page: int = Field(ge=1)
    instruction: str = Field(
        default="",
        description="what the auditors printed with the question apart from its own "
        'paragraph ("Ange datum för nämndens beslut ..."): in italic or bold, before the '
        "answer row, or in the question's cell beside a comment column; never in `comment`, "
        "which is only what the nämnd wrote",
    )
    key: str | None = Field(
        default=None,
        description="the question's identity from its normalised wording, instruction "
        "included (years, numbers, case and punctuation aside); storing maps it onto a known "
        "question by similarity",
    )
    section: str | None = Field(default=None, description='the section heading, e.g. "1 Verk..."')
    bbox: BBox | None = Field(default=None, description="the question text on `page`")
    fields: dict[str, str | int] = Field(
        default_factory=dict,
        description="structured answers the question asks for (3.1: beslutsdatum, "
        "antal_kontrollpunkter); the same text stays in `comment`",
    )
    flags: list[str] = Field(
        default_factory=list,
        description='problems with this answer, e.g. "multiple_marks" (answer left null)',
    )
    marks: list[Mark] = Field(default_factory=list, description="every marked box seen")
    boxes: int = Field(
        default=0,
        description="answer boxes seen beside the question, marked or not: a null answer with "
        "boxes > 0 was left unmarked; 0 for an open question (or where only marks are printed)",
    )

    @property
    def wording(self) -> str:
        """The question as printed, its instruction included: what identifies it."""
        return f"{self.question} {self.instruction}".strip()


class FindingEntities(_Open):
    """What a finding's text mentions, each as printed (whitespace collapsed)."""

    units: list[str] = Field(default_factory=list, description='e.g. "avdelning hemtjänst"')
    amounts: list[str] = Field(default_factory=list, description='e.g. "46 miljoner kronor"')
    dates: list[str] = Field(default_factory=list, description='e.g. "2025-03-27"')
    percentages: list[str] = Field(default_factory=list, description='e.g. "8,3 procent"')
    decisions: list[str] = Field(default_factory=list, description='e.g. "VON § 85/2024"')


class Finding(_Open):
    kind: FindingKind
    text: str
    page: int = Field(ge=1)
    entities: FindingEntities | None = Field(
        default=None, description="units, amounts, dates, percentages and decisions named"
    )
    origin: FindingOrigin = Field(
        default=vocabulary.ORIGIN_TEXT,
        description="where it was found: a sentence of the text, an item of a numbered list "
        "of risks (Utmaningar och risker), or the internkontroll table",
    )


class Control(_Open):
    kontroll: str
    resultat: str | None
    bedomning: str | None
    atgard: str | None


class InternalControl(_Open):
    """One identified risk of the internkontroll table, with the controls made on it."""

    risk: str
    riskbeskrivning: str | None
    riskvarde: int | float | None
    page: int = Field(ge=1)
    controls: list[Control] = Field(default_factory=list)


class Gap(_Open):
    """Something the document evidently prints that no table read (the completeness check)."""

    page: int = Field(ge=1)
    text: str = Field(description="the line as printed, whitespace collapsed")
    reason: Literal["heading_without_table", "usual_line_not_read", "figures_not_read"] = Field(
        description="a heading naming a known table with no table under it; a line such a "
        "table always prints (Årets resultat) not read; a line of two or more figures in no table"
    )


class Extractor(_Open):
    name: str = "kommunkoll"
    version: str
    extractor_version: str


class Extraction(_Open):
    """One PDF's extraction: `kommunkoll extract FILE.pdf --json` prints exactly this."""

    schema_version: Literal[1] = SCHEMA_VERSION
    source: Source
    document: DocumentInfo
    tables: list[Table] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    internal_controls: list[InternalControl] = Field(default_factory=list)
    extractor: Extractor | None = None
    warnings: list[str] = Field(default_factory=list)
    gaps: list[Gap] = Field(
        default_factory=list,
        description="what the completeness check found printed but not read; each is also a "
        "warning, and a document with any is shown as 'varning'",
    )


def json_schema() -> dict:
    """The contract as JSON Schema (draft 2020-12), the file other tools validate against."""
    schema = Extraction.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:kommunkoll:extraction:v1"
    return schema
