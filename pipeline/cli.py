"""`kommunkoll`: the command line in front of extraction, storage and (later) the flows."""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from kommunkoll.vocabulary import (
    BAD_OPTION,
    CANNOT_CREATE_FOLDER,
    CANNOT_CREATE_INBOX,
    CANNOT_LISTEN,
    CANNOT_WRITE,
    DATABASE_PROBLEMS,
    DEBUG_HINT,
    DELARSBOKSLUT,
    DOCUMENTS_IN_DATABASE,
    EMPTY_DATABASE,
    ENKAT,
    FILTERED_KINDS,
    FOLDER_READ_ONLY,
    ICON_FAILED,
    ICON_OK,
    INGEST_SUMMARY,
    NOT_NEGATIVE,
    NOT_POSITIVE,
    PATH_NOT_FOUND,
    PORT_TAKEN,
    READER_LOST,
    REPROCESS_SUMMARY,
    SERVING,
    SERVING_READ_ONLY,
    STOPPED,
    UNEXPECTED_ERROR,
    UNKNOWN_ADDRESS,
    UNKNOWN_MIGRATION,
    USAGE_ERRORS,
    USAGE_HINT,
    WATCH_GOES_ON,
    WATCHING,
)

from .errors import UserError
from .inbox import expand
from .safe_text import markup

if TYPE_CHECKING:  # the reading commands load none of extraction (pydantic, pdfminer)
    from sqlalchemy.engine import Engine
    from typer._click import Context
    from typer._click.exceptions import UsageError

    from kommunkoll.extractors import Extraction, ExtractionError
    from kommunkoll.extractors.limits import Limits

app = typer.Typer(
    help="Swedish municipal PDF reports (delårsbokslut, revisorernas enkät) into a database.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
# Piped output (CI logs, `| less`) gets room for file names instead of rich's 80 columns.
out = Console(width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 132)
err = Console(stderr=True, soft_wrap=True)
FAILED = f"[red]{ICON_FAILED}[/red]"
OK = f"[green]{ICON_OK}[/green]"

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file or a URL (default: $DATABASE_URL or kommunkoll.db).",
    ),
]


NoOcrOption = Annotated[
    bool,
    typer.Option("--no-ocr", help="Do not OCR scanned pages: quarantine them as image_only."),
]


# `Limits.timeout`, written out so that `--help` and the reading commands need not import
# the reader (pdfminer); tests/test_cli.py holds the two equal.
DEFAULT_TIMEOUT = 300.0


def bad_option(option: str, problem: object) -> UserError:
    """An option's value the command cannot use: one Swedish line (not click's English box)
    and click's exit code for a bad command line."""
    return UserError(BAD_OPTION.format(option=option, problem=problem), exit_code=2)


def _positive(param: typer.CallbackParam, value: float | None) -> float | None:
    if value is not None and not value > 0:
        raise bad_option(param.opts[0], NOT_POSITIVE.format(value=value))
    return value


def _not_negative(param: typer.CallbackParam, value: float) -> float:
    if not value >= 0:
        raise bad_option(param.opts[0], NOT_NEGATIVE.format(value=value))
    return value


TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", help="Seconds one document may take to extract.", callback=_positive),
]


def try_extract(path: Path, limits: Limits) -> Extraction | ExtractionError:
    """Extract in the limited worker process, turning every failure into an ExtractionError
    so one file never stops a batch."""
    from kommunkoll.extractors import ExtractionError

    from .worker import ReaderLost, extract_limited

    try:
        return extract_limited(path, limits)
    except ExtractionError as exc:
        return exc
    except ReaderLost as exc:
        return ExtractionError("broken", READER_LOST["interrupted"].format(detail=exc), path.name)


def report_error(exc: ExtractionError) -> None:
    err.print(
        f"{FAILED} {markup(exc.filename)}: {markup(exc.reason)} [dim]({exc.code})[/dim]",
        highlight=False,
    )


