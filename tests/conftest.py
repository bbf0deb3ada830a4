"""Shared fixtures: the sample corpus and real bad files made on the spot."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sample_pdfs() -> list[Path]:
    return sorted(SAMPLES.glob("*.pdf"))


def manifest() -> list[dict]:
    """The generator's list of the samples it wrote (samples/manifest.json): the truth of
    how many there are, of which kind, kommun, nämnd and year."""
    return json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["samples"]


def expected_for(pdf: Path) -> dict:
    return json.loads(pdf.with_name(f"{pdf.stem}.expected.json").read_text(encoding="utf-8"))


def make_text_pdf(path: Path, lines: list[str], pages: int = 1) -> Path:
    """A small real PDF with text (reportlab), for tests that need one of their own."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for _ in range(pages):
        y = 800
        for line in lines:
            canvas.drawString(72, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return path


def make_scanned_pdf(path: Path, lines: tuple[str, ...] | None = None) -> Path:
    """A 'scanned' page: the text exists only as pixels of an image, as from a scanner
    (`lines=()` gives a blank scan)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    if lines is None:
        lines = ("Delårsbokslut 2025", "Vård- och omsorgsnämnden", "Drift")
    for i, line in enumerate(lines):
        draw.text((120, 120 + 60 * i), line, fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()
    return path


REPORT_LINES = [
    "Alingsås kommun",
    "Vård- och omsorgsnämndens delårsbokslut 2025",
    "Januari–augusti 2025",
]


@pytest.fixture(scope="session")
def good_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_text_pdf(tmp_path_factory.mktemp("good") / "good.pdf", REPORT_LINES, pages=3)


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory: pytest.TempPathFactory, good_pdf: Path) -> dict[str, Path]:
    """One real file per way a PDF can be unreadable, keyed by the error code it must give."""
    import pikepdf

    folder = tmp_path_factory.mktemp("bad")
    files: dict[str, Path] = {}

    files["empty_file"] = folder / "zero-bytes.pdf"
    files["empty_file"].write_bytes(b"")

    files["not_pdf"] = folder / "protokoll.pdf"
    files["not_pdf"].write_text("Protokoll från sammanträdet\n", encoding="utf-8")

    data = good_pdf.read_bytes()
    files["truncated"] = folder / "cut-off.pdf"
    files["truncated"].write_bytes(data[: len(data) // 2])

    files["broken"] = folder / "garbage.pdf"
    files["broken"].write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")

    files["encrypted"] = folder / "locked.pdf"
    with pikepdf.open(good_pdf) as pdf:
        pdf.save(files["encrypted"], encryption=pikepdf.Encryption(user="hemligt", owner="x"))

    files["no_pages"] = folder / "no-pages.pdf"
    pikepdf.new().save(files["no_pages"])

    files["image_only"] = make_scanned_pdf(folder / "scanned.pdf")

    files["unrecognised"] = make_text_pdf(
        folder / "menu.pdf", ["Lunchmeny vecka 12", "Måndag: fisk", "Tisdag: soppa"]
    )
    return files


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen",
        action="store_true",
        help="draw the regression fixtures (tests/regressions) and write their expected "
        "files again from their specs, before comparing",
    )


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


def pytest_configure(config: pytest.Config) -> None:
    """Prefect's own files (its ephemeral server's SQLite) in a folder of this test session,
    shared by the flows run here and in subprocesses; no telemetry."""
    import tempfile

    if "PREFECT_HOME" not in os.environ:
        config._kommunkoll_prefect_home = tempfile.mkdtemp(prefix="kommunkoll-prefect-")  # type: ignore[attr-defined]
        os.environ["PREFECT_HOME"] = config._kommunkoll_prefect_home  # type: ignore[attr-defined]
    os.environ.setdefault("DO_NOT_TRACK", "1")


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    home = getattr(config, "_kommunkoll_prefect_home", None)
    if home:
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres():  # type: ignore[no-untyped-def]
    from .postgres import running_server

    with running_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind: a SQLite file, and one on a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kommunkoll.db'}"
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture(scope="session")
def prefect_api():  # type: ignore[no-untyped-def]
    """One Prefect API server for the flows this session runs in its own process."""
    from kommunkoll.pipeline.prefect_env import prefect_api as api

    with api() as url:
        yield url
