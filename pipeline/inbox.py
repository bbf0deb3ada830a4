"""The inbox on disk: which PDFs are waiting, whether a file is complete, where it goes after.

Plain file operations, no database and no Prefect, so every step can be reasoned about for
crash safety: a move is one `os.replace` (atomic on one file system), an error report is
written beside the file before the file itself moves, and nothing is ever deleted.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kommunkoll.vocabulary import ERROR_REASONS

PROCESSED = "processed"
QUARANTINE = "quarantine"


def waiting_pdfs(inbox: Path) -> list[Path]:
    """The PDFs directly in the inbox (not processed/ or quarantine/), in a stable order,
    and every symbolic link there: links are not followed (the inbox is a boundary), they
    are reported and quarantined as `symlink`, whatever they point at."""
    return sorted(
        p for p in inbox.iterdir() if p.is_symlink() or (p.is_file() and p.suffix.lower() == ".pdf")
    )


def symlink_reason(path: Path) -> str:
    """Why a link in the inbox is not read, naming where it points."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return ERROR_REASONS["symlink"].format(target=target)


def expand(paths: list[Path]) -> list[Path]:
    """Files as given, folders as the PDFs waiting in them; each file once, in a stable order."""
    found: list[Path] = []
    for path in paths:
        found.extend(waiting_pdfs(path) if path.is_dir() else [path])
    return list(dict.fromkeys(found))


def _target(folder: Path, path: Path, sha256: str | None) -> Path:
    """Where `path` goes in `folder`: its own name, or with its hash added if the name is taken
    by another file, so two different reports called `rapport.pdf` both survive."""
    target = folder / path.name
    if not target.exists() or sha256 is None:
        return target
    return folder / f"{path.stem}-{sha256[:12]}{path.suffix}"


def processed_path(inbox: Path, path: Path, sha256: str | None) -> Path:
    return _target(inbox / PROCESSED, path, sha256)


def find_processed(folder: Path, filename: str, sha256: str | None) -> Path | None:
    """A stored file that `processed_path` moved out of `folder` (an inbox), under either name
    it may have been given; None when it is in neither place."""
    path = Path(filename)
    names = [path.name]
    if sha256:
        names.append(f"{path.stem}-{sha256[:12]}{path.suffix}")
    for name in names:
        candidate = folder / PROCESSED / name
        if candidate.is_file():
            return candidate
    return None


def move_to_processed(inbox: Path, path: Path, target: Path | None = None) -> Path:
    target = target or processed_path(inbox, path, None)
    target.parent.mkdir(exist_ok=True)
    os.replace(path, target)
    return target


def quarantine(inbox: Path, path: Path, sha256: str | None, code: str, reason: str) -> Path:
    """Move a file that cannot be stored to quarantine/, beside `<name>.error.json`."""
    folder = inbox / QUARANTINE
    folder.mkdir(exist_ok=True)
    target = _target(folder, path, sha256)
    report = {
        "file": path.name,
        "sha256": sha256,
        "code": code,
        "reason": reason,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    error = target.with_name(f"{target.name}.error.json")
    partial = error.with_name(f".{error.name}.tmp")
    partial.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, error)
    os.replace(path, target)
    return target


def looks_complete(path: Path) -> bool:
    """A PDF ends with `%%EOF` (perhaps followed by a line end or a comment): a copy still
    being written does not, yet."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - 1024))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


@dataclass
class _Seen:
    size: int
    mtime: float
    since: float


@dataclass
class Arrivals:
    """Decides when a file arriving in the inbox is complete enough to ingest.

    A file is ready once its size and modification time have not changed for `settle`
    seconds and it ends like a PDF; a file that never ends like one (a cut-off copy) is let
    through after `give_up` seconds of stillness, so extraction can quarantine it as such.
    """

    settle: float = 2.0
    give_up: float = 30.0
    seen: dict[Path, _Seen] = field(default_factory=dict)

    def ready(self, paths: list[Path], now: float | None = None) -> list[Path]:
        now = time.monotonic() if now is None else now
        ready = []
        for path in paths:
            try:
                stat = path.stat()
            except OSError:
                continue  # gone between the listing and now
            last = self.seen.get(path)
            if last is None or (last.size, last.mtime) != (stat.st_size, stat.st_mtime):
                self.seen[path] = _Seen(stat.st_size, stat.st_mtime, now)
                continue
            still = now - last.since
            if still >= self.settle and (looks_complete(path) or still >= self.give_up):
                ready.append(path)
        for gone in set(self.seen) - set(paths):
            del self.seen[gone]
        return ready

    def forget(self, path: Path) -> None:
        self.seen.pop(path, None)
