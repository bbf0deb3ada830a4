"""Opening a PDF once, and turning every way a file can be unreadable into a reason.

The bytes are read once: their hash names the document and pdfplumber parses the same
bytes, so a file changing on disk mid-extraction cannot give a hash of one file and the
content of another. A caller that read the file already (the ingest hashes it to know
whether it is stored) hands its `FileContent` on, and the file is not read again.
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

from kommunkoll.vocabulary import ERROR_REASONS, PDF_TOO_DEEP

from .errors import ExtractionError
from .file_content import FileContent
from .limits import Limits, MiB, ReferenceCycle, inflation_budget

# The spec wants %%EOF in the last 1024 bytes; readers tolerate trailing junk, so do we.
_EOF_WINDOW = 4096


@dataclass(frozen=True)
class PdfFile:
    """A PDF's identity: what the contract's `source` holds."""

    filename: str
    sha256: str
    pages: int


def read_pdf_bytes(
    path: Path, limits: Limits | None = None, content: FileContent | None = None
) -> bytes:
    """Read a file (unless its `content` is given) and reject what is plainly not a
    complete PDF, before parsing it."""
    name = path.name
    limits = limits or Limits()
    try:
        size = len(content.data) if content is not None else path.stat().st_size
        if size > limits.file_size:
            reason = ERROR_REASONS["too_large"].format(
                size=size / MiB, limit=limits.file_size / MiB
            )
            raise ExtractionError("too_large", reason, name)
        data = content.data if content is not None else path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError("not_found", ERROR_REASONS["not_found"], name) from None
    except IsADirectoryError:
        raise ExtractionError("not_pdf", ERROR_REASONS["folder"], name) from None
    if not data:
        raise ExtractionError("empty_file", ERROR_REASONS["empty_file"], name)
    if b"%PDF-" not in data[:1024]:
        kind = _guess_kind(data)
        raise ExtractionError("not_pdf", ERROR_REASONS["not_pdf"].format(kind=kind), name)
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        reason = ERROR_REASONS["truncated"].format(size=len(data))
        raise ExtractionError("truncated", reason, name)
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
def open_pdf(
    path: Path, limits: Limits | None = None, content: FileContent | None = None
) -> Iterator[tuple[PdfFile, pdfplumber.PDF]]:
    """Open a PDF for extraction (from its `content` when given: read once, hashed once);
    raises ExtractionError with a reason for any bad file.

    Everything read inside the block (pages, fonts, content streams) inflates against the
    document's budget (`limits.inflated`); passing it is `decompression_bomb`, whatever
    error pdfminer or pdfplumber wrapped it in on the way out.
    """
    path = Path(path)
    limits = limits or Limits()
    data = read_pdf_bytes(path, limits, content)
    name = path.name
    with inflation_budget(limits.inflated) as budget:
        try:
            try:
                pdf = pdfplumber.open(io.BytesIO(data))
            except PdfminerException as exc:
                raise _explain(exc.args[0] if exc.args else exc, name) from None
            except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
                raise _explain(exc, name) from None
            try:
                _check_page_count(pdf, limits, name)
                try:
                    page_count = len(pdf.pages)
                except Exception as exc:  # pdfminer raises many types on a damaged page tree
                    raise _explain(exc, name) from None
                if page_count == 0:
                    raise ExtractionError("no_pages", ERROR_REASONS["no_pages"], name)
                if page_count > limits.pages:
                    raise _too_many_pages(page_count, limits, name)
                digest = content.sha256 if content else hashlib.sha256(data).hexdigest()
                yield PdfFile(filename=name, sha256=digest, pages=page_count), pdf
            finally:
                _close(pdf)
        except BaseException as exc:
            if budget.exceeded:
                reason = ERROR_REASONS["decompression_bomb"].format(limit=limits.inflated / MiB)
                raise ExtractionError("decompression_bomb", reason, name) from None
            if _caused_by(exc, MemoryError):  # however wrapped: the worker names the limit
                raise MemoryError from None
            if isinstance(exc, RecursionError | PSException | PdfminerException):
                # pdfminer's own errors met after the first page (fonts, forms, annotations
                # read by a kind's reader): the file is damaged, not our code.
                raise _explain(exc, name) from None
            raise


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether `kind` is `exc` or anywhere in what it wraps (context, cause, first arg)."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        if isinstance(item, kind):
            return True
        seen.add(id(item))
        todo.extend([item.__context__, item.__cause__, *(item.args[:1])])
    return False


def _check_page_count(pdf: pdfplumber.PDF, limits: Limits, name: str) -> None:
    """Refuse a page tree that says it is too big before building its pages."""
    try:
        count = pdf.doc.catalog["Pages"].resolve()["Count"]
    except Exception:  # a damaged tree: building the pages will tell
        return
    if isinstance(count, int) and count > limits.pages:
        raise _too_many_pages(count, limits, name)


def _too_many_pages(count: int, limits: Limits, name: str) -> ExtractionError:
    reason = ERROR_REASONS["too_many_pages"].format(count=count, limit=limits.pages)
    return ExtractionError("too_many_pages", reason, name)


def release_pages(pdf: pdfplumber.PDF) -> None:
    """Let go of the pages read: pdfplumber keeps every page object, and pdfminer every
    object it resolved, decoded content streams included (a long report's 2,000 pages are
    tens of megabytes), although nothing reads them again. `pdf.pages` would build them
    anew; the document itself (its bytes, its cross-reference table) stays open."""
    for page in getattr(pdf, "_pages", None) or []:
        page.close()
    pdf.flush_cache(["_pages"])
    for cache in ("_cached_objs", "_parsed_objs"):  # pdfminer's caches of resolved objects
        getattr(pdf.doc, cache, {}).clear()


def _close(pdf: pdfplumber.PDF) -> None:
    """Free what was read without `pdf.close()`, which builds every page it has not built
    yet, and so re-enters whatever loop or damage stopped the reading."""
    for page in getattr(pdf, "_pages", None) or []:
        page.close()
    pdf.stream.close()


def _explain(exc: object, name: str) -> ExtractionError:
    if isinstance(exc, PDFPasswordIncorrect | PDFEncryptionError):
        return ExtractionError("encrypted", ERROR_REASONS["encrypted"], name)
    return ExtractionError("broken", ERROR_REASONS["broken"].format(detail=detail(exc)), name)


def detail(exc: object) -> str:
    """What went wrong, in words: never a repr such as `PdfminerException(...)`."""
    while isinstance(exc, PdfminerException) and exc.args:
        exc = exc.args[0]
    if isinstance(exc, RecursionError):
        return PDF_TOO_DEEP
    if isinstance(exc, ReferenceCycle):
        return str(exc)
    text = str(exc).strip() if isinstance(exc, BaseException) else str(exc)
    if not text:
        return type(exc).__name__
    return text if len(text) <= 160 else text[:160] + "…"  # a damaged dict can print kilobytes


def no_text(images: int, pages: int, name: str) -> ExtractionError:
    """A document without a text layer, when OCR is off (--no-ocr) or finds no scan."""
    if images:
        reason = ERROR_REASONS["image_only"].format(images=images, pages=pages)
        return ExtractionError("image_only", reason, name)
    return ExtractionError("no_text", ERROR_REASONS["no_text"], name)
