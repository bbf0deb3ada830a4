"""The delårsbokslut's printed tables and the order of its sections, shared by the seed
and the variants, so both print the same column sets and rows.

Headers keep the seed's line breaks ("\\n") because wrapped headers are one of the things
extractors must cope with.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import (
    Block,
    Column,
    Heading,
    InternalControl,
    InternalControlTable,
    Paragraph,
    Row,
    Table,
)

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
INDICATOR_PREFIX = "Indikator: "
IC_HEADERS = [
    "Identifierad risk och\nriskbeskrivning",
    "Riskvärde",
    "Kontroll",
    "Resultat",
    "Bedömning",
    "Åtgärd",
]
InvestLine = tuple[str, str | None, list[int | None]]  # label, parent, values
PercentRow = tuple[str, float, float, float]  # label, this year, last year, differens


@dataclass
class Goal:
    """One arbetsmiljömål indicator and the text that follows it."""

    goal: str
    indicator: str
    values: list[float | int | None]  # mål, preliminärt utfall, utfall previous year
    text: list[str]
    decimals: int = 0


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
    """Investeringar as in the seed: Drift's columns, three headers wrapped elsewhere."""
    columns = drift_columns(year)
    columns[1].header = f"Prognos\nhelår {year}"
    columns[3].header = f"Delårs-\nbokslut {year}"
    columns[4].header = f"Delårs-\nbokslut {year - 1}"
    return columns


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


def drift_table(year: int, values: dict[str, list], columns: list[Column] | None = None) -> Table:
    """Drift with the seed's rows; `values` is keyed by row label, in column order."""
    return Table(
        kind="drift",
        title="Drift",
        unit="tkr",
        label_header="Belopp i tkr",
        columns=columns or drift_columns(year),
        rows=[
            Row(label, list(values[label]), bold=label in BOLD_DRIFT_ROWS) for label in DRIFT_ROWS
        ],
    )


def investment_table(year: int, lines: list[InvestLine]) -> Table:
    """Investeringar: (label, parent, values) per printed row."""
    return Table(
        kind="investeringar",
        title="Investeringar",
        unit="tkr",
        label_header="Belopp i tkr",
        columns=investment_columns(year),
        rows=[
            Row(label, list(vals), parent=parent, bold=parent is None)
            for label, parent, vals in lines
        ],
    )


def turnover_table(year: int, lines: list[PercentRow]) -> Table:
    """Personalomsättning externt (%) per förvaltning and avdelning."""
    return Table(
        kind="personalomsattning",
        title=None,
        unit="procent",
        label_header="Personalomsättning externt (%)",
        columns=percent_columns(year, percent=False),
        rows=[Row(label, [a, b, d], bold=i == 0) for i, (label, a, b, d) in enumerate(lines)],
    )


def sick_table(year: int, lines: list[PercentRow]) -> Table:
    """Sjukfrånvaro by sex, age band and length, printed with '%'."""
    return Table(
        kind="sjukfranvaro",
        title="Sjukfrånvaro",
        unit="procent",
        label_header="Sjukfrånvaro*",
        columns=percent_columns(year, percent=True),
        rows=[Row(label, [a, b, d], bold=label.startswith("Total")) for label, a, b, d in lines],
    )


def goal_table(year: int, goal: str, indicator: str, values: list, decimals: int = 0) -> Table:
    """One arbetsmiljömål indicator, printed as in the seed: the goal line (title) and
    "Indikator: ..." (lead) above a table of three numbers without a label column. The
    row's label is therefore empty in the model; expected.py reports the indicator text
    (from the lead) as the contract's row label."""
    return Table(
        kind="arbetsmiljomal",
        title=goal,
        unit="andel",
        label_header="",
        columns=goal_columns(year, decimals),
        rows=[Row("", list(values), null_text="Inget värde")],
        lead=[f"{INDICATOR_PREFIX}{indicator}"],
    )


def report_blocks(
    year: int,
    *,
    verksamhet: list[str],
    drift: Table,
    economy: list[Block],
    investments: list[InvestLine],
    investment_comment: str,
    turnover: list[PercentRow],
    personal: list[str],
    goals: list[Goal],
    sick: list[PercentRow],
    sick_text: list[str],
    internal_controls: list[InternalControl],
    personal_heading: str = "Rekryteringsbehov och kompetensförsörjning",
) -> list[Block]:
    """A delårsbokslut's sections in the seed's order; the seed and the variants differ
    only in what fills them."""
    blocks: list[Block] = [
        Heading("Verksamhet", 1),
        *[Paragraph(p) for p in verksamhet],
        Heading("Ekonomi", 1),
        drift,
        *economy,
        investment_table(year, investments),
        Heading("Kommentar", 2),
        Paragraph(investment_comment),
        Heading("Personaluppföljning", 1),
        Heading(personal_heading, 2),
        turnover_table(year, turnover),
        *[Paragraph(p) for p in personal],
        Heading("Arbetsmiljö", 2),
    ]
    for g in goals:
        blocks.append(goal_table(year, g.goal, g.indicator, g.values, g.decimals))
        blocks.extend(Paragraph(p) for p in g.text)
    return [
        *blocks,
        sick_table(year, sick),
        *[Paragraph(p) for p in sick_text],
        InternalControlTable(
            title="Uppföljning av internkontroll", headers=list(IC_HEADERS), items=internal_controls
        ),
    ]
