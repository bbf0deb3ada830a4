"""The Prefect flows: an inbox of PDFs into the database, once each, whatever happens.

One task per document (extraction, the expensive part) runs wherever the task runner puts
it: a thread, `--workers N` processes, or a Dask cluster. Storing and moving stay in the
flow's own process, one transaction per document followed by one atomic move, so a kill at
any moment leaves each file either waiting in the inbox or stored and in processed/ (or
stored and still in the inbox, which the next run notices by its sha256 and finishes).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .prefect_env import configure

configure()

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.progress import (  # noqa: E402
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from sqlmodel import Session, select  # noqa: E402

from kommunkoll import EXTRACTOR_VERSION  # noqa: E402
from kommunkoll.extractors import Extraction, ExtractionError, extract_pdf  # noqa: E402
from kommunkoll.models import Document  # noqa: E402

from . import inbox as box  # noqa: E402
from .db import make_engine, upgrade_schema  # noqa: E402
from .store import (  # noqa: E402
    is_stored,
    record_ingest_error,
    replace_extraction,
    sha256_of,
    store_extraction,
)

DEFAULT_TIMEOUT = 300.0


class _QuietThreadTimeout(logging.Filter):
    """Prefect warns on every task that a time-out in a worker thread cannot interrupt
    blocking I/O. Extraction is pure Python, which the time-out does interrupt: once per
    document that warning is noise on the progress bar."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Timeout of")


logging.getLogger("prefect.task_runs").addFilter(_QuietThreadTimeout())


@dataclass
class Failure:
    """Why a file could not be stored: an ExtractionError's code and reason, or a time-out."""

    code: str
    reason: str


@dataclass
class Outcome:
    stored: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    quarantined: list[tuple[str, str, str]] = field(default_factory=list)  # file, code, reason
    extract_seconds: float = 0.0  # summed over the documents, wherever they were extracted

    def reasons(self) -> Counter[str]:
        return Counter(code for _, code, _ in self.quarantined)


def _transient(_task: Any, _run: Any, state: Any) -> bool:
    """Retry what may pass (a file system hiccup, a lost worker), never a time-out: a file
    that took too long once will take too long again."""
    try:
        state.result()
    except TimeoutError:
        return False
    except (OSError, ConnectionError, MemoryError):
        return True
    except BaseException:
        return False
    return False


@task(
    name="extract",
    retries=2,
    retry_delay_seconds=1,
    retry_condition_fn=_transient,
    timeout_seconds=DEFAULT_TIMEOUT,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def extract_document(path: str) -> tuple[Extraction | Failure, float]:
    """One PDF to its Extraction, and the seconds extraction took (what is not Prefect's or
    the database's); an unreadable file is a result (no retry), not a task failure."""
    start = time.perf_counter()
    try:
        result: Extraction | Failure = extract_pdf(path)
    except ExtractionError as exc:
        result = Failure(exc.code, exc.reason)
    except OSError:
        raise  # transient: retried
    except Exception as exc:  # a bug in an extractor: quarantine the file, go on with the batch
        result = Failure("broken", f"unexpected extractor failure: {exc!r}")
    return result, time.perf_counter() - start


def task_runner(workers: int = 1, dask: str | None = None) -> Any:
    """Threads in this process by default, `workers` processes, or an existing Dask cluster."""
    if dask:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask)
    if workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


def _progress(console: Console | None) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
        console=console or Console(stderr=True),
        disable=console is None,
        transient=False,
    )


