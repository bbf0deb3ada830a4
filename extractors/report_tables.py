"""A delårsbokslut's tables, checks and internkontroll, added to its Extraction.

The one place extract.py calls for them: running heads and page numbers (marked by the page
model's document pass) are set aside first, as they must not become rows; then tables, checks
and the internkontroll are read from the same lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kommunkoll.vocabulary import UTFALL

from .checks import check_table, failed
from .compact import compact
from .completeness import find_gaps, gap_warning
from .contract import Finding, Gap, InternalControl, Table
from .internkontroll import extract_internal_controls
from .layout import Page
from .tables import build_tables


@dataclass
class Report:
    """What a delårsbokslut's tables yield: tables with checks, internkontroll, findings."""

    tables: list[Table]
    internal_controls: list[InternalControl]
    findings: list[Finding]  # the internkontroll's risks and åtgärder
    warnings: list[str]  # failed checks, then the gaps
    gaps: list[Gap]  # what is printed but no table read


def read_report(pages: Sequence[Page], year: int, outcome: str = UTFALL) -> Report:
    """Tables, checks and internkontroll from the pages' lines (furniture already marked).

    `outcome` is what a plain outcome column ("Utfall 2025", "2025") measures: the period's
    utfall in a delårsbokslut, the whole year's bokslut in an årsredovisning.
    """
    body = [page.body for page in pages]
    tables = [table for table, _ in build_tables(body, year)]  # finished and compact
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.measure == UTFALL:
                    cell.measure = outcome
        table.checks = check_table(table)
        compact(table.checks)
    controls, findings = extract_internal_controls(body)
    gaps = find_gaps(pages, tables)
    warnings = failed(tables) + [gap_warning(g) for g in gaps]
    return Report(tables, controls, findings, warnings, gaps)
