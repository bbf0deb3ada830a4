"""`kommunkoll`: the command line in front of extraction, storage and (later) the flows."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from kommunkoll import __version__
from kommunkoll.extractors import Extraction, ExtractionError
from kommunkoll.vocabulary import DELARSBOKSLUT, ENKAT, ICON_FAILED, ICON_OK

from .inbox import expand
from .report import document_tables, extraction_summary

app = typer.Typer(
    help="Swedish municipal PDF reports (delårsbokslut, revisorernas enkät) into a database.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
# Piped output (CI logs, `| less`) gets room for file names instead of rich's 80 columns.
out = Console(width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 132)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $DATABASE_URL or sqlite:///kommunkoll.db)."),
]


def try_extract(path: Path) -> Extraction | ExtractionError:
    """Extract, turning every failure into an ExtractionError so one file never stops a batch."""
    from kommunkoll.extractors.extract import extract_pdf

    try:
        return extract_pdf(path)
    except ExtractionError as exc:
        return exc
    except Exception as exc:  # a bug in an extractor: report it like a bad file, go on
        return ExtractionError("broken", f"unexpected extractor failure: {exc!r}", path.name)


def report_error(exc: ExtractionError) -> None:
    err.print(
        f"[red]{ICON_FAILED}[/red] {exc.filename}: {exc.reason} [dim]({exc.code})[/dim]",
        highlight=False,
    )


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="PDF files (or folders of PDFs).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract JSON.")] = False,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Write DIR/<name>.json for each PDF.")
    ] = None,
) -> None:
    """Extract PDFs into the contract's JSON; goes on past bad files and exits 1 if any failed."""
    failed = 0
    paths = expand(files)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        result = try_extract(path)
        if isinstance(result, ExtractionError):
            failed += 1
            report_error(result)
            continue
        payload = result.model_dump_json(indent=2, exclude_none=False)
        if out_dir is not None:
            target = out_dir / f"{path.stem}.json"
            target.write_text(payload + "\n", encoding="utf-8")
            err.print(f"[green]{ICON_OK}[/green] {path.name} → {target}", highlight=False)
        if as_json:
            # One object for one file; JSON Lines for several, so the output stays parseable.
            sys.stdout.write(payload if len(paths) == 1 else result.model_dump_json())
            sys.stdout.write("\n")
        elif out_dir is None:
            out.print(extraction_summary(result))
    if failed:
        raise typer.Exit(code=1)


WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Extract in N processes in parallel.")
]
DaskOption = Annotated[
    str | None,
    typer.Option("--dask", help="Extract on the Dask cluster at ADDRESS (tcp://host:8786)."),
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", help="Seconds one document may take to extract.")
]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="An inbox folder, or PDF files.")],
    db: DbOption = None,
    keep: Annotated[
        bool, typer.Option("--keep", help="Leave the files where they are (no processed/).")
    ] = False,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
    timeout: TimeoutOption = 300.0,
) -> None:
    """Store every PDF not stored yet, then move it to processed/ or quarantine/ beside it."""
    from .flows import ingest_flow, task_runner
    from .prefect_env import prefect_api

    with prefect_api():
        run = ingest_flow.with_options(task_runner=task_runner(workers, dask))
        outcome = run(
            [str(p) for p in paths], db=db, keep=keep, timeout=timeout, show_progress=True
        )
    _finish(outcome, db, verb="already stored")
    if outcome.quarantined:
        raise typer.Exit(code=1)


@app.command()
def watch(
    inbox: Annotated[Path, typer.Argument(help="The folder to watch.")],
    db: DbOption = None,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
    timeout: TimeoutOption = 300.0,
    interval: Annotated[float, typer.Option(help="Seconds between looks at the folder.")] = 1.0,
    settle: Annotated[
        float, typer.Option(help="Seconds a file must stay unchanged before it is read.")
    ] = 2.0,
) -> None:
    """Keep ingesting PDFs as they arrive in INBOX (waiting for copies to finish); Ctrl-C stops."""
    from .prefect_env import prefect_api
    from .watch import watch_inbox

    inbox.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop ends it cleanly too
    try:
        with prefect_api():
            err.print(f"watching {inbox} (Ctrl-C to stop)", highlight=False)
            watch_inbox(
                inbox,
                db=db,
                workers=workers,
                dask=dask,
                timeout=timeout,
                interval=interval,
                settle=settle,
                report=lambda outcome: _report(outcome, verb="already stored"),
            )
    except KeyboardInterrupt:
        err.print("stopped", highlight=False)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


