"""Scanned random enkäter for the tests: a seed's enkät printed as drawn
(samples/generator/random_enkat.py), scanned by samples/scan.py under the given conditions,
read by real Tesseract; returned with the generator's ground truth beside it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kommunkoll.extractors import extract_pdf

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
import scan as scanner
from generator.random_enkat import make

Read = Callable[[int], tuple[dict, dict]]


def scanned_enkat(folder: Path, seed: int, condition: dict[str, Any]) -> tuple[dict, dict]:
    """(truth, extraction) of seed's enkät scanned under `condition` (samples/scan.py's Scan)."""
    [drawn] = make([seed], folder)
    original = folder / f"{drawn.name}.pdf"
    truth = json.loads(original.with_name(f"{drawn.name}.expected.json").read_text("utf-8"))
    scan = scanner.Scan(drawn.name, seed=seed, **condition)
    pdf = folder / f"{drawn.name}-scan.pdf"
    pdf.write_bytes(scanner.scan_pdf(original, scan))
    return truth, extract_pdf(pdf).model_dump()


def reader(
    tmp_path_factory: pytest.TempPathFactory, condition_of: Callable[[int], dict[str, Any]]
) -> Read:
    """A module fixture's reader: each seed scanned and read once, then kept."""
    done: dict[int, tuple[dict, dict]] = {}

    def read(seed: int) -> tuple[dict, dict]:
        if seed not in done:
            folder = tmp_path_factory.mktemp(f"seed{seed}")
            done[seed] = scanned_enkat(folder, seed, condition_of(seed))
        return done[seed]

    return read
