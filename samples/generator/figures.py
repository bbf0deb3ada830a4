"""Plausible, internally consistent numbers for the variant reports.

Every generated column obeys the rules an extractor's arithmetic checks rely on:
cost lines sum to Verksamhetens kostnader, nettokostnader = intäkter + kostnader,
Årets resultat = nettokostnader + kommunbidrag + finansnetto, avvikelse = prognos − budget,
differens = utfall(year) − utfall(year − 1), investment sub-lines sum to their parent and the
parents to Totala utgifter. A column handed in from another report (to chain the years) is
kept exactly as printed there, rounding quirks included.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .tables import COST_ROWS, DRIFT_ROWS, InvestLine, PercentRow

Column6 = list[int | None]  # budget, prognos, avvikelse, utfall, utfall prev, differens
DELAR = 8 / 12  # januari–augusti


def _diff(a: int | None, b: int | None) -> int | None:
    if a is None and b is None:
        return None
    return (a or 0) - (b or 0)


def drift_column(intakter: int, costs: list[int], kommunbidrag: int, finans: int | None) -> dict:
    """One consistent Drift column from its free lines (costs negative, in COST_ROWS order)."""
    kostnader = sum(costs)
    netto = intakter + kostnader
    return {
        "Verksamhetens intäkter": intakter,
        **dict(zip(COST_ROWS, costs, strict=True)),
        "Verksamhetens kostnader": kostnader,
        "Verksamhetens\nnettokostnader": netto,
        "Kommunbidrag": kommunbidrag,
        "Finansnetto": finans,
        "Årets resultat": netto + kommunbidrag + (finans or 0),
    }


def delar_utfall(
    rng: random.Random, kommunbidrag: int, intakter: int, shares: tuple[float, ...]
) -> dict:
    """A delår (Jan–Aug) utfall column for a nämnd of the given full-year size."""
    kb = round(kommunbidrag * DELAR)
    inc = round(intakter * DELAR * rng.uniform(0.97, 1.06))
    total = -(kommunbidrag + intakter) * DELAR
    costs = [round(total * s * rng.uniform(0.97, 1.03)) for s in shares]
    costs.append(round(total - sum(costs)))  # övriga kostnader take the rest
    costs[-1] = round(costs[-1] * rng.uniform(0.97, 1.03))
    return drift_column(inc, costs, kb, -rng.randint(0, 4))


def previous_utfall(rng: random.Random, cur: dict, growth: float) -> dict:
    """Last year's delår column: this year's lines deflated by about `growth`."""
    inc = round(cur["Verksamhetens intäkter"] / (1 + growth + rng.uniform(-0.05, 0.05)))
    costs = [round(cur[r] / (1 + growth + rng.uniform(-0.03, 0.03))) for r in COST_ROWS]
    kb = round(cur["Kommunbidrag"] / (1 + growth + rng.uniform(-0.01, 0.01)))
    return drift_column(inc, costs, kb, -rng.randint(1, 6))


def drift_values(
    rng: random.Random,
    cur: dict,
    prev: dict,
    *,
    prognos_result: int,
    finans_budget: int | None,
) -> dict[str, Column6]:
    """Budget and prognos for the year, built around the delår column `cur`.

    The budget is in balance (kommunbidrag = −nettokostnader); the prognos lands on
    `prognos_result`; övriga kostnader absorb the remainder so every sum is exact.
    """
    kb = round(cur["Kommunbidrag"] / DELAR)
    while True:
        inc_b = round(cur["Verksamhetens intäkter"] / DELAR * rng.uniform(0.93, 0.99))
        costs_b = [round(cur[r] / DELAR * rng.uniform(0.985, 1.005)) for r in COST_ROWS[:3]]
        costs_b.append(-kb - inc_b - sum(costs_b))
        inc_p = round(inc_b * rng.uniform(1.01, 1.12))
        costs_p = [round(c * rng.uniform(0.998, 1.035)) for c in costs_b[:3]]
        fin_p = finans_budget
        costs_p.append(prognos_result - kb - (fin_p or 0) - inc_p - sum(costs_p))
        o_cur = cur["Övriga kostnader"] / DELAR
        plausible = all(
            c < 0 and abs(c - o_cur) < 0.25 * abs(o_cur) for c in (costs_b[3], costs_p[3])
        )
        if plausible:
            break
    budget = drift_column(inc_b, costs_b, kb, finans_budget)
    prognos = drift_column(inc_p, costs_p, kb, fin_p)
    out: dict[str, Column6] = {}
    for row in DRIFT_ROWS:
        b, p = budget[row], prognos[row]
        avv = _diff(p, b) if (b, p) != (None, None) else 0
        out[row] = [b, p, avv, cur[row], prev[row], _diff(cur[row], prev[row])]
    return out


def investment_values(
    rng: random.Random,
    budgets: list[tuple[str, str, int]],
    total_label: str = "Totala utgifter",
    cur: dict[str, int] | None = None,
) -> list[InvestLine]:
    """Investeringar rows: parents (sum of their sub-lines) each followed by its sub-lines.

    `budgets` is (parent, label, full-year budget); `cur` an utfall column to keep as given.
    """
    lines: dict[str, list[int]] = {}
    for _parent, label, budget in budgets:
        prognos = budget + rng.choice([0, 0, 0, 50, 100, -50, -100, -150])
        u = cur[label] if cur else round(budget * rng.uniform(0.15, 0.75))
        u_prev = round(budget * rng.uniform(0.1, 0.8)) if budget else -rng.randint(0, 120)
        lines[label] = [budget, prognos, prognos - budget, u, u_prev, u - u_prev]

    def summed(labels: list[str], name: str) -> list[int]:
        col = [sum(lines[x][i] for x in labels) for i in range(6)]
        if cur and name in cur:  # a chained column keeps the earlier report's printed total
            col[3] = cur[name]
            col[5] = col[3] - col[4]
        return col

    parents = list(dict.fromkeys(p for p, _, _ in budgets))
    out: list[InvestLine] = []
    parent_cols = {}
    for parent in parents:
        children = [label for p, label, _ in budgets if p == parent]
        parent_cols[parent] = summed(children, parent)
        out.append((parent, None, parent_cols[parent]))
        out.extend((label, parent, lines[label]) for label in children)
    total = [sum(parent_cols[p][i] for p in parents) for i in range(6)]
    if cur and total_label in cur:
        total[3] = cur[total_label]
        total[5] = total[3] - total[4]
    out.append((total_label, None, total))
    return out


def percent_rows(
    rng: random.Random,
    labels: list[str],
    low: float,
    high: float,
    cur: dict[str, float] | None = None,
) -> list[PercentRow]:
    """(label, this year, last year, differens) with one decimal; `cur` kept as given."""
    rows = []
    for label in labels:
        a = cur[label] if cur else round(rng.uniform(low, high), 1)
        b = round(max(0.0, a + rng.uniform(-2.5, 2.5)), 1)
        rows.append((label, a, b, round(a - b, 1)))
    return rows


def previous_year(rows: list[tuple], index: int = 2) -> dict[str, float]:
    """Column `index` (1-based in the printed order: 1 = this year, 2 = last year) by label."""
    return {row[0]: row[index] for row in rows}


SICK_LABELS = [
    "Kvinnor",
    "Män",
    "< 29 år",
    "30-49 år",
    "50 år >",
    "Dag 1-14",
    "Dag 15-59",
    "Dag 60 >",
    "Total sjukfrånvaro",
]


def _sick_column(rng: random.Random, level: float) -> dict[str, float]:
    """One year's sjukfrånvaro; the total is the sum of the three length bands (as in the
    seed: 3,5 + 1,2 + 3,5 = 8,2)."""
    short = round(rng.uniform(2.6, 3.8), 1)
    middle = round(rng.uniform(0.7, 1.5), 1)
    long_ = round(max(0.8, level - short - middle), 1)
    total = round(short + middle + long_, 1)
    return {
        "Kvinnor": round(total * rng.uniform(1.06, 1.16), 1),
        "Män": round(total * rng.uniform(0.5, 0.72), 1),
        "< 29 år": round(total * rng.uniform(0.62, 0.85), 1),
        "30-49 år": round(total * rng.uniform(0.88, 1.0), 1),
        "50 år >": round(total * rng.uniform(1.08, 1.3), 1),
        "Dag 1-14": short,
        "Dag 15-59": middle,
        "Dag 60 >": long_,
        "Total sjukfrånvaro": total,
    }


def sick_rows(
    rng: random.Random, level: float, cur: dict[str, float] | None = None
) -> list[PercentRow]:
    """Sjukfrånvaro rows (this year, last year, differens); `cur` kept as given."""
    a = cur or _sick_column(rng, level)
    b = _sick_column(rng, level + rng.uniform(-0.9, 0.9))
    return [(label, a[label], b[label], round(a[label] - b[label], 1)) for label in SICK_LABELS]


@dataclass
class Figures:
    """All numbers of one report; a report chains to the next year's through these."""

    seed: int  # also seeds the report's prose (0 for the transcribed seed)
    drift: dict[str, Column6]
    investments: list[InvestLine]
    turnover: list[PercentRow]
    sick: list[PercentRow]


