"""The README's main job end to end: every sample into a SQLite file, twice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .conftest import SAMPLES, expected_for, sample_pdfs
from .test_cli import kommunkoll


@pytest.mark.slow
def test_ingest_samples_into_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "kommunkoll.db"
    first = kommunkoll("ingest", SAMPLES, "--db", f"sqlite:///{db}", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    pdfs = sample_pdfs()
    assert f"stored {len(pdfs)}, already stored 0, failed 0" in first.stdout
    for pdf in pdfs:
        assert pdf.name in first.stdout

    with sqlite3.connect(db) as connection:
        stored = dict(connection.execute("SELECT filename, year FROM document").fetchall())
    assert stored == {p.name: expected_for(p)["document"]["year"] for p in pdfs}

    again = kommunkoll("ingest", SAMPLES, "--db", f"sqlite:///{db}", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"stored 0, already stored {len(pdfs)}, failed 0" in again.stdout


@pytest.mark.slow
def test_ingest_reports_bad_files_and_keeps_going(
    tmp_path: Path, good_pdf: Path, bad_files: dict[str, Path]
) -> None:
    db = tmp_path / "k.db"
    result = kommunkoll(
        "ingest",
        bad_files["encrypted"],
        good_pdf,
        bad_files["truncated"],
        "--db",
        f"sqlite:///{db}",
    )
    assert result.returncode == 1
    assert "stored 1, already stored 0, failed 2" in result.stdout
    assert "password-protected" in result.stderr
    assert "Traceback" not in result.stderr
