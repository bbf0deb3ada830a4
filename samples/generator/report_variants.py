"""Delårsbokslut for other years, nämnder and kommuner, in the seed's structure.

Numbers come from figures.py (consistent, seeded), the economy prose from prose.py (so it
quotes those numbers), and the rest of the text from the variant's `ReportSpec`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .columns import drift_columns
from .delarsbokslut_data import (
    IC_HEADERS,
    drift_table,
    goal_table,
    investment_table,
    sick_table,
    turnover_table,
)
from .model import (
    Block,
    Delarsbokslut,
    Heading,
    InternalControl,
    InternalControlTable,
    Layout,
    Paragraph,
)
from .prose import economy_blocks, investment_comment, sick_paragraph, turnover_paragraph


@dataclass
class Goal:
    """One arbetsmiljömål indicator and the text that follows it."""

    goal: str
    indicator: str
    values: list[float | int | None]  # mål, preliminärt utfall, utfall previous year
    text: list[str]
    decimals: int = 0


@dataclass
class ReportSpec:
    """Everything one variant delårsbokslut says."""

    kommun: str
    kommun_official: str
    namnd: str
    forvaltning: str  # "Socialförvaltningen"
    year: int
    title_lines: list[str]
    running_header: str
    verksamhet: list[str]
    kommentar: list[str]  # after the generated first Kommentar paragraph
    drift: dict[str, list]  # seed column order: budget, prognos, avv, utfall, prev, diff
    investments: list[tuple[str, str | None, list]]
    turnover: list[tuple[str, float, float, float]]
    personal: list[str]
    goals: list[Goal]
    sick: list[tuple[str, float, float, float]]
    sick_text: list[str]
    internal_controls: list[InternalControl]
    drift_order: list[int] | None = None  # print Drift's columns in this order
    extra_personal_heading: str = "Rekryteringsbehov och kompetensförsörjning"
    seed: int = 0


def build_report(spec: ReportSpec, layout: Layout) -> Delarsbokslut:
    """The variant's blocks, in the seed's order of sections."""
    rng = random.Random(spec.seed)
    y = spec.year
    columns = drift_columns(y)
    drift = spec.drift
    if spec.drift_order:
        columns = [columns[i] for i in spec.drift_order]
        drift = {k: [v[i] for i in spec.drift_order] for k, v in drift.items()}
    blocks: list[Block] = [
        Heading("Verksamhet", 1),
        *[Paragraph(p) for p in spec.verksamhet],
        Heading("Ekonomi", 1),
        drift_table(y, drift, columns),
        *economy_blocks(rng, spec.drift, y, spec.forvaltning, spec.kommentar),
        investment_table(y, spec.investments),
        Heading("Kommentar", 2),
        Paragraph(investment_comment(spec.namnd, spec.investments, y, layout)),
        Heading("Personaluppföljning", 1),
        Heading(spec.extra_personal_heading, 2),
        turnover_table(y, spec.turnover),
        Paragraph(turnover_paragraph(spec.turnover, y)),
        *[Paragraph(p) for p in spec.personal],
        Heading("Arbetsmiljö", 2),
    ]
    for g in spec.goals:
        blocks.append(goal_table(y, g.goal, g.indicator, g.values, g.decimals))
        blocks.extend(Paragraph(p) for p in g.text)
    blocks += [
        sick_table(y, spec.sick),
        Paragraph(sick_paragraph(spec.sick, spec.forvaltning)),
        *[Paragraph(p) for p in spec.sick_text],
        InternalControlTable(
            title="Uppföljning av internkontroll",
            headers=list(IC_HEADERS),
            items=spec.internal_controls,
        ),
    ]
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
