"""`kommunkoll serve`: the pages revisorer and analysts open every day.

FastAPI with Jinja templates renders plain HTML on the server; charts are SVG drawn here and
PDF pages are rendered by pypdfium2, so the pages need no JavaScript library and nothing
from a network. The database is only read.
"""

from __future__ import annotations

import os
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from kommunkoll import EXTRACTOR_VERSION, frames
from kommunkoll.models import (
    Answer,
    Check,
    Document,
    Finding,
    IngestError,
    Kommun,
    Line,
    Namnd,
    ReportTable,
    Value,
)
from kommunkoll.vocabulary import (
    DOCUMENT_KINDS,
    DRIFT,
    ICON_FAILED,
    ICON_OK,
    MEASURES,
    TABLE_KINDS,
)

from ..compare import (
    UnknownLine,
    answer_changes,
    answer_label,
    answer_matrix,
    as_none,
    change_amount,
    change_percent_text,
    figure_series,
    number_key,
    restatement_note,
    swedish_number,
)
from ..inbox import find_processed
from ..store import counts_by_document, documents_with_owners
from .pdfpage import box_percent, page_png, page_size
from .svg import line_chart

HERE = files("kommunkoll.pipeline.web")
MEASURE_NAMES = {key: measure.name for key, measure in MEASURES.items()}
KIND_NAMES = {key: kind.name for key, kind in DOCUMENT_KINDS.items()}
TABLE_NAMES = {key: kind.name for key, kind in TABLE_KINDS.items()}  # when no printed title


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="kommunkoll", docs_url=None, redoc_url=None, openapi_url=None)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters["sv"] = lambda v, d=0, sign=False: swedish_number(v, d, sign)
    env.filters["answer"] = lambda v: answer_label(as_none(v))
    env.filters["change"] = change_amount
    env.filters["change_percent"] = change_percent_text
    env.filters["restated"] = restatement_note
    env.globals.update(
        MEASURE_NAMES=MEASURE_NAMES,
        KIND_NAMES=KIND_NAMES,
        TABLE_NAMES=TABLE_NAMES,
        ICON_OK=ICON_OK,
        ICON_FAILED=ICON_FAILED,
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, name: str, **context: object) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse)
    def documents(request: Request) -> HTMLResponse:
        return page(request, "documents.html", **document_list(engine))

    @app.get("/documents/{document_id}", response_class=HTMLResponse)
    def document(request: Request, document_id: int) -> HTMLResponse:
        return page(request, "document.html", **document_detail(engine, document_id))

    @app.get("/documents/{document_id}/pdf")
    def document_pdf(document_id: int) -> FileResponse:
        path = _pdf_path(engine, document_id)
        return FileResponse(path, media_type="application/pdf", filename=path.name)

    @app.get("/documents/{document_id}/pages/{number}.png")
    def page_image(document_id: int, number: int) -> Response:
        path = _pdf_path(engine, document_id)
        try:
            png = page_png(str(path), number, os.path.getmtime(path))
        except IndexError as exc:
            raise HTTPException(404, str(exc)) from None
        return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=3600"})

    @app.get("/values/{value_id}", response_class=HTMLResponse)
    def value(request: Request, value_id: int) -> HTMLResponse:
        return page(request, "value.html", **value_detail(engine, value_id))

    @app.get("/answers", response_class=HTMLResponse)
    def answers(
        request: Request,
        kommun: str = "",
        namnd: str = "",
        year_from: str = "",
        year_to: str = "",
        changes_only: str = "",
    ) -> HTMLResponse:
        frame = frames.answers(engine)
        all_years = sorted({int(y) for y in frame["year"]})
        span = _span(year_from, year_to, all_years)
        matrix = answer_matrix(frame, kommun or None, namnd or None, span)
        rows = [r for r in matrix.rows if r.changed] if changes_only else matrix.rows
        changes = (
            answer_changes(frames.answer_changes(engine), kommun or None, namnd or None, span)
            if changes_only
            else None
        )
        return page(
            request,
            "answers.html",
            matrix=matrix,
            rows=rows,
            changes=[] if changes is None else list(changes.itertuples()),
            kommuner=sorted(set(frame["kommun"])),
            namnder=sorted(set(frame["namnd"])),
            years=all_years,
            chosen={
                "kommun": kommun,
                "namnd": namnd,
                "year_from": year_from,
                "year_to": year_to,
                "changes_only": bool(changes_only),
            },
        )

    @app.get("/trends", response_class=HTMLResponse)
    def trends(
        request: Request,
        table: str = DRIFT,
        line: str = "",
        measure: str = "utfall",
        kommun: str = "",
    ) -> HTMLResponse:
        values = frames.values(engine)
        tables = sorted(set(values["table_kind"]))
        in_table = values[values["table_kind"] == table]
        lines = _ordered_lines(in_table)
        if line not in lines:  # another table was chosen: start at its first line
            line = lines[0] if lines else ""
        measures = sorted(set(in_table.loc[in_table["line"] == line, "measure"]))
        if measures and measure not in measures:
            measure = "utfall" if "utfall" in measures else measures[0]
        error, points, chart = None, [], ""
        if line:
            try:
                points = figure_series(values, table, line, measure, kommun or None)
            except UnknownLine as exc:
                error = str(exc)
        if points:
            series: dict[str, list[tuple[int, float | None]]] = defaultdict(list)
            for p in points:
                series[f"{p.namnd} ({p.kommun})"].append((p.year, p.number))
            chart = line_chart(series, points[0].unit)
        return page(
            request,
            "trends.html",
            tables=tables,
            lines=lines,
            measures=measures,
            kommuner=sorted(set(values["kommun"])),
            chosen={"table": table, "line": line, "measure": measure, "kommun": kommun},
            points=points,
            chart=chart,
            error=error,
        )

    return app


