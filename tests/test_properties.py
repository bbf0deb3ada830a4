"""Property tests (Hypothesis) for two decisions every report and enkät passes through: which
measure and year a column header names, and which answer column a mark stands in.

The expected value is built by the strategy from the vocabulary's words, never read back
from the code under test: a header is drawn as (measure, year) and printed the ways real
reports print it (case, a wrap with a hyphen, a footnote marker, "tkr" beside it); a row of
answer columns is drawn as widths and gaps, and a mark is drawn inside one of them.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kommunkoll.extractors.answer_marks import Box, Column, column_of, header_columns
from kommunkoll.extractors.headers import measure_of
from kommunkoll.vocabulary import ANSWERS, AVVIKELSE, BUDGET, MARK_GLYPH, PROGNOS, UTFALL

# How reports print each measure's header, by measure (the words real templates use).
PRINTED: dict[str, list[str]] = {
    BUDGET: ["Budget", "Budget helår", "Årsbudget"],
    PROGNOS: ["Prognos", "Prognos helår", "Helårsprognos"],
    AVVIKELSE: ["Avvikelse", "Avv.", "Avv. prognos/budget", "Avvikelse mot budget"],
    UTFALL: ["Utfall", "Utfall jan-aug", "Delårsbokslut", "Delårs- bokslut", "Utfall delår"],
}
FOOTNOTES = st.sampled_from(["", "*", "¹", "²"])
UNITS = st.sampled_from(["", " tkr", " (tkr)", " mnkr"])


def _case(text: str, how: str) -> str:
    return {"as is": text, "upper": text.upper(), "lower": text.lower()}[how]


@settings(max_examples=300, deadline=None)
@given(
    measure=st.sampled_from(sorted(PRINTED)),
    pick=st.integers(min_value=0, max_value=9),
    year=st.integers(min_value=2015, max_value=2035),
    year_first=st.booleans(),
    case=st.sampled_from(["as is", "upper", "lower"]),
    footnote=FOOTNOTES,
    unit=UNITS,
    wrap=st.sampled_from([" ", "\n", "  "]),
)
def test_a_header_names_its_measure_and_year_however_printed(
    measure: str,
    pick: int,
    year: int,
    year_first: bool,
    case: str,
    footnote: str,
    unit: str,
    wrap: str,
) -> None:
    words = PRINTED[measure][pick % len(PRINTED[measure])]
    words = _case(words, case) + footnote
    text = f"{year}{wrap}{words}{unit}" if year_first else f"{words}{wrap}{year}{unit}"
    assert measure_of(text, report_year=2000) == (measure, year)


@settings(max_examples=200, deadline=None)
@given(
    measure=st.sampled_from(sorted(PRINTED)),
    pick=st.integers(min_value=0, max_value=9),
    report_year=st.integers(min_value=2015, max_value=2035),
)
def test_a_header_without_a_year_is_the_reports_year(
    measure: str, pick: int, report_year: int
) -> None:
    words = PRINTED[measure][pick % len(PRINTED[measure])]
    assert measure_of(words, report_year) == (measure, report_year)


def _word(text: str, x0: float, size: float = 9.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + 0.5 * size * len(text), "top": 100.0}


@st.composite
def answer_header(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[str]]:
    """A header line: perhaps a title, the four answers in a drawn order and spelling, perhaps
    a "Kommentar" after them; returns its words and the answers in x order."""
    order = draw(st.permutations(sorted(ANSWERS)))
    x = draw(st.floats(min_value=30, max_value=300))
    words: list[dict[str, Any]] = []
    if draw(st.booleans()):
        words.append(_word("Fråga", 30.0))
        x = max(x, 80.0)
    for key in order:
        spelling = draw(st.sampled_from(ANSWERS[key].words))
        case = draw(st.sampled_from(["as is", "upper", "title"]))
        for part in spelling.split():
            printed = part.upper() if case == "upper" else part.title() if case == "title" else part
            word = _word(printed, x)
            words.append(word)
            x = word["x1"] + 3
        x += draw(st.floats(min_value=6, max_value=60))
    if draw(st.booleans()):
        words.append(_word("Kommentar", x + 10))
    return words, list(order)


@settings(max_examples=300, deadline=None)
@given(header=answer_header())
def test_an_answer_header_gives_its_columns_in_order(
    header: tuple[list[dict[str, Any]], list[str]],
) -> None:
    words, order = header
    columns = header_columns(words)
    assert columns is not None
    assert [c.value for c in columns] == order


@st.composite
def answer_row(draw: st.DrawFn) -> tuple[list[Column], int, Box]:
    """Four answer columns of drawn widths and gaps, and a mark drawn inside one of them."""
    x = draw(st.floats(min_value=200, max_value=400))
    columns: list[Column] = []
    for key in draw(st.permutations(sorted(ANSWERS))):
        width = draw(st.floats(min_value=12, max_value=45))
        columns.append(Column(key, x, x + width))
        x += width + draw(st.floats(min_value=8, max_value=40))
    chosen = draw(st.integers(min_value=0, max_value=3))
    column = columns[chosen]
    size = draw(st.floats(min_value=5, max_value=11))
    half = (column.x1 - column.x0) / 2
    offset = draw(st.floats(min_value=-0.9, max_value=0.9)) * max(half - size / 2, 0.0)
    centre = column.centre + offset
    box = Box(MARK_GLYPH, True, (centre - size / 2, 200.0, centre + size / 2, 200.0 + size))
    return columns, chosen, box


@settings(max_examples=300, deadline=None)
@given(row=answer_row())
def test_a_mark_belongs_to_the_column_it_stands_in(row: tuple[list[Column], int, Box]) -> None:
    columns, chosen, box = row
    found = column_of(box, columns)
    assert found is not None
    assert found.value == columns[chosen].value