@app.command()
def reprocess(
    db: DbOption = None,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
    timeout: TimeoutOption = 300.0,
    all_documents: Annotated[
        bool, typer.Option("--all", help="Re-extract every document, not only older ones.")
    ] = False,
) -> None:
    """Re-extract stored documents made by an older extractor version; replace their rows."""
    from .flows import reprocess_flow, task_runner
    from .prefect_env import prefect_api

    with prefect_api():
        run = reprocess_flow.with_options(task_runner=task_runner(workers, dask))
        outcome = run(db=db, timeout=timeout, show_progress=True, all_documents=all_documents)
    _finish(outcome, db, verb="already current", stored="re-extracted", failed="failed")
    if outcome.quarantined:
        raise typer.Exit(code=1)


def _report(
    outcome: object, verb: str, stored: str = "stored", failed: str = "quarantined"
) -> None:
    for name, code, reason in outcome.quarantined:  # type: ignore[attr-defined]
        err.print(f"[red]{ICON_FAILED}[/red] {name}: {reason} [dim]({code})[/dim]", highlight=False)
    out.print(
        f"{stored} {len(outcome.stored)}, {verb} {len(outcome.skipped)}, "  # type: ignore[attr-defined]
        f"{failed} {len(outcome.quarantined)}",  # type: ignore[attr-defined]
        highlight=False,
    )
    reasons = outcome.reasons()  # type: ignore[attr-defined]
    if reasons:
        out.print(
            "  " + ", ".join(f"{code}: {n}" for code, n in sorted(reasons.items())),
            highlight=False,
        )


def _finish(outcome: object, db: str | None, **words: str) -> None:
    from .db import make_engine
    from .queries import document_counts

    engine = make_engine(db)
    print_documents(document_counts(engine))
    engine.dispose()
    _report(outcome, **words)


db_app = typer.Typer(help="The database's schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(
    db: DbOption = None,
    revision: Annotated[str, typer.Argument(help="Migration to reach.")] = "head",
) -> None:
    """Create the schema, or bring it up to date, through the migrations."""
    from .db import database_url, make_engine, schema_revision, upgrade_schema

    engine = make_engine(db)
    before = schema_revision(engine)
    upgrade_schema(engine, revision)
    after = schema_revision(engine)
    engine.dispose()
    out.print(f"{database_url(db)}: {before or 'empty'} → {after}", highlight=False)


