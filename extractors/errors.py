"""The one error type every extractor raises for a file it cannot read.

Callers (the CLI, the ingest flow) catch `ExtractionError` only, report `reason` to a person
and keep the file with its `code`; anything else escaping an extractor is a bug.
"""

from __future__ import annotations

from typing import Literal

ErrorCode = Literal[
    "not_found",  # no such file
    "empty_file",  # zero bytes
    "not_pdf",  # no %PDF header: another kind of file
    "truncated",  # header present, end of the file missing
    "broken",  # a PDF that the parser cannot make sense of
    "encrypted",  # needs a password to open
    "no_pages",  # a valid PDF without a single page
    "no_text",  # pages without any text or images
    "image_only",  # scanned pages: images, no text layer, and OCR turned off (--no-ocr)
    "ocr_failed",  # scanned pages that OCR cannot read (blank, unreadable, no language data)
    "unrecognised",  # readable, but none of the document kinds a reader recognises
    # Limits (extractors.limits.Limits), kept by the reader or by the worker that runs it:
    "too_large",  # a bigger file than allowed, or more memory than allowed
    "too_many_pages",  # more pages than allowed
    "decompression_bomb",  # streams that inflate past the allowed total
    "timeout",  # took longer than allowed: killed
]


class ExtractionError(Exception):
    """A file that cannot be extracted, with a reason a person understands."""

    def __init__(self, code: ErrorCode, reason: str, filename: str | None = None) -> None:
        self.code = code
        self.reason = reason
        self.filename = filename
        super().__init__(f"{filename}: {reason}" if filename else reason)

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "reason": self.reason, "filename": self.filename}