def _json_target(out_dir: Path, path: Path, sha256: str, taken: dict[Path, str]) -> Path:
    """DIR/<name>.json, or DIR/<name>-<sha256 prefix>.json when another input of this run
    (with other content) already took that name: two inputs never overwrite each other."""
    target = out_dir / f"{path.stem}.json"
    if target in taken and taken[target] != sha256:
        target = out_dir / f"{path.stem}-{sha256[:12]}.json"
    taken[target] = sha256
    return target


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="PDF files (or folders of PDFs).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract JSON.")] = False,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Write DIR/<name>.json for each PDF.")
    ] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    no_ocr: NoOcrOption = False,
) -> None:
    """Extract PDFs into the contract's JSON; goes on past bad files and exits 1 if any failed."""
    from kommunkoll.extractors import ExtractionError
    from kommunkoll.extractors.limits import Limits

    from .report import extraction_summary
    from .worker import shared_reader

    failed = 0
    paths = expand(files)
    limits = Limits(timeout=timeout, ocr=not no_ocr)  # travels with each document to its reader
    shared_reader().start()  # warms up while the output folder is made
    if out_dir is not None:
        _writable_folder(out_dir, "--out")
    taken: dict[Path, str] = {}
    for path in paths:
        result = try_extract(path, limits)
        if isinstance(result, ExtractionError):
            failed += 1
            report_error(result)
            continue
        payload = result.model_dump_json(indent=2, exclude_none=False)
        if out_dir is not None:
            target = _json_target(out_dir, path, result.source.sha256, taken)
            try:
                target.write_text(payload + "\n", encoding="utf-8")
            except OSError as exc:
                raise UserError(CANNOT_WRITE.format(path=target, why=exc.strerror or exc)) from None
            err.print(f"{OK} {markup(path.name)} → {markup(target)}", highlight=False)
        if as_json:
            # One object for one file; JSON Lines for several, so the output stays parseable.
            sys.stdout.write(payload if len(paths) == 1 else result.model_dump_json())
            sys.stdout.write("\n")
        elif out_dir is None:
            out.print(extraction_summary(result))
    if failed:
        raise typer.Exit(code=1)


def _writable_folder(folder: Path, option: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            CANNOT_CREATE_FOLDER.format(option=option, folder=folder, why=exc.strerror or exc)
        ) from None
    if not os.access(folder, os.W_OK):
        raise UserError(FOLDER_READ_ONLY.format(option=option, folder=folder))


WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Extract in N processes in parallel.")
]
DaskOption = Annotated[
    str | None,
    typer.Option("--dask", help="Extract on the Dask cluster at ADDRESS (tcp://host:8786)."),
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
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    no_ocr: NoOcrOption = False,
) -> None:
    """Store every PDF not stored yet, then move it to processed/ or quarantine/ beside it."""
    from .db import open_database
    from .intake import handed_over, settle_stored
    from .worker import shared_reader

    engine = open_database(db)
    pending, outcome = settle_stored(engine, _inbox_files(paths), keep, hand_over=workers)
    engine.dispose()
    if pending:  # only then is there Prefect work: a run of stored files never starts it
        from kommunkoll.extractors.limits import Limits

        from .prefect_env import prefect_api, start_api

        limits = Limits(timeout=timeout, ocr=not no_ocr)  # travels with each document
        if not dask:  # the reader warms up and reads the first documents while Prefect starts
            for path in pending[:workers]:
                read = handed_over(path, leave=True)  # the flow takes it
                shared_reader().prefetch(path, limits, read and read[1])
        server = start_api()
        from .flows import ingest_flow, task_runner

        with prefect_api(server):
            run = ingest_flow.with_options(task_runner=task_runner(workers, dask))
            ran = run(
                [str(p) for p in pending],
                db=db,
                keep=keep,
                timeout=timeout,
                show_progress=True,
                limits=limits,
                in_flight=2 * workers,
            )
        outcome = outcome.merge(ran)
    _finish(outcome, db, summary=INGEST_SUMMARY)
    if outcome.quarantined:
        raise typer.Exit(code=1)


