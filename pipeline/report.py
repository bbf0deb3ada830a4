"""Rich renderings for the terminal: what a person reads after a command."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.table import Table

from kommunkoll.extractors import Extraction

KIND_NAMES = {"delarsbokslut": "delårsbokslut", "enkat": "enkät"}


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


def document_tables(rows: Sequence[dict[str, object]]) -> list[Table]:
    """One table per kommun and nämnd: how a revisor thinks of the documents."""
    groups: dict[tuple[object, object], list[dict[str, object]]] = {}
    for row in rows:
        groups.setdefault((row["kommun"], row["namnd"]), []).append(row)
    tables = []
    for (kommun, namnd), members in groups.items():
        table = Table(
            title=f"{kommun} · {namnd}", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
        )
        table.add_column("year")
        table.add_column("kind")
        for name in ("pages", "tables", "values", "answers", "findings"):
            table.add_column(name, justify="right")
        table.add_column("file", overflow="fold")
        for row in members:
            table.add_row(
                str(row["year"]),
                KIND_NAMES.get(str(row["kind"]), str(row["kind"])),
                *(str(row[k]) for k in ("pages", "tables", "values", "answers", "findings")),
                str(row["filename"]),
            )
        tables.append(table)
    return tables
