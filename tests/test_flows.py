"""The Prefect flows, run for real (ephemeral Prefect API, real PDFs, SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlmodel import Session, select

from kommunkoll import EXTRACTOR_VERSION
from kommunkoll.models import Document, IngestError
from kommunkoll.pipeline import inbox as box
from kommunkoll.pipeline.db import make_engine
from kommunkoll.pipeline.flows import ingest_flow, is_older, reprocess_flow
from kommunkoll.pipeline.store import sha256_of, snapshot

from .conftest import expected_for, sample_pdfs

SAMPLES = sample_pdfs()


def _inbox(tmp_path: Path, *files: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    for f in files:
        shutil.copy(f, inbox / f.name)
    return inbox


def _documents(url: str) -> dict[str, tuple[str, int, str | None]]:
    engine = make_engine(url)
    with Session(engine) as session:
        rows = session.exec(select(Document)).all()
    engine.dispose()
    return {d.filename: (d.kind, d.year, d.path) for d in rows}


def test_ingest_stores_moves_quarantines_and_adds_nothing_twice(
    prefect_api: str, database_url: str, tmp_path: Path, bad_files: dict[str, Path]
) -> None:
    good = SAMPLES[:3]
    inbox = _inbox(tmp_path, *good, bad_files["encrypted"], bad_files["truncated"])
    outcome = ingest_flow([str(inbox)], db=database_url)

    assert sorted(outcome.stored) == sorted(p.name for p in good)
    assert sorted((name, code) for name, code, _ in outcome.quarantined) == sorted(
        [(bad_files["encrypted"].name, "encrypted"), (bad_files["truncated"].name, "truncated")]
    )
    assert box.waiting_pdfs(inbox) == []
    processed = inbox / box.PROCESSED
    assert sorted(p.name for p in processed.iterdir()) == sorted(p.name for p in good)
    stored = _documents(database_url)
    assert {name: (kind, year) for name, (kind, year, _) in stored.items()} == {
        p.name: (expected_for(p)["document"]["kind"], expected_for(p)["document"]["year"])
        for p in good
    }
    assert {path for *_, path in stored.values()} == {
        str((processed / p.name).resolve()) for p in good
    }
    for code in ("encrypted", "truncated"):
        name = bad_files[code].name
        assert (inbox / box.QUARANTINE / name).read_bytes() == bad_files[code].read_bytes()
        report = json.loads((inbox / box.QUARANTINE / f"{name}.error.json").read_text())
        assert (report["file"], report["code"]) == (name, code)
        assert report["sha256"] == sha256_of(bad_files[code])
        assert report["reason"]
    engine = make_engine(database_url)
    with Session(engine) as session:
        errors = {e.filename: e.code for e in session.exec(select(IngestError)).all()}
    assert errors == {bad_files["encrypted"].name: "encrypted", "cut-off.pdf": "truncated"}
    before = snapshot(engine)

    _inbox(tmp_path, *good)  # the same files arrive again
    again = ingest_flow([str(inbox)], db=database_url)
    assert (again.stored, sorted(again.skipped)) == ([], sorted(p.name for p in good))
    assert snapshot(engine) == before
    assert box.waiting_pdfs(inbox) == []
    engine.dispose()


def test_keep_leaves_the_files_and_stores_where_they_are(prefect_api: str, tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, *SAMPLES[:2])
    url = f"sqlite:///{tmp_path / 'k.db'}"
    outcome = ingest_flow([str(inbox)], db=url, keep=True)
    assert len(outcome.stored) == 2
    assert sorted(p.name for p in inbox.iterdir()) == sorted(p.name for p in SAMPLES[:2])
    assert {path for *_, path in _documents(url).values()} == {
        str((inbox / p.name).resolve()) for p in SAMPLES[:2]
    }


def test_a_document_over_its_time_limit_is_quarantined(prefect_api: str, tmp_path: Path) -> None:
    biggest = max(SAMPLES, key=lambda p: expected_for(p)["source"]["pages"])
    inbox = _inbox(tmp_path, biggest)
    outcome = ingest_flow([str(inbox)], db=f"sqlite:///{tmp_path / 'k.db'}", timeout=0.01)
    assert [(name, code) for name, code, _ in outcome.quarantined] == [(biggest.name, "timeout")]
    report = json.loads((inbox / box.QUARANTINE / f"{biggest.name}.error.json").read_text())
    assert report["code"] == "timeout"


def test_reprocess_replaces_only_older_documents(
    prefect_api: str, database_url: str, tmp_path: Path
) -> None:
    inbox = _inbox(tmp_path, *SAMPLES[:2])
    ingest_flow([str(inbox)], db=database_url)
    engine = make_engine(database_url)
    with Session(engine) as session:
        old, current = session.exec(select(Document).order_by(Document.filename)).all()
        old_id, old_name, old_sha, current_name = old.id, old.filename, old.sha256, current.filename
        old.extractor_version = "0"
        session.add(old)
        session.commit()
    outcome = reprocess_flow(db=database_url)
    assert (outcome.stored, outcome.skipped) == ([old_name], [current_name])
    with Session(engine) as session:
        again = session.exec(select(Document).where(Document.sha256 == old_sha)).one()
    assert (again.id, again.extractor_version) == (old_id, EXTRACTOR_VERSION)
    engine.dispose()


def test_versions_compare_as_numbers() -> None:
    assert is_older("2", "10")
    assert not is_older("10", "2")
    assert is_older("1.9", "1.10")
    assert not is_older("3", "3")


def test_a_file_being_copied_is_not_ready(tmp_path: Path) -> None:
    whole = SAMPLES[0].read_bytes()
    path = tmp_path / "arriving.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    arrivals = box.Arrivals(settle=2.0, give_up=30.0)
    assert arrivals.ready([path], now=0.0) == []
    assert arrivals.ready([path], now=5.0) == []  # still, but it does not end like a PDF
    path.write_bytes(whole)
    assert arrivals.ready([path], now=6.0) == []  # it changed: settle again
    assert arrivals.ready([path], now=7.0) == []
    assert arrivals.ready([path], now=8.5) == [path]


def test_a_cut_off_file_is_let_through_in_the_end(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(SAMPLES[0].read_bytes()[:2000])
    arrivals = box.Arrivals(settle=1.0, give_up=10.0)
    assert arrivals.ready([path], now=0.0) == []
    assert arrivals.ready([path], now=9.0) == []
    assert arrivals.ready([path], now=10.5) == [path]


@pytest.mark.parametrize("name", ["rapport.pdf"])
def test_a_different_file_of_the_same_name_survives(tmp_path: Path, name: str) -> None:
    inbox = _inbox(tmp_path)
    first, second = inbox / name, tmp_path / name
    shutil.copy(SAMPLES[0], first)
    box.move_to_processed(inbox, first, box.processed_path(inbox, first, "a" * 64))
    shutil.copy(SAMPLES[1], inbox / name)
    target = box.processed_path(inbox, inbox / name, "b" * 64)
    box.move_to_processed(inbox, inbox / name, target)
    assert (inbox / box.PROCESSED / name).read_bytes() == SAMPLES[0].read_bytes()
    assert target.read_bytes() == SAMPLES[1].read_bytes() != SAMPLES[0].read_bytes()
    assert not second.exists()
