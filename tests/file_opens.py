"""Every open of the files in some folders, by any process (Linux inotify): how a test sees
how often an ingest reads a file from disk, although the reading happens in a reader
process and its children, out of reach of an in-process wrapper."""

from __future__ import annotations

import ctypes
import os
import struct
from collections import Counter
from pathlib import Path
from types import TracebackType

_IN_OPEN = 0x00000020
_IN_ISDIR = 0x40000000
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, length of the name that follows
_libc = ctypes.CDLL(None, use_errno=True)


class FileOpens:
    """Counts opens of the files (not the folders) in `folders` while in its `with` block."""

    def __init__(self, *folders: Path) -> None:
        self.folders = folders
        self.opens: Counter[str] = Counter()
        self._fd = -1

    def __enter__(self) -> FileOpens:
        self._fd = _libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        for folder in self.folders:
            folder.mkdir(parents=True, exist_ok=True)
            if _libc.inotify_add_watch(self._fd, os.fsencode(folder), _IN_OPEN) < 0:
                raise OSError(ctypes.get_errno(), f"inotify_add_watch {folder}")
        return self

    def collect(self) -> Counter[str]:
        """The opens seen so far, by file name."""
        while True:
            try:
                chunk = os.read(self._fd, 1 << 16)
            except BlockingIOError:
                return self.opens
            offset = 0
            while offset < len(chunk):
                _, mask, _, size = _EVENT.unpack_from(chunk, offset)
                offset += _EVENT.size
                name = chunk[offset : offset + size].rstrip(b"\0").decode()
                offset += size
                if name and not mask & _IN_ISDIR:
                    self.opens[name] += 1

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.collect()
        os.close(self._fd)
