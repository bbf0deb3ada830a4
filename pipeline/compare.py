"""Comparisons across nämnder and years, as plain data from the analyst views' rows.

The terminal (`report.py`), Excel (`xlsx.py`) and the web pages render these same objects,
so every front shows the same matrix and the same changes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING, Any

from kommunkoll.vocabulary import (
    ANSWERS,
    FILTER_PROBLEMS,
    FILTERED_KINDS,
    NO_ANSWER,
    UNKNOWN_CLOSE,
    UNKNOWN_FOR_LINE,
    UNKNOWN_IN_TABLE,
    UNKNOWN_KNOWN,
    UNKNOWN_NAME,
    UNKNOWN_NAMES,
    UNKNOWN_NONE_KNOWN,
    UTFALL,
    YEARS_SPEC,
)

if TYPE_CHECKING:
    import pandas as pd

ANSWER_LABELS = {key: answer.name for key, answer in ANSWERS.items()}


def answer_label(answer: str | None) -> str:
    return ANSWER_LABELS.get(answer or "", NO_ANSWER)


def parse_years(spec: str | None) -> tuple[int, int] | None:
    """'2023-2025' → (2023, 2025); '2025' → (2025, 2025); None → None (all years)."""
    if not spec:
        return None
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-–:]\s*(\d{4}))?\s*", spec)
    if not match:
        raise ValueError(YEARS_SPEC.format(spec=spec))
    first, last = int(match[1]), int(match[2] or match[1])
    return (min(first, last), max(first, last))


def number_key(number: str) -> tuple:
    """Natural order of question numbers: 1.2 < 1.10 < 2.1 (a trailing dot ignored)."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\s]+", number.strip(". ")))


@dataclass(frozen=True)
class Column:
    kommun: str
    namnd: str
    year: int


@dataclass
class Cell:
    answer: str | None = None
    asked: bool = False
    changed: bool = False  # differs from this nämnd's previous year with an answer to it
    before: str | None = None  # the previous answer, when changed
    comment: str = ""
    answer_id: int | None = None
    document_id: int | None = None
    page: int | None = None

    @property
    def label(self) -> str:
        return answer_label(self.answer) if self.asked else ""


@dataclass
class MatrixRow:
    key: str
    number: str
    question: str  # the latest wording
    cells: list[Cell] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(c.changed for c in self.cells)


@dataclass
class AnswerMatrix:
    columns: list[Column]
    rows: list[MatrixRow]

    @property
    def changes(self) -> int:
        return sum(c.changed for r in self.rows for c in r.cells)


def _within(r: Any, kommun: str | None, namnd: str | None, years: tuple[int, int] | None) -> bool:
    """Whether a row is of that kommun and nämnd (case aside) and within the years."""
    return (
        (not kommun or r.kommun.casefold() == kommun.casefold())
        and (not namnd or r.namnd.casefold() == namnd.casefold())
        and (not years or (r.year is not None and years[0] <= r.year <= years[1]))
    )


def answer_matrix(
    answers: pd.DataFrame | Iterable[Any],
    kommun: str | None = None,
    namnd: str | None = None,
    years: tuple[int, int] | None = None,
) -> AnswerMatrix:
    """Questions (by stable key) × (kommun, nämnd, year). A change is judged against the
    nämnd's previous answer in all the rows given, so a one-year view still shows it (hand
    it the earlier years: `queries.matrix_answers`). `answers` are v_answers rows (a
    DataFrame, or rows with its columns as attributes)."""
    shown = [p for p in with_previous(records(answers)) if _within(p[0], kommun, namnd, years)]
    columns = sorted(
        {Column(r.kommun, r.namnd, int(r.year)) for r, _, _ in shown},
        key=lambda c: (c.kommun, c.namnd, c.year),
    )
    index = {c: i for i, c in enumerate(columns)}
    rows: dict[str, MatrixRow] = {}
    latest: dict[str, int] = {}
    for r, before, changed in sorted(shown, key=lambda s: s[0].year):
        row = rows.setdefault(
            r.question_key,
            MatrixRow(r.question_key, r.number, r.question_text, [Cell() for _ in columns]),
        )
        if int(r.year) >= latest.get(r.question_key, 0):
            latest[r.question_key] = int(r.year)
            row.number, row.question = r.number, r.question_text
        cell = row.cells[index[Column(r.kommun, r.namnd, int(r.year))]]
        cell.asked, cell.answer, cell.comment = True, r.answer, r.comment
        cell.answer_id, cell.document_id, cell.page = int(r.answer_id), int(r.document_id), r.page
        if changed:
            cell.changed, cell.before = True, before
    ordered = sorted(rows.values(), key=lambda row: (number_key(row.number), row.key))
    return AnswerMatrix(columns, ordered)


