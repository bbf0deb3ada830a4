"""Every cell of every committed random-layout sample (samples/random/, made by the layout
generator from a seed, ground truth from the same draw) equals its expected JSON.

Samples the reader does not yet read whole are listed in KNOWN_MISSES with what fails; they
are strict xfails, so a fix that makes one pass shows up (remove it from the list then).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf

RANDOM = Path(__file__).resolve().parent.parent / "samples" / "random"
MANIFEST = RANDOM / "manifest.json"
SAMPLES = json.loads(MANIFEST.read_text())["samples"] if MANIFEST.exists() else []

KNOWN_MISSES: dict[str, str] = {}


@cache
def cells(pdf: str) -> tuple[Counter, Counter]:
    want = json.loads((RANDOM / pdf.replace(".pdf", ".expected.json")).read_text())
    got = extract_pdf(RANDOM / pdf).model_dump()

    def of(doc: dict) -> Counter:
        return Counter(
            (t["kind"], r["label"], c["measure"], c["year"], c["value"])
            for t in doc["tables"]
            for r in t["rows"]
            for c in r["cells"]
        )

    return of(got), of(want)


def _marks(pdf: str) -> list:
    reason = KNOWN_MISSES.get(pdf)
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


@pytest.mark.parametrize("pdf", [pytest.param(s["pdf"], marks=_marks(s["pdf"])) for s in SAMPLES])
def test_every_cell_of_a_random_layout_equals_its_ground_truth(pdf: str) -> None:
    got, want = cells(pdf)
    assert (
        sorted(map(str, (got - want).elements())),
        sorted(map(str, (want - got).elements())),
    ) == ([], [])
