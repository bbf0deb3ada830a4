"""Every kind of unreadable file gives the one documented error, with a reason a person reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommunkoll.extractors import ExtractionError, extract_pdf
from kommunkoll.extractors.limits import Limits

# What a person must be told, per kind of bad file.
REASONS = {
    "empty_file": "filen är tom (0 byte)",
    "not_pdf": "filen är ingen PDF-fil",
    "truncated": "PDF-filen är avkortad",
    "broken": "PDF-filen är skadad och kan inte läsas",
    "encrypted": "PDF-filen är lösenordsskyddad",
    "no_pages": "PDF-filen har inga sidor",
    "image_only": "PDF-filen innehåller bara inskannade bilder",
    "unrecognised": "ingen av de typer som läses (delårsbokslut, enkät eller årsredovisning)",
}


@pytest.mark.parametrize("code", sorted(REASONS))
def test_bad_file_gives_code_and_reason(code: str, bad_files: dict[str, Path]) -> None:
    """OCR off (--no-ocr): a scan is image_only, as before scans were read."""
    path = bad_files[code]
    with pytest.raises(ExtractionError) as caught:
        extract_pdf(path, Limits(ocr=False))
    assert caught.value.code == code
    assert REASONS[code] in caught.value.reason
    assert caught.value.filename == path.name


def test_blank_scan_is_ocr_failed(tmp_path: Path) -> None:
    from .conftest import make_scanned_pdf

    path = make_scanned_pdf(tmp_path / "tom-skanning.pdf", lines=())
    with pytest.raises(ExtractionError) as caught:
        extract_pdf(path)
    assert caught.value.code == "ocr_failed"
    assert "OCR hittade ingen text på 1 inskannad(e) sida(or)" in caught.value.reason
    assert caught.value.filename == "tom-skanning.pdf"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract_pdf(tmp_path / "finns-inte.pdf")
    assert caught.value.code == "not_found"


def test_office_document_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(ExtractionError, match="Office document"):
        extract_pdf(path)


def test_good_file_is_read(good_pdf: Path) -> None:
    """The bad-file fixtures are made from this one, so it must itself extract."""
    extraction = extract_pdf(good_pdf)
    assert extraction.source.pages == 3
    assert extraction.document.kind == "delarsbokslut"


def test_owner_password_only_is_readable(tmp_path: Path, good_pdf: Path) -> None:
    """Permissions-only encryption (no user password) is common and must not be refused."""
    import pikepdf

    path = tmp_path / "restricted.pdf"
    with pikepdf.open(good_pdf) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="", owner="ägaren"))
    assert extract_pdf(path).document.namnd == "Vård- och omsorgsnämnden"
