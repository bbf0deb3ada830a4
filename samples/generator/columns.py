"""Printed column sets of the delårsbokslut tables, shared by the seed and the variants.

Headers keep the seed's line breaks ("\\n") because wrapped headers are one of the things
extractors must cope with.
"""

from __future__ import annotations

from .model import Column

DRIFT_ROWS = [
    "Verksamhetens intäkter",
    "Personalkostnader",
    "Lokalhyror",
    "Köp av tjänster",
    "Övriga kostnader",
    "Verksamhetens kostnader",
    "Verksamhetens\nnettokostnader",
    "Kommunbidrag",
    "Finansnetto",
    "Årets resultat",
]
COST_ROWS = DRIFT_ROWS[1:5]
BOLD_DRIFT_ROWS = {"Verksamhetens kostnader", "Verksamhetens\nnettokostnader", "Årets resultat"}


def drift_columns(year: int) -> list[Column]:
    """Drift as in the seed: Budget, Prognos, Avvikelse, Delår year, Delår year-1, Diff."""
    return [
        Column(f"Budget {year}", "budget", year),
        Column(f"Prognos helår\n{year}", "prognos", year),
        Column(f"Avv.\nprognos/\nbudget {year}", "avvikelse", year),
        Column(f"Delårs-\nbokslut\n{year}", "utfall", year),
        Column(f"Delårs-\nbokslut\n{year - 1}", "utfall", year - 1),
        Column(f"Diff. utfall\n{year - 1}/{year}", "differens", year),
    ]


def investment_columns(year: int) -> list[Column]:
    """Investeringar as in the seed (headers wrap differently from Drift's)."""
    return [
        Column(f"Budget {year}", "budget", year),
        Column(f"Prognos\nhelår {year}", "prognos", year),
        Column(f"Avv.\nprognos/\nbudget {year}", "avvikelse", year),
        Column(f"Delårs-\nbokslut {year}", "utfall", year),
        Column(f"Delårs-\nbokslut {year - 1}", "utfall", year - 1),
        Column(f"Diff. utfall\n{year - 1}/{year}", "differens", year),
    ]


def percent_columns(year: int, *, percent: bool) -> list[Column]:
    """Personalomsättning ("8,3") and sjukfrånvaro ("9,1%"): year, year-1, Differens."""
    return [
        Column(str(year), "utfall", year, decimals=1, percent=percent),
        Column(str(year - 1), "utfall", year - 1, decimals=1, percent=percent),
        Column("Differens", "differens", year, decimals=1, percent=percent),
    ]


def goal_columns(year: int, decimals: int = 0) -> list[Column]:
    """Arbetsmiljömål: Mål, Preliminärt utfall, Utfall previous year."""
    return [
        Column(f"Mål {year}", "mal", year, decimals=decimals),
        Column(f"Preliminärt utfall {year}", "preliminart_utfall", year, decimals=decimals),
        Column(f"Utfall {year - 1}", "utfall", year - 1, decimals=decimals),
    ]
