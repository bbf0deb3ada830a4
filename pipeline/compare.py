"""Comparisons across nämnder and years, as plain data from the analyst views' DataFrames.

The terminal (`report.py`), Excel (`xlsx.py`) and the web pages render these same objects,
so every front shows the same matrix and the same changes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from kommunkoll.vocabulary import ANSWERS, NO_ANSWER

ANSWER_LABELS = {key: answer.name for key, answer in ANSWERS.items()}


def answer_label(answer: str | None) -> str:
    return ANSWER_LABELS.get(answer or "", NO_ANSWER)


def parse_years(spec: str | None) -> tuple[int, int] | None:
    """'2023-2025' → (2023, 2025); '2025' → (2025, 2025); None → None (all years)."""
    if not spec:
        return None
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-–:]\s*(\d{4}))?\s*", spec)
    if not match:
        raise ValueError(f"years must look like 2025 or 2023-2025, not {spec!r}")
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


def _filter(
    frame: pd.DataFrame, kommun: str | None, namnd: str | None, years: tuple[int, int] | None
) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    if kommun:
        keep &= frame["kommun"].str.casefold() == kommun.casefold()
    if namnd:
        keep &= frame["namnd"].str.casefold() == namnd.casefold()
    if years:
        keep &= frame["year"].between(*years)
    return frame[keep]


def answer_matrix(
    answers: pd.DataFrame,
    kommun: str | None = None,
    namnd: str | None = None,
    years: tuple[int, int] | None = None,
) -> AnswerMatrix:
    """Questions (by stable key) × (kommun, nämnd, year). A change is judged against the
    nämnd's previous answer in the whole frame, so a one-year view still shows it (hand it
    the earlier years: `queries.matrix_answers`)."""
    answers = with_previous(answers)
    shown = _filter(answers, kommun, namnd, years)
    columns = sorted(
        {Column(r.kommun, r.namnd, int(r.year)) for r in shown.itertuples()},
        key=lambda c: (c.kommun, c.namnd, c.year),
    )
    index = {c: i for i, c in enumerate(columns)}
    rows: dict[str, MatrixRow] = {}
    latest: dict[str, int] = {}
    for r in shown.sort_values("year").itertuples():
        row = rows.setdefault(
            r.question_key,
            MatrixRow(r.question_key, r.number, r.question_text, [Cell() for _ in columns]),
        )
        if int(r.year) >= latest.get(r.question_key, 0):
            latest[r.question_key] = int(r.year)
            row.number, row.question = r.number, r.question_text
        cell = row.cells[index[Column(r.kommun, r.namnd, int(r.year))]]
        cell.asked, cell.answer, cell.comment = True, as_none(r.answer), r.comment
        cell.answer_id, cell.document_id, cell.page = int(r.answer_id), int(r.document_id), r.page
        if r.changed:
            cell.changed, cell.before = True, as_none(r.before)
    ordered = sorted(rows.values(), key=lambda row: (number_key(row.number), row.key))
    return AnswerMatrix(columns, ordered)


def with_previous(answers: pd.DataFrame) -> pd.DataFrame:
    """The answers with `before` (the answer just before it for the same nämnd and question,
    in year order) and `changed` (there is one, and it differs), in one pass over the frame."""
    ordered = answers.sort_values(["namnd_id", "question_key", "year", "answer_id"])
    grouped = ordered.groupby(["namnd_id", "question_key"], sort=False)
    before = grouped["answer"].shift()
    changed = (grouped.cumcount() > 0) & (before.fillna("") != ordered["answer"].fillna(""))
    return ordered.assign(before=before, changed=changed)


def as_none(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def answer_changes(
    changes: pd.DataFrame,
    kommun: str | None = None,
    namnd: str | None = None,
    years: tuple[int, int] | None = None,
) -> pd.DataFrame:
    """The rows of v_answer_changes within the filters (a change belongs to its later year)."""
    frame = _filter(changes, kommun, namnd, years).copy()
    frame["order"] = frame["number"].map(number_key)
    return frame.sort_values(["kommun", "namnd", "year", "order"]).drop(columns="order")


@dataclass
class FigurePoint:
    kommun: str
    namnd: str
    year: int
    number: float | None
    unit: str
    change: float | None  # against the previous year shown for this nämnd
    change_percent: float | None
    value_id: int
    document_id: int
    filename: str
    page: int | None


class UnknownLine(ValueError):
    """No line of that name in that table: the message lists the ones there are."""


def figure_series(
    values: pd.DataFrame,
    table: str,
    line: str,
    measure: str = "utfall",
    kommun: str | None = None,
    namnd: str | None = None,
    years: tuple[int, int] | None = None,
) -> list[FigurePoint]:
    """One line's value per nämnd and year, with the change from the year before.

    A year printed by several reports (utfall 2024 in the 2024 and the 2025 report) is taken
    from that year's own report, else from the latest report that prints it.
    """
    in_table = values[values["table_kind"].str.casefold() == table.casefold()]
    matching = in_table[in_table["line"].str.casefold() == line.strip().casefold()]
    if matching.empty:
        known = sorted(set(in_table["line"]))
        raise UnknownLine(
            f"no line {line!r} in table {table!r}"
            + (f"; lines there: {', '.join(known)}" if known else "; that table holds nothing")
        )
    chosen = matching[matching["measure"].str.casefold() == measure.casefold()]
    if chosen.empty:
        known = sorted(set(matching["measure"]))
        raise UnknownLine(f"line {line!r} has no {measure!r}; measures: {', '.join(known)}")
    chosen = _filter(chosen, kommun, namnd, None).copy()
    chosen["own"] = chosen["document_year"] == chosen["year"]
    chosen = chosen.sort_values(["namnd_id", "year", "own", "document_year"])
    best = chosen.groupby(["namnd_id", "year"], sort=False).tail(1)
    points: list[FigurePoint] = []
    for _, group in best.sort_values(["kommun", "namnd", "year"]).groupby(
        ["kommun", "namnd"], sort=False
    ):
        before: float | None = None
        for r in group.itertuples():
            number = _number(r.number)
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
                        None if pd.isna(r.page) else int(r.page),
                    )
                )
            before = number
    return points


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def swedish_number(value: float | None, decimals: int = 0, sign: bool = False) -> str:
    """1234567.5 → '1 234 568' (no-break spaces, Unicode minus), as a Swedish reader writes it."""
    if value is None:
        return "–"
    text = f"{abs(value):,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    if value < 0 and text.strip("0,\u00a0"):
        return "\u2212" + text
    return ("+" + text) if sign and value > 0 else text