@app.command()
def watch(
    inbox: Annotated[Path, typer.Argument(help="The folder to watch.")],
    db: DbOption = None,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    interval: Annotated[
        float, typer.Option(help="Seconds between looks at the folder.", callback=_positive)
    ] = 1.0,
    settle: Annotated[
        float,
        typer.Option(
            help="Seconds a file must stay unchanged before it is read.", callback=_not_negative
        ),
    ] = 2.0,
    no_ocr: NoOcrOption = False,
) -> None:
    """Keep ingesting PDFs as they arrive in INBOX (waiting for copies to finish); Ctrl-C stops."""
    from .db import open_database
    from .prefect_env import prefect_api, start_api
    from .worker import shared_reader

    try:
        inbox.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(CANNOT_CREATE_INBOX.format(inbox=inbox, why=exc.strerror or exc)) from None
    if not dask:
        shared_reader().start()
    open_database(db).dispose()  # a bad --db is told now, not at the first file
    server = start_api()  # one server for the whole watch, booting while nothing has arrived
    from .watch import watch_inbox

    signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop ends it cleanly too
    try:
        with prefect_api(server):
            err.print(WATCHING.format(inbox=markup(inbox)), highlight=False)
            watch_inbox(
                inbox,
                db=db,
                workers=workers,
                dask=dask,
                timeout=timeout,
                interval=interval,
                settle=settle,
                report=lambda outcome: _report(outcome, INGEST_SUMMARY),
                problem=_watch_problem,
                ocr=not no_ocr,
            )
    except KeyboardInterrupt:
        err.print(STOPPED, highlight=False)


def _watch_problem(exc: Exception) -> None:
    from kommunkoll.extractors.pdf import detail

    err.print(f"{FAILED} {markup(detail(exc))} {WATCH_GOES_ON}", highlight=False)


def _inbox_files(paths: list[Path]) -> list[Path]:
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise UserError(PATH_NOT_FOUND.format(path=missing[0]))
    return expand(paths)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


AllDocumentsOption = Annotated[
    bool, typer.Option("--all", help="Re-extract every document, not only older ones.")
]


@app.command()
def reprocess(
    db: DbOption = None,
    workers: WorkersOption = 1,
    dask: DaskOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    all_documents: AllDocumentsOption = False,
    no_ocr: NoOcrOption = False,
) -> None:
    """Re-extract stored documents made by an older extractor version; replace their rows."""
    from kommunkoll.extractors.limits import Limits

    from .db import open_database
    from .prefect_env import prefect_api, start_api
    from .worker import shared_reader

    if not dask:
        shared_reader().start()
    open_database(db, must_exist=True).dispose()
    server = start_api()
    from .flows import reprocess_flow, task_runner

    with prefect_api(server):
        run = reprocess_flow.with_options(task_runner=task_runner(workers, dask))
        outcome = run(
            db=db,
            timeout=timeout,
            show_progress=True,
            all_documents=all_documents,
            limits=Limits(ocr=not no_ocr),  # travels with each document to its reader
        )
    _finish(outcome, db, summary=REPROCESS_SUMMARY)
    if outcome.quarantined:
        raise typer.Exit(code=1)


def _report(outcome: object, summary: str) -> None:
    """Each quarantined file with its reason, then the run's counts in one Swedish line."""
    for name, code, reason in outcome.quarantined:  # type: ignore[attr-defined]
        err.print(
            f"{FAILED} {markup(name)}: {markup(reason)} [dim]({markup(code)})[/dim]",
            highlight=False,
        )
    out.print(
        summary.format(
            stored=len(outcome.stored),  # type: ignore[attr-defined]
            skipped=len(outcome.skipped),  # type: ignore[attr-defined]
            failed=len(outcome.quarantined),  # type: ignore[attr-defined]
        ),
        highlight=False,
    )
    reasons = outcome.reasons()  # type: ignore[attr-defined]
    if reasons:
        out.print(
            "  " + ", ".join(f"{code}: {n}" for code, n in sorted(reasons.items())),
            highlight=False,
        )


