"""The README's main command end to end: every sample through the flow into SQLite, twice."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from .conftest import SAMPLES, expected_for, sample_pdfs
from .test_cli import kommunkoll


@pytest.mark.slow
def test_ingest_samples_into_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "kommunkoll.db"
    before = {p.name: p.read_bytes() for p in sample_pdfs()}
    first = kommunkoll("ingest", SAMPLES, "--keep", "--db", f"sqlite:///{db}", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    pdfs = sample_pdfs()
    assert f"lagrade {len(pdfs)}, redan lagrade 0, i karantän 0" in first.stdout
    for pdf in pdfs:
        assert pdf.name in first.stdout

    with sqlite3.connect(db) as connection:
        stored = dict(connection.execute("SELECT filename, year FROM document").fetchall())
    assert stored == {p.name: expected_for(p)["document"]["year"] for p in pdfs}

    again = kommunkoll("ingest", SAMPLES, "--keep", "--db", f"sqlite:///{db}", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"lagrade 0, redan lagrade {len(pdfs)}, i karantän 0" in again.stdout
    current = kommunkoll("reprocess", "--db", f"sqlite:///{db}", cwd=tmp_path)
    assert current.returncode == 0, current.stderr
    assert f"omlästa 0, redan aktuella {len(pdfs)}, misslyckade 0" in current.stdout
    # --keep (the Makefile's run target): the committed samples stay where and as they are.
    assert {p.name: p.read_bytes() for p in sample_pdfs()} == before
    assert not (SAMPLES / "processed").exists()
    assert not (SAMPLES / "quarantine").exists()


@pytest.mark.slow
def test_ingest_reports_bad_files_and_keeps_going(
    tmp_path: Path, good_pdf: Path, bad_files: dict[str, Path]
) -> None:
    db = tmp_path / "k.db"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in (bad_files["encrypted"], good_pdf, bad_files["truncated"]):
        shutil.copy(f, inbox / f.name)
    result = kommunkoll("ingest", inbox, "--db", f"sqlite:///{db}")
    assert result.returncode == 1
    assert "lagrade 1, redan lagrade 0, i karantän 2" in result.stdout
    assert "encrypted: 1, truncated: 1" in result.stdout
    assert sorted(p.name for p in (inbox / "quarantine").iterdir()) == sorted(
        [f"{n}{e}" for n in ("locked.pdf", "cut-off.pdf") for e in ("", ".error.json")]
    )
    assert [p.name for p in (inbox / "processed").iterdir()] == [good_pdf.name]
    assert "PDF-filen är lösenordsskyddad" in result.stderr
    assert "Traceback" not in result.stderr