@dataclass(kw_only=True)
class FigureSpec:
    """What sets one variant's numbers apart; `make_figures` turns it into `Figures`."""

    seed: int
    size: tuple[int, int, tuple[float, float, float]] | None = None  # see delar_utfall
    growth: float  # utfall last year → this year
    prognos_result: int
    finans_budget: int | None = 0
    investments: dict[str, list[tuple[str, int]]]  # parent → (line, full-year budget)
    units: list[str]  # personalomsättning rows, förvaltning first
    turnover: tuple[float, float]  # range of personalomsättning (%)
    sick: float  # level of total sjukfrånvaro (%)


def make_figures(spec: FigureSpec, later: Figures | None = None) -> Figures:
    """A variant's numbers: a fresh nämnd of `spec.size`, or, given the next year's report
    `later`, one whose current-year columns are that report's previous-year columns."""
    rng = random.Random(spec.seed)
    if later is None:
        if spec.size is None:
            raise ValueError(f"seed {spec.seed}: a variant that does not chain needs a size")
        cur = delar_utfall(rng, *spec.size)
        invest_cur = turnover_cur = sick_cur = None
    else:
        cur = {row: later.drift[row][4] for row in DRIFT_ROWS}
        invest_cur = {label: vals[4] for label, _, vals in later.investments}
        turnover_cur = previous_year(later.turnover)
        sick_cur = previous_year(later.sick)
    prev = previous_utfall(rng, cur, growth=spec.growth)
    drift = drift_values(
        rng, cur, prev, prognos_result=spec.prognos_result, finans_budget=spec.finans_budget
    )
    budgets = [(p, label, b) for p, lines in spec.investments.items() for label, b in lines]
    return Figures(
        seed=spec.seed,
        drift=drift,
        investments=investment_values(rng, budgets, cur=invest_cur),
        turnover=percent_rows(rng, spec.units, *spec.turnover, cur=turnover_cur),
        sick=sick_rows(rng, spec.sick, cur=sick_cur),
    )
