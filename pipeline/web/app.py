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
from sqlmodel import Session

from kommunkoll import EXTRACTOR_VERSION
from kommunkoll.models import Document
from kommunkoll.vocabulary import (
    DOCUMENT_KINDS,
    DRIFT,
    ICON_FAILED,
    ICON_OK,
    MEASURES,
    TABLE_KINDS,
)

from .. import queries
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
        choices = queries.answer_choices(engine)
        all_years = [int(y) for y in choices["years"]]
        span = _span(year_from, year_to, all_years)
        scope = (kommun or None, namnd or None, span)
        matrix = answer_matrix(queries.matrix_answers(engine, *scope), *scope)
        rows = [r for r in matrix.rows if r.changed] if changes_only else matrix.rows
        changes = (
            answer_changes(queries.scoped_answer_changes(engine, *scope), *scope)
            if changes_only
            else None
        )
        return page(
            request,
            "answers.html",
            matrix=matrix,
            rows=rows,
            changes=[] if changes is None else list(changes.itertuples()),
            kommuner=choices["kommuner"],
            namnder=choices["namnder"],
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
        # Another table chosen: start at its first line.
        choices = queries.trend_choices(engine, table, line)
        lines, line, measures = choices["lines"], choices["line"], choices["measures"]
        if measures and measure not in measures:
            measure = "utfall" if "utfall" in measures else measures[0]
        error, points, chart = None, [], ""
        if line:
            try:
                values = queries.figure_values(engine, table, line, measure, kommun or None)
                points = figure_series(values, table, line, measure) if len(values) else []
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
            tables=choices["tables"],
            lines=lines,
            measures=measures,
            kommuner=choices["kommuner"],
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
        counts = queries.counts(session)
        rows = queries.documents(session)
        errors = queries.ingest_errors(session)
    documents = []
    for d, n, k in rows:
        count = {name: counts[name].get(d.id, 0) for name in queries.COUNTS}
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
        found = queries.documents(session, document_id)
        if not found:
            raise HTTPException(404, f"no document {document_id}")
        [(document, namnd, kommun)] = found
        contents = queries.document_contents(session, document_id)
    return {
        "doc": document,
        "namnd": namnd.name,
        "kommun": kommun.name,
        "tables": contents.tables,
        "answers": sorted(contents.answers, key=lambda a: number_key(a.number)),
        "findings": contents.findings,
        "checks": contents.checks,
        "has_pdf": find_pdf(document) is not None,
    }


def value_detail(engine: Engine, value_id: int) -> dict[str, object]:
    with Session(engine) as session:
        found = queries.value_in_context(session, value_id)
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
