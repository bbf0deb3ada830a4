"""`kommunkoll watch`: an inbox that is emptied as files arrive, one flow run per arrival batch.

It survives any single file: whatever one batch raises is reported and the watch goes on.
Files already stored are moved on without a flow run, as in `ingest`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from kommunkoll.extractors.limits import Limits

from . import inbox as box
from .db import make_engine
from .flows import Outcome, ingest_flow, task_runner
from .intake import settle_stored


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
    problem: Callable[[Exception], None] | None = None,
    ocr: bool = True,
) -> None:
    """Look at `inbox` every `interval` seconds; ingest the files that are complete (their
    scanned pages read by OCR unless `ocr` is False)."""
    arrivals = box.Arrivals(settle=settle, give_up=max(30.0, 10 * settle))
    run = ingest_flow.with_options(task_runner=task_runner(workers, dask))
    while not stop():
        try:
            ready = arrivals.ready(box.waiting_pdfs(inbox))
            if ready:
                engine = make_engine(db)
                try:
                    pending, outcome = settle_stored(engine, ready, keep=False)
                finally:
                    engine.dispose()
                if pending:
                    ran = run(
                        [str(p) for p in pending],
                        db=db,
                        timeout=timeout,
                        show_progress=True,
                        limits=Limits(ocr=ocr),
                    )
                    outcome = outcome.merge(ran)
                for path in ready:
                    arrivals.forget(path)
                if report is not None:
                    report(outcome)
        except Exception as exc:  # one bad batch (or a database hiccup) never ends the watch
            if problem is None:
                raise
            problem(exc)
        time.sleep(interval)
