"""The third document kind end to end: an årsredovisning is recognised, read, stored, shown,
and compared with the delårsbokslut of the same nämnd and year.

Ground truth: samples/alingsas-von-2025-arsredovisning.expected.json, written by
samples/generate.py (generator/arsredovisning_data.py) from the data that drew the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kommunkoll import frames
from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.extract import READERS
from kommunkoll.pipeline.compare import figure_series
from kommunkoll.pipeline.db import make_engine, upgrade_schema
from kommunkoll.pipeline.store import store_extraction
from kommunkoll.pipeline.web.app import create_app
from kommunkoll.vocabulary import ARSREDOVISNING, BOKSLUT, DOCUMENT_KINDS, UTFALL

from . import truthdb
from .conftest import ROOT
from .test_tables import differences, table_cells
from .truthdb import truth

truth_db = truthdb.truth_db

PDF = ROOT / "samples" / "alingsas-von-2025-arsredovisning.pdf"
VON = "Vård- och omsorgsnämnden"
NET = "Verksamhetens nettokostnader"


def _cell(stem: str, kind: str, line: str, measure: str, year: int) -> float:
    [table] = [t for t in truth(stem)["tables"] if t["kind"] == kind]
    [row] = [r for r in table["rows"] if r["label"] == line]
    [cell] = [c for c in row["cells"] if (c["measure"], c["year"]) == (measure, year)]
    return cell["value"]


@pytest.fixture(scope="module")
def extraction():  # type: ignore[no-untyped-def]
    return extract_pdf(PDF)


def test_every_document_kind_has_one_reader() -> None:
    assert set(READERS) == set(DOCUMENT_KINDS)
    for kind, reader in READERS.items():
        assert kind == reader.KIND
        assert callable(reader.recognise) and callable(reader.read)


def test_the_sample_is_an_arsredovisning_of_a_whole_year(extraction) -> None:  # type: ignore[no-untyped-def]
    want = truth("alingsas-von-2025-arsredovisning")
    assert extraction.document.model_dump() == want["document"]
    assert extraction.document.kind == ARSREDOVISNING and extraction.document.period is None


def test_every_cell_matches_ground_truth(extraction) -> None:  # type: ignore[no-untyped-def]
    got = table_cells(extraction.model_dump()["tables"])
    want = table_cells(truth("alingsas-von-2025-arsredovisning")["tables"])
    assert differences(got, want) == []
    assert {c[6] for c in want} == {"budget", BOKSLUT, "avvikelse", "differens"}


def test_checks_hold_avvikelse_and_differens_against_the_bokslut(extraction) -> None:  # type: ignore[no-untyped-def]
    [drift] = [t for t in extraction.tables if t.kind == "drift"]
    avvikelse = [c for c in drift.checks if " avvikelse/" in c.name]
    assert [c.name.split(" avvikelse/")[0] for c in avvikelse] == [r.label for r in drift.rows]
    assert {c.name.split(" = ")[1] for c in avvikelse} == {"bokslut − budget"}
    differens = [c for c in drift.checks if " differens/" in c.name]
    assert len(differens) == len(drift.rows)
    assert all(c.ok for t in extraction.tables for c in t.checks)
    assert extraction.warnings == []


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, extraction) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The real extraction of the årsredovisning and of the same nämnd's delårsbokslut."""
    url = f"sqlite:///{tmp_path_factory.mktemp('ars') / 'k.db'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    store_extraction(engine, extraction, path=PDF)
    delar = ROOT / "samples" / "alingsas-von-2025-delarsbokslut.pdf"
    store_extraction(engine, extract_pdf(delar), path=delar)
    engine.dispose()
    yield url


def test_compare_figures_puts_the_delar_against_the_whole_year(stored: str) -> None:
    points = figure_series(frames.values(stored), "drift", NET, "utfall,bokslut", namnd=VON)
    got = [(p.year, p.measure, p.number) for p in points if p.year == 2025]
    assert got == [
        (2025, UTFALL, _cell("alingsas-von-2025-delarsbokslut", "drift", NET, UTFALL, 2025)),
        (2025, BOKSLUT, _cell("alingsas-von-2025-arsredovisning", "drift", NET, BOKSLUT, 2025)),
    ]
    [helar] = [p for p in points if p.measure == BOKSLUT and p.year == 2025]
    assert helar.filename == PDF.name and helar.page == 2


def test_compare_figures_command_prints_both_measures(truth_db: str) -> None:
    from .test_compare import kommunkoll

    result = kommunkoll(
        "compare", "figures", "--db", truth_db, "--table", "drift", "--line", NET,
        "--measure", "utfall,bokslut", "--kommun", "Alingsås", "--namnd", VON,
        "--years", "2025",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if "2025" in line and VON in line]
    assert [("Utfall" in r, "Bokslut" in r) for r in rows] == [(True, False), (False, True)]
    bokslut = _cell("alingsas-von-2025-arsredovisning", "drift", NET, BOKSLUT, 2025)
    assert f"{abs(bokslut):,}".replace(",", "\u00a0") in rows[1]


def test_the_web_shows_its_tables_like_the_others(stored: str) -> None:
    engine = make_engine(stored)
    values = frames.values(engine, filename=PDF.name)
    with TestClient(create_app(engine)) as client:
        listing = client.get("/").text
        page = client.get(f"/documents/{int(values['document_id'].iloc[0])}").text
    engine.dispose()
    assert "Årsredovisning" in listing
    linked = set(map(int, re.findall(r'data-value-id="(\d+)"', page)))
    assert linked == set(values["value_id"])
    assert len(linked) == len(table_cells(truth("alingsas-von-2025-arsredovisning")["tables"]))
    assert "Bokslut" in page and "inga tabeller hittades" not in page


def test_the_file_is_one_of_the_samples() -> None:
    assert Path(PDF).is_file() and PDF.with_name(f"{PDF.stem}.expected.json").is_file()
