"""Every document is read in a process of its own, with hard limits, and killed past one.

The model, one for `extract`, `ingest`, `watch` and `reprocess`, with one worker or many,
here or on a Dask worker:

- a *reader* process starts once per command (or Dask worker). It imports the extractors
  and builds the NLP pipeline once, then waits. It runs no extraction code itself, so
  nothing in a PDF can hang or crash it;
- for each document it forks a child. The child drops to the document's memory limit (an
  address-space rlimit over what the reader already holds), reads the PDF with the
  reader's limits on pages and inflated bytes (`kommunkoll.extractors.limits`), sends the
  `Extraction` or the `ExtractionError` back through a pipe and exits, skipping every
  `close()`. Forking a warm process costs milliseconds, not an interpreter's start;
- the reader kills a child (and its process group) when it passes its wall time, and
  tells the reason apart from how the child ended: `timeout`, `too_large` (MemoryError or
  killed by the kernel), or `broken` (a crash);
- both die with their parent, even on SIGKILL (`PR_SET_PDEATHSIG`), so a killed command
  leaves no process behind.

`Reader.extract(path, limits)` behaves like `extract_pdf` (an Extraction, or raises
ExtractionError) and may be called from many threads at once: each call is one child.
Given the file's `content` (its bytes and hash, read by the ingest to hash it), the request
carries the bytes and the child reads nothing from disk: one read per file.
"""

from __future__ import annotations

import atexit
import gc
import os
import pickle
import queue
import selectors
import signal
import struct
import subprocess
import threading
import time
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import IO, Any

from kommunkoll.extractors.errors import ExtractionError
from kommunkoll.extractors.file_content import FileContent
from kommunkoll.extractors.limits import Limits, MiB
from kommunkoll.vocabulary import ERROR_REASONS, READER_LOST

from .reader_process import die_with_parent, spawn, take_early

_HEADER = struct.Struct("!Q")
# Time past a document's own timeout before the command stops waiting for its reader.
_GRACE = 30.0


class ReaderLost(OSError):
    """The reader process ended (killed from outside, or never started): a transient
    failure, so the task that met it may be retried on a new reader."""


def _frame(message: object) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _send(stream: IO[bytes], message: object) -> None:
    stream.write(_frame(message))
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def timeout_reason(limits: Limits) -> str:
    return ERROR_REASONS["timeout"].format(seconds=limits.timeout)


def memory_reason(limits: Limits) -> str:
    return ERROR_REASONS["memory"].format(limit=limits.memory / MiB)


# ------------------------------------------------------------------ the parent's side


