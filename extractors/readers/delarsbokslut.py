"""A delårsbokslut: its tables (with checks) and internkontroll from positioned word lines."""

from __future__ import annotations

from typing import Any

from kommunkoll.vocabulary import DELARSBOKSLUT

from ..pages import Pages
from ..report_tables import read_report
from ..words import page_lines
from . import Parts, title_score

KIND = DELARSBOKSLUT


def recognise(pages: Pages) -> float:
    return title_score(pages, KIND)


def page_data(page: Any, number: int) -> object:
    return page_lines(page)


def read(pages: Pages, year: int) -> Parts:
    report = read_report(
        [p.data for p in pages.content],  # type: ignore[misc]
        [p.height for p in pages.content],
        year,
    )
    return Parts(
        tables=report.tables,
        internal_controls=report.internal_controls,
        findings=report.findings,
        warnings=report.warnings,
    )
