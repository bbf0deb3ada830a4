"""`kommunkoll watch`: an inbox that is emptied as files arrive, one flow run per arrival batch."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from . import inbox as box
from .flows import Outcome, ingest_flow, task_runner


def watch_inbox(
    inbox: Path,
    db: str | None = None,
    workers: int = 1,
    dask: str | None = None,
    timeout: float = 300.0,
    interval: float = 1.0,
    settle: float = 2.0,
    report: Callable[[Outcome], None] | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> None:
    """Look at `inbox` every `interval` seconds; ingest the files that are complete."""
    arrivals = box.Arrivals(settle=settle, give_up=max(30.0, 10 * settle))
    run = ingest_flow.with_options(task_runner=task_runner(workers, dask))
    while not stop():
        ready = arrivals.ready(box.waiting_pdfs(inbox))
        if ready:
            outcome = run([str(p) for p in ready], db=db, timeout=timeout, show_progress=True)
            for path in ready:
                arrivals.forget(path)
            if report is not None:
                report(outcome)
        time.sleep(interval)
