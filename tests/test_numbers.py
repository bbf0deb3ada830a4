"""The Swedish number grammar: every separator and sign form of the contract, both ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kommunkoll.extractors.numbers import GROUP_SEPARATORS, is_number, parse_number

SEPARATORS = st.sampled_from([" ", "\u00a0", "\u2009", "\u202f"])
MINUSES = st.sampled_from(["-", "\u2212", "\u2013"])


def swedish(value: int, decimals: int, frac: int, sep: str, minus: str, pct: str) -> str:
    """Print a number the way a report does; the oracle the parser is checked against."""
    digits = f"{abs(value):,}".replace(",", sep)
    text = f"{minus if value < 0 or (value == 0 and frac and minus) else ''}{digits}"
    if decimals:
        text += "," + str(frac).zfill(decimals)
    return text + pct


@given(
    value=st.integers(min_value=-(10**12), max_value=10**12),
    sep=SEPARATORS,
    minus=MINUSES,
    pct=st.sampled_from(["", "%", " %"]),
)
def test_integers_with_any_separator_and_sign(value: int, sep: str, minus: str, pct: str) -> None:
    text = swedish(value, 0, 0, sep, minus, pct)
    parsed = parse_number(text)
    assert parsed == value
    assert isinstance(parsed, int)


@given(
    whole=st.integers(min_value=0, max_value=10**9),
    frac=st.integers(min_value=0, max_value=999),
    decimals=st.integers(min_value=1, max_value=3),
    negative=st.booleans(),
    sep=SEPARATORS,
    minus=MINUSES,
    pct=st.sampled_from(["", "%"]),
)
def test_decimal_comma(
    whole: int, frac: int, decimals: int, negative: bool, sep: str, minus: str, pct: str
) -> None:
    frac = frac % 10**decimals
    digits = f"{whole:,}".replace(",", sep)
    text = f"{minus if negative else ''}{digits},{str(frac).zfill(decimals)}{pct}"
    expected = Decimal(f"{whole}.{str(frac).zfill(decimals)}") * (-1 if negative else 1)
    assert parse_number(text) == pytest.approx(float(expected))


@given(
    text=st.text(alphabet="0123456789 ,-%\u00a0\u2009\u2212\u2013abcå.", max_size=12),
)
def test_never_guesses(text: str) -> None:
    """Whatever comes in, the parser returns a number, None, or refuses: it never crashes."""
    try:
        result = parse_number(text)
    except ValueError:
        return
    assert result is None or isinstance(result, int | float)


@pytest.mark.parametrize(
    ("text", "value"),
    [  # as printed in the seed reports
        ("-1 189 024", -1189024),
        ("212 282", 212282),
        ("0", 0),
        ("8,3", 8.3),
        ("-6,3", -6.3),
        ("9,1%", 9.1),
        ("-0,6%", -0.6),
        ("0,0%", 0.0),
        ("−5\u00a0800", -5800),
        ("–34", -34),
        ("1\u2009234\u2009567", 1234567),
        ("Inget värde", None),
        ("", None),
        ("  ", None),
    ],
)
def test_seed_forms(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "1 23",  # a group of two digits: two cells, not one number
        "12 3456",
        "1 189 024 5",
        "2024/2025",
        "VON § 85/2024",
        "1,2,3",
        "tkr",
        "- ",
    ],
)
def test_rejects_what_is_not_one_number(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)
    assert not is_number(text)


def test_separators_cover_the_contract() -> None:
    for sep in (" ", "\u00a0", "\u2009"):
        assert sep in GROUP_SEPARATORS
