"""A delårsbokslut's tables, checks and internkontroll, added to its Extraction.

The one place extract.py calls for them: running heads and page numbers (marked by the page
model's document pass) are set aside first, as they must not become rows; then tables, checks
and the internkontroll are read from the same lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .checks import check_table, failed
from .contract import Finding, InternalControl, Table
from .internkontroll import extract_internal_controls
from .layout import Page
from .tables import build_tables, strip_internal


@dataclass
class Report:
    """What a delårsbokslut's tables yield: tables with checks, internkontroll, findings."""

    tables: list[Table]
    internal_controls: list[InternalControl]
    findings: list[Finding]  # the internkontroll's risks and åtgärder
    warnings: list[str]  # failed checks


def read_report(pages: Sequence[Page], year: int) -> Report:
    """Tables, checks and internkontroll from the pages' lines (furniture already marked)."""
    body = [page.body for page in pages]
    tables = [strip_internal(t) for t, _ in build_tables(body, year)]
    for table in tables:
        table.checks = check_table(table)
    controls, findings = extract_internal_controls(body)
    return Report(tables, controls, findings, failed(tables))
