"""Hostile files in the limited worker: every one ends as a result or a documented error,
within its limits, and the process reading it is killed when it passes one.

The files are in tests/hostile/ (made by tests/hostile/make.py; README.md says what each one
broke before).
"""

from __future__ import annotations

import contextlib
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


@pytest.mark.parametrize(
    ("name", "detail"),
    [
        ("enkat-self-reference.pdf", "objekt 18 hänvisar till sig självt"),
        ("unsupported-filter.pdf", "Unsupported filter"),
    ],
)
def test_fuzz_findings_are_damaged_files_not_extractor_bugs(name: str, detail: str) -> None:
    """Found by fuzz/mutate.py (seed 1): pdfminer's errors met while pdfplumber reads a
    page's characters were reported as "oväntat fel i läsaren" (a bug of ours)."""
    error = _error(HOSTILE / name)
    assert error.code == "broken"
    assert error.reason.startswith("PDF-filen är skadad och kan inte läsas (")
    assert detail in error.reason


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


def test_a_damaged_bomb_stops_at_the_budget_not_the_timeout() -> None:
    """Found by fuzz/mutate.py (seed 7): the bomb with its stream damaged went through
    pdfminer's quadratic repair and hung until the time-out (60 s here), never reaching the
    budget. The reader now ends it well before the time-out."""
    error = _error(HOSTILE / "bomb-damaged.pdf", Limits(timeout=60, inflated=64 * MiB))
    assert error.code == "decompression_bomb"
    assert "64 MB" in error.reason


def test_a_damaged_stream_keeps_what_came_before_the_damage() -> None:
    """The repair keeps pdfminer's meaning: what inflates before a damaged checksum is kept
    (with its data-loss warning), damage earlier in the stream loses the stream."""
    import zlib

    from pdfminer import pdftypes

    from kommunkoll.extractors.limits import inflation_budget

    text = b"BT /F1 12 Tf 72 720 Td (Verksamhetens nettokostnader) Tj ET" * 50
    packed = zlib.compress(text)
    with inflation_budget(MiB):
        assert pdftypes.decompress_corrupted(packed[:-2] + b"\x00\x00") == text
        with pytest.raises(zlib.error):
            pdftypes.decompress_corrupted(packed[:10] + b"\xff" * 20 + packed[30:])


def test_data_loss_the_parser_repaired_is_a_warning() -> None:
    """pdfminer repairs a damaged checksum and goes on: the document is read, and what the
    parser said is its warning (it exited 0 with no word of it)."""
    extraction = extract_limited(HOSTILE / "checksum-damaged.pdf", Limits(timeout=60))
    assert (extraction.document.kommun, extraction.document.year) == ("Alingsås", 2025)
    assert extraction.warnings == [
        "PDF-läsaren reparerade filen, text kan saknas: "
        "Data-loss while decompressing corrupted data"
    ]


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
        "PDF-filen är skadad och kan inte läsas (objekten är för djupt nästlade)"
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
    assert sorted(lines) == sorted(line for line in lines if line.startswith("✗ ")), result.stderr
    codes = {line.split(":")[0][2:]: line.rsplit("(", 1)[1].rstrip(")") for line in lines}
    assert codes == {
        "bomb-2gib.pdf": "decompression_bomb",
        "bomb-damaged.pdf": "decompression_bomb",
        "deep-mediabox.pdf": "broken",
        "enkat-self-reference.pdf": "broken",
        "unsupported-filter.pdf": "broken",
        "reference-chain.pdf": "broken",
        "self-reference.pdf": "broken",
    }


def _variant(source: Path, target: Path, n: int) -> Path:
    """A copy whose bytes (so sha256) differ: a PDF comment after %%EOF, which readers skip."""
    target.write_bytes(source.read_bytes() + f"\n% kommunkoll hostile copy {n}\n".encode())
    return target


@pytest.mark.slow
def test_a_batch_with_hostile_files_finishes_and_stores_the_good_ones(tmp_path: Path) -> None:
    """The issue's batch: the self-reference, the 2 GiB bomb and ten good files, two of
    them with names a terminal or rich would obey. It ends within the time-out plus a minute
    (the default time-out: nothing hangs), the bad two in quarantine with their reasons."""
    import json
    import time

    from kommunkoll.pipeline import inbox as box

    from .test_pipeline_e2e import _snapshot

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = [shutil.copy(p, inbox / p.name) for p in SAMPLES[:8]]
    good.append(_variant(SAMPLES[8], inbox / "[bold red]x.pdf", 1))
    good.append(_variant(SAMPLES[9], inbox / "\x1b[31mröd\x1b[0m.pdf", 2))
    for name in ("self-reference.pdf", "bomb-2gib.pdf"):
        shutil.copy(HOSTILE / name, inbox / name)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    start = time.monotonic()
    result = kommunkoll("ingest", inbox, "--db", url)
    elapsed = time.monotonic() - start
    assert elapsed < Limits().timeout + 60
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "\x1b" not in result.stdout + result.stderr
    assert "[bold red]x.pdf" in result.stdout
    assert "lagrade 10, redan lagrade 0, i karantän 2" in result.stdout
    quarantine = inbox / box.QUARANTINE
    reasons = {
        name: json.loads((quarantine / f"{name}.error.json").read_text())["code"]
        for name in ("self-reference.pdf", "bomb-2gib.pdf")
    }
    assert reasons == {"self-reference.pdf": "broken", "bomb-2gib.pdf": "decompression_bomb"}
    assert sorted(p.name for p in (inbox / box.PROCESSED).iterdir()) == sorted(
        Path(p).name for p in good
    )
    assert sorted(d["filename"] for d in _snapshot(url)) == sorted(Path(p).name for p in good)


@pytest.mark.slow
def test_after_kill_9_of_ingest_no_process_it_started_remains(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    from .test_cli import command_env
    from .test_pipeline_e2e import _wait_for, alive, descendants

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, sample in enumerate(SAMPLES * 2):
        _variant(sample, inbox / f"{i:02d}-{sample.name}", i)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    run = subprocess.Popen(
        [sys.executable, "-m", "kommunkoll", "ingest", str(inbox), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=command_env(),
    )
    seen: dict[int, str] = {}

    def _commands() -> str:
        seen.update(descendants(run.pid))
        text = ""
        for pid in seen:
            with contextlib.suppress(OSError):
                text += Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        return text

    def everything_running() -> bool:
        # Prefect's API server and the reader, which has forked a child for a document.
        commands = _commands()
        if "uvicorn" not in commands or "kommunkoll.pipeline.worker" not in commands:
            return False
        return len(seen) >= 3

    try:
        _wait_for(everything_running, 240, "Prefect's server, the reader and a document")
        helpers = descendants(run.pid) | seen
    finally:
        run.send_signal(signal.SIGKILL)
    assert run.wait(30) == -signal.SIGKILL
    _wait_for(lambda: not alive(helpers), 30, "every process ingest started to end")
