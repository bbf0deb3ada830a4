"""The new commands on the database the README's main command builds (the real ingest flow),
whatever the extractors find today: every command runs, and what was stored shows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from kommunkoll.pipeline.db import make_engine
from kommunkoll.pipeline.web.app import create_app

from .conftest import SAMPLES
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
    assert "questions" in answers.stdout or "no answers match" in answers.stderr
    changes = kommunkoll("compare", "answers", "--db", url, "--changes-only")
    assert changes.returncode == 0, changes.stderr

    figures = kommunkoll(
        "compare", "figures", "--db", url, "--table", "drift", "--line", "Personalkostnader"
    )
    assert figures.returncode == 0 or "no line" in figures.stderr
    assert "Traceback" not in figures.stderr

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
