"""Scanned random delårsbokslut for the tests: a seed's report printed by its producer
(samples/generator/random_report.py), scanned by samples/scan.py under its conditions, read
by real Tesseract; returned with the generator's ground truth beside it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kommunkoll.extractors import extract_pdf

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
import scan as scanner
from generator import random_report


def scanned_report(folder: Path, seed: int) -> tuple[dict, dict]:
    """(truth, extraction as JSON) of seed's report, printed by the seed's producer and
    scanned under the seed's conditions (samples/scan.py's `drawn_condition`), as the OCR
    benchmark scans it (benchmarks/ocr.py --random --seed SEED)."""
    producer = random_report.draw(seed).producer
    condition = scanner.drawn_condition(seed)
    [original] = random_report.render_many([(seed, producer)], folder)
    truth = json.loads(original.with_name(f"{original.stem}.expected.json").read_text("utf-8"))
    scan = scanner.Scan(original.stem, seed=seed, **condition)
    pdf = folder / f"{original.stem}-scan.pdf"
    pdf.write_bytes(scanner.scan_pdf(original, scan))
    return truth, json.loads(extract_pdf(pdf).model_dump_json())