class Reader:
    """The command's handle on its reader process (started on first use, or by `start`)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        # The running process's requests, framed, for its feeder thread (None: no more).
        self._outbox: queue.SimpleQueue[tuple[int, bytes] | None] = queue.SimpleQueue()
        self._pending: dict[int, Future[Any]] = {}
        self._ids = count()
        self._started = threading.Event()
        self._prefetched: dict[tuple[str, Limits], Future[Any]] = {}

    def start(self) -> None:
        """Start the reader now (it warms up while the command does other things)."""
        with self._lock:
            self._ensure_running()

    def _ensure_running(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._started.clear()
        failure: list[BaseException] = []
        thread = threading.Thread(
            target=self._run, args=(failure,), name="kommunkoll-reader", daemon=True
        )
        thread.start()
        self._started.wait()
        if failure:
            raise ReaderLost(READER_LOST["start"].format(detail=failure[0]))
        assert self._process is not None
        return self._process

    def _run(self, failure: list[BaseException]) -> None:
        """Start the process from this thread (the parent-death signal follows the thread
        that forked, so it must live as long as the reader), then read its answers."""
        try:  # the one the command started first (launch.py), else a new one
            process = take_early() or spawn()
        except OSError as exc:
            failure.append(exc)
            self._started.set()
            return
        outbox: queue.SimpleQueue[tuple[int, bytes] | None] = queue.SimpleQueue()
        threading.Thread(
            target=self._feed, args=(process, outbox), name="kommunkoll-reader-input", daemon=True
        ).start()
        self._process, self._outbox = process, outbox
        self._started.set()
        assert process.stdout is not None
        while True:
            try:
                request_id, outcome = _receive(process.stdout)
            except (EOFError, OSError, pickle.UnpicklingError):
                break
            with self._lock:
                future = self._pending.pop(request_id, None)
            if future is not None:
                future.set_result(outcome)
        process.wait()
        outbox.put(None)
        with self._lock:
            if self._process is process:
                self._process = None
            lost = [f for _, f in sorted(self._pending.items())]
            self._pending.clear()
        for future in lost:
            future.set_exception(ReaderLost(READER_LOST["ended"].format(status=process.returncode)))

    def _feed(
        self, process: subprocess.Popen[bytes], outbox: queue.SimpleQueue[tuple[int, bytes] | None]
    ) -> None:
        """Write the requests to the reader's input, from a thread of its own: a reader takes
        its input only once warm, and a request bigger than the pipe (a file's bytes) would
        otherwise hold the command up until then, when it could be importing Prefect.
        Closes the input at the end (None), which tells the reader to stop."""
        stream = process.stdin
        assert stream is not None
        while (item := outbox.get()) is not None:
            request_id, data = item
            try:
                stream.write(data)
                stream.flush()
            except (OSError, ValueError) as exc:  # the reader is gone
                with self._lock:
                    future = self._pending.pop(request_id, None)
                if future is not None:
                    future.set_exception(ReaderLost(READER_LOST["gone"].format(detail=exc)))
        with suppress(OSError, ValueError):
            stream.close()

    def submit(
        self, path: Path | str, limits: Limits | None = None, content: FileContent | None = None
    ) -> Future[Any]:
        """Read `path` (or its `content`) in a child; the future's result is (kind, value,
        stats): ("ok", Extraction) or ("error", (code, reason)), and the child's `seconds`
        and peak `memory` (resident, bytes)."""
        limits = limits or Limits()
        future: Future[Any] = Future()
        with self._lock:
            self._ensure_running()
            request_id = next(self._ids)
            self._pending[request_id] = future
            self._outbox.put((request_id, _frame((request_id, str(path), limits, content))))
        return future

    def prefetch(
        self, path: Path | str, limits: Limits, content: FileContent | None = None
    ) -> None:
        """Start reading `path` now; the `extract` call for it that comes later (the flow's
        task, once Prefect's server is up) takes this result instead of reading again."""
        future = self.submit(path, limits, content)
        with self._lock:
            self._prefetched[(str(path), limits)] = future

    def extract(
        self, path: Path | str, limits: Limits | None = None, content: FileContent | None = None
    ) -> Any:
        """Like `extract_pdf`, in a limited child: the Extraction, or raises ExtractionError."""
        limits = limits or Limits()
        with self._lock:
            future = self._prefetched.pop((str(path), limits), None)
        future = future or self.submit(path, limits, content)
        try:
            kind, value, _ = future.result(timeout=limits.timeout + _GRACE)
        except TimeoutError:  # the reader itself stopped answering: replace it
            self.close()
            raise ExtractionError("timeout", timeout_reason(limits), Path(path).name) from None
        if kind == "ok":
            return value
        code, reason = value
        raise ExtractionError(code, reason, Path(path).name)

    def close(self) -> None:
        """Stop the reader: closing its input makes it kill its children and exit."""
        with self._lock:
            process, self._process = self._process, None
            self._outbox.put(None)  # the feeder writes what is queued, then closes the input
        if process is None:
            return
        try:
            process.wait(timeout=2)  # still warming up, it reads its input only after
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


_shared: Reader | None = None
_shared_lock = threading.Lock()


def shared_reader() -> Reader:
    """This process's reader, one for every thread and task in it."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Reader()
            atexit.register(_shared.close)
        return _shared


def extract_limited(
    path: Path | str, limits: Limits | None = None, content: FileContent | None = None
) -> Any:
    """`extract_pdf` in this process's reader, within `limits` (from `content` if given)."""
    return shared_reader().extract(path, limits, content)


# ------------------------------------------------------------------ the reader process


@dataclass
class _Child:
    request_id: int
    limits: Limits
    fd: int
    deadline: float
    data: bytearray
    started: float = 0.0
    timed_out: bool = False


def warm_up() -> None:
    """Import the extractors and build what they build lazily, once for every child."""
    import kommunkoll.extractors.extract  # noqa: F401
    from kommunkoll.extractors.nlp import pipeline

    for name in ("swedish", "lemmas", "classifier"):
        builder = getattr(pipeline, name, None)
        if callable(builder):
            builder()


def _address_space() -> int:
    """The bytes of address space this process holds now (VmSize)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def serve() -> None:
    """The reader's loop: requests on stdin, one child per request, answers on stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command handles Ctrl-C and stops us
    out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 1)  # a stray print anywhere must not corrupt the answers
    warm_up()
    gc.collect()
    gc.freeze()  # the warm objects stay shared with the children instead of being copied
    baseline = _address_space()
    selector = selectors.DefaultSelector()
    selector.register(0, selectors.EVENT_READ)
    inbox = bytearray()
    children: dict[int, _Child] = {}
    by_fd: dict[int, int] = {}
    running = True
    while running or children:
        now = time.monotonic()
        wait = min((c.deadline - now for c in children.values() if not c.timed_out), default=None)
        for key, _ in selector.select(None if wait is None else max(0.0, wait)):
            fd = key.fd
            if fd == 0:
                chunk = os.read(0, 1 << 16)
                if not chunk:  # the command is done (or gone): stop every child and leave
                    running = False
                    selector.unregister(0)
                    for pid in children:
                        _kill(pid)
                    continue
                inbox += chunk
                for request_id, path, limits, content in _requests(inbox):
                    pid, child = _fork(
                        request_id, (path, content), limits, baseline, (devnull, out)
                    )
                    children[pid] = child
                    by_fd[child.fd] = pid
                    selector.register(child.fd, selectors.EVENT_READ)
                continue
            chunk = os.read(fd, 1 << 20)
            if chunk:
                children[by_fd[fd]].data += chunk
                continue
            selector.unregister(fd)
            os.close(fd)
            pid = by_fd.pop(fd)
            child = children.pop(pid)
            _, status, usage = os.wait4(pid, 0)
            if running:
                stats = {
                    "seconds": time.monotonic() - child.started,
                    "memory": usage.ru_maxrss * 1024,
                }
                _send(out, (child.request_id, (*_outcome(child, status), stats)))
        now = time.monotonic()
        for pid, child in children.items():
            if not child.timed_out and now >= child.deadline:
                child.timed_out = True
                _kill(pid)
    out.close()


