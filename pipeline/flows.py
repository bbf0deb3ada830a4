"""The Prefect flows: an inbox of PDFs into the database, once each, whatever happens.

One task per document (extraction, the expensive part) runs wherever the task runner puts
it: a thread, `--workers N` processes, or a Dask cluster. Storing and moving stay in the
flow's own process, one transaction per document followed by one atomic move, so a kill at
any moment leaves each file either waiting in the inbox or stored and in processed/ (or
stored and still in the inbox, which the next run notices by its sha256 and finishes).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from .prefect_env import configure

configure()

from prefect import Flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
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
from kommunkoll.extractors import Extraction, ExtractionError  # noqa: E402
from kommunkoll.extractors.file_content import FileContent  # noqa: E402
from kommunkoll.extractors.limits import Limits  # noqa: E402
from kommunkoll.models import Document  # noqa: E402
from kommunkoll.vocabulary import (  # noqa: E402
    ERROR_REASONS,
    STORED_FILE_CHANGED,
    STORED_FILE_GONE,
)

from . import inbox as box  # noqa: E402
from .db import make_engine, upgrade_schema  # noqa: E402
from .intake import (  # noqa: E402
    Failure,
    Outcome,
    handed_over,
    move_failed,
    read_once,
    refuse_symlink,
)
from .safe_text import markup  # noqa: E402
from .store import (  # noqa: E402
    is_stored,
    record_ingest_error,
    replace_extraction,
    store_extraction,
)
from .worker import extract_limited  # noqa: E402

DEFAULT_TIMEOUT = Limits().timeout


class _Flow(Flow):  # type: ignore[type-arg]
    """A Prefect flow whose parameters are sent to the API as pydantic makes them JSON.

    Prefect's own encoder is FastAPI's, whose import (a second of a one-file ingest's CPU)
    brings the web framework into a command that serves nothing; pydantic gives the same
    JSON for what the flows take (paths, numbers, the `Limits` dataclass)."""

    def serialize_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        from prefect.futures import PrefectFuture
        from prefect.states import State
        from pydantic_core import to_jsonable_python

        serialized: dict[str, Any] = {}
        for key, value in parameters.items():
            if isinstance(value, (PrefectFuture, State)):
                serialized[key] = f"<{type(value).__name__}>"
                continue
            try:
                serialized[key] = to_jsonable_python(value)
            except Exception:  # as Prefect does: an unencodable value is named, not sent
                serialized[key] = f"<{type(value).__name__}>"
        return serialized

    def with_options(self, **options: Any) -> _Flow:
        copy = super().with_options(**options)
        copy.__class__ = _Flow
        return copy


def flow(**options: Any) -> Callable[[Callable[..., Any]], _Flow]:
    """Prefect's `@flow`, making a `_Flow`."""
    return lambda fn: _Flow(fn, **options)


def _transient(_task: Any, _run: Any, state: Any) -> bool:
    """Retry what may pass (a file system hiccup, a reader process killed from outside);
    an unreadable file, a time-out or a passed limit is a result, never retried."""
    try:
        state.result()
    except (OSError, ConnectionError):
        return True
    except BaseException:
        return False
    return False


@task(
    name="extract",
    retries=2,
    retry_delay_seconds=1,
    retry_condition_fn=_transient,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def extract_document(
    path: str, limits: Limits, content: FileContent | None = None
) -> tuple[Extraction | Failure, float]:
    """One PDF to its Extraction, and the seconds extraction took (what is not Prefect's or
    the database's), read in a limited worker process (`worker.py`) that is killed past
    its time or memory; an unreadable file is a result (no retry), not a task failure.
    `content`: the bytes the flow read to hash the file, so it is not read again."""
    start = time.perf_counter()
    try:
        result: Extraction | Failure = extract_limited(path, limits, content)
    except ExtractionError as exc:
        result = Failure(exc.code, exc.reason)
    return result, time.perf_counter() - start


def task_runner(workers: int = 1, dask: str | None = None) -> Any:
    """`workers` threads in this process, each waiting on its document's limited worker
    process (the reading happens there, so threads give `workers` processes in parallel
    without a Prefect process pool's start-up), or an existing Dask cluster."""
    if dask:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask)
    return ThreadPoolTaskRunner(max_workers=max(1, workers))


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
    limits: Limits | None = None,
    in_flight: int = 4,
) -> Outcome:
    """Store every PDF given (a folder: the PDFs in it) not stored yet, then move each to
    processed/ or quarantine/ beside it (unless `keep`).

    Each file is read once: the read that hashes it keeps the bytes, which go to the reader
    with the task; at most `in_flight` files' bytes are held at a time."""
    engine = make_engine(db)
    upgrade_schema(engine)
    pdfs = box.expand([Path(p) for p in paths])
    outcome = Outcome()
    limits = replace(limits or Limits(), timeout=timeout)
    with _progress(Console(stderr=True) if show_progress else None) as progress:
        bar = progress.add_task("ingest", total=len(pdfs), last="")
        futures: dict[Any, tuple[Path, str | None]] = {}

        def settle_next() -> None:
            future = next(as_completed(list(futures)))
            path, digest = futures.pop(future)
            result = _result(future, outcome)
            _settle(engine, path.parent, path, digest, result, keep, outcome)
            progress.update(bar, advance=1, last=markup(path.name))

        for path in pdfs:
            if path.is_symlink():
                refuse_symlink(engine, path, keep, outcome)
                progress.update(bar, advance=1, last=markup(path.name))
                continue
            handed = handed_over(path)  # read, and found new, before the flow started
            digest, content = handed or read_once(path, limits.file_size)
            if handed is None and digest is not None and is_stored(engine, digest):
                outcome.skipped.append(path.name)
                if not keep:  # stored by a run that stopped before moving it
                    try:
                        target = box.processed_path(path.parent, path, digest)
                        box.move_to_processed(path.parent, path, target)
                    except OSError as exc:
                        move_failed(engine, path, digest, exc, outcome)
                progress.update(bar, advance=1, last=f"{markup(path.name)} already stored")
                continue
            futures[extract_document.submit(str(path), limits, content)] = (path, digest)
            while len(futures) >= max(1, in_flight):
                settle_next()
        while futures:
            settle_next()
    engine.dispose()
    return outcome


