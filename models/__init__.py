"""The database schema (SQLModel). Knows nothing of PDFs beyond the provenance it is handed."""

from .schema import (
    Answer,
    Document,
    Finding,
    Kommun,
    Line,
    Namnd,
    Question,
    ReportTable,
    Value,
)

__all__ = [
    "Answer",
    "Document",
    "Finding",
    "Kommun",
    "Line",
    "Namnd",
    "Question",
    "ReportTable",
    "Value",
]