def with_previous(answers: list[Any]) -> list[tuple[Any, str | None, bool]]:
    """Each answer with the answer just before it for the same nämnd and question (in year
    order) and whether there is one and it differs, in one pass over the sorted rows."""
    ordered = sorted(answers, key=lambda r: (r.namnd_id, r.question_key, r.year, r.answer_id))
    found: list[tuple[Any, str | None, bool]] = []
    for _, group in groupby(ordered, key=lambda r: (r.namnd_id, r.question_key)):
        previous: Any = None
        for r in group:
            before = None if previous is None else previous.answer
            changed = previous is not None and (before or "") != (r.answer or "")
            found.append((r, before, changed))
            previous = r
    return found


def as_none(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def answer_changes(
    changes: pd.DataFrame | Iterable[Any],
    kommun: str | None = None,
    namnd: str | None = None,
    years: tuple[int, int] | None = None,
) -> list[Any]:
    """The rows of v_answer_changes within the filters (a change belongs to its later year)."""
    return sorted(
        (r for r in records(changes) if _within(r, kommun, namnd, years)),
        key=lambda r: (r.kommun, r.namnd, r.year, number_key(r.number)),
    )


def records(values: pd.DataFrame | Iterable[Any]) -> list[Any]:
    """Rows with attribute access; a DataFrame's missing values (NaN, NA) become None."""
    if hasattr(values, "itertuples"):
        frame = values.astype(object).where(values.notna(), None)  # type: ignore[union-attr]
        return list(frame.itertuples(index=False))
    return list(values)


@dataclass(frozen=True)
class Printed:
    """One report's printing of a value: which report, what it said, where."""

    document_year: int
    number: float | None
    value_id: int
    document_id: int
    filename: str
    page: int | None


@dataclass
class FigurePoint:
    kommun: str
    namnd: str
    year: int
    number: float | None
    unit: str
    change: float | None  # against the previous year shown for this nämnd, in the unit
    change_percent: float | None  # relative to the previous year's magnitude
    value_id: int
    document_id: int
    filename: str
    page: int | None
    table_kind: str = ""
    document_year: int = 0
    # Earlier reports that printed this year's value differently (a restatement); the point
    # itself is the latest report's value.
    restated: list[Printed] = field(default_factory=list)
    measure: str = UTFALL

    @property
    def cost(self) -> bool:
        """A cost line: printed as a negative number, so "more cost" is a smaller number."""
        return (
            self.number is not None
            and self.number < 0
            and self.change is not None
            and (self.number - self.change <= 0)
        )

    @property
    def rate(self) -> bool:
        """A rate in percent (sjukfrånvaro, personalomsättning): changes in procentenheter."""
        from kommunkoll.vocabulary import PROCENT

        return self.unit == PROCENT

    @property
    def grows(self) -> bool | None:
        """Whether the amount grows (a cost: the cost, not the signed number); None: no change."""
        if not self.change:
            return None
        return (self.change < 0) if self.cost else (self.change > 0)

    @property
    def better(self) -> bool | None:
        """Whether the change is good for this line (None: neither, or not known)."""
        if not self.change:
            return None
        from kommunkoll.vocabulary import HIGHER_IS_BETTER

        direction = HIGHER_IS_BETTER.get(self.table_kind)
        if direction is None:
            return None
        return (self.change > 0) == direction


class UnknownLine(ValueError):
    """No line (or table, or measure) of that name: the message lists the close ones."""


def _unknown(what: str, name: str, known: list[str], where: str = "") -> UnknownLine:
    from difflib import get_close_matches

    close = get_close_matches(name, known, n=5, cutoff=0.5) or get_close_matches(
        name.casefold(), [k.casefold() for k in known], n=5, cutoff=0.5
    )
    message = UNKNOWN_NAME.format(what=UNKNOWN_NAMES[what], name=name, where=where)
    if close:
        message += UNKNOWN_CLOSE.format(names=", ".join(close))
    if known:
        more = " …" if len(known) > 20 else ""
        message += UNKNOWN_KNOWN.format(count=len(known), names=", ".join(known[:20]), more=more)
    else:
        message += UNKNOWN_NONE_KNOWN
    return UnknownLine(message)


def figure_series(
    values: pd.DataFrame | Iterable[Any],
    table: str,
    line: str,
    measure: str | Sequence[str] = UTFALL,
    kommun: str | None = None,
    namnd: str | None = None,
    years: tuple[int, int] | None = None,
) -> list[FigurePoint]:
    """One line's value per nämnd and year, with the change from the year before.

    A year printed by several reports (utfall 2024 in the 2024 and the 2025 report) is taken
    from the latest report; where an earlier report printed it differently (a restatement)
    the point lists that printing in `restated`. Several measures ("utfall,bokslut": the
    delår against the whole year) give one series each, side by side per nämnd and year.
    `values` are v_values rows (a DataFrame, or rows with its columns as attributes); they
    are walked once in plain Python, as a pandas group per nämnd and year costs seconds at
    thousands of nämnder.
    """
    rows = records(values)
    tables = sorted({r.table_kind for r in rows})
    if table.casefold() not in {t.casefold() for t in tables}:
        raise _unknown("table", table, tables)
    in_table = [r for r in rows if r.table_kind.casefold() == table.casefold()]
    wanted = line.strip().casefold()
    matching = [r for r in in_table if r.line.casefold() == wanted]
    if not matching:
        lines = sorted({r.line for r in in_table})
        raise _unknown("line", line, lines, UNKNOWN_IN_TABLE.format(table=table))
    measures = [m.strip() for m in measure.split(",")] if isinstance(measure, str) else measure
    points: list[FigurePoint] = []
    for one in measures:
        points += _series(matching, line, one, kommun, namnd, years)
    order = {m: i for i, m in enumerate(measures)}
    return sorted(points, key=lambda p: (p.kommun, p.namnd, p.year, order[p.measure]))


def _series(
    matching: list[Any],
    line: str,
    measure: str,
    kommun: str | None,
    namnd: str | None,
    years: tuple[int, int] | None,
) -> list[FigurePoint]:
    chosen = [r for r in matching if r.measure and r.measure.casefold() == measure.casefold()]
    if not chosen:
        known = sorted({r.measure for r in matching if r.measure})
        raise _unknown("measure", measure, known, UNKNOWN_FOR_LINE.format(line=line))
    chosen = sorted(
        (r for r in chosen if r.year is not None and _within(r, kommun, namnd, None)),
        key=lambda r: (r.kommun, r.namnd, r.year, r.document_year, r.value_id),
    )
    points: list[FigurePoint] = []
    for _, group in groupby(chosen, key=lambda r: (r.kommun, r.namnd)):
        before: float | None = None
        for _, printed in groupby(group, key=lambda r: r.year):
            rows = list(printed)
            r = rows[-1]  # the latest report
            number = _number(r.number)
            restated = [_printed(o) for o in rows[:-1] if not _same(_number(o.number), number)]
            change = number - before if number is not None and before is not None else None
            percent = change / abs(before) * 100 if change is not None and before else None
            if years is None or years[0] <= r.year <= years[1]:
                points.append(
                    FigurePoint(
                        r.kommun,
                        r.namnd,
                        int(r.year),
                        number,
                        r.unit,
                        change,
                        percent,
                        int(r.value_id),
                        int(r.document_id),
                        r.filename,
                        _int(r.page),
                        table_kind=r.table_kind,
                        document_year=int(r.document_year),
                        restated=restated,
                        measure=r.measure,
                    )
                )
            before = number
    return points


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, abs_tol=1e-9)


