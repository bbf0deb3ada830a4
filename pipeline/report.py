"""Rich renderings for the terminal: what a person reads after a command."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.markup import escape
from rich.table import Table

from kommunkoll.extractors import Extraction
from kommunkoll.vocabulary import DOCUMENT_KINDS, name_of

if TYPE_CHECKING:  # pandas and the comparisons load only when a comparison is printed
    import pandas as pd

    from .compare import AnswerMatrix, FigurePoint


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
                name_of(DOCUMENT_KINDS, str(row["kind"])).lower(),
                *(str(row[k]) for k in ("pages", "tables", "values", "answers", "findings")),
                str(row["filename"]),
            )
        tables.append(table)
    return tables


def answer_matrix_table(matrix: AnswerMatrix) -> Table:
    """Questions down, (nämnd, year) across; a changed answer in bold yellow with its old one."""
    from .compare import answer_label

    table = Table(
        title=f"{len(matrix.rows)} questions, {matrix.changes} changed answers",
        title_justify="left",
        show_lines=False,
    )
    table.add_column("nr", no_wrap=True)
    table.add_column("question (latest wording)", overflow="fold", min_width=30)
    for column in matrix.columns:
        table.add_column(f"{column.namnd}\n{column.kommun} {column.year}", justify="center")
    for row in matrix.rows:
        cells = []
        for cell in row.cells:
            if cell.changed:
                cells.append(
                    f"[bold yellow]{cell.label}[/] [dim](var {answer_label(cell.before)})[/]"
                )
            else:
                cells.append(cell.label)
        table.add_row(escape(row.number), escape(row.question), *cells)
    return table


def answer_changes_table(changes: pd.DataFrame) -> Table:
    from .compare import answer_label, as_none

    table = Table(title=f"{len(changes)} changed answers", title_justify="left", show_lines=True)
    for name in ("kommun / nämnd", "nr", "question", "before", "now"):
        table.add_column(name, overflow="fold")
    for r in changes.itertuples():
        table.add_row(
            escape(f"{r.kommun}\n{r.namnd}"),
            escape(str(r.number)),
            escape(str(r.question)),
            f"[bold]{r.year_before}: {answer_label(as_none(r.answer_before))}[/]\n"
            + escape(str(r.comment_before)),
            f"[bold yellow]{r.year}: {answer_label(as_none(r.answer))}[/]\n"
            + escape(str(r.comment)),
        )
    return table


def figure_table(points: Sequence[FigurePoint], title: str) -> Table:
    from .compare import swedish_number

    table = Table(title=title, title_justify="left")
    for name in ("kommun", "nämnd", "year"):
        table.add_column(name)
    for name in ("value", "change", "change %"):
        table.add_column(name, justify="right")
    table.add_column("source", style="dim")
    for p in points:
        style = "" if p.change is None else ("green" if p.change > 0 else "red")
        table.add_row(
            p.kommun,
            p.namnd,
            str(p.year),
            f"{swedish_number(p.number, _decimals(p.unit))} {p.unit}",
            f"[{style}]{swedish_number(p.change, _decimals(p.unit), sign=True)}[/]"
            if style
            else "–",
            f"[{style}]{swedish_number(p.change_percent, 1, sign=True)} %[/]"
            if p.change_percent is not None
            else "–",
            f"{p.filename} p. {p.page}",
        )
    return table


def _decimals(unit: str) -> int:
    return 0 if unit == "tkr" else 1
