"""`kommunkoll`: the command line in front of extraction, storage and (later) the flows."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kommunkoll import __version__
from kommunkoll.extractors import Extraction, ExtractionError, extract_pdf

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


def pdf_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as the PDFs directly inside them, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".pdf"))
        else:
            found.append(path)
    return found


def try_extract(path: Path) -> Extraction | ExtractionError:
    """Extract, turning every failure into an ExtractionError so one file never stops a batch."""
    try:
        return extract_pdf(path)
    except ExtractionError as exc:
        return exc
    except Exception as exc:  # a bug in an extractor: report it like a bad file, go on
        return ExtractionError("broken", f"unexpected extractor failure: {exc!r}", path.name)


def report_error(exc: ExtractionError) -> None:
    err.print(f"[red]✗[/red] {exc.filename}: {exc.reason} [dim]({exc.code})[/dim]", highlight=False)


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
    paths = pdf_paths(files)
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
            err.print(f"[green]✓[/green] {path.name} → {target}", highlight=False)
        if as_json:
            # One object for one file; JSON Lines for several, so the output stays parseable.
            sys.stdout.write(payload if len(paths) == 1 else result.model_dump_json())
            sys.stdout.write("\n")
        elif out_dir is None:
            out.print(extraction_summary(result))
    if failed:
        raise typer.Exit(code=1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders of PDFs.")],
    db: DbOption = None,
) -> None:
    """Extract and store PDFs (skipping those already stored), then summarise the database."""
    from .db import create_schema, make_engine
    from .store import document_counts, is_stored, sha256_of, store_extraction

    engine = make_engine(db)
    create_schema(engine)
    stored = skipped = failed = 0
    for path in pdf_paths(paths):
        digest = sha256_of(path)
        if digest is not None and is_stored(engine, digest):
            skipped += 1
            continue
        result = try_extract(path)
        if isinstance(result, ExtractionError):
            failed += 1
            report_error(result)
            continue
        if store_extraction(engine, result) is None:
            skipped += 1
        else:
            stored += 1
    print_documents(document_counts(engine))
    out.print(f"stored {stored}, already stored {skipped}, failed {failed}")
    if failed:
        raise typer.Exit(code=1)


@app.command()
def summary(db: DbOption = None) -> None:
    """What the database holds, per document."""
    from .db import create_schema, make_engine
    from .store import document_counts

    engine = make_engine(db)
    create_schema(engine)
    print_documents(document_counts(engine))


def print_documents(rows: list[dict[str, object]]) -> None:
    out.print(f"{len(rows)} documents in the database")
    for table in document_tables(rows):
        out.print(table)


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
