"""What an ingest decides before any Prefect work: which files are new, and the outcome.

A run whose files are all stored already (the common case for `watch` restarts and for a
second `ingest` of the same folder) finishes here, in a second or so, without starting
Prefect at all. Every step on one file (hash, move, record) is isolated: a failure is
recorded for that file and the batch goes on.

Each file is read from disk once: the read that hashes it keeps its bytes (`read_once`),
and a new file's bytes go on to the reader with its request. `settle_stored` stops reading
once it has found the files the reader starts on (`hand_over`), handing them to the flow
(`handed_over`); the flow reads the rest itself, a few at a time.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kommunkoll.extractors.file_content import FileContent
from kommunkoll.extractors.limits import Limits
from kommunkoll.vocabulary import ERROR_REASONS

from . import inbox as box
from .store import is_stored, record_ingest_error


@dataclass
class Failure:
    """Why a file could not be stored: an ExtractionError's code and reason, or a limit."""

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

    def merge(self, other: Outcome) -> Outcome:
        return Outcome(
            self.stored + other.stored,
            self.skipped + other.skipped,
            self.quarantined + other.quarantined,
            self.extract_seconds + other.extract_seconds,
        )


def move_failed(
    engine: Any, path: Path, digest: str | None, exc: OSError, outcome: Outcome
) -> None:
    """A file that could not be moved stays where it is; the reason is recorded."""
    reason = ERROR_REASONS["move_failed"].format(detail=exc.strerror or exc)
    if exc.filename:
        reason += f" ({exc.filename})"
    outcome.quarantined.append((path.name, "move_failed", reason))
    record_ingest_error(engine, path.name, digest, "move_failed", reason)


def refuse_symlink(engine: Any, path: Path, keep: bool, outcome: Outcome) -> None:
    """A link is never followed: recorded, and (unless `keep`) the link itself, not what
    it points at, moved to quarantine/."""
    reason = box.symlink_reason(path)
    outcome.quarantined.append((path.name, "symlink", reason))
    record_ingest_error(engine, path.name, None, "symlink", reason)
    if not keep:
        try:
            box.quarantine(path.parent, path, None, "symlink", reason)
        except OSError as exc:
            move_failed(engine, path, None, exc, Outcome())


def read_once(
    path: Path, file_size: int = Limits().file_size
) -> tuple[str | None, FileContent | None]:
    """The file's sha256 and its content, from one read; no content for a file bigger than
    `file_size` (the reader refuses it by its size, unread), (None, None) for one that
    cannot be read (extraction will say why)."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size <= file_size:
                content = FileContent.of(handle.read())
                return content.sha256, content
            digest = hashlib.sha256()
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
            return digest.hexdigest(), None
    except OSError:
        return None, None


_handed: dict[Path, tuple[str | None, FileContent | None]] = {}
_handed_lock = threading.Lock()


def handed_over(path: Path, *, leave: bool = False) -> tuple[str | None, FileContent | None] | None:
    """What `settle_stored` read of a new file (sha256, content), taken once (or left for
    the flow with `leave`); None if it did not read the file."""
    with _handed_lock:
        return _handed.get(path.absolute()) if leave else _handed.pop(path.absolute(), None)


def settle_stored(
    engine: Any, paths: list[Path], keep: bool, hand_over: int = 1
) -> tuple[list[Path], Outcome]:
    """Split `paths` into those to extract and an outcome for those already stored (moved on
    to processed/ unless `keep`), every link refused. Once `hand_over` new files are found
    (read, kept for the flow), the rest are left unread for the flow: each is read once."""
    pending: list[Path] = []
    outcome = Outcome()
    for path in paths:
        if path.is_symlink():
            refuse_symlink(engine, path, keep, outcome)
            continue
        if len(pending) >= max(1, hand_over):  # the reader has its first files: the flow
            pending.append(path)  # reads the rest, once each
            continue
        digest, content = read_once(path)
        if digest is None or not is_stored(engine, digest):
            pending.append(path)
            with _handed_lock:
                _handed[path.absolute()] = (digest, content)
            continue
        outcome.skipped.append(path.name)
        if keep:
            continue
        try:
            box.move_to_processed(path.parent, path, box.processed_path(path.parent, path, digest))
        except OSError as exc:
            move_failed(engine, path, digest, exc, outcome)
    return pending, outcome
