"""What an ingest decides before any Prefect work: which files are new, and the outcome.

A run whose files are all stored already (the common case for `watch` restarts and for a
second `ingest` of the same folder) finishes here, in a second or so, without starting
Prefect at all. Every step on one file (hash, move, record) is isolated: a failure is
recorded for that file and the batch goes on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import inbox as box
from .store import is_stored, record_ingest_error, sha256_of


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
    reason = f"filen kunde inte flyttas: {exc.strerror or exc}"
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


def settle_stored(engine: Any, paths: list[Path], keep: bool) -> tuple[list[Path], Outcome]:
    """Split `paths` into those to extract and an outcome for those already stored (moved on
    to processed/ unless `keep`)."""
    pending: list[Path] = []
    outcome = Outcome()
    for path in paths:
        if path.is_symlink():
            refuse_symlink(engine, path, keep, outcome)
            continue
        digest = sha256_of(path)
        if digest is None or not is_stored(engine, digest):
            pending.append(path)
            continue
        outcome.skipped.append(path.name)
        if keep:
            continue
        try:
            box.move_to_processed(path.parent, path, box.processed_path(path.parent, path, digest))
        except OSError as exc:
            move_failed(engine, path, digest, exc, outcome)
    return pending, outcome