@db_app.command("revision")
def db_revision(
    message: Annotated[str, typer.Argument(help="What the migration changes.")],
) -> None:
    """Write a new migration for the models' changes (for developers; review the file)."""
    import tempfile

    from alembic import command

    from .db import make_engine, migrations_folder, upgrade_schema

    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'head.db'}"
        engine = make_engine(url)
        upgrade_schema(engine)
        engine.dispose()
        with migrations_folder() as config:
            config.set_main_option("sqlalchemy.url", url)
            command.revision(config, message=message, autogenerate=True)


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the migration the database is at."""
    from .db import make_engine, schema_revision

    engine = make_engine(db)
    out.print(schema_revision(engine) or "empty", highlight=False)
    engine.dispose()


@app.command()
def summary(db: DbOption = None) -> None:
    """What the database holds, per document."""
    from .db import create_schema, make_engine
    from .queries import document_counts

    engine = make_engine(db)
    create_schema(engine)
    print_documents(document_counts(engine))


def print_documents(rows: list[dict[str, object]]) -> None:
    out.print(f"{len(rows)} dokument i databasen")
    for table in document_tables(rows):
        out.print(table)


compare_app = typer.Typer(
    help="Compare answers and figures across nämnder and years.", no_args_is_help=True
)
app.add_typer(compare_app, name="compare")

KommunOption = Annotated[str | None, typer.Option("--kommun", help="Only this kommun.")]
NamndOption = Annotated[str | None, typer.Option("--namnd", help="Only this nämnd.")]
YearsOption = Annotated[
    str | None, typer.Option("--years", help="A year or a range: 2025, 2023-2025.")
]
XlsxOption = Annotated[
    Path | None, typer.Option("--xlsx", help="Also write a formatted Excel workbook to FILE.")
]


def _years(spec: str | None) -> tuple[int, int] | None:
    from .compare import parse_years

    try:
        return parse_years(spec)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--years") from None


def _engine(db: str | None):  # type: ignore[no-untyped-def]
    from .db import make_engine, upgrade_schema

    engine = make_engine(db)
    upgrade_schema(engine)
    return engine


@compare_app.command("answers")
def compare_answers(
    db: DbOption = None,
    kommun: KommunOption = None,
    namnd: NamndOption = None,
    years: YearsOption = None,
    changes_only: Annotated[
        bool, typer.Option("--changes-only", help="Only answers that changed, both comments.")
    ] = False,
    xlsx: XlsxOption = None,
) -> None:
    """Questions × (nämnd, year): Ja / Nej / Delvis / Vet ej / –, changes highlighted.

    Fits the terminal's width (abbreviating nämnder, then showing the columns in parts);
    exits 1 when a filter names a kommun, nämnd or years the database does not hold."""
    from kommunkoll.vocabulary import NO_ANSWERS, NO_CHANGES

    from . import queries
    from .compare import answer_changes, answer_matrix
    from .report import answer_changes_table, answer_matrix_tables

    span = _years(years)
    engine = _engine(db)
    _check_filters(engine, kommun, namnd, span, kind=ENKAT, what="enkäter")
    matrix = answer_matrix(queries.matrix_answers(engine, kommun, namnd, span), kommun, namnd, span)
    changes = answer_changes(
        queries.scoped_answer_changes(engine, kommun, namnd, span), kommun, namnd, span
    )
    engine.dispose()
    if not matrix.rows:
        err.print(NO_ANSWERS.format(filters=_described(kommun, namnd, years)), highlight=False)
        return
    if changes_only:
        if changes.empty:
            err.print(NO_CHANGES.format(filters=_described(kommun, namnd, years)), highlight=False)
        else:
            out.print(answer_changes_table(changes))
    else:
        for shown in answer_matrix_tables(matrix, out.width):
            out.print(shown)
    if xlsx is not None:
        from .xlsx import answers_workbook

        answers_workbook(matrix, changes, xlsx)
        err.print(f"[green]{ICON_OK}[/green] {escape(str(xlsx))}", highlight=False)


def _check_filters(  # type: ignore[no-untyped-def]
    engine, kommun: str | None, namnd: str | None, span, kind: str, what: str
) -> None:
    from .compare import filter_problem
    from .queries import known

    problem = filter_problem(known(engine, kind), kommun, namnd, span, what)
    if problem:
        engine.dispose()
        err.print(f"[red]{ICON_FAILED}[/red] {escape(problem)}", highlight=False)
        raise typer.Exit(code=1)


def _described(kommun: str | None, namnd: str | None, years: str | None) -> str:
    parts = [p for p in (kommun, namnd, years) if p]
    return f" ({', '.join(parts)})" if parts else ""


@compare_app.command("figures")
def compare_figures(
    table: Annotated[str, typer.Option("--table", help="drift, investeringar, sjukfranvaro, ...")],
    line: Annotated[str, typer.Option("--line", help='The line, e.g. "Personalkostnader".')],
    measure: Annotated[str, typer.Option("--measure", help="utfall, budget, prognos, ...")] = (
        "utfall"
    ),
    db: DbOption = None,
    kommun: KommunOption = None,
    namnd: NamndOption = None,
    years: YearsOption = None,
    xlsx: XlsxOption = None,
) -> None:
    """One line over years and nämnder, with the change from the year before.

    Costs (negative numbers) change by "ökning"/"minskning", rates by procentenheter; a year
    two reports print differently is flagged and the latest report's value shown."""
    from kommunkoll.vocabulary import NO_FIGURES

    from . import queries
    from .compare import UnknownLine, figure_series
    from .report import figure_table

    span = _years(years)
    engine = _engine(db)
    _check_filters(engine, kommun, namnd, span, kind=DELARSBOKSLUT, what="delårsrapporter")
    try:
        values = queries.figure_values(engine, table, line, measure, kommun, namnd, span)
        points = (
            [] if values.empty else figure_series(values, table, line, measure, kommun, namnd, span)
        )
    except UnknownLine as exc:
        err.print(f"[red]{ICON_FAILED}[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(code=1) from None
    finally:
        engine.dispose()
    if not points:
        err.print(NO_FIGURES.format(filters=_described(kommun, namnd, years)), highlight=False)
        return
    title = f"{table} · {line} · {measure}"
    for shown in figure_table(points, title, out.width):
        out.print(shown)
    if xlsx is not None:
        from .xlsx import figures_workbook

        figures_workbook(points, title, xlsx)
        err.print(f"[green]{ICON_OK}[/green] {escape(str(xlsx))}", highlight=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, or a decision such as "VON § 85/2024".')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most N results.")] = 50,
) -> None:
    """Search decisions, findings, answers (question and comment) and table lines."""
    from rich import box
    from rich.table import Table

    from kommunkoll.vocabulary import SEARCH_COLUMNS, SEARCH_KINDS, SEARCH_NONE

    from .search import MARK_END, MARK_START
    from .search import search as find

    engine = _engine(db)
    hits = find(engine, query, limit)
    engine.dispose()
    if not hits:
        err.print(SEARCH_NONE.format(query=query), highlight=False)
        raise typer.Exit(code=1)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    for name in SEARCH_COLUMNS:
        table.add_column(name)
    for h in hits:
        snippet = escape(h.snippet).replace(MARK_START, "[bold yellow]").replace(MARK_END, "[/]")
        table.add_row(
            SEARCH_KINDS.get(h.kind, h.kind),
            snippet,
            escape(f"{h.kommun} · {h.namnd} {h.year}"),
            escape(f"{h.filename} s.\u00a0{h.page}"),
        )
    out.print(table)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the files to.")],
    fmt: Annotated[str, typer.Option("--format", help="csv, xlsx or parquet.")] = "csv",
    db: DbOption = None,
) -> None:
    """Write every table in long (tidy) form: DIR/values.csv, answers.csv, ..."""
    from .export import FORMATS
    from .export import export as write

    if fmt not in FORMATS:
        raise typer.BadParameter(f"one of {', '.join(FORMATS)}", param_hint="--format")
    engine = _engine(db)
    for path in write(engine, out_dir, fmt):
        out.print(f"[green]{ICON_OK}[/green] {path}", highlight=False)
    engine.dispose()


