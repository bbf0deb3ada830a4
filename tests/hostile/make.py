"""Writes the hostile PDFs in this folder (run once; the files are committed).

Each is the smallest file that broke something (see README.md). Built by hand, byte by
byte, because no PDF library will write a damaged file on purpose.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Delarsbokslut 2025) Tj ET"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF with `objects` numbered from 1 (1 is the catalog) and a correct xref table."""
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page(mediabox: bytes = b"[0 0 612 792]") -> bytes:
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox + b" /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>"
    )


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def self_reference() -> bytes:
    """The page's /MediaBox is object 6, and object 6 is `6 0 R`: resolve1 looped for ever."""
    return pdf([CATALOG, PAGES, page(b"6 0 R"), stream(TEXT), FONT, b"6 0 R"])


def reference_chain() -> bytes:
    """6 → 7 → 6: a cycle through two objects."""
    return pdf([CATALOG, PAGES, page(b"6 0 R"), stream(TEXT), FONT, b"7 0 R", b"6 0 R"])


def bomb(inflated: int = 2 * 1024**3) -> bytes:
    """A content stream that inflates to `inflated` bytes of spaces through two Flate filters
    (a few KB on disk): read with a 4.2 GB peak before the inflation budget."""
    inflater = zlib.compressobj(9)
    block = b" " * (1 << 20)
    once = b"".join(inflater.compress(block) for _ in range(inflated >> 20)) + inflater.flush()
    twice = zlib.compress(once, 9)
    content = stream(twice, b"/Filter [/FlateDecode /FlateDecode] ")
    return pdf([CATALOG, PAGES, page(), content, FONT])


def deep_mediabox(depth: int = 5000) -> bytes:
    """/MediaBox nested 5,000 arrays deep: pdfminer's parser recursed into RecursionError,
    reported as `RecursionError('maximum recursion depth exceeded')`."""
    nested = b"[" * depth + b"0 0 612 792" + b"]" * depth
    return pdf([CATALOG, PAGES, page(nested), stream(TEXT), FONT])


def damaged_checksum() -> bytes:
    """A one-page delårsbokslut whose content stream has a damaged Flate checksum: pdfminer
    repairs it, logs "Data-loss while decompressing corrupted data" and goes on; the
    document was stored as clean (exit 0, no warning)."""
    lines = [
        b"Alings\\345s kommun",
        b"V\\345rd- och omsorgsn\\344mnden",
        b"Del\\345rsbokslut 2025",
        b"N\\344mnden redovisar ett resultat i niv\\345 med budget.",
    ]
    text = b"BT /F1 12 Tf 72 720 Td 16 TL " + b" ".join(b"(" + t + b") Tj T*" for t in lines)
    packed = zlib.compress(text + b" ET")
    damaged = packed[:-4] + bytes(b ^ 0xFF for b in packed[-4:])  # the Adler-32 checksum
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    return pdf([CATALOG, PAGES, page(), stream(damaged, b"/Filter /FlateDecode "), font])


FILES = {
    "self-reference.pdf": self_reference,
    "reference-chain.pdf": reference_chain,
    "bomb-2gib.pdf": bomb,
    "deep-mediabox.pdf": deep_mediabox,
    "checksum-damaged.pdf": damaged_checksum,
}

if __name__ == "__main__":
    for name, make in FILES.items():
        (HERE / name).write_bytes(make())
        print(name, (HERE / name).stat().st_size)
