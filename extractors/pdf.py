"""Opening a PDF once, and turning every way a file can be unreadable into a reason.

The bytes are read once: their hash names the document and pdfplumber parses the same
bytes, so a file changing on disk mid-extraction cannot give a hash of one file and the
content of another.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from .errors import ExtractionError

# The spec wants %%EOF in the last 1024 bytes; readers tolerate trailing junk, so do we.
_EOF_WINDOW = 4096


@dataclass(frozen=True)
class PdfFile:
    """A PDF's identity: what the contract's `source` holds."""

    filename: str
    sha256: str
    pages: int


def read_pdf_bytes(path: Path) -> bytes:
    """Read a file and reject what is plainly not a complete PDF, before parsing it."""
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError("not_found", "the file does not exist", name) from None
    except IsADirectoryError:
        raise ExtractionError("not_pdf", "this is a folder, not a PDF file", name) from None
    if not data:
        raise ExtractionError("empty_file", "the file is empty (0 bytes)", name)
    if b"%PDF-" not in data[:1024]:
        kind = _guess_kind(data)
        raise ExtractionError(
            "not_pdf", f"this is not a PDF file (it starts like {kind}, not with %PDF-)", name
        )
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise ExtractionError(
            "truncated",
            f"the PDF is truncated: it ends after {len(data)} bytes without the end-of-file "
            "marker (%%EOF); the copy or download was probably cut off",
            name,
        )
    return data


def _guess_kind(data: bytes) -> str:
    head = data[:8]
    for magic, kind in (
        (b"PK\x03\x04", "a ZIP or Office document (.docx/.xlsx)"),
        (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"{\\rtf", "an RTF document"),
        (b"<", "an HTML or XML document"),
    ):
        if head.startswith(magic):
            return kind
    try:
        data[:512].decode("utf-8")
    except UnicodeDecodeError:
        return "binary data"
    return "a text file"


@contextmanager
def open_pdf(path: Path) -> Iterator[tuple[PdfFile, pdfplumber.PDF]]:
    """Open a PDF for extraction; raises ExtractionError with a reason for any bad file."""
    path = Path(path)
    data = read_pdf_bytes(path)
    name = path.name
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise _explain(exc.args[0] if exc.args else exc, name) from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise _explain(exc, name) from None
    try:
        try:
            page_count = len(pdf.pages)
        except Exception as exc:  # pdfminer raises many types on a damaged page tree
            raise _explain(exc, name) from None
        if page_count == 0:
            raise ExtractionError("no_pages", "the PDF has no pages", name)
        source = PdfFile(filename=name, sha256=hashlib.sha256(data).hexdigest(), pages=page_count)
        yield source, pdf
    finally:
        pdf.close()


def _explain(exc: object, name: str) -> ExtractionError:
    if isinstance(exc, PDFPasswordIncorrect | PDFEncryptionError):
        return ExtractionError(
            "encrypted",
            "the PDF is password-protected; save an unprotected copy and try again",
            name,
        )
    detail = str(exc).strip() or type(exc).__name__
    return ExtractionError("broken", f"the PDF is damaged and cannot be read ({detail})", name)


def require_text(pdf: pdfplumber.PDF, name: str) -> None:
    """Reject documents with no text layer when OCR is off (--no-ocr): scans need it."""
    images = 0
    for page in pdf.pages:
        if page.chars:
            return
        images += len(page.images)
    if images:
        raise ExtractionError(
            "image_only",
            f"the PDF holds only scanned images ({images} on {len(pdf.pages)} pages) and no "
            "text, and OCR is turned off (--no-ocr)",
            name,
        )
    raise ExtractionError("no_text", "the PDF's pages contain no text", name)