HostOption = Annotated[
    str, typer.Option("--host", help="Address to listen on (loopback unless you mean it).")
]


@app.command()
def browse(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8001,
) -> None:
    """Open the (SQLite) database read-only in Datasette, with the analyst views documented."""
    import os

    from .browse import datasette_command, sqlite_path
    from .db import database_url

    url = database_url(db)
    try:
        path = sqlite_path(url)
    except ValueError as exc:
        err.print(f"[red]{ICON_FAILED}[/red] {exc}", highlight=False)
        raise typer.Exit(code=1) from None
    engine = _engine(url)  # the views come with the migrations
    engine.dispose()
    command = datasette_command(path, host=host, port=port)
    err.print(f"Datasette on http://{host}:{port}/ (read-only; Ctrl-C stops)", highlight=False)
    os.execv(command[0], command)


@app.command()
def serve(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
) -> None:
    """The web pages: documents, answers matrix, values on their PDF page, trend charts."""
    import uvicorn

    from .web.app import create_app

    engine = _engine(db)
    err.print(f"kommunkoll on http://{host}:{port}/ (Ctrl-C stops)", highlight=False)
    uvicorn.run(create_app(engine), host=host, port=port, log_level="warning")


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option("--out", help="Write to FILE.")] = None,
) -> None:
    """Print (or write) the extraction contract as JSON Schema."""
    from kommunkoll.extractors.contract import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    app()