def _span(year_from: str, year_to: str, years: list[int]) -> tuple[int, int] | None:
    if not (year_from or year_to) or not years:
        return None
    first = int(year_from) if year_from.isdigit() else years[0]
    last = int(year_to) if year_to.isdigit() else years[-1]
    return (min(first, last), max(first, last))


def _ordered_lines(values) -> list[str]:  # type: ignore[no-untyped-def]
    """Lines in printed order (first seen position), each once."""
    order = values.sort_values(["table_position", "line_position"]).drop_duplicates("line")
    return list(order["line"])


def _pdf_path(engine: Engine, document_id: int) -> Path:
    with Session(engine) as session:
        document = session.get(Document, document_id)
    if document is None:
        raise HTTPException(404, f"no document {document_id}")
    path = find_pdf(document)
    if path is None:
        raise HTTPException(404, f"the PDF of {document.filename} is not at {document.path}")
    return path


def find_pdf(document: Document) -> Path | None:
    """The document's file: where it was stored from, else in processed/ beside that."""
    if not document.path:
        return None
    stored = Path(document.path)
    if stored.is_file():
        return stored
    return find_processed(stored.parent, document.filename, document.sha256)


def document_list(engine: Engine) -> dict[str, object]:
    with Session(engine) as session:
        counts = counts_by_document(session)
        rows = documents_with_owners(session)
        errors = session.exec(select(IngestError).order_by(IngestError.at.desc())).all()
    documents = []
    for d, n, k in rows:
        count = {name: counts[name].get(d.id, 0) for name in counts}
        warnings = _warnings(d, count)
        status = "fel" if count["failed"] else ("varning" if warnings else "ok")
        documents.append(
            {"doc": d, "namnd": n.name, "kommun": k.name, "count": count,
             "warnings": warnings, "status": status}
        )  # fmt: skip
    return {"documents": documents, "errors": errors}


