"""What OCR said of a scan, in the database and on the web: `ocr` and the confidence of
every answer (its parts: question, comment, mark) and every table value, the document
"varning" with a warning naming page and box for each answer below the threshold, and the
document page showing each such page's image with those boxes outlined.

Real Tesseract on the scanned samples (samples/scanned/), stored in a real SQLite file and
a real PostgreSQL, the page seen by Debian's Chromium through Playwright against
`kommunkoll serve`. The threshold is raised for the enkät (its answers read at 85–92) so
that the flagging has something to flag: below it every answer must be flagged.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from kommunkoll import vocabulary
from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.ocr import OcrSettings
from kommunkoll.models import Answer, Document, Value
from kommunkoll.pipeline.db import create_schema, make_engine
from kommunkoll.pipeline.queries import document_counts
from kommunkoll.pipeline.store import store_extraction

from .conftest import ROOT
from .test_web import CHROMIUM, CHROMIUM_ARGS, kommunkoll_serve

SCANNED = ROOT / "samples" / "scanned"
ENKAT = SCANNED / "alingsas-kultur-och-fritidsnamnden-2025-enkat-scan.pdf"
THRESHOLD = 99.0  # above every answer's confidence on this scan


@pytest.fixture(scope="module")
def enkat() -> Any:
    return extract_pdf(ENKAT, ocr_settings=OcrSettings(min_confidence=THRESHOLD))


@pytest.fixture(scope="module")
def report() -> Any:
    return extract_pdf(SCANNED / "alingsas-socialnamnden-2025-delarsbokslut-scan.pdf")


@pytest.mark.slow
def test_scanned_answers_keep_their_confidence_and_are_flagged(
    enkat: Any, database_url: str
) -> None:
    engine = make_engine(database_url)
    create_schema(engine)
    store_extraction(engine, enkat)
    with Session(engine) as session:
        rows = {a.number: a for a in session.exec(select(Answer)).all()}
        document = session.exec(select(Document)).one()
    assert sorted(rows) == sorted(a.number for a in enkat.answers)
    for answer in enkat.answers:
        row = rows[answer.number]
        extra = answer.model_extra
        assert row.ocr is True
        assert row.confidence == extra["confidence"] < THRESHOLD
        assert row.confidences == extra["confidences"]
        assert set(row.confidences) == {"question", "comment", "answer"}
        assert vocabulary.LOW_CONFIDENCE in row.flags
        # a warning names the answer, its page and its box, stored with the document
        box = ", ".join(f"{v:.0f}" for v in answer.bbox)
        said = [w for w in document.warnings if f"sida {answer.page}" in w and box in w]
        assert len(said) == 1 and re.search(rf"\b{re.escape(answer.number)}\b", said[0])
    (counts,) = document_counts(engine)
    assert counts["status"] == vocabulary.STATUS_WARNING
    engine.dispose()


@pytest.mark.slow
def test_scanned_values_keep_their_confidence(report: Any, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kommunkoll.db'}")
    create_schema(engine)
    store_extraction(engine, report)
    cells = [(c, c.page or t.page) for t in report.tables for r in t.rows for c in r.cells]
    with Session(engine) as session:
        values = session.exec(select(Value)).all()
    assert len(values) == len(cells) == 138
    assert all(v.ocr is True for v in values)
    printed = [(c, page) for c, page in cells if c.value is not None]
    assert printed and all(0 <= c.confidence <= 100 for c, _ in printed)
    stored = sorted((v.page, v.x0, v.top, v.confidence or -1) for v in values)
    assert stored == sorted((page, c.bbox[0], c.bbox[1], c.confidence or -1) for c, page in cells)
    engine.dispose()


@pytest.mark.slow
def test_the_document_page_outlines_the_unsure_boxes_on_the_page_image(
    enkat: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    db = f"sqlite:///{tmp_path / 'kommunkoll.db'}"
    engine = make_engine(db)
    create_schema(engine)
    store_extraction(engine, enkat, ENKAT)
    engine.dispose()
    truth = json.loads(ENKAT.with_name(f"{ENKAT.stem}.expected.json").read_text("utf-8"))
    per_page = Counter(t["page"] for t in truth["answers"])  # every answer is below 99
    with kommunkoll_serve(db) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(url + "/documents/1")
        figures = page.locator("figure.ocr-page")
        assert figures.count() == len(per_page)
        for number, count in sorted(per_page.items()):
            figure = page.locator(f"#ocr-page-{number}")
            figure.scroll_into_view_if_needed()
            image = figure.locator("img")
            assert image.evaluate("i => i.complete && i.naturalWidth > 0")
            frame = image.bounding_box()
            boxes = figure.locator(".ocr-box")
            assert boxes.count() == count
            mine = sorted((a for a in enkat.answers if a.page == number), key=lambda a: a.bbox[1])
            drawn = sorted(
                (boxes.nth(i).bounding_box() for i in range(count)), key=lambda b: b["y"]
            )
            height = frame["height"] / 842  # points to screen pixels (A4)
            # boxes are in points of the straightened page, the image is the scan as
            # fed: a point off the page's centre moved by its distance × sin(skew)
            skew = math.radians(enkat.document.model_extra["ocr"]["skew"][str(number)])
            for answer, box in zip(mine, drawn, strict=True):
                assert box["width"] > 0 and box["height"] > 0
                # the outline stands where the question is on the page (padded 2 pt)
                turned = abs((answer.bbox[0] - 595 / 2) * math.sin(skew)) * height
                off = box["y"] - frame["y"] - (answer.bbox[1] - 2) * height
                assert abs(off) < 3 + turned
                inside = box["x"] >= frame["x"] - 1
                assert inside and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        browser.close()
