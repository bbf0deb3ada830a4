"""Rich renderings for the terminal: what a person reads after a command."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from kommunkoll.extractors import Extraction


def extraction_summary(extraction: Extraction) -> Table:
    doc = extraction.document
    values = sum(len(row.cells) for table in extraction.tables for row in table.rows)
    checks = [check for table in extraction.tables for check in table.checks]
    failed = sum(1 for check in checks if not check.ok)
    table = Table(title=extraction.source.filename, show_header=False, title_justify="left")
    for name, value in (
        ("kind", doc.kind),
        ("kommun", doc.kommun),
        ("nämnd", doc.namnd),
        ("year", str(doc.year)),
        ("period", doc.period or "–"),
        ("pages", str(extraction.source.pages)),
        ("tables / values", f"{len(extraction.tables)} / {values}"),
        ("arithmetic checks", f"{len(checks) - failed} passed, {failed} failed"),
        ("internal controls", str(len(extraction.internal_controls))),
        ("answers", str(len(extraction.answers))),
        ("findings", str(len(extraction.findings))),
    ):
        table.add_row(name, value)
    for warning in extraction.warnings:
        table.add_row("[yellow]warning[/yellow]", warning)
    return table


def document_table(rows: Sequence[dict[str, object]]) -> Table:
    table = Table(title=f"{len(rows)} documents in the database", title_justify="left")
    for name in ("file", "kind", "kommun", "nämnd", "year", "pages"):
        table.add_column(name)
    for name in ("tables", "values", "answers", "findings"):
        table.add_column(name, justify="right")
    for row in rows:
        table.add_row(
            *(str(row[k]) for k in ("filename", "kind", "kommun", "namnd", "year", "pages")),
            *(str(row[k]) for k in ("tables", "values", "answers", "findings")),
        )
    return table
