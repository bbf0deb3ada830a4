"""--no-ocr travels with the work (`Limits.ocr`), not in the command's environment: on a
real two-worker Dask cluster, whose workers were started before and apart from the command,
a scan ingested with --no-ocr is quarantined as image_only and without it is read.

Nothing here waits on a clock: the cluster's workers are awaited by count, each command runs
to its end, and the document's own time limit is far above what OCR of three pages costs on
a loaded machine (a timeout would be quarantined as `timeout`, and fail the test visibly).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select

from kommunkoll.models import Answer, Document, IngestError
from kommunkoll.pipeline import inbox as box
from kommunkoll.pipeline.db import make_engine

from .test_cli import command_env

SCAN = (
    Path(__file__).resolve().parent.parent
    / "samples"
    / "scanned"
    / "alingsas-kultur-och-fritidsnamnden-2025-enkat-scan.pdf"
)
GENEROUS = "3600"  # seconds: the document's time limit, never what decides this test
CONNECT = "600s"  # Dask's connect timeout for a client or worker on a busy machine


def _ingest(inbox: Path, url: str, address: str, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**command_env(), "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": CONNECT}
    command = ["ingest", str(inbox), "--db", url, "--dask", address, "--timeout", GENEROUS]
    return subprocess.run(
        [sys.executable, "-m", "kommunkoll", *command, *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_no_ocr_reaches_remote_dask_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dask
    from distributed import Client, LocalCluster

    truth = json.loads(SCAN.with_name(f"{SCAN.stem}.expected.json").read_text("utf-8"))
    runs = {}
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", CONNECT)
    with (
        dask.config.set({"distributed.comm.timeouts.connect": CONNECT}),
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit=0,  # no nanny pausing or restarting a worker on a loaded machine
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2)
        # OCR off first: a worker that kept a reader with OCR off must still read the second
        for name, extra in (("off", ("--no-ocr",)), ("on", ())):
            inbox = tmp_path / name
            inbox.mkdir()
            shutil.copy(SCAN, inbox / SCAN.name)
            url = f"sqlite:///{tmp_path / name}.db"
            runs[name] = (_ingest(inbox, url, cluster.scheduler_address, *extra), inbox, url)
        workers = len(cluster.scheduler.workers)
        ran = set(cluster.scheduler.task_prefixes)
    assert workers == 2
    assert any("extract" in prefix for prefix in ran), ran

    off, inbox, url = runs["off"]
    assert off.returncode == 1, off.stdout + off.stderr
    report = json.loads((inbox / box.QUARANTINE / f"{SCAN.name}.error.json").read_text())
    assert (report["file"], report["code"]) == (SCAN.name, "image_only")
    engine = make_engine(url)
    with Session(engine) as session:
        assert session.exec(select(Document)).all() == []
        errors = [(e.filename, e.code) for e in session.exec(select(IngestError)).all()]
    engine.dispose()
    assert errors == [(SCAN.name, "image_only")]

    on, inbox, url = runs["on"]
    assert on.returncode == 0, on.stdout + on.stderr
    assert (inbox / box.PROCESSED / SCAN.name).is_file()
    engine = make_engine(url)
    with Session(engine) as session:
        documents = session.exec(select(Document)).all()
        answers = session.exec(select(Answer)).all()
        errors = session.exec(select(IngestError)).all()
    engine.dispose()
    assert [(d.filename, d.kind) for d in documents] == [(SCAN.name, "enkat")]
    assert errors == []
    assert sorted((a.number, a.answer) for a in answers) == sorted(
        (t["number"], t["answer"]) for t in truth["answers"]
    )
