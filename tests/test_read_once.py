"""Each new file is read from disk once: the read that hashes it (is it stored?) keeps the
bytes for the reader process, which reads nothing itself. Counted by inotify, which sees
every open by any process (the reader and its children included)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kommunkoll.pipeline import inbox as box
from kommunkoll.pipeline.db import make_engine
from kommunkoll.pipeline.flows import ingest_flow
from kommunkoll.pipeline.queries import document_counts

from .conftest import ROOT, expected_for
from .file_opens import FileOpens
from .test_cli import kommunkoll

SAMPLES = [
    ROOT / "samples" / "alingsas-von-2024-enkat.pdf",
    ROOT / "samples" / "alingsas-von-2025-delarsbokslut.pdf",
    ROOT / "samples" / "lerum-von-2025-enkat.pdf",
]


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    for pdf in SAMPLES:
        shutil.copy(pdf, inbox / pdf.name)
    return inbox


def _stored(url: str) -> dict[str, int]:
    """Answers per stored file (enkät) or tables (report), to check what was read."""
    engine = make_engine(url)
    counts = {c["filename"]: c["answers"] or c["tables"] for c in document_counts(engine)}
    engine.dispose()
    return counts


def _truth() -> dict[str, int]:
    return {
        p.name: len(expected_for(p)["answers"]) or len(expected_for(p)["tables"]) for p in SAMPLES
    }


@pytest.mark.parametrize("in_flight", [1, 4])
def test_the_ingest_flow_opens_each_file_once(
    prefect_api: str, tmp_path: Path, in_flight: int
) -> None:
    inbox = _inbox(tmp_path)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    watched = (inbox, inbox / box.PROCESSED, inbox / box.QUARANTINE)
    with FileOpens(*watched) as opens:
        outcome = ingest_flow([str(inbox)], db=url, in_flight=in_flight)
    assert sorted(outcome.stored) == sorted(p.name for p in SAMPLES)
    assert dict(opens.opens) == {p.name: 1 for p in SAMPLES}
    assert _stored(url) == _truth()

    _inbox(tmp_path)  # the same files again: hashed (one read each), not extracted
    with FileOpens(*watched) as opens:
        again = ingest_flow([str(inbox)], db=url, in_flight=in_flight)
    assert sorted(again.skipped) == sorted(p.name for p in SAMPLES)
    assert dict(opens.opens) == {p.name: 1 for p in SAMPLES}


@pytest.mark.slow
def test_the_ingest_command_opens_each_file_once(tmp_path: Path) -> None:
    """The command hashes files before Prefect starts and its reader starts on the first
    ones meanwhile (prefetch): still one read of each, with two workers."""
    inbox = _inbox(tmp_path)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    with FileOpens(inbox, inbox / box.PROCESSED, inbox / box.QUARANTINE) as opens:
        result = kommunkoll("ingest", inbox, "--db", url, "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert dict(opens.opens) == {p.name: 1 for p in SAMPLES}
    assert _stored(url) == _truth()
