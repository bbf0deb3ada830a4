"""Delårsbokslut for other years, nämnder and kommuner, in the seed's structure.

Numbers come from figures.py (consistent, seeded), the economy prose from prose.py (so it
quotes those numbers), and the rest of the text from the variant's `ReportSpec`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .figures import Figures
from .model import Delarsbokslut, InternalControl, Layout
from .prose import economy_blocks, investment_comment, sick_paragraph, turnover_paragraph
from .tables import Goal, drift_columns, drift_table, report_blocks


@dataclass(kw_only=True)
class ReportSpec:
    """Everything one variant delårsbokslut says; titles default to Alingsås's form."""

    kommun: str = "Alingsås"
    kommun_official: str = "Alingsås kommun"
    namnd: str
    forvaltning: str  # "Socialförvaltningen"
    year: int
    title_lines: list[str] = field(default_factory=list)
    running_header: str = ""
    verksamhet: list[str]
    kommentar: list[str]  # after the generated first Kommentar paragraph
    figures: Figures
    personal: list[str]
    goals: list[Goal]
    sick_text: list[str]
    internal_controls: list[InternalControl]
    drift_order: list[int] | None = None  # print Drift's columns in this order
    extra_personal_heading: str = "Rekryteringsbehov och kompetensförsörjning"

    def __post_init__(self) -> None:
        own = f"{self.namnd}s delårsbokslut {self.year}"  # "Socialnämndens delårsbokslut 2025"
        if not self.title_lines:
            self.title_lines = [own, f"Januari–augusti {self.year}", self.kommun_official]
        if not self.running_header:
            self.running_header = own


def build_report(spec: ReportSpec, layout: Layout) -> Delarsbokslut:
    """The variant's blocks, in the seed's order of sections."""
    rng = random.Random(spec.figures.seed)
    y = spec.year
    f = spec.figures
    columns = drift_columns(y)
    drift = f.drift
    if spec.drift_order:
        columns = [columns[i] for i in spec.drift_order]
        drift = {k: [v[i] for i in spec.drift_order] for k, v in drift.items()}
    blocks = report_blocks(
        y,
        verksamhet=spec.verksamhet,
        drift=drift_table(y, drift, columns),
        economy=economy_blocks(rng, f.drift, y, spec.forvaltning, spec.kommentar),
        investments=f.investments,
        investment_comment=investment_comment(spec.namnd, f.investments, y, layout),
        turnover=f.turnover,
        personal=[turnover_paragraph(f.turnover, y), *spec.personal],
        goals=spec.goals,
        sick=f.sick,
        sick_text=[sick_paragraph(f.sick, spec.forvaltning), *spec.sick_text],
        internal_controls=spec.internal_controls,
        personal_heading=spec.extra_personal_heading,
    )
    return Delarsbokslut(
        kommun=spec.kommun,
        kommun_official=spec.kommun_official,
        namnd=spec.namnd,
        year=y,
        period="januari-augusti",
        title_lines=list(spec.title_lines),
        running_header=spec.running_header,
        blocks=blocks,
        layout=layout,
    )
