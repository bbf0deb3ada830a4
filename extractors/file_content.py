"""A file's bytes as read from disk once, with their sha256.

The ingest reads a new file to hash it (is it stored already?); it hands the bytes on to
the reader with the request, so the file is read from disk once in all. Kept apart from
`pdf.py` so the command line can hold one without importing a PDF library.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class FileContent:
    data: bytes
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> FileContent:
        return cls(data, hashlib.sha256(data).hexdigest())
