"""The normalised schema: one row per thing a revisor or analyst compares.

kommun → nämnd → document → (table → line → value | answer → question | finding).
Unique constraints make a duplicate impossible rather than unlikely; the document's sha256
is what "already stored" means.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


def _now() -> datetime:
    return datetime.now(UTC)


def _parent(table: str, **kwargs: object) -> Column:
    """A foreign key that takes its children with it when a document is deleted."""
    return Column(Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), **kwargs)


__all__ = [
    "Answer",
    "Check",
    "Document",
    "Finding",
    "IngestError",
    "InternalControl",
    "Kommun",
    "Line",
    "Namnd",
    "Question",
    "QuestionLink",
    "QuestionWording",
    "ReportTable",
    "Value",
]


class Kommun(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)


class Namnd(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("kommun_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    kommun_id: int = Field(foreign_key="kommun.id", index=True)
    name: str


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(unique=True, index=True, max_length=64)
    filename: str
    kind: str = Field(index=True)  # delarsbokslut | enkat
    namnd_id: int = Field(foreign_key="namnd.id", index=True)
    year: int = Field(index=True)
    period: str | None = None
    pages: int
    extractor_version: str
    # Lines the completeness check found printed but in no table read (0: none; null: before
    # the check existed).
    uncaptured: int | None = None
    # The extraction's warnings as written (a check that fails, a gap, an answer not read, a
    # repair by the parser, a value OCR was unsure of); null: stored before they were kept.
    warnings: list[str] | None = Field(default=None, sa_column=Column(JSON))
    # Where the file lives after ingest (processed/ or where it was kept), so it can be re-read.
    path: str | None = None
    ingested_at: datetime = Field(default_factory=_now)


class ReportTable(SQLModel, table=True):
    """A table as printed in one document (named so as not to shadow SQL's TABLE)."""

    __tablename__ = "report_table"
    __table_args__ = (UniqueConstraint("document_id", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_parent("document", nullable=False, index=True))
    position: int  # order in the document
    kind: str = Field(index=True)
    title: str | None = None
    page: int
    unit: str | None = None  # null only for an ovrigt table that prints none


class Line(SQLModel, table=True):
    """A table row; `parent_id` keeps Investeringar's hierarchy (Inventarier → Reinvestering)."""

    __table_args__ = (UniqueConstraint("table_id", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    table_id: int = Field(sa_column=_parent("report_table", nullable=False, index=True))
    position: int
    label: str = Field(index=True)
    parent_id: int | None = Field(default=None, foreign_key="line.id")


class Value(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("line_id", "measure", "year"),)
    id: int | None = Field(default=None, primary_key=True)
    line_id: int = Field(sa_column=_parent("line", nullable=False, index=True))
    measure: str | None = None  # null: the column's header names no known measure
    year: int | None = None
    number: float | None = None  # null: empty cell or "Inget värde"
    unit: str | None = None
    header: str | None = None  # the column's header as printed
    text: str | None = None  # the cell as printed
    page: int | None = None
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    ocr: bool | None = None  # read by OCR from a scan (null: a text PDF's)
    confidence: float | None = None  # the least confidence of its OCR words (0–100)


class Question(SQLModel, table=True):
    """A question's identity across years: `key` stays when its number or wording shifts."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, index=True)
    text: str  # the latest wording seen


class QuestionWording(SQLModel, table=True):
    """One normalised wording stored answers use, and the question group it belongs to.

    The mapping behind `Answer.question_id`: regrouped over all wordings whenever a document
    is stored or replaced (pipeline/question_groups.py), so it never depends on ingest order.
    """

    __tablename__ = "question_wording"
    id: int | None = Field(default=None, primary_key=True)
    wording: str = Field(unique=True, index=True)
    question_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("question.id", ondelete="SET NULL"), index=True),
    )


class QuestionLink(SQLModel, table=True):
    """Two wordings similar enough to be one question (score ≥ SAME_QUESTION), kept so a new
    document is scored against the stored wordings once, not every pair again."""

    __tablename__ = "question_link"
    a_id: int = Field(sa_column=_parent("question_wording", primary_key=True))
    b_id: int = Field(sa_column=_parent("question_wording", primary_key=True, index=True))
    score: float


class Answer(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_parent("document", nullable=False, index=True))
    question_id: int = Field(foreign_key="question.id", index=True)
    number: str
    question_text: str  # as printed in this document, its instruction included
    answer: str | None = None  # ja | nej | delvis | vet_ej | null
    comment: str = ""
    page: int
    # The marked box (the answer's provenance): page and x0/top/x1/bottom in PDF points.
    mark_page: int | None = None
    mark_x0: float | None = None
    mark_top: float | None = None
    mark_x1: float | None = None
    mark_bottom: float | None = None
    mark_column: str | None = None  # the column of that box (differs where answer is null)
    mark_kind: str | None = None  # vocabulary.MARK_KINDS
    # Every further marked box seen (contract `marks` beyond the one above), in order.
    other_marks: list[dict] | None = Field(default=None, sa_column=Column(JSON))
    section: str | None = None
    x0: float | None = None  # the question text's box on `page`
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: int | None = None  # answer boxes seen beside the question
    flags: list[str] | None = Field(default=None, sa_column=Column(JSON))
    fields: dict | None = Field(default=None, sa_column=Column(JSON))
    # Read by OCR from a scan: how sure (0–100, the least sure part), and each part's
    # ({question, comment, answer}); null for a text PDF's answer.
    ocr: bool | None = None
    confidence: float | None = None
    confidences: dict | None = Field(default=None, sa_column=Column(JSON))


class Finding(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("document_id", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_parent("document", nullable=False, index=True))
    position: int
    kind: str = Field(index=True)  # risk | action | decision
    text: str
    page: int
    # Named things in the text (nämnder, amounts, dates) as the extractor found them.
    entities: list[dict] | None = Field(default=None, sa_column=Column(JSON))
    origin: str | None = None  # text | list | internkontroll


class InternalControl(SQLModel, table=True):
    """One identified risk of a report's internkontroll table, its controls as printed."""

    __tablename__ = "internal_control"
    __table_args__ = (UniqueConstraint("document_id", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_parent("document", nullable=False, index=True))
    position: int
    risk: str
    riskbeskrivning: str | None = None
    riskvarde: float | None = None
    page: int
    # [{kontroll, resultat, bedomning, atgard}] in printed order
    controls: list[dict] | None = Field(default=None, sa_column=Column(JSON))


class Check(SQLModel, table=True):
    """A consistency check the extractor ran (a sum, a difference): whether the numbers agree."""

    __table_args__ = (UniqueConstraint("document_id", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(sa_column=_parent("document", nullable=False, index=True))
    table_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("report_table.id", ondelete="CASCADE")),
    )
    position: int
    name: str
    ok: bool
    expected: float | None = None
    found: float | None = None


class IngestError(SQLModel, table=True):
    """A file the pipeline could not store and why: the database's record of the quarantine."""

    __tablename__ = "ingest_error"
    id: int | None = Field(default=None, primary_key=True)
    filename: str
    sha256: str | None = Field(default=None, index=True, max_length=64)
    code: str
    reason: str
    at: datetime = Field(default_factory=_now)


def modelled(_object: object, name: str | None, type_: str, _reflected: bool, _to: object) -> bool:
    """Alembic's include_object: the full-text index (`search_entry` and FTS5's own shadow
    tables, migration 0007) belongs to the database, not to the models."""
    return not (type_ == "table" and name is not None and name.startswith("search_entry"))