@flow(name="ingest", persist_result=False, validate_parameters=False)
def ingest_flow(
    paths: list[str],
    db: str | None = None,
    keep: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    show_progress: bool = False,
) -> Outcome:
    """Store every PDF given (a folder: the PDFs in it) not stored yet, then move each to
    processed/ or quarantine/ beside it (unless `keep`)."""
    engine = make_engine(db)
    upgrade_schema(engine)
    pdfs = box.expand([Path(p) for p in paths])
    outcome = Outcome()
    extract = extract_document.with_options(timeout_seconds=timeout)
    with _progress(Console(stderr=True) if show_progress else None) as progress:
        bar = progress.add_task("ingest", total=len(pdfs), last="")
        futures = {}
        for path in pdfs:
            folder = path.parent
            digest = sha256_of(path)
            if digest is not None and is_stored(engine, digest):
                outcome.skipped.append(path.name)
                if not keep:  # stored by a run that stopped before moving it
                    box.move_to_processed(folder, path, box.processed_path(folder, path, digest))
                progress.update(bar, advance=1, last=f"{path.name} already stored")
                continue
            futures[extract.submit(str(path))] = (path, digest)
        for future in as_completed(list(futures)):
            path, digest = futures[future]
            folder = path.parent
            try:
                result, seconds = future.result()
                outcome.extract_seconds += seconds
            except TimeoutError:
                result = Failure("timeout", f"extraction took longer than {timeout:g} s")
            except Exception as exc:  # retries spent on a transient error
                result = Failure("failed", f"extraction failed: {exc!r}")
            _settle(engine, folder, path, digest, result, keep, outcome)
            progress.update(bar, advance=1, last=path.name)
    engine.dispose()
    return outcome


def _settle(
    engine: Any,
    folder: Path,
    path: Path,
    digest: str | None,
    result: Extraction | Failure,
    keep: bool,
    outcome: Outcome,
) -> None:
    """Store (one transaction), then move (one rename): the order that makes a kill harmless."""
    if isinstance(result, Failure):
        outcome.quarantined.append((path.name, result.code, result.reason))
        record_ingest_error(engine, path.name, digest, result.code, result.reason)
        if not keep and path.exists():
            box.quarantine(folder, path, digest, result.code, result.reason)
        return
    target = path.resolve() if keep else box.processed_path(folder, path, digest).resolve()
    if store_extraction(engine, result, path=target) is None:
        outcome.skipped.append(path.name)  # the same content twice in one batch
        target = box.processed_path(folder, path, digest)
    else:
        outcome.stored.append(path.name)
    if not keep:
        box.move_to_processed(folder, path, target)


@flow(name="reprocess", persist_result=False, validate_parameters=False)
def reprocess_flow(
    db: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    show_progress: bool = False,
    all_documents: bool = False,
) -> Outcome:
    """Re-extract stored documents made by an older extractor and replace their rows."""
    engine = make_engine(db)
    upgrade_schema(engine)
    with Session(engine) as session:
        documents = session.exec(select(Document)).all()
    stale = [d for d in documents if all_documents or is_older(d.extractor_version)]
    outcome = Outcome()
    extract = extract_document.with_options(timeout_seconds=timeout)
    with _progress(Console(stderr=True) if show_progress else None) as progress:
        bar = progress.add_task("reprocess", total=len(stale), last="")
        futures = {}
        for document in stale:
            if not document.path or not Path(document.path).exists():
                reason = f"the stored file is gone ({document.path})"
                outcome.quarantined.append((document.filename, "not_found", reason))
                progress.update(bar, advance=1, last=document.filename)
                continue
            futures[extract.submit(document.path)] = document
        for future in as_completed(list(futures)):
            document = futures[future]
            try:
                result, seconds = future.result()
                outcome.extract_seconds += seconds
            except Exception as exc:
                result = Failure("failed", f"extraction failed: {exc!r}")
            if isinstance(result, Failure):
                # The old rows stay: a worse extractor run never erases a stored document.
                outcome.quarantined.append((document.filename, result.code, result.reason))
            elif result.source.sha256 != document.sha256:
                reason = "the file at the stored path has changed since it was ingested"
                outcome.quarantined.append((document.filename, "changed", reason))
            else:
                replace_extraction(engine, result, path=document.path)
                outcome.stored.append(document.filename)
            progress.update(bar, advance=1, last=document.filename)
    outcome.skipped = [d.filename for d in documents if d not in stale]
    engine.dispose()
    return outcome


def is_older(version: str, current: str = EXTRACTOR_VERSION) -> bool:
    """Extractor versions compare as dotted numbers ("2" < "10"), not as text."""

    def key(v: str) -> tuple[int, ...]:
        return tuple(int(part) if part.isdigit() else 0 for part in v.split("."))

    return key(version) < key(current)
