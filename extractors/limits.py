"""How much one document may cost, and the guards inside the PDF parser that keep to it.

`Limits` is the one settings object for every bound on reading a document. Two of its
bounds are kept here, in the reader itself, because only the reader sees them: the pages a
document has and the bytes its streams inflate to. The other two (wall time, memory) need
a process that can be killed: `kommunkoll.pipeline.worker` enforces them.

Two guards are installed into pdfminer when this module is imported:

- every Flate stream is inflated in bounded steps against the document's budget, so a
  52 KB file that would inflate to 2 GiB stops at the budget instead of exhausting memory;
  a damaged one is repaired in linear time, against the same budget;
- resolving an indirect object that refers to itself (`6 0 obj 6 0 R endobj`), directly or
  through a chain, raises instead of looping for ever in pdfminer's `resolve1`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from pdfminer import pdftypes
from pdfminer.pdfparser import PDFSyntaxError

from kommunkoll.vocabulary import PDF_REFERENCE_CYCLE

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass(frozen=True)
class Limits:
    """The bounds on reading one document; defaults fit real reports with room to spare.
    They travel with each document to the process that reads it (a reader, a Dask worker
    on another machine), and so does `ocr`: whether scanned pages are read at all."""

    timeout: float = 300.0  # seconds of wall time per document
    memory: int = 2 * GiB  # address space a document may add to the reader's own
    pages: int = 1000  # more pages than this: too_many_pages
    file_size: int = 512 * MiB  # a bigger file is not read at all: too_large
    inflated: int = 256 * MiB  # all streams of the document inflated: decompression_bomb
    ocr: bool = True  # False (--no-ocr): a scanned page is not read, the scan is image_only

    def check(self) -> None:
        """Raise ValueError naming the first bound that is not a positive number."""
        for name in ("timeout", "memory", "pages", "file_size", "inflated"):
            value = getattr(self, name)
            if not value > 0:
                raise ValueError(f"{name} must be a positive number, not {value!r}")


class InflationLimit(Exception):
    """The document's streams inflated past its budget."""


class ReferenceCycle(PDFSyntaxError):
    """An indirect object that resolves, through references only, back to itself."""


@dataclass
class _Budget:
    limit: int
    spent: int = 0
    exceeded: bool = False


_budget: ContextVar[_Budget | None] = ContextVar("kommunkoll_inflation_budget", default=None)


@contextmanager
def inflation_budget(limit: int) -> Iterator[_Budget]:
    """Count every byte pdfminer inflates inside this block against `limit`."""
    budget = _Budget(limit=limit)
    token = _budget.set(budget)
    try:
        yield budget
    finally:
        _budget.reset(token)


_STEP = 16 * MiB


def _spend(budget: _Budget | None, n: int) -> None:
    if budget is None:
        return
    budget.spent += n
    if budget.spent > budget.limit:
        budget.exceeded = True
        raise InflationLimit(f"the streams inflate to more than {budget.limit} bytes")


def _bounded_decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
    """zlib.decompress in steps of at most 16 MiB, each spent from the document's budget."""
    budget = _budget.get()
    if budget is None:
        return zlib.decompress(data, *args, **kwargs)
    inflater = zlib.decompressobj(*args, **kwargs)
    parts = []
    chunk = inflater.decompress(data, _STEP)
    while True:
        _spend(budget, len(chunk))
        parts.append(chunk)
        if inflater.eof or not inflater.unconsumed_tail:
            break
        chunk = inflater.decompress(inflater.unconsumed_tail, _STEP)
    if not inflater.eof:
        # As zlib.decompress does, so pdfminer goes on to its repair path for a damaged end.
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return b"".join(parts)


class _BoundedDecompressor:
    """zlib's decompress object with every output byte spent from the budget (pdfminer's
    repair path for a damaged stream inflates byte by byte through one of these)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._inflater = zlib.decompressobj(*args, **kwargs)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inflater.decompress(data, max_length)
        _spend(_budget.get(), len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inflater, name)


class _BoundedZlib:
    """Stands in for the zlib module inside pdfminer.pdftypes only."""

    error = zlib.error
    decompress = staticmethod(_bounded_decompress)
    decompressobj = _BoundedDecompressor

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _bounded_decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's repair of a damaged Flate stream (inflate a byte at a time, keep what came
    before the damage), in linear time and against the budget. pdfminer's own joins its
    output with `+=`: a damaged 2 MB stream inflating 1 KB a byte took hours, not seconds."""
    inflater = _BoundedDecompressor()
    parts: list[bytes] = []
    i = 0
    try:
        for i in range(len(data)):
            parts.append(inflater.decompress(data[i : i + 1]))
    except zlib.error:
        if i < len(data) - 3:  # damage before the checksum: pdfminer gives up on the stream
            raise
        pdftypes.logger.warning("Data-loss while decompressing corrupted data")
    return b"".join(parts)


_plain_resolve = pdftypes.PDFObjRef.resolve


def _resolve_without_cycles(self: pdftypes.PDFObjRef, default: object = None) -> Any:
    """Follow a chain of references to its object, refusing one that comes back to itself."""
    seen = {self.objid}
    target = _plain_resolve(self, default)
    while isinstance(target, pdftypes.PDFObjRef):
        if target.objid in seen:
            raise ReferenceCycle(PDF_REFERENCE_CYCLE.format(objid=target.objid))
        seen.add(target.objid)
        target = _plain_resolve(target, default)
    return target


def install() -> None:
    """Put both guards into pdfminer (idempotent; done on import)."""
    pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
    pdftypes.decompress_corrupted = _bounded_decompress_corrupted
    pdftypes.PDFObjRef.resolve = _resolve_without_cycles  # type: ignore[method-assign]


install()
