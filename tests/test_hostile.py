"""Hostile files in the limited worker: every one ends as a result or a documented error,
within its limits, and the process reading it is killed when it passes one.

The files are in tests/hostile/ (made by tests/hostile/make.py; README.md says what each one
broke before).
"""

from __future__ import annotations

import resource
import shutil
from pathlib import Path

import pytest

from kommunkoll.extractors import ExtractionError, extract_pdf
from kommunkoll.extractors.limits import GiB, Limits, MiB
from kommunkoll.pipeline.worker import extract_limited

from .conftest import expected_for, sample_pdfs
from .test_cli import kommunkoll

HOSTILE = Path(__file__).resolve().parent / "hostile"
SAMPLES = sample_pdfs()


def _error(path: Path, limits: Limits | None = None) -> ExtractionError:
    with pytest.raises(ExtractionError) as caught:
        extract_limited(path, limits or Limits(timeout=60))
    return caught.value


@pytest.mark.parametrize("name", ["self-reference.pdf", "reference-chain.pdf"])
def test_an_object_that_refers_to_itself_is_broken_not_a_hang(name: str) -> None:
    error = _error(HOSTILE / name)
    assert error.code == "broken"
    assert "hänvisar till sig självt" in error.reason
    assert error.filename == name


def test_a_self_reference_is_refused_in_process_too() -> None:
    """The guard sits in the parser itself: plain extract_pdf ends too (it used to loop in
    resolve1 and again in close())."""
    with pytest.raises(ExtractionError) as caught:
        extract_pdf(HOSTILE / "self-reference.pdf")
    assert caught.value.code == "broken"


def test_a_decompression_bomb_stops_at_the_budget() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    error = _error(HOSTILE / "bomb-2gib.pdf", Limits(timeout=120, inflated=64 * MiB))
    assert error.code == "decompression_bomb"
    assert "64 MB" in error.reason
    # Nothing of the 2 GiB reached this process.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 64 * 1024


def test_memory_past_the_limit_is_too_large() -> None:
    """With the inflation budget out of the way, the address-space limit stops the bomb."""
    limits = Limits(timeout=120, inflated=8 * GiB, memory=256 * MiB)
    error = _error(HOSTILE / "bomb-2gib.pdf", limits)
    assert error.code == "too_large"
    assert "256 MB" in error.reason


def test_a_deeply_nested_mediabox_has_a_readable_reason() -> None:
    error = _error(HOSTILE / "deep-mediabox.pdf")
    assert error.code == "broken"
    assert error.reason == (
        "the PDF is damaged and cannot be read (objekten är för djupt nästlade)"
    )


def test_a_document_past_its_time_is_killed() -> None:
    biggest = max(SAMPLES, key=lambda p: expected_for(p)["source"]["pages"])
    error = _error(biggest, Limits(timeout=0.05))
    assert error.code == "timeout"
    assert "0.05 s" in error.reason


def test_more_pages_than_allowed(tmp_path: Path) -> None:
    from .conftest import REPORT_LINES, make_text_pdf

    pdf = make_text_pdf(tmp_path / "long.pdf", REPORT_LINES, pages=6)
    error = _error(pdf, Limits(timeout=60, pages=5))
    assert (error.code, error.reason) == ("too_many_pages", "PDF-filen har 6 sidor; gränsen är 5")


def test_a_file_bigger_than_allowed_is_not_read(good_pdf: Path) -> None:
    error = _error(good_pdf, Limits(timeout=60, file_size=1000))
    assert error.code == "too_large"


def test_a_good_file_reads_the_same_in_the_worker() -> None:
    sample = SAMPLES[0]
    assert extract_limited(sample, Limits(timeout=120)) == extract_pdf(sample)


def test_extract_reports_each_hostile_file_in_one_line_and_goes_on(tmp_path: Path) -> None:
    files = [shutil.copy(p, tmp_path / p.name) for p in sorted(HOSTILE.glob("*.pdf"))]
    result = kommunkoll("extract", *files, "--timeout", "60")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert sorted(lines) == sorted(
        line for line in lines if line.startswith("✗ ")
    ), result.stderr
    codes = {line.split(":")[0][2:]: line.rsplit("(", 1)[1].rstrip(")") for line in lines}
    assert codes == {
        "bomb-2gib.pdf": "decompression_bomb",
        "deep-mediabox.pdf": "broken",
        "reference-chain.pdf": "broken",
        "self-reference.pdf": "broken",
    }
