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
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from kommunkoll import EXTRACTOR_VERSION
from kommunkoll.models import (
    Document,
    Value,
)
from kommunkoll.vocabulary import (
    COLUMNS,
    DOCUMENT_KINDS,
    DOCUMENT_WARNINGS,
    DRIFT,
    ICON_FAILED,
    ICON_OK,
    MEASURES,
    NOT_FOUND,
    SEARCH_KINDS,
    SERVER_ERROR,
    STATUS_FAILED,
    STATUS_OK,
    STATUS_WARNING,
    TABLE_KINDS,
    UNCAPTURED_LINES,
    UTFALL,
    check_description,
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
from ..report import abbreviation
from .ocrboxes import unsure_pages
from .onpage import answer_on_page, box_on_page, finding_on_page, owned_document
from .pdfpage import page_png
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
    env.filters["marked"] = _marked
    env.filters["abbr"] = abbreviation
    env.filters["check"] = check_description
    env.globals["SEARCH_KINDS"] = SEARCH_KINDS
    env.globals.update(
        MEASURE_NAMES=MEASURE_NAMES,
        KIND_NAMES=KIND_NAMES,
        TABLE_NAMES=TABLE_NAMES,
        ICON_OK=ICON_OK,
        ICON_FAILED=ICON_FAILED,
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _harden(app)

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

    @app.get("/answers/{answer_id}", response_class=HTMLResponse)
    def answer_page(request: Request, answer_id: int) -> HTMLResponse:
        return page(request, "onpage.html", on=answer_on_page(engine, answer_id, find_pdf))

    @app.get("/findings/{finding_id}", response_class=HTMLResponse)
    def finding_page(request: Request, finding_id: int) -> HTMLResponse:
        return page(request, "onpage.html", on=finding_on_page(engine, finding_id, find_pdf))

    @app.get("/lines/{line_id}")
    def line_page(line_id: int) -> RedirectResponse:
        """A table line is shown as its first value with a box."""
        with Session(engine) as session:
            values = session.exec(
                select(Value).where(Value.line_id == line_id).order_by(Value.id)
            ).all()
        if not values:
            raise HTTPException(404, NOT_FOUND["line"].format(id=line_id))
        boxed = [v for v in values if v.x0 is not None] or values
        return RedirectResponse(f"/values/{boxed[0].id}", status_code=303)

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "") -> HTMLResponse:
        from ..search import search

        hits = search(engine, q) if q.strip() else []
        return page(request, "search.html", query=q, hits=hits)

    @app.get("/answers", response_class=HTMLResponse)
    def answers(
        request: Request,
        kommun: str = "",
        namnd: str = "",
        year_from: str = "",
        year_to: str = "",
        changes_only: str = "",
        enhet: Annotated[list[str] | None, Query()] = None,
        ladda: str = "",
    ) -> Response:
        """`enhet` (repeated, "Kommun / Nämnd") picks any set of nämnder across kommuner;
        `ladda=csv|xlsx` downloads exactly the matrix shown."""
        every = queries.answers(engine)
        units = sorted({f"{k} / {n}" for k, n in zip(every["kommun"], every["namnd"], strict=True)})
        frame = _units(every, enhet)
        all_years = sorted({int(y) for y in every["year"]})
        span = _span(year_from, year_to, all_years)
        matrix = answer_matrix(frame, kommun or None, namnd or None, span)
        rows = [r for r in matrix.rows if r.changed] if changes_only else matrix.rows
        changes = (
            answer_changes(
                _units(queries.answer_changes(engine), enhet), kommun or None, namnd or None, span
            )
            if changes_only
            else None
        )
        if ladda in ("csv", "xlsx"):
            return _download_matrix(matrix, rows, changes, ladda)
        return page(
            request,
            "answers.html",
            downloads=_downloads(request),
            matrix=matrix,
            rows=rows,
            changes=changes or [],
            answer_ids={
                (int(d), str(n)): int(i)
                for d, n, i in zip(
                    frame["document_id"], frame["number"], frame["answer_id"], strict=True
                )
            },
            kommuner=sorted(set(every["kommun"])),
            namnder=sorted(set(every["namnd"])),
            units=units,
            years=all_years,
            print_parts=_print_parts(len(matrix.columns)),
            chosen={
                "kommun": kommun,
                "namnd": namnd,
                "year_from": year_from,
                "year_to": year_to,
                "changes_only": bool(changes_only),
                "enhet": enhet or [],
            },
        )

    @app.get("/trends", response_class=HTMLResponse)
    def trends(
        request: Request,
        table: str = DRIFT,
        line: str = "",
        measure: Annotated[list[str] | None, Query()] = None,
        kommun: str = "",
        enhet: Annotated[list[str] | None, Query()] = None,
        ladda: str = "",
    ) -> Response:
        """One line over the years per nämnd; several measures (budget against utfall) drawn
        together; any set of nämnder (`enhet`, "Kommun / Nämnd") across kommuner."""
        every = queries.values(engine)
        units = sorted({f"{k} / {n}" for k, n in zip(every["kommun"], every["namnd"], strict=True)})
        values = _units(every, enhet)
        tables = sorted(set(every["table_kind"]))
        in_table = every[every["table_kind"] == table]
        lines = _ordered_lines(in_table)
        if line not in lines:  # another table was chosen: start at its first line
            line = lines[0] if lines else ""
        measures = sorted(set(in_table.loc[in_table["line"] == line, "measure"]))
        chosen_measures = [m for m in (measure or [UTFALL]) if m in measures]
        if measures and not chosen_measures:
            chosen_measures = [UTFALL if UTFALL in measures else measures[0]]
        error, points, chart = None, [], ""
        if line:
            try:
                for m in chosen_measures:
                    points += [
                        (m, p) for p in figure_series(values, table, line, m, kommun or None)
                    ]
            except UnknownLine as exc:
                error = str(exc)
        if points:
            series: dict[str, list[tuple[int, float | None]]] = defaultdict(list)
            for m, p in points:
                name = f"{p.namnd} ({p.kommun})"
                if len(chosen_measures) > 1:
                    name += f" · {MEASURE_NAMES.get(m, m)}"
                series[name].append((p.year, p.number))
            chart = line_chart(series, points[0][1].unit)
        if ladda in ("csv", "xlsx"):
            return _download_points(points, f"{table} · {line}", ladda)
        return page(
            request,
            "trends.html",
            downloads=_downloads(request),
            tables=tables,
            lines=lines,
            measures=measures,
            units=units,
            kommuner=sorted(set(every["kommun"])),
            chosen={
                "table": table,
                "line": line,
                "measure": chosen_measures[0] if chosen_measures else "",
                "measures": chosen_measures,
                "kommun": kommun,
                "enhet": enhet or [],
            },
            points=points,
            chart=chart,
            error=error,
        )

    return app


SECURITY_HEADERS = {
    # Everything comes from this server; the value page's box is placed by a style attribute.
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
        "style-src-attr 'unsafe-inline'; script-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
}


def _harden(app: FastAPI) -> None:
    """Security headers on every response; a number no database can hold is a 404, and an
    unexpected error a plain 500 page without its traceback."""
    from fastapi.responses import PlainTextResponse
    from sqlalchemy.exc import DataError

    @app.middleware("http")
    async def headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        try:
            response = await call_next(request)
        except (OverflowError, DataError):  # /documents/99999999999999999999: no such row
            response = PlainTextResponse(NOT_FOUND["row"], status_code=404)
        except Exception:
            response = PlainTextResponse(SERVER_ERROR, status_code=500)
        response.headers.update(SECURITY_HEADERS)
        return response


def _year(text: str) -> int | None:
    """A year typed in a form: ASCII digits only ("²" and "٢٠٢٥" are digits to Python, not
    years), anything else ignored."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None


def _marked(snippet: str) -> Markup:
    """A search snippet as HTML: the text escaped, its matched words in <mark>."""
    from ..search import MARK_END, MARK_START

    escaped = str(escape(snippet))
    return Markup(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _downloads(request: Request) -> dict[str, str]:
    """Links to this page's table as CSV and XLSX, with the same filters."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "ladda"]
    from urllib.parse import urlencode

    return {f: f"{request.url.path}?{urlencode([*query, ('ladda', f)])}" for f in ("csv", "xlsx")}


def _file(data: bytes, name: str, kind: str) -> Response:
    media = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[kind]
    disposition = f'attachment; filename="{name}.{kind}"'
    return Response(data, media_type=media, headers={"Content-Disposition": disposition})


def _download_matrix(matrix, rows, changes, kind: str) -> Response:  # type: ignore[no-untyped-def]
    """The matrix as shown (its rows and columns): CSV with the old answer beside a changed
    one, or the Excel workbook of `compare answers --xlsx`."""
    import csv
    import io
    import tempfile

    from ..xlsx import _answer_text, answers_workbook

    if kind == "xlsx":
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "svar.xlsx"
            shown = type(matrix)(matrix.columns, rows)
            answers_workbook(shown, changes or [], path)
            return _file(path.read_bytes(), "enkatsvar", kind)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    heads = [COLUMNS["number"], COLUMNS["question"]]
    writer.writerow([*heads, *(f"{c.kommun} {c.namnd} {c.year}" for c in matrix.columns)])
    for r in rows:
        writer.writerow([r.number, r.question, *(_answer_text(c) for c in r.cells)])
    return _file(buffer.getvalue().encode("utf-8-sig"), "enkatsvar", kind)


def _download_points(points, title: str, kind: str) -> Response:  # type: ignore[no-untyped-def]
    """The trend table as shown: one row per measure, nämnd and year."""
    import csv
    import io
    import tempfile

    from ..xlsx import figures_workbook

    if kind == "xlsx":
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "trend.xlsx"
            figures_workbook([p for _, p in points], title, path)
            return _file(path.read_bytes(), "trend", kind)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    heads = ("kommun", "namnd", "measure", "year", "value", "unit", "change", "%", "restated",
             "document", "page")  # fmt: skip
    writer.writerow([COLUMNS.get(key, key) for key in heads])  # "%" is its own title
    for m, p in points:
        writer.writerow([p.kommun, p.namnd, MEASURE_NAMES.get(m, m), p.year, p.number, p.unit,
                         change_amount(p), change_percent_text(p), restatement_note(p),
                         p.filename, p.page])  # fmt: skip
    return _file(buffer.getvalue().encode("utf-8-sig"), "trend", kind)


PRINT_COLUMNS = 4  # answer columns per printed page (A4 landscape, beside the question)


def _print_parts(columns: int) -> list[list[int]]:
    """The matrix's columns in printed pages, each printed beside the question column."""
    starts = range(0, columns, PRINT_COLUMNS)
    return [list(range(i, min(i + PRINT_COLUMNS, columns))) for i in starts]


def _units(frame, chosen: list[str] | None):  # type: ignore[no-untyped-def]
    """Rows of the chosen nämnder ("Kommun / Nämnd"); all rows when none are chosen."""
    if not chosen:
        return frame
    keys = frame["kommun"] + " / " + frame["namnd"]
    return frame[keys.isin(set(chosen))]


def _span(year_from: str, year_to: str, years: list[int]) -> tuple[int, int] | None:
    if not (year_from or year_to) or not years:
        return None
    first = _year(year_from) or years[0]
    last = _year(year_to) or years[-1]
    return (min(first, last), max(first, last))


def _ordered_lines(values) -> list[str]:  # type: ignore[no-untyped-def]
    """Lines in printed order (first seen position), each once."""
    order = values.sort_values(["table_position", "line_position"]).drop_duplicates("line")
    return list(order["line"])


def _pdf_path(engine: Engine, document_id: int) -> Path:
    with Session(engine) as session:
        document = session.get(Document, document_id)
    if document is None:
        raise HTTPException(404, NOT_FOUND["document"].format(id=document_id))
    path = find_pdf(document)
    if path is None:
        raise HTTPException(
            404, NOT_FOUND["pdf"].format(filename=document.filename, path=document.path)
        )
    return path


def find_pdf(document: Document) -> Path | None:
    """The document's file: where it was stored from, else in processed/ beside that."""
    if not document.path:
        return None
    stored = Path(document.path)
    # The inbox is a boundary: a stored path is resolved when it is stored, so a link
    # anywhere in it now (the file, or a folder swapped for one) leads outside its tree.
    for candidate in (stored, find_processed(stored.parent, document.filename, document.sha256)):
        if candidate is not None and candidate.is_file() and _no_link(candidate):
            return candidate
    return None


def _no_link(path: Path) -> bool:
    return path.resolve() == path.absolute()


def document_list(engine: Engine) -> dict[str, object]:
    with Session(engine) as session:
        counted = queries.counts(session)
        rows = queries.documents(session)
        errors = queries.ingest_errors(session)
    listed = []
    for d, n, k in rows:
        count = {name: counted[name].get(d.id, 0) for name in counted}
        warnings = _warnings(d, count)
        status = STATUS_FAILED if count["failed"] else (STATUS_WARNING if warnings else STATUS_OK)
        listed.append(
            {"doc": d, "namnd": n.name, "kommun": k.name, "count": count,
             "warnings": warnings, "status": status}
        )  # fmt: skip
    return {"documents": listed, "errors": errors}


def _warnings(document: Document, count: dict[str, int]) -> list[str]:
    """What a reader should know before trusting a document's numbers."""
    warnings = []
    holds = DOCUMENT_KINDS[document.kind].holds if document.kind in DOCUMENT_KINDS else None
    if holds == "tables" and not count["tables"]:
        warnings.append(DOCUMENT_WARNINGS["no_tables"])
    if holds == "answers" and not count["answers"]:
        warnings.append(DOCUMENT_WARNINGS["no_answers"])
    if document.extractor_version != EXTRACTOR_VERSION:
        warnings.append(
            DOCUMENT_WARNINGS["old_extractor"].format(
                version=document.extractor_version, current=EXTRACTOR_VERSION
            )
        )
    if find_pdf(document) is None:
        warnings.append(DOCUMENT_WARNINGS["pdf_gone"])
    if failed := count["failed"]:
        warnings.append(DOCUMENT_WARNINGS["checks_failed"].format(failed=failed))
    if document.uncaptured:
        warnings.append(UNCAPTURED_LINES.format(n=document.uncaptured))
    warnings += document.warnings or []  # each with its page: what the summary lines count
    return warnings


def document_detail(engine: Engine, document_id: int) -> dict[str, object]:
    with Session(engine) as session:
        document, kommun, namnd = owned_document(session, document_id)
        contents = queries.document_contents(session, document_id)
        unsure = unsure_pages(session, document_id, find_pdf(document))
    tables = [{**t, "headings": [_heading(key) for key in t["columns"]]} for t in contents.tables]
    return {
        "doc": document,
        "namnd": namnd,
        "kommun": kommun,
        "tables": tables,
        "answers": sorted(contents.answers, key=lambda a: number_key(a.number)),
        "findings": contents.findings,
        "checks": contents.checks,
        "has_pdf": find_pdf(document) is not None,
        "unsure_pages": unsure,
    }


def _heading(column: tuple) -> str:
    """A table column's heading: its measure in Swedish and year, or the printed header."""
    measure, year, *header = column
    return f"{MEASURE_NAMES.get(measure, measure)} {year}" if measure else (header[0] or "")


def value_detail(engine: Engine, value_id: int) -> dict[str, object]:
    with Session(engine) as session:
        found = queries.value_in_context(session, value_id)
    if found is None:
        raise HTTPException(404, NOT_FOUND["value"].format(id=value_id))
    value, line, table, document = found
    path = find_pdf(document)
    page_number = value.page or table.page
    box = box_on_page(path, page_number, (value.x0, value.top, value.x1, value.bottom))
    return {
        "value": value,
        "line": line,
        "table": table,
        "doc": document,
        "page_number": page_number,
        "has_pdf": path is not None,
        "box": box,
    }
