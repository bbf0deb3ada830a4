"""A delårsbokslut's tables, checks and internkontroll, added to its Extraction.

The one place extract.py calls for them: running heads and page numbers are set aside first
(they repeat on every page and must not become rows), then tables, checks and the
internkontroll are read from the same positioned lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .checks import check_table, failed
from .contract import Finding, InternalControl, Table
from .internkontroll import extract_internal_controls
from .tables import build_tables, strip_internal
from .words import Line, furniture


@dataclass
class Report:
    """What a delårsbokslut's tables yield: tables with checks, internkontroll, findings."""

    tables: list[Table]
    internal_controls: list[InternalControl]
    findings: list[Finding]  # the internkontroll's risks and åtgärder
    warnings: list[str]  # failed checks


def read_report(pages: Sequence[Sequence[Line]], heights: Sequence[float], year: int) -> Report:
    """Tables, checks and internkontroll from the pages' positioned lines."""
    repeated = furniture(pages, heights)
    body = [
        [line for i, line in enumerate(lines) if (p, i) not in repeated]
        for p, lines in enumerate(pages)
    ]
    tables = [strip_internal(t) for t, _ in build_tables(body, year)]
    for table in tables:
        table.checks = check_table(table)
    controls, findings = extract_internal_controls(body)
    return Report(tables, controls, findings, failed(tables))
