"""An årsredovisning: Alingsås Vård- och omsorgsnämnden's annual report for 2025.

The minimal third document kind. Its title page names it; its Drift prints the whole year's
outcome ("Bokslut 2025", "Bokslut 2024", measure `bokslut`) against the budget, and its
sjukfrånvaro is read as in a delårsbokslut. The full-year figures start from the seed
delårsbokslut's "Prognos helår 2025" (moved by a seeded few per mille per line), so the
delår's utfall and the helår's bokslut of the same nämnd and year can be compared.
"""

from __future__ import annotations

import random

from .delarsbokslut_data import SEED_DRIFT, SEED_SICK, VERKSAMHET
from .model import Column, Delarsbokslut, Heading, Layout, Paragraph, Table
from .tables import COST_ROWS, DRIFT_ROWS, drift_table, sick_table

YEAR = 2025
INCOME, COSTS, NET, GRANT, FINANCE, RESULT = (
    DRIFT_ROWS[0], DRIFT_ROWS[5], DRIFT_ROWS[6], DRIFT_ROWS[7], DRIFT_ROWS[8], DRIFT_ROWS[9],
)  # fmt: skip


class Arsredovisning(Delarsbokslut):
    """Drawn like a delårsbokslut (same blocks); covers the whole year, so no period."""


def drift_columns(year: int) -> list[Column]:
    return [
        Column(f"Budget {year}", "budget", year),
        Column(f"Bokslut\n{year}", "bokslut", year),
        Column(f"Avvikelse\nbokslut/\nbudget {year}", "avvikelse", year),
        Column(f"Bokslut\n{year - 1}", "bokslut", year - 1),
        Column(f"Diff.\n{year - 1}/{year}", "differens", year),
    ]


def _year_outcome(start: dict[str, int], rng: random.Random, scale: float) -> dict[str, int]:
    """A consistent year: each income/cost line moved a little, the totals summed again."""
    lines = {
        label: round(start[label] * scale * (1 + rng.uniform(-0.004, 0.004)))
        for label in (INCOME, *COST_ROWS)
    }
    lines[COSTS] = sum(lines[c] for c in COST_ROWS)
    lines[NET] = lines[INCOME] + lines[COSTS]
    lines[GRANT] = round(start[GRANT] * scale)
    lines[FINANCE] = -rng.randrange(1, 9)
    lines[RESULT] = lines[NET] + lines[GRANT] + lines[FINANCE]
    return lines


def drift_values(year: int) -> dict[str, list[int | None]]:
    rng = random.Random(year * 7)
    budget: dict[str, int | None] = {label: values[0] for label, values in SEED_DRIFT.items()}
    budget[COSTS] = sum(budget[c] or 0 for c in COST_ROWS)  # the seed's own sums are off by one
    budget[NET] = (budget[INCOME] or 0) + budget[COSTS]
    budget[GRANT] = -budget[NET]
    budget[RESULT] = 0
    forecast = {label: values[1] for label, values in SEED_DRIFT.items()}
    this = _year_outcome(forecast, rng, 1.0)
    last = _year_outcome(forecast, rng, 0.962)
    values: dict[str, list[int | None]] = {}
    for label in DRIFT_ROWS:
        b = budget[label]
        values[label] = [
            b,
            this[label],
            this[label] - (b or 0),
            last[label],
            this[label] - last[label],
        ]
    return values


def _whole_year(table: Table) -> Table:
    """An årsredovisning's outcome columns are the whole year's: measure bokslut."""
    for column in table.columns:
        if column.measure == "utfall":
            column.measure = "bokslut"
    return table


def seed_arsredovisning() -> Arsredovisning:
    drift = drift_table(YEAR, drift_values(YEAR), drift_columns(YEAR))
    blocks = [
        Heading("Verksamhet", 1),
        *[Paragraph(p) for p in VERKSAMHET[:2]],
        Heading("Ekonomi", 1),
        drift,
        Paragraph(
            "Nämnden redovisar för helåret ett resultat nära budget; avvikelserna per rad "
            "framgår av tabellen."
        ),
        Heading("Personaluppföljning", 1),
        _whole_year(sick_table(YEAR, SEED_SICK)),
    ]
    return Arsredovisning(
        kommun="Alingsås",
        kommun_official="Alingsås kommun",
        namnd="Vård- och omsorgsnämnden",
        year=YEAR,
        period="",
        title_lines=[
            f"Vård- och omsorgsnämndens årsredovisning {YEAR}",
            "Alingsås kommun",
        ],
        running_header=f"Vård- och omsorgsnämndens årsredovisning {YEAR}",
        blocks=blocks,
        layout=Layout(
            producer="reportlab",
            table_style="ruled",
            thousands_sep="\u00a0",
            minus="\u2212",
            font="DejaVu Sans",
            features=[
                "document kind: årsredovisning (whole year, no period)",
                "Drift with full-year columns: Bokslut 2025, Bokslut 2024 (measure bokslut)",
                "ruled tables (grid lines)",
                "no-break space thousands separator",
                "Unicode minus (U+2212)",
            ],
        ),
    )
