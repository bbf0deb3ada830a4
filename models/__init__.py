"""The database schema (SQLModel). Knows nothing of PDFs beyond the provenance it is handed."""

from .schema import (
    Answer,
    Check,
    Document,
    Finding,
    IngestError,
    InternalControl,
    Kommun,
    Line,
    Namnd,
    Question,
    QuestionLink,
    QuestionWording,
    ReportTable,
    Value,
)

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