def _finish(outcome: object, db: str | None, summary: str) -> None:
    from .db import open_database
    from .queries import document_counts

    engine = open_database(db)
    show_documents(document_counts(engine))
    engine.dispose()
    _report(outcome, summary)


db_app = typer.Typer(help="The database's schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(
    db: DbOption = None,
    revision: Annotated[str, typer.Argument(help="Migration to reach.")] = "head",
) -> None:
    """Create the schema, or bring it up to date, through the migrations."""
    from alembic.util import CommandError

    from .db import database_problem, database_url, make_engine, schema_revision, upgrade_schema
    from .errors import DatabaseProblem

    url = database_url(db)
    try:
        engine = make_engine(url)
    except Exception as exc:
        raise DatabaseProblem(database_problem(exc, url)) from None
    try:
        before = schema_revision(engine)
        upgrade_schema(engine, revision)
        after = schema_revision(engine)
    except CommandError:
        message = UNKNOWN_MIGRATION.format(revision=revision)
        raise UserError(message) from None
    except Exception as exc:
        raise DatabaseProblem(database_problem(exc, url)) from None
    finally:
        engine.dispose()
    out.print(f"{database_url(db)}: {before or EMPTY_DATABASE} → {after}", highlight=False)


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
    from .db import database_problem, database_url, make_engine, schema_revision, sqlite_file
    from .errors import DatabaseProblem

    url = database_url(db)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise DatabaseProblem(DATABASE_PROBLEMS["missing"].format(path=path))
    try:
        engine = make_engine(url)
    except Exception as exc:
        raise DatabaseProblem(database_problem(exc, url)) from None
    try:
        out.print(schema_revision(engine) or EMPTY_DATABASE, highlight=False)
    except Exception as exc:
        raise DatabaseProblem(database_problem(exc, url)) from None
    finally:
        engine.dispose()


# Past this many documents `summary` prints a line per kommun: a table per nämnd of every
# kommun is 1,700 tables, 9 s to lay out, more than anyone reads.
SUMMARY_DOCUMENTS = 500


@app.command()
def summary(
    db: DbOption = None,
    kommun: Annotated[
        str | None, typer.Option("--kommun", help="Only this kommun, per document.")
    ] = None,
) -> None:
    """What the database holds, per document (a line per kommun in a large database)."""
    from .queries import document_counts

    engine = _engine(db)
    if kommun is not None:
        _check_filters(engine, kommun, None, None, kind=None, what=FILTERED_KINDS["document"])
    rows = document_counts(engine)
    engine.dispose()
    if kommun is None:
        show_documents(rows)
    else:
        print_documents([r for r in rows if str(r["kommun"]).casefold() == kommun.casefold()])


def show_documents(rows: list[dict[str, object]]) -> None:
    """The documents, a table per nämnd; a line per kommun past SUMMARY_DOCUMENTS."""
    from kommunkoll.vocabulary import SUMMARY_PER_KOMMUN

    from .report import kommun_table

    if len(rows) <= SUMMARY_DOCUMENTS:
        print_documents(rows)
        return
    kommuner = len({r["kommun"] for r in rows})
    out.print(SUMMARY_PER_KOMMUN.format(documents=len(rows), kommuner=kommuner))
    out.print(kommun_table(rows))


def print_documents(rows: list[dict[str, object]]) -> None:
    from .report import document_tables

    out.print(DOCUMENTS_IN_DATABASE.format(count=len(rows)))
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
        raise bad_option("--years", exc) from None


def _engine(db: str | None):  # type: ignore[no-untyped-def]
    """The database of a command that only reads: it must exist (never made by a typo)."""
    from .db import open_database

    return open_database(db, must_exist=True)


