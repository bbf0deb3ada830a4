"""An `Extraction` becomes rows, all of one document in one transaction.

Storing knows the contract and the schema, nothing of PDFs beyond the provenance handed to
it. A document already stored (same sha256) is left as it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, select

from kommunkoll import EXTRACTOR_VERSION
from kommunkoll.extractors.contract import Extraction
from kommunkoll.extractors.question_identity import node_key
from kommunkoll.models import (
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
    ReportTable,
    Value,
)
from kommunkoll.pipeline.question_groups import answer_nodes, regroup


def _now() -> datetime:
    return datetime.now(UTC)


def is_stored(engine: Engine, sha256: str) -> bool:
    with Session(engine) as session:
        return (
            session.exec(select(Document.id).where(Document.sha256 == sha256)).first() is not None
        )


def store_extraction(
    engine: Engine, extraction: Extraction, path: Path | str | None = None
) -> int | None:
    """Store one document atomically; returns its id, or None if it was already stored.

    `path` is where the file will live once ingested, so `reprocess` can read it again.
    """
    with Session(engine) as session, session.begin():
        sha = extraction.source.sha256
        if session.exec(select(Document.id).where(Document.sha256 == sha)).first() is not None:
            return None
        document = Document(sha256=sha, **_document_fields(session, extraction, path))
        session.add(document)
        session.flush()
        _store_contents(session, document.id, extraction)
        return document.id


def replace_extraction(
    engine: Engine, extraction: Extraction, path: Path | str | None = None
) -> int:
    """Replace a stored document's rows with a new extraction of the same file, atomically.

    The document keeps its id (links to it stay valid); readers see the old rows or the new,
    never a mix. Stores it afresh if it was not stored.
    """
    with Session(engine) as session, session.begin():
        sha = extraction.source.sha256
        document = session.exec(select(Document).where(Document.sha256 == sha)).first()
        if document is None:
            document = Document(sha256=sha, **_document_fields(session, extraction, path))
            session.add(document)
            session.flush()
        else:
            old_path = document.path
            for name, value in _document_fields(session, extraction, path or old_path).items():
                setattr(document, name, value)
            for model in (Check, ReportTable, Answer, Finding, InternalControl):
                session.execute(delete(model).where(model.document_id == document.id))
            session.flush()
        _store_contents(session, document.id, extraction)
        return document.id


def _document_fields(
    session: Session, extraction: Extraction, path: Path | str | None
) -> dict[str, object]:
    doc = extraction.document
    kommun = _get_or_add(session, Kommun, name=doc.kommun)
    namnd = _get_or_add(session, Namnd, kommun_id=kommun.id, name=doc.namnd)
    extractor = extraction.extractor
    return {
        "filename": extraction.source.filename,
        "kind": doc.kind,
        "namnd_id": namnd.id,
        "year": doc.year,
        "period": doc.period,
        "pages": extraction.source.pages,
        "extractor_version": extractor.extractor_version if extractor else EXTRACTOR_VERSION,
        "uncaptured": len(extraction.gaps),
        "warnings": list(extraction.warnings),
        "path": str(path) if path is not None else None,
        "ingested_at": _now(),
    }


def _store_contents(session: Session, document_id: int, extraction: Extraction) -> None:
    table_ids = _store_tables(session, document_id, extraction)
    _store_answers(session, document_id, extraction)
    session.add_all(_in_order(Finding, document_id, extraction.findings))
    session.add_all(
        _in_order(InternalControl, document_id, extraction.internal_controls, riskvarde=_number)
    )
    _store_checks(session, document_id, extraction, table_ids)


def _plain(value: object) -> object:
    """Pydantic models (or lists of them) as JSON-ready data for a JSON column."""
    if value is None:
        return None
    if isinstance(value, list):
        return [_plain(v) for v in value]
    dump = getattr(value, "model_dump", None)
    return dump(mode="json") if dump else value


_ROW_KEYS = ("id", "document_id", "position")


def _in_order(
    model: type[SQLModel],
    document_id: int,
    items: Iterable[object],
    **convert: Callable[[object], object],
) -> Iterator[SQLModel]:
    """One row per contract item, in printed order: each column from the item's field of that
    name, as JSON-ready data unless `convert` names another conversion."""
    columns = [c for c in model.model_fields if c not in _ROW_KEYS]
    for position, item in enumerate(items):
        fields = {c: convert.get(c, _plain)(_attr(item, c)) for c in columns}
        yield model(document_id=document_id, position=position, **fields)


def _attr(item: object, name: str, default: object = None) -> object:
    """A field of a contract model or of a plain dict (extra contract fields arrive as dicts)."""
    if isinstance(item, dict):
        return item.get(name, default)
    return getattr(item, name, default)


def _store_checks(
    session: Session, document_id: int, extraction: Extraction, table_ids: list[int]
) -> None:
    """Checks may hang on a table (`Table.checks`) or on the whole extraction (`checks`)."""
    found: list[tuple[int | None, object]] = [
        (table_ids[i], check)
        for i, table in enumerate(extraction.tables)
        for check in _attr(table, "checks") or []
    ]
    found += [(None, check) for check in _attr(extraction, "checks") or []]
    for position, (table_id, check) in enumerate(found):
        session.add(
            Check(
                document_id=document_id,
                table_id=table_id,
                position=position,
                name=str(_attr(check, "name", "")),
                ok=bool(_attr(check, "ok", False)),
                expected=_number(_attr(check, "expected")),
                found=_number(_attr(check, "found")),
            )
        )


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def record_ingest_error(
    engine: Engine, filename: str, sha256: str | None, code: str, reason: str
) -> None:
    """One row per file (by content, else by name): a file that fails again updates its row."""
    with Session(engine) as session, session.begin():
        key = IngestError.sha256 == sha256 if sha256 else IngestError.filename == filename
        row = session.exec(select(IngestError).where(key)).first()
        if row is None:
            row = IngestError(filename=filename, sha256=sha256, code=code, reason=reason)
        else:
            row.filename, row.code, row.reason, row.at = filename, code, reason, _now()
        session.add(row)


def _get_or_add(session: Session, model: type, **key: object):  # type: ignore[no-untyped-def]
    row = session.exec(select(model).filter_by(**key)).first()
    if row is None:
        row = model(**key)
        session.add(row)
        session.flush()
    return row


def _store_tables(session: Session, document_id: int, extraction: Extraction) -> list[int]:
    ids: list[int] = []
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
        ids.append(stored.id)
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
                        header=cell.header,
                        number=cell.value,
                        unit=table.unit,
                        text=cell.text,
                        page=getattr(cell, "page", None) or table.page,
                        x0=bbox[0],
                        top=bbox[1],
                        x1=bbox[2],
                        bottom=bbox[3],
                        **_ocr_fields(cell, ("ocr", "confidence")),
                    )
                )
    return ids


def _ocr_fields(item: object, names: tuple[str, ...]) -> dict[str, object]:
    """What OCR said of a value read from a scan (the contract's added fields), if any."""
    return {name: getattr(item, name, None) for name in names}


def _store_answers(session: Session, document_id: int, extraction: Extraction) -> None:
    """Answers first under their own wording's key, then every question regrouped over all
    stored wordings (pipeline/question_groups.py): identity independent of ingest order."""
    nodes = answer_nodes(
        [(i, document_id, a.number, a.wording) for i, a in enumerate(extraction.answers)]
    )
    for i, answer in enumerate(extraction.answers):
        key = node_key(nodes[i])
        question = session.exec(select(Question).where(Question.key == key)).first()
        if question is None:
            question = Question(key=key, text=answer.wording)
            session.add(question)
            session.flush()
        box = answer.bbox or (None, None, None, None)
        session.add(
            Answer(
                document_id=document_id,
                question_id=question.id,
                number=answer.number,
                question_text=answer.wording,  # its instruction included: its identity
                answer=answer.answer,
                comment=answer.comment,
                page=answer.page,
                section=answer.section,
                x0=box[0],
                top=box[1],
                x1=box[2],
                bottom=box[3],
                boxes=answer.boxes,
                flags=list(answer.flags),
                fields=dict(answer.fields),
                **_mark_fields(answer),
                **_ocr_fields(answer, ("ocr", "confidence", "confidences")),
            )
        )
    session.flush()
    regroup(session.connection())


def _mark_fields(answer: object) -> dict[str, object]:
    """The answer's marked box (the mark in its column, else the first seen) with its kind,
    and every further mark as JSON: the contract's `marks`, each box stored once."""
    marks = [m for m in _attr(answer, "marks") or [] if _attr(m, "bbox")]
    chosen = next((m for m in marks if _attr(m, "column") == _attr(answer, "answer")), None)
    if chosen is None and marks:
        chosen = marks[0]
    if chosen is None:
        return {}
    x0, top, x1, bottom = _attr(chosen, "bbox")  # type: ignore[misc]
    others = [m for m in marks if m is not chosen]
    return {"mark_page": _attr(chosen, "page"), "mark_x0": x0, "mark_top": top,
            "mark_x1": x1, "mark_bottom": bottom, "mark_column": _attr(chosen, "column"),
            "mark_kind": _attr(chosen, "kind"),
            "other_marks": _plain(others) if others else None}  # fmt: skip


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


def snapshot(engine: Engine) -> list[dict[str, object]]:
    """Everything stored, per document, without ids, times or paths: equal databases hold
    equal snapshots whatever order or machine the documents were stored in."""
    with Session(engine) as session:
        kommuner = {k.id: k.name for k in session.exec(select(Kommun)).all()}
        namnder = {n.id: (kommuner[n.kommun_id], n.name) for n in session.exec(select(Namnd))}
        questions = {q.id: q.key for q in session.exec(select(Question)).all()}
        result = []
        for d in session.exec(select(Document).order_by(Document.sha256)).all():
            tables = []
            for t in session.exec(
                select(ReportTable)
                .where(ReportTable.document_id == d.id)
                .order_by(ReportTable.position)
            ).all():
                lines = session.exec(
                    select(Line).where(Line.table_id == t.id).order_by(Line.position)
                ).all()
                labels = {line.id: line.label for line in lines}
                tables.append(
                    {
                        "kind": t.kind,
                        "title": t.title,
                        "page": t.page,
                        "unit": t.unit,
                        "lines": [
                            {
                                "label": line.label,
                                "parent": labels.get(line.parent_id),
                                "values": [
                                    (v.measure, v.year, v.number, v.unit, v.page, v.x0, v.top)
                                    for v in session.exec(
                                        select(Value)
                                        .where(Value.line_id == line.id)
                                        .order_by(Value.measure, Value.year)
                                    ).all()
                                ],
                            }
                            for line in lines
                        ],
                    }
                )
            answers = session.exec(
                select(Answer).where(Answer.document_id == d.id).order_by(Answer.number)
            ).all()
            findings = session.exec(
                select(Finding).where(Finding.document_id == d.id).order_by(Finding.position)
            ).all()
            checks = session.exec(
                select(Check).where(Check.document_id == d.id).order_by(Check.position)
            ).all()
            result.append(
                {
                    "sha256": d.sha256,
                    "filename": d.filename,
                    "kommun_namnd": namnder[d.namnd_id],
                    "kind": d.kind,
                    "year": d.year,
                    "period": d.period,
                    "pages": d.pages,
                    "extractor_version": d.extractor_version,
                    "tables": tables,
                    "answers": [
                        (a.number, questions[a.question_id], a.answer, a.comment, a.page)
                        for a in answers
                    ],
                    "findings": [(f.kind, f.text, f.page, f.entities) for f in findings],
                    "checks": [(c.name, c.ok, c.expected, c.found) for c in checks],
                }
            )
        return result
