"""A delårsbokslut: its tables (with checks) and internkontroll from the pages' lines."""

from __future__ import annotations

from collections.abc import Sequence

from kommunkoll.vocabulary import DELARSBOKSLUT, UTFALL

from ..layout import Page
from ..report_tables import read_report
from . import Parts, title_score

KIND = DELARSBOKSLUT
BOXES = False


def recognise(pages: Sequence[Page]) -> float:
    return title_score(pages, KIND)


def read(pages: Sequence[Page], year: int, outcome: str = UTFALL) -> Parts:
    report = read_report(pages, year, outcome)
    return Parts(
        tables=report.tables,
        internal_controls=report.internal_controls,
        findings=report.findings,
        warnings=report.warnings,
        gaps=report.gaps,
    )
