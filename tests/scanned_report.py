"""Scanned random delårsbokslut for the tests: a seed's report printed by the given producer
(samples/generator/random_report.py), scanned by samples/scan.py under the given conditions,
read by real Tesseract; returned with the generator's ground truth beside it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from kommunkoll.extractors import extract_pdf

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
import scan as scanner
from generator import random_report


def scanned_report(
    folder: Path, seed: int, producer: str, condition: dict[str, Any]
) -> tuple[dict, dict]:
    """(truth, extraction as JSON) of seed's report scanned under `condition` (samples/
    scan.py's Scan)."""
    [original] = random_report.render_many([(seed, producer)], folder)
    truth = json.loads(original.with_name(f"{original.stem}.expected.json").read_text("utf-8"))
    scan = scanner.Scan(original.stem, seed=seed, **condition)
    pdf = folder / f"{original.stem}-scan.pdf"
    pdf.write_bytes(scanner.scan_pdf(original, scan))
    return truth, json.loads(extract_pdf(pdf).model_dump_json())
