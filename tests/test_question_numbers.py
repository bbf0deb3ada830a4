"""Question numbers OCR damaged ("34" for 3.4, "l.3" for 1.3, "155" for 1.5) recovered by
sequence, only where the numbers read on either side leave exactly one reading; a printed
(text PDF) "21 Har ..." and a reading out of sequence stay what they are.

Lines as the OCR page model builds them (words with a confidence), one question paragraph
and one comment paragraph each, the number standing at the left edge.
"""

from __future__ import annotations

import pytest

from kommunkoll.extractors.enkat import _damaged_readings, split_questions
from kommunkoll.extractors.layout import Line, Word

LEFT = 50.0


def _line(text: str, top: float, x0: float = LEFT, conf: float | None = 91.0) -> Line:
    words, x = [], x0
    for part in text.split():
        words.append(Word(part, x, x + 5 * len(part), top, top + 10, 10.0, conf=conf))
        x += 5 * len(part) + 4
    line = Line(1, words)
    line.left = LEFT
    return line


def _questionnaire(numbers: list[str], conf: float | None = 91.0) -> list[Line]:
    """Each number's question line and a comment paragraph under it, paragraphs apart."""
    lines, top = [], 100.0
    for n in numbers:
        lines.append(_line(f"{n} Har nämnden beslutat om detta?", top, conf=conf))
        lines.append(_line("Nämnden beslutade om det i våras.", top + 20, x0=70.0, conf=conf))
        top += 40
    return lines


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        (["1.2", "l.3", "1.4"], ["1.2", "1.3", "1.4"]),
        (["1.2", "I.3", "1.4"], ["1.2", "1.3", "1.4"]),
        (["3.3", "34", "3.5"], ["3.3", "3.4", "3.5"]),
        (["3.3", "3,4", "3.5"], ["3.3", "3.4", "3.5"]),
        (["1.3", "155", "1.6"], ["1.3", "1.5", "1.6"]),
        (["1.4", "21", "3.4"], ["1.4", "2.1", "3.4"]),
        (["4.2", "4.3", "51"], ["4.2", "4.3", "5.1"]),  # after the last: the next one only
        (["12", "1.3", "1.4"], ["1.2", "1.3", "1.4"]),  # before the first: the one before
    ],
)
def test_a_damaged_number_is_read_from_its_neighbours(printed: list[str], read: list[str]) -> None:
    assert [q.number for q in split_questions(_questionnaire(printed))] == read


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        (["3.3", "35", "3.4"], ["3.3", "3.4"]),  # 3.5 does not fit between 3.3 and 3.4
        (["4.2", "4.3", "21"], ["4.2", "4.3"]),  # 2.1 cannot follow 4.3
        (["4.2", "4.3", "57"], ["4.2", "4.3"]),  # 5.7 is not the question after 4.3
        (["1.2", "2025", "1.4"], ["1.2", "1.4"]),  # a year is no number
    ],
)
def test_a_reading_the_sequence_does_not_allow_is_no_question(
    printed: list[str], read: list[str]
) -> None:
    assert [q.number for q in split_questions(_questionnaire(printed))] == read


def test_a_printed_number_is_what_it_says() -> None:
    """A text PDF's "21 Har ..." is no OCR damage: no question 2.1 is made of it."""
    lines = _questionnaire(["1.4", "21", "3.4"], conf=None)
    assert [q.number for q in split_questions(lines)] == ["1.4", "3.4"]


def test_readings_of_a_damaged_number() -> None:
    assert _damaged_readings("l.3") == [(1, 3, 0)]
    assert _damaged_readings("34") == [(3, 4, 0)]
    assert _damaged_readings("3:4.") == [(3, 4, 0)]
    assert _damaged_readings("155") == [(1, 5, 0)]
    assert _damaged_readings("1.3") == []  # clean: read as it is
    assert _damaged_readings("Har") == []
    assert _damaged_readings("2025") == []