ChangesOnlyOption = Annotated[
    bool, typer.Option("--changes-only", help="Only answers that changed, both comments.")
]


@compare_app.command("answers")
def compare_answers(
    db: DbOption = None,
    kommun: KommunOption = None,
    namnd: NamndOption = None,
    years: YearsOption = None,
    changes_only: ChangesOnlyOption = False,
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
    _check_filters(engine, kommun, namnd, span, kind=ENKAT, what=FILTERED_KINDS[ENKAT])
    matrix = answer_matrix(queries.matrix_answers(engine, kommun, namnd, span), kommun, namnd, span)
    changes = answer_changes(
        queries.scoped_answer_changes(engine, kommun, namnd, span), kommun, namnd, span
    )
    engine.dispose()
    if not matrix.rows:
        err.print(NO_ANSWERS.format(filters=_described(kommun, namnd, years)), highlight=False)
        return
    if changes_only:
        if not changes:
            err.print(NO_CHANGES.format(filters=_described(kommun, namnd, years)), highlight=False)
        else:
            out.print(answer_changes_table(changes))
    else:
        for shown in answer_matrix_tables(matrix, out.width):
            out.print(shown)
    if xlsx is not None:
        from .xlsx import answers_workbook

        answers_workbook(matrix, changes, xlsx)
        err.print(f"{OK} {markup(xlsx)}", highlight=False)


def _check_filters(  # type: ignore[no-untyped-def]
    engine, kommun: str | None, namnd: str | None, span, kind: str | None, what: str
) -> None:
    from .compare import filter_problem
    from .queries import known

    problem = filter_problem(known(engine, kind), kommun, namnd, span, what)
    if problem:
        engine.dispose()
        err.print(f"{FAILED} {markup(problem)}", highlight=False)
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
    from .report import LaidOut, figure_table

    span = _years(years)
    engine = _engine(db)
    _check_filters(
        engine, kommun, namnd, span, kind=DELARSBOKSLUT, what=FILTERED_KINDS[DELARSBOKSLUT]
    )
    try:
        values = queries.figure_rows(engine, table, line, measure, kommun, namnd, span)
        points = figure_series(values, table, line, measure, kommun, namnd, span) if values else []
    except UnknownLine as exc:
        err.print(f"{FAILED} {markup(exc)}", highlight=False)
        raise typer.Exit(code=1) from None
    finally:
        engine.dispose()
    if not points:
        err.print(NO_FIGURES.format(filters=_described(kommun, namnd, years)), highlight=False)
        return
    title = f"{table} · {line} · {measure}"
    for shown in figure_table(points, title, out.width):
        out.print(shown, crop=not isinstance(shown, LaidOut))
    if xlsx is not None:
        from .xlsx import figures_workbook

        figures_workbook(points, title, xlsx)
        err.print(f"{OK} {markup(xlsx)}", highlight=False)


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
        err.print(SEARCH_NONE.format(query=markup(query)), highlight=False)
        raise typer.Exit(code=1)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    for name in SEARCH_COLUMNS:
        table.add_column(name)
    for h in hits:
        snippet = markup(h.snippet).replace(MARK_START, "[bold yellow]").replace(MARK_END, "[/]")
        table.add_row(
            SEARCH_KINDS.get(h.kind, h.kind),
            snippet,
            markup(f"{h.kommun} · {h.namnd} {h.year}"),
            markup(f"{h.filename} s.\u00a0{h.page}"),
        )
    out.print(table)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the files to.")],
    fmt: Annotated[str, typer.Option("--format", help="csv, xlsx or parquet.")] = "csv",
    db: DbOption = None,
) -> None:
    """Write every table in long (tidy) form: DIR/values.csv, answers.csv, ..."""
    from .export import check_format
    from .export import export as write

    try:
        check_format(fmt)
    except ValueError as exc:
        raise bad_option("--format", exc) from None
    engine = _engine(db)
    for path in write(engine, out_dir, fmt):
        out.print(f"{OK} {path}", highlight=False)
    engine.dispose()


