"""Make LibreOffice's PDFs byte-stable, so the ground truth's sha256 is too.

A LibreOffice export differs between runs only in /CreationDate and the trailer's /ID and
/DocChecksum. They are patched in place with same-length values (a fixed date, an ID and
checksum hashed from the content), so every byte offset, and everything else LibreOffice
wrote, stays as exported.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

CREATION = re.compile(rb"(/CreationDate\s*\(D:)(\d{14})")
CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")
TRAILER_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)")


def stabilize(pdf: Path, when: str) -> None:
    """Set the creation date to `when` (YYYYMMDDhhmmss) and derive /ID from the content."""
    if len(when) != 14 or not when.isdigit():
        raise ValueError(f"when must be YYYYMMDDhhmmss, got {when!r}")
    data = CREATION.sub(lambda m: m.group(1) + when.encode(), pdf.read_bytes())
    zeros = b"0" * 32
    blank = TRAILER_ID.sub(lambda m: m.group(1) + zeros + m.group(3) + zeros + m.group(5), data)
    blank = CHECKSUM.sub(lambda m: m.group(1) + zeros, blank)
    digest = hashlib.md5(blank).hexdigest().upper().encode()  # an ID, not security
    data = TRAILER_ID.sub(lambda m: m.group(1) + digest + m.group(3) + digest + m.group(5), blank)
    data = CHECKSUM.sub(lambda m: m.group(1) + digest, data)
    pdf.write_bytes(data)