def _result(future: Any, outcome: Outcome) -> Extraction | Failure:
    """A task's Extraction or Failure, its extraction seconds counted in `outcome`."""
    try:
        result, seconds = future.result()
    except Exception as exc:  # retries spent on a transient error
        from kommunkoll.extractors.pdf import detail

        return Failure("failed", ERROR_REASONS["failed"].format(detail=detail(exc)))
    outcome.extract_seconds += seconds
    return result


def _settle(
    engine: Any,
    folder: Path,
    path: Path,
    digest: str | None,
    result: Extraction | Failure,
    keep: bool,
    outcome: Outcome,
) -> None:
    """Store (one transaction), then move (one rename): the order that makes a kill harmless.

    A store or a move that fails is recorded for this file; the batch goes on."""
    if isinstance(result, Failure):
        outcome.quarantined.append((path.name, result.code, result.reason))
        record_ingest_error(engine, path.name, digest, result.code, result.reason)
        if not keep and path.exists():
            try:
                box.quarantine(folder, path, digest, result.code, result.reason)
            except OSError as exc:
                move_failed(engine, path, digest, exc, Outcome())
        return
    target = path.resolve() if keep else box.processed_path(folder, path, digest).resolve()
    try:
        stored = store_extraction(engine, result, path=target)
    except Exception as exc:  # the database refused this document: the others may still go in
        from kommunkoll.extractors.pdf import detail

        reason = ERROR_REASONS["store_failed"].format(detail=detail(exc).splitlines()[0])
        outcome.quarantined.append((path.name, "store_failed", reason))
        with suppress(Exception):  # the database is gone altogether: the outcome says it
            record_ingest_error(engine, path.name, digest, "store_failed", reason)
        return
    if stored is None:
        outcome.skipped.append(path.name)  # the same content twice in one batch
        target = box.processed_path(folder, path, digest)
    else:
        outcome.stored.append(path.name)
    if not keep:
        try:
            box.move_to_processed(folder, path, target)
        except OSError as exc:
            move_failed(engine, path, digest, exc, outcome)


@flow(name="reprocess", persist_result=False, validate_parameters=False)
def reprocess_flow(
    db: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    show_progress: bool = False,
    all_documents: bool = False,
    limits: Limits | None = None,
) -> Outcome:
    """Re-extract stored documents made by an older extractor and replace their rows."""
    engine = make_engine(db)
    upgrade_schema(engine)
    with Session(engine) as session:
        documents = session.exec(select(Document)).all()
    stale = [d for d in documents if all_documents or is_older(d.extractor_version)]
    outcome = Outcome()
    limits = replace(limits or Limits(), timeout=timeout)
    with _progress(Console(stderr=True) if show_progress else None) as progress:
        bar = progress.add_task("reprocess", total=len(stale), last="")
        futures = {}
        for document in stale:
            if not document.path or not Path(document.path).exists():
                reason = STORED_FILE_GONE.format(path=document.path)
                outcome.quarantined.append((document.filename, "not_found", reason))
                progress.update(bar, advance=1, last=markup(document.filename))
                continue
            futures[extract_document.submit(document.path, limits)] = document
        for future in as_completed(list(futures)):
            document = futures[future]
            result = _result(future, outcome)
            if isinstance(result, Failure):
                # The old rows stay: a worse extractor run never erases a stored document.
                outcome.quarantined.append((document.filename, result.code, result.reason))
            elif result.source.sha256 != document.sha256:
                reason = STORED_FILE_CHANGED
                outcome.quarantined.append((document.filename, "changed", reason))
            else:
                replace_extraction(engine, result, path=document.path)
                outcome.stored.append(document.filename)
            progress.update(bar, advance=1, last=markup(document.filename))
    outcome.skipped = [d.filename for d in documents if d not in stale]
    engine.dispose()
    return outcome


def is_older(version: str, current: str = EXTRACTOR_VERSION) -> bool:
    """Extractor versions compare as dotted numbers ("2" < "10"), not as text."""

    def key(v: str) -> tuple[int, ...]:
        return tuple(int(part) if part.isdigit() else 0 for part in v.split("."))

    return key(version) < key(current)