PortOption = Annotated[int, typer.Option("--port", min=1, max=65535)]
HostOption = Annotated[
    str, typer.Option("--host", help="Address to listen on (loopback unless you mean it).")
]


def _port_free(host: str, port: int) -> None:
    """Fail loudly, before anything starts, when the port is taken."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UserError(UNKNOWN_ADDRESS.format(host=host, why=exc.strerror or exc)) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise UserError(
                PORT_TAKEN.format(port=port, host=host, why=exc.strerror or exc)
            ) from None


def _serving(db: str | None, host: str, port: int, announce: str, what: str) -> Engine:
    """The database migrated (the views come with the migrations) and the port free, then
    the address announced."""
    engine = _engine(db)
    _port_free(host, port)
    err.print(announce.format(what=what, host=host, port=port), highlight=False)
    return engine


@app.command()
def browse(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8001,
) -> None:
    """Open the (SQLite) database read-only in Datasette, with the analyst views documented."""
    from .browse import datasette_command, sqlite_path
    from .db import database_url

    url = database_url(db)
    try:
        path = sqlite_path(url)
    except ValueError as exc:
        err.print(f"{FAILED} {exc}", highlight=False)
        raise typer.Exit(code=1) from None
    _serving(url, host, port, SERVING_READ_ONLY, "Datasette").dispose()
    import subprocess
    import tempfile

    from .worker import die_with_parent

    with tempfile.TemporaryDirectory(prefix="kommunkoll-datasette-") as scratch:
        metadata = Path(scratch) / "metadata.json"
        command = datasette_command(path, host=host, port=port, metadata_file=metadata)
        # A child, not exec: so its metadata file is removed when it ends.
        signal.signal(signal.SIGTERM, _interrupt)
        process = subprocess.Popen(command, preexec_fn=die_with_parent)
        try:
            status = process.wait()
        except KeyboardInterrupt:
            process.terminate()
            status = process.wait()
    if status not in (0, -signal.SIGTERM, -signal.SIGINT):
        raise typer.Exit(code=1)


@app.command()
def serve(
    db: DbOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
) -> None:
    """The web pages: documents, answers matrix, values on their PDF page, trend charts."""
    import uvicorn

    from .web.app import create_app

    engine = _serving(db, host, port, SERVING, "kommunkoll")
    server = uvicorn.Server(
        uvicorn.Config(create_app(engine), host=host, port=port, log_level="critical")
    )
    server.run()
    if not server.started:  # lost a race for the port, or the address is not this machine's
        raise UserError(CANNOT_LISTEN.format(host=host, port=port))


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
    from kommunkoll import __version__

    out.print(__version__)


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")
    ] = False,
) -> None:
    """Swedish municipal PDF reports (delårsbokslut, revisorernas enkät) into a database."""


# Commands that only read the database and print. Their objects (rows, points, text) are
# freed by reference counting, so the cyclic collector's scans and the interpreter's teardown
# are wasted work: together a third of `compare figures` over 10,000 documents.
READING_COMMANDS = frozenset({"compare", "summary", "search"})
READING_GC_YOUNG = 100_000  # allocations between scans of the young generation
# Commands that run a flow: importing Prefect builds some 400,000 long-lived objects, which
# the default thresholds scan over and over while the command waits on its reader process.
# The documents are read in that process, which tunes its own collector (`worker.py`).
FLOW_COMMANDS = frozenset({"ingest", "watch", "reprocess"})
# Commands that end with their exit handlers run (the reader stopped, Prefect's events sent)
# and then at once: tearing down the 5,000 classes Prefect and pydantic import is 0.6 s of
# a one-file ingest (measured), spent freeing memory the process gives back anyway.
WOUND_DOWN_COMMANDS = FLOW_COMMANDS | {"extract"}


def _command(args: list[str]) -> str | None:
    return next((a for a in args if not a.startswith("-")), None)


def _wind_down() -> None:
    """What the interpreter's exit does before it tears the modules down: wait for the
    threads that are not daemons (thread pools included), then run the exit handlers."""
    import atexit
    import threading

    threading._shutdown()  # type: ignore[attr-defined]
    atexit._run_exitfuncs()


def _end_now(code: object) -> None:
    """End a command at once, its output flushed: nothing is left open (engines are
    disposed), so teardown would only free memory the process gives back anyway."""
    from contextlib import suppress

    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe (`| head`): nothing more to say
            stream.flush()
    if code is None or isinstance(code, int):
        os._exit(code or 0)
    print(code, file=sys.stderr)  # sys.exit("message") prints it and exits 1
    sys.stderr.flush()
    os._exit(1)


def _given_args(ctx: Context, argv: list[str]) -> list[str]:
    """The arguments the command of `ctx` was given, found again by parsing `argv` from the
    top (leniently, running nothing): click keeps no record of them once it has failed."""
    chain: list[Context] = []
    while ctx is not None:
        chain.append(ctx)
        ctx = ctx.parent  # type: ignore[assignment]
    args = list(argv)
    for outer in reversed(chain[1:]):
        probe = outer.command.make_context(outer.info_name, list(args), resilient_parsing=True)
        args = [*probe._protected_args, *probe.args][1:]  # after the subcommand's name
    return args


def _left_over(ctx: Context, argv: list[str]) -> list[str]:
    """What the command of `ctx` did not consume: for a group the command name it could not
    find (first), for a command the extra arguments."""
    probe = ctx.command.make_context(ctx.info_name, _given_args(ctx, argv), resilient_parsing=True)
    return [*probe._protected_args, *probe.args]


def _close(names: list[str] | None) -> str:
    if not names:
        return ""
    quoted = [markup(n) for n in names]  # the closest first
    listed = (
        ", ".join(quoted[:-1]) + USAGE_ERRORS["or"] + quoted[-1] if len(quoted) > 1 else quoted[0]
    )
    return USAGE_ERRORS["close"].format(names=listed)


# Pydantic's error types (typer converts values with it) → the Swedish problem, with the
# limit in the error's context.
_VALUE_PROBLEMS = {
    "int_parsing": ("not_integer", None),
    "int_from_float": ("not_integer", None),
    "int_type": ("not_integer", None),
    "float_parsing": ("not_number", None),
    "float_type": ("not_number", None),
    "greater_than_equal": ("at_least", "ge"),
    "less_than_equal": ("at_most", "le"),
    "greater_than": ("greater_than", "gt"),
    "less_than": ("less_than", "lt"),
}


def _value_problem(exc: UsageError) -> str:
    """The problem with a value the parser refused, from the converter's own record of it:
    the value as typed (escaped) and the limit it broke."""
    cause = exc.__cause__
    errors = cause.errors() if hasattr(cause, "errors") else []  # a pydantic ValidationError
    if not errors:
        return USAGE_ERRORS["unparsed"].format(detail=markup(exc.format_message()))
    first = errors[0]
    key, limit = _VALUE_PROBLEMS.get(first.get("type", ""), ("bad_value", None))
    value = first.get("input")
    if limit is not None:
        bound = (first.get("ctx") or {}).get(limit)
        return USAGE_ERRORS[key].format(limit=markup(bound), value=markup(value))
    return markup(USAGE_ERRORS[key].format(value=value))


def usage_problem(exc: UsageError, argv: list[str]) -> str:
    """A command line the parser refused, as one Swedish line (markup, the typed text escaped):
    what is wrong, then the command's --help."""
    from typer._click import exceptions as click

    ctx = exc.ctx
    param = getattr(exc, "param", None)
    if isinstance(exc, click.MissingParameter) and param is not None:
        name = markup(param.opts[0] if param.param_type_name == "option" else param.name)
        key = "missing_option" if param.param_type_name == "option" else "missing_argument"
        line = USAGE_ERRORS[key].format(option=name, name=name)
    elif isinstance(exc, click.BadParameter) and param is not None:
        shown = param.opts[0] if param.param_type_name == "option" else param.name
        line = BAD_OPTION.format(option=markup(shown), problem=_value_problem(exc))
    elif isinstance(exc, click.NoSuchOption):
        line = USAGE_ERRORS["no_such_option"].format(
            name=markup(exc.option_name), close=_close(exc.possibilities)
        )
    elif isinstance(exc, click.BadOptionUsage):
        # `--flag=value` is the one way to give a flag a value; otherwise the value is missing.
        given = any(a.startswith(f"{exc.option_name}=") for a in argv)
        key = "takes_no_value" if given else "needs_value"
        line = USAGE_ERRORS[key].format(option=markup(exc.option_name))
    else:
        line = _unparsed(exc, argv)
    if ctx is not None:
        line += " " + USAGE_HINT.format(command=markup(ctx.command_path))
    return line