def _printed(r: object) -> Printed:
    return Printed(
        int(r.document_year),  # type: ignore[attr-defined]
        _number(r.number),  # type: ignore[attr-defined]
        int(r.value_id),  # type: ignore[attr-defined]
        int(r.document_id),  # type: ignore[attr-defined]
        r.filename,  # type: ignore[attr-defined]
        _int(r.page),  # type: ignore[attr-defined]
    )


def _number(value: object) -> float | None:
    missing = value is None or (isinstance(value, float) and math.isnan(value))
    return None if missing else float(value)  # type: ignore[arg-type]


def _int(value: object) -> int | None:
    missing = value is None or (isinstance(value, float) and math.isnan(value))
    return None if missing else int(value)  # type: ignore[call-overload]


def swedish_number(value: float | None, decimals: int = 0, sign: bool = False) -> str:
    """1234567.5 → '1 234 568' (no-break spaces, Unicode minus), as a Swedish reader writes it."""
    if value is None:
        return "–"
    text = f"{abs(value):,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    if value < 0 and text.strip("0,\u00a0"):
        return "\u2212" + text
    return ("+" + text) if sign and value > 0 else text


def change_amount(point: FigurePoint) -> str:
    """The change in words a reader cannot misread: "ökning 24 906 tkr" of a cost printed as a
    negative number, "+1,4 procentenheter" of a rate; "–" for a first year."""
    from kommunkoll.vocabulary import CHANGE_DOWN, CHANGE_NONE, CHANGE_UP, POINTS

    if point.change is None:
        return "–"
    if point.grows is None:
        return CHANGE_NONE
    decimals = 0 if point.unit == "tkr" else 1
    amount = swedish_number(abs(point.change), decimals)
    unit = f" {POINTS}" if point.rate else f"\u00a0{point.unit}"  # "24 906 tkr" stays whole
    return f"{CHANGE_UP if point.grows else CHANGE_DOWN} {amount}{unit}"


