"""Arithmetic checks on extracted tables: a failed check means the extraction or the report
itself is wrong, and both are worth knowing. Nothing is corrected, only reported.

Tolerance is one unit in the last printed digit (reports round each line on its own). The
sign convention of Investeringar's avvikelse differs between reports (prognos − budget in
Drift, budget − prognos in some Investeringar tables): the convention that most rows follow
is the one checked, and its name says which.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from kommunkoll.vocabulary import (
    AVVIKELSE,
    BOKSLUT,
    BUDGET,
    CHECK_FAILED_WARNING,
    DIFFERENCE_MEASURES,
    DIFFERENS,
    DRIFT,
    DRIFT_COSTS_ROW,
    DRIFT_INCOME_ROW,
    DRIFT_NET_ROW,
    INVESTERINGAR,
    INVESTMENT_TOTAL_ROW,
    PERSONALOMSATTNING,
    PROGNOS,
    SJUKFRANVARO,
    TABLE_KINDS,
    UTFALL,
    check_description,
    name_of,
)

from .contract import Cell, Check, Row, Table

Number = int | float
# A check and the cells it reads (the printed one first; None where the row has none).
Checked = tuple[Check, list[Cell | None]]


def _cell(row: Row, measure: str, year: int) -> Cell | None:
    for cell in row.cells:
        if cell.measure == measure and cell.year == year:
            return cell
    return None


def _value(row: Row, measure: str, year: int) -> Number | None:
    cell = _cell(row, measure, year)
    return None if cell is None else cell.value


def _has(row: Row, measure: str, year: int) -> bool:
    return any(c.measure == measure and c.year == year for c in row.cells)


def _tolerance(values: Sequence[Number | None]) -> float:
    decimals = 0
    for v in values:
        if isinstance(v, float):
            text = repr(v)
            decimals = max(decimals, len(text.split(".")[1]) if "." in text else 0)
    return 10.0**-decimals


def _check(name: str, expected: Number, found: Number | None, parts: Sequence) -> Check:
    found_value = found or 0
    tolerance = _tolerance([*parts, found])
    digits = max(0, round(-math.log10(tolerance)))
    expected = round(expected, digits) if digits else expected
    ok = abs(found_value - expected) <= tolerance + 1e-9
    return Check(name=name, expected=expected, found=found, ok=ok, tolerance=tolerance)


def _find(rows: Sequence[Row], pattern: str) -> Row | None:
    for row in rows:
        if re.search(pattern, row.label, re.I):
            return row
    return None


def _keys(table: Table) -> list[tuple[str, int]]:
    seen: list[tuple[str, int]] = []
    for row in table.rows:
        for cell in row.cells:
            if (cell.measure, cell.year) not in seen:
                seen.append((cell.measure, cell.year))
    return seen


def check_table(table: Table) -> list[Check]:
    """Every rule of the table's kind (RULES, at the end of this module), in order."""
    return [check for check, _ in checked_cells(table)]


def checked_cells(table: Table) -> list[Checked]:
    """`check_table`'s checks, each with the cells it reads: a failed one casts doubt on
    each of them (on a scan, any of them may be the one OCR misread)."""
    keys = [k for k in _keys(table) if k[0] is not None]  # unknown headers: not checked
    return [checked for rule in RULES.get(table.kind, ()) for checked in rule(table, keys)]


def doubted_cells(table: Table) -> set[int]:
    """The cells (by id) that a failed check of the table casts doubt on."""
    return {
        id(cell)
        for check, cells in checked_cells(table)
        if not check.ok
        for cell in _suspects(check, [c for c in cells if c is not None])
    }


def _suspects(check: Check, cells: list[Cell]) -> list[Cell]:
    """The cells whose sign, turned, would make a failed check add up (a minus is what OCR
    loses most), else all it reads. Each cell counts once with either sign in the formula:
    turning a value v moves the difference by 2v."""
    off = (check.found or 0) - check.expected
    slack = (check.tolerance or 0) + 1e-9
    turned = [
        c for c in cells if c.value and min(abs(off + 2 * c.value), abs(off - 2 * c.value)) <= slack
    ]
    return turned or cells


def _sum_check(name: str, total: Row, lines: Sequence[Row], measure: str, year: int) -> Checked:
    """`total` printed against the sum of `lines` in one (measure, year) column."""
    parts = [_value(r, measure, year) for r in lines]
    check = _check(name, sum(p or 0 for p in parts), _value(total, measure, year), parts)
    return check, [_cell(r, measure, year) for r in (total, *lines)]


