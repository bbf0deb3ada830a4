"""Retake the README's screenshots (docs/*.png) in Debian's headless Chromium.

    .venv/bin/python scripts/screenshots.py

Serves a database of the samples' ground truth plus the VON enkät read by the real
extractors (so answers have their marked boxes) on a free loopback port, and photographs
the matrix, an answer on its page, a search, a trend of budget against utfall, a document
and a value.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kommunkoll.extractors import extract_pdf  # noqa: E402
from kommunkoll.pipeline.store import store_extraction  # noqa: E402
from tests.test_web import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.truthdb import build_truth_db  # noqa: E402

VON = "Vård- och omsorgsnämnden"


@contextmanager
def served(url: str) -> Iterator[str]:
    """`kommunkoll serve` on the database at `url`, on a free loopback port, once it
    answers; its base address."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "kommunkoll", "serve", "--db", url, "--port", str(port)],
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'k.db'}"
        engine = build_truth_db(url)
        engine.dispose()
        shots = ROOT / "docs"
        with served(url) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 820})
            page.goto(f"{base}/answers?kommun=Alingsås&namnd={VON}")
            page.screenshot(path=str(shots / "matrix.png"))
            page.goto(f"{base}/search?q=VON § 85/2024")
            page.screenshot(path=str(shots / "search.png"))
            page.goto(
                f"{base}/trends?table=drift&line=Personalkostnader&measure=budget"
                f"&measure=utfall&enhet=Alingsås / {VON}&enhet=Lerum / {VON}"
            )
            page.screenshot(path=str(shots / "trends.png"), full_page=True)
            page.goto(f"{base}/")
            page.click("text=alingsas-von-2025-delarsbokslut.pdf")
            page.screenshot(path=str(shots / "document.png"))
            page.locator("a.value").first.click()
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(shots / "value.png"))
            browser.close()
    answer_shot()


def answer_shot() -> None:
    """An answer on its page needs its marked box: the real extractors read the enkät."""
    from playwright.sync_api import sync_playwright

    from kommunkoll.pipeline.db import make_engine, upgrade_schema

    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'k.db'}"
        engine = make_engine(url)
        upgrade_schema(engine)
        for year in (2024, 2025):
            pdf = ROOT / "samples" / f"alingsas-von-{year}-enkat.pdf"
            store_extraction(engine, extract_pdf(pdf), path=pdf)
        engine.dispose()
        with served(url) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/answers?year_from=2025")
            row = page.locator("#matrix tr", has_text="mätbara?")
            row.locator("td.answer a").first.click()
            page.wait_for_load_state("networkidle")
            page.locator("#highlight").scroll_into_view_if_needed()
            page.mouse.wheel(0, 200)
            page.screenshot(path=str(ROOT / "docs" / "answer.png"))
            browser.close()


if __name__ == "__main__":
    main()
