"""Changes with meaning and restatements, on the ground truth (and on the ground truth with
one year's value restated by a later report, the restated number chosen here)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kommunkoll import frames
from kommunkoll.pipeline.compare import UnknownLine
from kommunkoll.pipeline.db import make_engine, upgrade_schema
from kommunkoll.pipeline.store import store_extraction

from . import truthdb
from .conftest import ROOT

truth_db = truthdb.truth_db

VON = "Vård- och omsorgsnämnden"
RESTATED_BY = 1_234.0  # tkr more cost in the 2025 report's utfall 2024 than the 2024 report's


def _cell(stem: str, kind: str, line: str, measure: str, year: int) -> float:
    [table] = [t for t in truthdb.truth(stem)["tables"] if t["kind"] == kind]
    [row] = [r for r in table["rows"] if r["label"] == line]
    [cell] = [c for c in row["cells"] if (c["measure"], c["year"]) == (measure, year)]
    return cell["value"]


@pytest.fixture(scope="module")
def restated_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The truth, but the 2025 VON report prints Personalkostnader utfall 2024 differently."""
    url = f"sqlite:///{tmp_path_factory.mktemp('restated') / 'r.db'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    for pdf, extraction in truthdb.located_truths():
        if pdf.stem == "alingsas-von-2025-delarsbokslut":
            extraction = extraction.model_copy(deep=True)
            [drift] = [t for t in extraction.tables if t.kind == "drift"]
            [row] = [r for r in drift.rows if r.label == "Personalkostnader"]
            [cell] = [c for c in row.cells if (c.measure, c.year) == ("utfall", 2024)]
            cell.value = cell.value - RESTATED_BY
        store_extraction(engine, extraction, path=pdf)
    engine.dispose()
    return url


def test_figures_is_one_row_per_namnd_and_year(truth_db: str) -> None:
    series = frames.figures("drift", "Personalkostnader", "utfall", truth_db)
    assert not series.duplicated(["kommun", "namnd", "year"]).any()
    # The frame pivots, which frames.values could not (2024 is printed by two reports).
    wide = series.pivot(index=["kommun", "namnd"], columns="year", values="number")
    von = wide.loc[("Alingsås", VON)]
    for year in (2024, 2025):
        stem = f"alingsas-von-{year}-delarsbokslut"
        assert von[year] == _cell(stem, "drift", "Personalkostnader", "utfall", year)
    assert not series["restated"].any()


def test_cost_growth_is_an_increase_and_worse(truth_db: str) -> None:
    series = frames.figures("drift", "Personalkostnader", "utfall", truth_db, kommun="Alingsås")
    [row] = series[(series["namnd"] == VON) & (series["year"] == 2025)].itertuples()
    now = _cell("alingsas-von-2025-delarsbokslut", "drift", "Personalkostnader", "utfall", 2025)
    before = _cell("alingsas-von-2025-delarsbokslut", "drift", "Personalkostnader", "utfall", 2024)
    percent = f"{(abs(now) - abs(before)) / abs(before) * 100:.1f}".replace(".", ",")
    assert row.change_text.startswith("ökning ")
    assert f"+{percent}\u00a0%" in row.change_text
    assert row.better is False  # more cost


def test_sick_leave_changes_in_procentenheter_coloured_by_meaning(truth_db: str) -> None:
    series = frames.figures("sjukfranvaro", "Total sjukfrånvaro", "utfall", truth_db)
    stem = "alingsas-von-2025-delarsbokslut"
    now, before = (
        _cell(stem, "sjukfranvaro", "Total sjukfrånvaro", "utfall", y) for y in (2025, 2024)
    )
    [row] = series[(series["namnd"] == VON) & (series["kommun"] == "Alingsås")
                   & (series["year"] == 2025)].itertuples()  # fmt: skip
    points = f"{abs(now - before):.1f}".replace(".", ",")
    word = "ökning" if now > before else "minskning"
    assert row.change_text.startswith(f"{word} {points} procentenheter")
    assert row.better is (now < before)  # less sick leave is better


def test_unknown_names_raise_with_close_matches(truth_db: str) -> None:
    with pytest.raises(UnknownLine, match="Personalkostnader"):
        frames.figures("drift", "Personalkostnad", "utfall", truth_db)
    with pytest.raises(UnknownLine, match="sjukfranvaro"):
        frames.figures("sjukfrånvaro", "Total sjukfrånvaro", "utfall", truth_db)
    with pytest.raises(UnknownLine, match="utfall"):
        frames.figures("drift", "Personalkostnader", "utfal", truth_db)


def test_a_restated_year_is_flagged_and_the_latest_report_used(restated_db: str) -> None:
    series = frames.figures("drift", "Personalkostnader", "utfall", restated_db)
    von = series[(series["namnd"] == VON) & (series["kommun"] == "Alingsås")]
    [row] = von[von["year"] == 2024].itertuples()
    old = _cell("alingsas-von-2024-delarsbokslut", "drift", "Personalkostnader", "utfall", 2024)
    assert row.restated
    assert row.number == old - RESTATED_BY  # the 2025 report's printing
    assert row.document_year == 2025
    assert "2024 års rapport" in row.restated_values
    assert f"{abs(old):,.0f}".replace(",", "\u00a0") in row.restated_values
    assert set(von[von["year"] != 2024]["restated"]) == {False}


def test_a_restated_year_is_flagged_in_the_terminal(restated_db: str) -> None:
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "kommunkoll", "compare", "figures", "--db", restated_db,
         "--table", "drift", "--line", "Personalkostnader", "--kommun", "Alingsås"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    old = _cell("alingsas-von-2024-delarsbokslut", "drift", "Personalkostnader", "utfall", 2024)
    new = f"−{abs(old - RESTATED_BY):,.0f}".replace(",", "\u00a0")
    [line] = [line for line in result.stdout.splitlines() if new in line]
    assert line.rstrip().endswith("rapport 2025 s.\u00a03") and "*" in line
    assert f"* {VON} (Alingsås) 2024: omräknat" in result.stdout
    assert "senaste rapportens värde visas" in result.stdout


def test_a_restated_year_is_flagged_on_the_trend_page(restated_db: str) -> None:
    from fastapi.testclient import TestClient

    from kommunkoll.pipeline.web.app import create_app

    engine = make_engine(restated_db)
    with TestClient(create_app(engine)) as client:
        page = client.get(
            "/trends",
            params={"table": "drift", "line": "Personalkostnader", "kommun": "Alingsås"},
        ).text
    engine.dispose()
    old = _cell("alingsas-von-2024-delarsbokslut", "drift", "Personalkostnader", "utfall", 2024)
    assert page.count('class="restated"') == 1
    row = page[page.index('class="restated"') :].split("</tr>")[0]
    assert f"{abs(old - RESTATED_BY):,.0f}".replace(",", "\u00a0") in row
    assert "omräknat" in row
    note = page[page.index('class="restated-note"') :].split("</tr>")[0]
    assert "senaste rapportens värde visas" in note
    assert f"{abs(old):,.0f}".replace(",", "\u00a0") in note
