"""A delårsbokslut's tables, checks and internkontroll, added to its Extraction.

The one place extract.py calls for them: running heads and page numbers are set aside first
(they repeat on every page and must not become rows), then tables, checks and the
internkontroll are read from the same positioned lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from .checks import check_table, failed
from .contract import Extraction
from .internkontroll import extract_internal_controls
from .tables import build_tables, strip_internal
from .words import Line, furniture


def extract_report_tables(
    extraction: Extraction, pages: Sequence[Sequence[Line]], heights: Sequence[float]
) -> None:
    """Fill `tables`, their `checks`, `internal_controls` and their risk/action findings."""
    repeated = furniture(pages, heights)
    body = [
        [line for i, line in enumerate(lines) if (p, i) not in repeated]
        for p, lines in enumerate(pages)
    ]
    tables = [strip_internal(t) for t, _ in build_tables(body, extraction.document.year)]
    for table in tables:
        table.checks = check_table(table)
    extraction.tables.extend(tables)
    extraction.warnings.extend(failed(tables))
    controls, findings = extract_internal_controls(body)
    extraction.internal_controls.extend(controls)
    extraction.findings.extend(findings)
