"""The inbox is a boundary and one file's trouble stays that file's: links are refused,
not followed; a move that fails is recorded and the batch goes on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlmodel import Session, select

from kommunkoll.models import Document, IngestError
from kommunkoll.pipeline import inbox as box
from kommunkoll.pipeline.db import open_database
from kommunkoll.pipeline.intake import settle_stored

from .conftest import sample_pdfs

SAMPLES = sample_pdfs()


def _errors(engine) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        return {e.filename: e.code for e in session.exec(select(IngestError)).all()}


def test_links_in_the_inbox_are_quarantined_never_followed(tmp_path: Path, good_pdf: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(good_pdf.read_bytes())
    (tmp_path / "folder").mkdir()
    (inbox / "to-file.pdf").symlink_to(outside)
    (inbox / "dangling.pdf").symlink_to(tmp_path / "gone.pdf")
    (inbox / "to-folder").symlink_to(tmp_path / "folder")
    shutil.copy(good_pdf, inbox / "real.pdf")
    assert box.waiting_pdfs(inbox) == sorted(
        inbox / n for n in ("dangling.pdf", "real.pdf", "to-file.pdf", "to-folder")
    )

    engine = open_database(f"sqlite:///{tmp_path / 'k.db'}")
    pending, outcome = settle_stored(engine, box.waiting_pdfs(inbox), keep=False)
    assert pending == [inbox / "real.pdf"]
    links = ["dangling.pdf", "to-file.pdf", "to-folder"]
    assert sorted((n, c) for n, c, _ in outcome.quarantined) == [(n, "symlink") for n in links]
    assert _errors(engine) == dict.fromkeys(links, "symlink")
    quarantine = inbox / box.QUARANTINE
    for name in links:
        assert (quarantine / name).is_symlink()  # the link itself moved, nothing it points at
        report = json.loads((quarantine / f"{name}.error.json").read_text())
        assert report["code"] == "symlink"
    assert (
        "outside.pdf" in json.loads((quarantine / "to-file.pdf.error.json").read_text())["reason"]
    )
    assert outside.read_bytes() == good_pdf.read_bytes()
    engine.dispose()


def test_a_failed_move_is_recorded_and_the_batch_goes_on(prefect_api: str, tmp_path: Path) -> None:
    from kommunkoll.pipeline.flows import ingest_flow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for sample in SAMPLES[:2]:
        shutil.copy(sample, inbox / sample.name)
    (inbox / box.PROCESSED).write_text("a file where the folder should be", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'k.db'}"
    outcome = ingest_flow([str(inbox)], db=url)
    names = sorted(p.name for p in SAMPLES[:2])
    assert sorted(outcome.stored) == names
    assert sorted((n, c) for n, c, _ in outcome.quarantined) == [(n, "move_failed") for n in names]
    engine = open_database(url)
    assert _errors(engine) == dict.fromkeys(names, "move_failed")
    with Session(engine) as session:
        assert sorted(d.filename for d in session.exec(select(Document)).all()) == names
    engine.dispose()
    assert sorted(p.name for p in box.waiting_pdfs(inbox)) == names  # still there, not lost