def _unparsed(exc: UsageError, argv: list[str]) -> str:
    """Click's plain usage errors, which carry only English text: a group's unknown (or
    missing) command, a command's extra arguments; told apart by parsing again."""
    ctx = exc.ctx
    try:
        rest = _left_over(ctx, argv) if ctx is not None else []
    except Exception:  # the line cannot be parsed even leniently: click's own words
        rest = []
    commands = getattr(ctx.command, "commands", None) if ctx is not None else None
    if commands is not None and rest:
        from difflib import get_close_matches

        close = get_close_matches(rest[0], list(commands))
        return USAGE_ERRORS["no_such_command"].format(name=markup(rest[0]), close=_close(close))
    if commands is not None:
        return USAGE_ERRORS["missing_command"]
    if rest:
        return USAGE_ERRORS["extra_arguments"].format(args=markup(" ".join(rest)))
    return USAGE_ERRORS["unparsed"].format(detail=markup(exc.format_message()))


def main() -> None:
    """The command line's one error boundary: a UserError is one line and its exit code, and
    so is a command line the parser refuses (exit 2); anything else is one line too, with
    the traceback only under --debug."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.exceptions import UsageError as ParseError

    debug = "--debug" in sys.argv[1:] or bool(os.environ.get("KOMMUNKOLL_DEBUG"))
    command = _command(sys.argv[1:])
    reading = command in READING_COMMANDS
    wound_down = command in WOUND_DOWN_COMMANDS
    if reading or command in FLOW_COMMANDS:
        gc.freeze()  # the imported modules are never scanned again
        gc.set_threshold(READING_GC_YOUNG, *gc.get_threshold()[1:])
    try:
        # Not standalone: click's errors come here instead of its English box; typer.Exit
        # comes back as its code.
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except SystemExit as exc:
        if wound_down:
            _wind_down()
        if reading or wound_down:
            _end_now(exc.code)
        raise
    except NoArgsIsHelpError as exc:  # the help is printed already
        sys.exit(exc.exit_code)
    except ParseError as exc:
        err.print(f"{FAILED} {usage_problem(exc, sys.argv[1:])}", highlight=False)
        sys.exit(exc.exit_code)
    except ClickException as exc:
        err.print(f"{FAILED} {markup(exc.format_message())}", highlight=False)
        sys.exit(exc.exit_code)
    except typer.Abort:  # end of input at a prompt: as typer says it
        from typer import rich_utils

        rich_utils.rich_abort_error()
        sys.exit(1)
    except UserError as exc:
        err.print(f"{FAILED} {markup(exc.message)}", highlight=False)
        sys.exit(exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        from kommunkoll.extractors.pdf import detail

        err.print(
            f"{FAILED} {UNEXPECTED_ERROR.format(detail=markup(detail(exc)))} "
            f"[dim]({DEBUG_HINT})[/dim]",
            highlight=False,
        )
        sys.exit(1)