def change_percent_text(point: FigurePoint) -> str:
    """The relative change of the amount (of the cost, for a cost line): "+4,7 %"."""
    if point.change_percent is None:
        return "–"
    magnitude = abs(point.change_percent)
    signed = magnitude if point.grows else -magnitude
    return f"{swedish_number(signed, 1, sign=True)}\u00a0%"


def restatement_note(point: FigurePoint) -> str:
    """ "2024 års rapport: −529 486 tkr" for each earlier printing that differs."""
    from kommunkoll.vocabulary import REPORT_OF_YEAR, UNIT_NAMES

    decimals = 0 if point.unit == "tkr" else 1
    return "; ".join(
        f"{REPORT_OF_YEAR.format(year=r.document_year)}: "
        f"{swedish_number(r.number, decimals)} {UNIT_NAMES.get(point.unit, point.unit)}"
        for r in point.restated
    )


def filter_problem(
    known: object,
    kommun: str | None,
    namnd: str | None,
    years: tuple[int, int] | None,
    what: str = FILTERED_KINDS["document"],
) -> str | None:
    """A Swedish sentence when a filter names a kommun, nämnd or years the database does not
    hold (with the close names it does hold); None when every named thing exists."""
    from difflib import get_close_matches

    kommuner: list[str] = known.kommuner  # type: ignore[attr-defined]
    pairs: list[tuple[str, str]] = known.namnder  # type: ignore[attr-defined]
    stored_years: list[int] = known.years  # type: ignore[attr-defined]
    if not stored_years:
        return FILTER_PROBLEMS["empty"].format(what=what)

    def hint(name: str, names: list[str]) -> str:
        close = get_close_matches(name, names, n=3, cutoff=0.5)
        listed = ", ".join(close or names[:12])
        return FILTER_PROBLEMS["did_you_mean" if close else "there_are"].format(names=listed)

    if kommun and kommun.casefold() not in {k.casefold() for k in kommuner}:
        return FILTER_PROBLEMS["no_kommun"].format(kommun=kommun, hint=hint(kommun, kommuner))
    in_kommun = [n for k, n in pairs if not kommun or k.casefold() == kommun.casefold()]
    if namnd and namnd.casefold() not in {n.casefold() for n in in_kommun}:
        where = FILTER_PROBLEMS["in_kommun"].format(kommun=kommun) if kommun else ""
        found = hint(namnd, sorted(set(in_kommun)))
        return FILTER_PROBLEMS["no_namnd"].format(namnd=namnd, where=where, hint=found)
    if years and not any(years[0] <= y <= years[1] for y in stored_years):
        span = str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"
        stored = (
            f"{stored_years[0]}–{stored_years[-1]}"
            if len(stored_years) > 1
            else str(stored_years[0])
        )
        return FILTER_PROBLEMS["no_years"].format(what=what, span=span, stored=stored)
    return None