def _warnings(document: Document, count: dict[str, int]) -> list[str]:
    """What a reader should know before trusting a document's numbers."""
    warnings = []
    holds = DOCUMENT_KINDS[document.kind].holds if document.kind in DOCUMENT_KINDS else None
    if holds == "tables" and not count["tables"]:
        warnings.append("inga tabeller hittades")
    if holds == "answers" and not count["answers"]:
        warnings.append("inga svar hittades")
    if document.extractor_version != EXTRACTOR_VERSION:
        warnings.append(
            f"läst av extraktor {document.extractor_version}, nu {EXTRACTOR_VERSION}: "
            "kör `kommunkoll reprocess`"
        )
    if find_pdf(document) is None:
        warnings.append("PDF-filen finns inte längre där den lagrades")
    if failed := count["failed"]:
        warnings.append(f"{failed} kontroll(er) stämmer inte")
    return warnings


def document_detail(engine: Engine, document_id: int) -> dict[str, object]:
    with Session(engine) as session:
        found = session.exec(
            select(Document, Namnd, Kommun)
            .join(Namnd, Document.namnd_id == Namnd.id)
            .join(Kommun, Namnd.kommun_id == Kommun.id)
            .where(Document.id == document_id)
        ).first()
        if found is None:
            raise HTTPException(404, f"no document {document_id}")
        document, namnd, kommun = found
        tables = []
        for table in session.exec(
            select(ReportTable)
            .where(ReportTable.document_id == document_id)
            .order_by(ReportTable.position)
        ).all():
            lines = session.exec(
                select(Line).where(Line.table_id == table.id).order_by(Line.position)
            ).all()
            values = session.exec(
                select(Value).where(Value.line_id.in_([line.id for line in lines]))
            ).all()
            by_line: dict[int, dict[tuple[str, int], Value]] = defaultdict(dict)
            columns: list[tuple[str, int]] = []
            for v in sorted(values, key=lambda v: v.id):
                by_line[v.line_id][(v.measure, v.year)] = v
                if (v.measure, v.year) not in columns:
                    columns.append((v.measure, v.year))
            checks = session.exec(select(Check).where(Check.table_id == table.id)).all()
            tables.append(
                {"table": table, "columns": columns, "checks": checks,
                 "rows": [(line, by_line.get(line.id, {})) for line in lines]}
            )  # fmt: skip
        answers = sorted(
            session.exec(select(Answer).where(Answer.document_id == document_id)).all(),
            key=lambda a: number_key(a.number),
        )
        findings = session.exec(
            select(Finding).where(Finding.document_id == document_id).order_by(Finding.position)
        ).all()
        checks = session.exec(
            select(Check).where(Check.document_id == document_id).order_by(Check.position)
        ).all()
    return {
        "doc": document,
        "namnd": namnd.name,
        "kommun": kommun.name,
        "tables": tables,
        "answers": answers,
        "findings": findings,
        "checks": checks,
        "has_pdf": find_pdf(document) is not None,
    }


def value_detail(engine: Engine, value_id: int) -> dict[str, object]:
    with Session(engine) as session:
        found = session.exec(
            select(Value, Line, ReportTable, Document)
            .join(Line, Value.line_id == Line.id)
            .join(ReportTable, Line.table_id == ReportTable.id)
            .join(Document, ReportTable.document_id == Document.id)
            .where(Value.id == value_id)
        ).first()
        if found is None:
            raise HTTPException(404, f"no value {value_id}")
        value, line, table, document = found
    path = find_pdf(document)
    page_number = value.page or table.page
    box = None
    if path is not None and None not in (value.x0, value.top, value.x1, value.bottom):
        size = page_size(str(path), page_number)
        box = box_percent((value.x0, value.top, value.x1, value.bottom), size)  # type: ignore[arg-type]
    return {
        "value": value,
        "line": line,
        "table": table,
        "doc": document,
        "page_number": page_number,
        "has_pdf": path is not None,
        "box": box,
    }