def _amounts(keys: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The columns that state an amount, not a difference between two others."""
    return [k for k in keys if k[0] not in DIFFERENCE_MEASURES]


def _drift_totals(table: Table, keys: Sequence[tuple[str, int]]) -> list[Checked]:
    amounts = _amounts(keys)
    rows = table.rows
    income = _find(rows, DRIFT_INCOME_ROW)
    costs = _find(rows, DRIFT_COSTS_ROW)
    net = _find(rows, DRIFT_NET_ROW)
    checks: list[Checked] = []
    if income is None or costs is None:
        return checks
    lines = rows[rows.index(income) + 1 : rows.index(costs)]
    for measure, year in amounts:
        if lines:
            name = f"{costs.label} {measure}/{year} = sum of the cost lines"
            checks.append(_sum_check(name, costs, lines, measure, year))
    if net is not None:
        for measure, year in amounts:
            name = f"{net.label} {measure}/{year} = {income.label} + {costs.label}"
            checks.append(_sum_check(name, net, [income, costs], measure, year))
    return checks


def _investment_sums(table: Table, keys: Sequence[tuple[str, int]]) -> list[Checked]:
    amounts = _amounts(keys)
    checks: list[Checked] = []
    for parent in table.rows:
        kids = [r for r in table.rows if getattr(r, "parent", None) == parent.label]
        for measure, year in amounts if kids else ():
            name = f"{parent.label} {measure}/{year} = sum of its sub-lines"
            checks.append(_sum_check(name, parent, kids, measure, year))
    top = [r for r in table.rows if not getattr(r, "parent", None)]
    total = _find(top, INVESTMENT_TOTAL_ROW)
    if total is not None and len(top) > 1:
        others = [r for r in top if r is not total]
        for measure, year in amounts:
            name = f"{total.label} {measure}/{year} = sum of the investment lines"
            checks.append(_sum_check(name, total, others, measure, year))
    return checks


def _avvikelse_diff(row: Row, year: int, sign: int, forecast: str = PROGNOS) -> Number:
    return sign * ((_value(row, forecast, year) or 0) - (_value(row, BUDGET, year) or 0))


def _convention(rows: Sequence[Row], year: int, forecast: str = PROGNOS) -> int:
    """+1 if the table prints avvikelse as prognos − budget, −1 if as budget − prognos:
    whichever more rows with a non-zero difference follow (both are real)."""

    def follows(sign: int) -> int:
        return sum(
            1
            for r in rows
            if _avvikelse_diff(r, year, sign, forecast) != 0
            and abs(_avvikelse_diff(r, year, sign, forecast) - (_value(r, AVVIKELSE, year) or 0))
            <= _tolerance([_value(r, AVVIKELSE, year)])
        )

    return -1 if follows(-1) > follows(1) else 1


def _avvikelse(table: Table, keys: Sequence[tuple[str, int]]) -> list[Checked]:
    """Avvikelse against budget: of the prognos in a delårsbokslut, of the whole year's
    bokslut in an årsredovisning."""
    checks: list[Checked] = []
    for year in [y for m, y in keys if m == AVVIKELSE]:
        forecast = BOKSLUT if (BOKSLUT, year) in keys else PROGNOS
        rows = [r for r in table.rows if _has(r, forecast, year) and _has(r, BUDGET, year)]
        sign = _convention(rows, year, forecast)
        formula = (
            f"{forecast} − budget"
            if sign == 1
            else f"budget − {forecast} (as this table prints it)"
        )
        for r in rows:
            parts = [_value(r, forecast, year), _value(r, BUDGET, year)]
            if _value(r, AVVIKELSE, year) is None:
                continue  # a blank cell (Finansnetto): nothing printed to check
            check = _check(
                f"{r.label} avvikelse/{year} = {formula}",
                _avvikelse_diff(r, year, sign, forecast),
                _value(r, AVVIKELSE, year),
                parts,
            )
            read = [_cell(r, m, year) for m in (AVVIKELSE, forecast, BUDGET)]
            checks.append((check, read))
    return checks


def _differens(table: Table, keys: Sequence[tuple[str, int]]) -> list[Checked]:
    """Differens between two years' outcomes: utfall (delår) or bokslut (whole year)."""
    checks: list[Checked] = []
    for _, year in [k for k in keys if k[0] == DIFFERENS]:
        outcome = next(
            (m for m in (UTFALL, BOKSLUT) if (m, year) in keys and (m, year - 1) in keys), None
        )
        if outcome is None:
            continue
        for r in table.rows:
            parts = [_value(r, outcome, year), _value(r, outcome, year - 1)]
            if _value(r, DIFFERENS, year) is None:  # a blank cell: nothing printed to check
                continue
            check = _check(
                f"{r.label} differens/{year} = {outcome} {year} − {outcome} {year - 1}",
                (parts[0] or 0) - (parts[1] or 0),
                _value(r, DIFFERENS, year),
                parts,
            )
            read = [_cell(r, DIFFERENS, year), _cell(r, outcome, year), _cell(r, outcome, year - 1)]
            checks.append((check, read))
    return checks


Rule = Callable[[Table, Sequence[tuple[str, int]]], list[Checked]]
# The checks each table kind gets; a kind without rules is read and stored unchecked.
RULES: dict[str, tuple[Rule, ...]] = {
    DRIFT: (_drift_totals, _avvikelse, _differens),
    INVESTERINGAR: (_investment_sums, _avvikelse, _differens),
    PERSONALOMSATTNING: (_differens,),
    SJUKFRANVARO: (_differens,),
}


def failed(tables: Sequence[Table]) -> list[str]:
    """Warnings for the extraction: one line per failed check."""
    return [
        CHECK_FAILED_WARNING.format(
            kind=name_of(TABLE_KINDS, t.kind),
            page=t.page,
            check=check_description(c.name),
            expected=c.expected,
            found=c.found,
        )
        for t in tables
        for c in t.checks
        if not c.ok
    ]
