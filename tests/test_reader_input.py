"""The command hands its requests to the reader without waiting for it: a request bigger than
the pipe (a file's bytes) is written by a thread of its own, so a command goes on (importing
Prefect, say) while its reader is still warming up. A real reader, held stopped."""

from __future__ import annotations

import fcntl
import os
import signal
import threading
from concurrent.futures import Future
from typing import Any

from kommunkoll.extractors.file_content import FileContent
from kommunkoll.extractors.limits import Limits
from kommunkoll.pipeline.worker import Reader

from .conftest import expected_for, sample_pdfs


def _cells(tables: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (t["kind"], row["label"], c["measure"], c["year"], c["value"])
        for t in tables
        for row in t["rows"]
        for c in row["cells"]
    ]


def test_a_request_bigger_than_the_pipe_does_not_wait_for_the_reader() -> None:
    reports = [p for p in sample_pdfs() if expected_for(p)["tables"]]
    pdf = max(reports, key=lambda p: p.stat().st_size)
    content = FileContent.of(pdf.read_bytes())
    reader = Reader()
    reader.start()
    process = reader._process
    assert process is not None and process.stdin is not None
    assert len(content.data) > fcntl.fcntl(process.stdin.fileno(), fcntl.F_GETPIPE_SZ)
    submitted: list[Future[Any]] = []
    returned = threading.Event()

    def submit() -> None:
        submitted.append(reader.submit(pdf, Limits(), content))
        returned.set()

    os.kill(process.pid, signal.SIGSTOP)  # a reader that reads nothing, as while warming up
    try:
        threading.Thread(target=submit, daemon=True).start()
        # Returns at once; the bound only ends a failing run (the old write never returned).
        assert returned.wait(timeout=60)
        assert not submitted[0].done()
    finally:
        os.kill(process.pid, signal.SIGCONT)
    try:
        kind, extraction, _ = submitted[0].result(timeout=300)
    finally:
        reader.close()
    truth = expected_for(pdf)
    assert kind == "ok"
    assert extraction.document.model_dump() == truth["document"]
    assert _cells([t.model_dump() for t in extraction.tables]) == _cells(truth["tables"])
    assert process.wait(timeout=30) == 0  # closed: the feeder ended its input
