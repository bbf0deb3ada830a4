"""Recognising kind, kommun, nämnd, year and period from printed text, as kommuner vary it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kommunkoll.extractors.extract import document_kind
from kommunkoll.extractors.identify import (
    identify,
    kommun_of,
    namnd_of,
    period_of,
)


@pytest.mark.parametrize(
    ("text", "kommun"),
    [
        ("Alingsås kommun", "Alingsås"),
        ("Lerums kommun\nVård- och omsorgsnämnden", "Lerum"),
        ("Göteborgs Stad", "Göteborg"),
        ("Falu kommun", "Falun"),
        ("Region Gotland", "Gotland"),
        ("Upplands Väsby kommun", "Upplands Väsby"),
        ("Malung-Sälens kommun", "Malung-Sälen"),
        ("Alingsås kommuns revisorer", "Alingsås"),
        ("Lunchmeny", None),
    ],
)
def test_kommun(text: str, kommun: str | None) -> None:
    assert kommun_of(text, text) == kommun


def test_kommun_prefers_title_page() -> None:
    first = "Lerums kommun\nDelårsrapport 2025"
    rest = "Jämfört med Alingsås kommun och Alingsås kommun ..."
    assert kommun_of(first, first + rest) == "Lerum"


@pytest.mark.parametrize(
    ("text", "namnd"),
    [
        ("Vård-och omsorgsnämndens delårsbokslut 2025", "Vård- och omsorgsnämnden"),
        ("Frågor till Vård - och omsorgsnämnden", "Vård- och omsorgsnämnden"),
        ("Socialnämndens delårsrapport", "Socialnämnden"),
        ("Kultur- och fritidsnämnden", "Kultur- och fritidsnämnden"),
        ("Tekniska nämndens delårsbokslut", "Tekniska nämnden"),
        ("Kommunstyrelsens delårsbokslut", "Kommunstyrelsen"),
        ("Har nämnden/styrelsen fastställt mål? Nämnden ska ...", None),
    ],
)
def test_namnd(text: str, namnd: str | None) -> None:
    assert namnd_of(text, text) == namnd


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Delårsbokslut januari–augusti 2025", "januari-augusti"),
        ("för perioden 1 januari - 31 augusti 2025", "januari-augusti"),
        ("Delårsrapport per den 31 augusti 2025", "januari-augusti"),
        ("Delårsrapport tertial 1", "januari-april"),
        ("Delårsbokslut 2025", None),
    ],
)
def test_period(text: str, period: str | None) -> None:
    assert period_of(text) == period


def _pages(*texts: str) -> list:
    """Pages as the readers' recognise() sees them: only their text is read."""
    return [SimpleNamespace(text=text) for text in texts]


def test_enkat_by_answer_columns_in_any_order() -> None:
    text = "1 Intern kontroll Vet ej Delvis Nej Ja\n1.1 Finns det en plan?"
    assert document_kind(_pages("", text)) == "enkat"


def test_delarsbokslut_mentioned_in_an_enkat_is_still_an_enkat() -> None:
    first = "Revisorerna\nGrundläggande granskning 2025\nFrågor till Socialnämnden"
    text = "Rapporteras i delårsbokslut och delårsbokslut, följs upp i årsredovisningen."
    assert document_kind(_pages(first, text)) == "enkat"


@pytest.mark.parametrize(
    ("first", "text", "kind"),
    [
        ("Vård- och omsorgsnämndens årsredovisning 2025\nAlingsås kommun", "", "arsredovisning"),
        ("Verksamhetsberättelse 2025\nSocialnämnden", "", "arsredovisning"),
        (
            "Delårsbokslut 2025",
            "I samband med årsbokslutet ska en uppföljning ske.",
            "delarsbokslut",
        ),
        ("Delårsrapport 2025\nupprättad enligt lagen om årsredovisning", "", "delarsbokslut"),
        ("Socialnämnden 2025", "Årsredovisning 2025 ... årsredovisning", "arsredovisning"),
        ("Lunchmeny", "Dagens rätt", None),
    ],
)
def test_report_kind_by_title_page(first: str, text: str, kind: str | None) -> None:
    assert document_kind(_pages(first, text)) == kind


def test_year_beside_title_beats_other_years() -> None:
    first = "Delårsbokslut 2024\nBeslutad 2025-01-15 av nämnden, jämförelse med 2023 och 2023"
    assert identify([first], "delarsbokslut").year == 2024
