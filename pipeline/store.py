"""An `Extraction` becomes rows, all of one document in one transaction.

Storing knows the contract and the schema, nothing of PDFs beyond the provenance handed to
it. A document already stored (same sha256) is left as it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from kommunkoll import EXTRACTOR_VERSION
from kommunkoll.extractors.contract import Extraction
from kommunkoll.extractors.question_identity import best_match, question_key
from kommunkoll.models import (
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


def is_stored(engine: Engine, sha256: str) -> bool:
    with Session(engine) as session:
        return (
            session.exec(select(Document.id).where(Document.sha256 == sha256)).first() is not None
        )


def store_extraction(engine: Engine, extraction: Extraction) -> int | None:
    """Store one document atomically; returns its id, or None if it was already stored."""
    with Session(engine) as session, session.begin():
        sha = extraction.source.sha256
        if session.exec(select(Document.id).where(Document.sha256 == sha)).first() is not None:
            return None
        doc = extraction.document
        kommun = _get_or_add(session, Kommun, name=doc.kommun)
        namnd = _get_or_add(session, Namnd, kommun_id=kommun.id, name=doc.namnd)
        document = Document(
            sha256=sha,
            filename=extraction.source.filename,
            kind=doc.kind,
            namnd_id=namnd.id,
            year=doc.year,
            period=doc.period,
            pages=extraction.source.pages,
            extractor_version=EXTRACTOR_VERSION,
        )
        session.add(document)
        session.flush()
        _store_tables(session, document.id, extraction)
        _store_answers(session, document.id, extraction)
        session.add_all(
            Finding(document_id=document.id, position=i, kind=f.kind, text=f.text, page=f.page)
            for i, f in enumerate(extraction.findings)
        )
        return document.id


def _get_or_add(session: Session, model: type, **key: object):  # type: ignore[no-untyped-def]
    row = session.exec(select(model).filter_by(**key)).first()
    if row is None:
        row = model(**key)
        session.add(row)
        session.flush()
    return row


def _store_tables(session: Session, document_id: int, extraction: Extraction) -> None:
    for position, table in enumerate(extraction.tables):
        stored = ReportTable(
            document_id=document_id,
            position=position,
            kind=table.kind,
            title=table.title,
            page=table.page,
            unit=table.unit,
        )
        session.add(stored)
        session.flush()
        lines_by_label: dict[str, int] = {}
        for row_position, row in enumerate(table.rows):
            parent = getattr(row, "parent", None)
            line = Line(
                table_id=stored.id,
                position=row_position,
                label=row.label,
                parent_id=lines_by_label.get(parent) if parent else None,
            )
            session.add(line)
            session.flush()
            lines_by_label[row.label] = line.id
            for cell in row.cells:
                bbox = cell.bbox or (None, None, None, None)
                session.add(
                    Value(
                        line_id=line.id,
                        measure=cell.measure,
                        year=cell.year,
                        number=cell.value,
                        unit=table.unit,
                        page=getattr(cell, "page", None) or table.page,
                        x0=bbox[0],
                        top=bbox[1],
                        x1=bbox[2],
                        bottom=bbox[3],
                    )
                )


def match_question(session: Session, text: str, taken: Collection[int] = ()) -> Question:
    """The stored question this wording asks, or a new one.

    Same normalised wording: the same key. Otherwise the most similar stored question above
    `SAME_QUESTION` (a renumbered or slightly reworded question of an earlier year), unless
    this document already answered it: two questions of one questionnaire are never merged.
    """
    key = question_key(text)
    question = session.exec(select(Question).where(Question.key == key)).first()
    if question is None or question.id in taken:
        known = [
            (str(q.id), q.text)
            for q in session.exec(select(Question)).all()
            if q.id not in taken and q.key != key
        ]
        found = best_match(text, known)
        question = session.get(Question, int(found[0])) if found else None
    if question is None:
        suffix = 1
        unique = key
        while session.exec(select(Question).where(Question.key == unique)).first():
            suffix += 1
            unique = f"{key}-{suffix}"
        question = Question(key=unique, text=text)
        session.add(question)
        session.flush()
    else:
        question.text = text  # the latest wording seen
    return question


def _store_answers(session: Session, document_id: int, extraction: Extraction) -> None:
    taken: set[int] = set()
    for answer in extraction.answers:
        question = match_question(session, answer.question, taken)
        taken.add(question.id)  # type: ignore[arg-type]
        session.add(
            Answer(
                document_id=document_id,
                question_id=question.id,
                number=answer.number,
                question_text=answer.question,
                answer=answer.answer,
                comment=answer.comment,
                page=answer.page,
            )
        )


def document_counts(engine: Engine) -> list[dict[str, object]]:
    """Per stored document: what it is and how many tables, values, answers, findings it has."""
    with Session(engine) as session:
        tables = dict(
            session.exec(
                select(ReportTable.document_id, func.count()).group_by(ReportTable.document_id)
            ).all()
        )
        values = dict(
            session.exec(
                select(ReportTable.document_id, func.count(Value.id))
                .join(Line, Line.table_id == ReportTable.id)
                .join(Value, Value.line_id == Line.id)
                .group_by(ReportTable.document_id)
            ).all()
        )
        answers = dict(
            session.exec(
                select(Answer.document_id, func.count()).group_by(Answer.document_id)
            ).all()
        )
        findings = dict(
            session.exec(
                select(Finding.document_id, func.count()).group_by(Finding.document_id)
            ).all()
        )
        rows = session.exec(
            select(Document, Namnd, Kommun)
            .join(Namnd, Document.namnd_id == Namnd.id)
            .join(Kommun, Namnd.kommun_id == Kommun.id)
            .order_by(Kommun.name, Namnd.name, Document.year, Document.kind)
        ).all()
        return [
            {
                "filename": d.filename,
                "kind": d.kind,
                "kommun": k.name,
                "namnd": n.name,
                "year": d.year,
                "period": d.period,
                "pages": d.pages,
                "tables": tables.get(d.id, 0),
                "values": values.get(d.id, 0),
                "answers": answers.get(d.id, 0),
                "findings": findings.get(d.id, 0),
            }
            for d, n, k in rows
        ]


def sha256_of(path: Path) -> str | None:
    """The file's content hash (None if unreadable: extraction will report why)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
