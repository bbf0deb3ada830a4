"""The commands on a database built as the README's main command builds it (the real ingest
flow and extractors): the answer changes and figures the ground truth implies are shown."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from kommunkoll.pipeline.compare import answer_label, swedish_number
from kommunkoll.pipeline.db import make_engine
from kommunkoll.pipeline.web.app import create_app

from .conftest import SAMPLES, expected_for
from .test_cli import kommunkoll

NAMES = [
    "alingsas-von-2024-enkat.pdf",
    "alingsas-von-2025-enkat.pdf",
    "alingsas-von-2025-delarsbokslut.pdf",
]


@pytest.mark.slow
def test_commands_on_an_ingested_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kommunkoll.db'}"
    ingest = kommunkoll("ingest", *(SAMPLES / n for n in NAMES), "--keep", "--db", url)
    assert ingest.returncode == 0, ingest.stderr

    answers = kommunkoll("compare", "answers", "--db", url, "--years", "2024-2025")
    assert answers.returncode == 0, answers.stderr
    assert "frågor" in answers.stdout
    changes = kommunkoll("compare", "answers", "--db", url, "--changes-only")
    assert changes.returncode == 0, changes.stderr
    before, after = (
        {a["number"]: a for a in expected_for(SAMPLES / n)["answers"]} for n in NAMES[:2]
    )
    changed = [n for n in after if n in before and before[n]["answer"] != after[n]["answer"]]
    assert changed, "the 2024 and 2025 ground truth must differ somewhere"
    assert f"{len(changed)} ändrade svar" in changes.stdout
    for number in changed:
        assert f"2024: {answer_label(before[number]['answer'])}" in changes.stdout
        assert f"2025: {answer_label(after[number]['answer'])}" in changes.stdout
        assert f" {number} " in changes.stdout

    figures = kommunkoll(
        "compare", "figures", "--db", url, "--table", "drift", "--line", "Personalkostnader"
    )
    assert figures.returncode == 0, figures.stderr
    drift = next(t for t in expected_for(SAMPLES / NAMES[2])["tables"] if t["kind"] == "drift")
    row = next(r for r in drift["rows"] if r["label"] == "Personalkostnader")
    utfall = {c["year"]: c["value"] for c in row["cells"] if c["measure"] == "utfall"}
    assert swedish_number(utfall[2025]) in figures.stdout
    grown = abs(utfall[2025]) - abs(utfall[2024])  # the cost (printed negative) grew
    assert grown > 0
    assert f"ökning {swedish_number(grown)}\u00a0tkr" in figures.stdout

    out = tmp_path / "export"
    export = kommunkoll("export", "--db", url, "--format", "parquet", "--out", out)
    assert export.returncode == 0, export.stderr
    documents = pd.read_parquet(out / "documents.parquet")
    assert sorted(documents["filename"]) == sorted(NAMES)
    assert {str(SAMPLES / n) for n in NAMES} == set(documents["path"])

    engine = make_engine(url)
    with TestClient(create_app(engine)) as client:
        page = client.get("/").text
        assert all(name in page for name in NAMES)
        assert client.get("/answers").status_code == 200
        assert client.get("/trends").status_code == 200
    engine.dispose()