def _requests(inbox: bytearray) -> list[tuple[int, str, Limits, FileContent | None]]:
    found = []
    while len(inbox) >= _HEADER.size:
        (size,) = _HEADER.unpack_from(inbox)
        if len(inbox) < _HEADER.size + size:
            break
        found.append(pickle.loads(bytes(inbox[_HEADER.size : _HEADER.size + size])))
        del inbox[: _HEADER.size + size]
    return found


def _kill(pid: int) -> None:
    """The child and anything it started (its own process group)."""
    for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            kill()
            return
        except (ProcessLookupError, PermissionError):
            continue


def _outcome(child: _Child, status: int) -> tuple[str, Any]:
    """What the child sent, or what its end says when it sent nothing whole."""
    if len(child.data) >= _HEADER.size:
        (size,) = _HEADER.unpack_from(child.data)
        if len(child.data) >= _HEADER.size + size and not child.timed_out:
            return pickle.loads(bytes(child.data[_HEADER.size : _HEADER.size + size]))
    if child.timed_out:
        return "error", ("timeout", timeout_reason(child.limits))
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGKILL:  # not ours: the kernel's out-of-memory killer
            return "error", ("too_large", memory_reason(child.limits))
        name = signal.Signals(number).name
        return "error", ("broken", READER_LOST["crashed"].format(signal=name))
    return "error", ("broken", READER_LOST["silent"].format(status=os.WEXITSTATUS(status)))


def _fork(
    request_id: int,
    document: tuple[str, FileContent | None],
    limits: Limits,
    baseline: int,
    streams: tuple[int, IO[bytes]],
) -> tuple[int, _Child]:
    devnull, out = streams
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(read_end)
            os.close(out.fileno())  # only the reader answers the command
            os.setpgid(0, 0)
            die_with_parent()
            if os.getppid() != parent:
                os._exit(1)
            os.dup2(devnull, 0)
            _read_one(*document, limits, baseline, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    now = time.monotonic()
    child = _Child(request_id, limits, read_end, now + limits.timeout, bytearray(), now)
    return pid, child


def _read_one(
    path: str, content: FileContent | None, limits: Limits, baseline: int, fd: int
) -> None:
    """In the child: read one PDF within its memory limit and send what came of it."""
    import resource

    from kommunkoll.extractors import extract_pdf
    from kommunkoll.extractors.pdf import detail

    if baseline:
        ceiling = baseline + limits.memory
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    outcome: tuple[str, Any]
    try:
        outcome = "ok", extract_pdf(path, limits, content=content)
    except ExtractionError as exc:
        outcome = "error", (exc.code, exc.reason)
    except MemoryError:
        outcome = "error", ("too_large", memory_reason(limits))
    except Exception as exc:  # a bug in an extractor: the file is quarantined, the batch goes on
        outcome = "error", ("broken", ERROR_REASONS["reader_bug"].format(detail=detail(exc)))
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("error", ("too_large", memory_reason(limits))))
    with os.fdopen(fd, "wb") as stream:
        stream.write(_HEADER.pack(len(data)) + data)


if __name__ == "__main__":
    serve()
