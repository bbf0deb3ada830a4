"""The committed random-layout samples (samples/random/) and their ground truth.

Not a test of the reader (tests/test_random_tables.py is): this checks that the truth the
generator wrote is self-consistent (sums, avvikelse, differens; mnkr within one printed
unit), belongs to the committed PDF, is what the generator's draw says, and that the set
covers every failure class of issue 11 with every producer. Reads the committed files only:
no LibreOffice or Chromium.
"""

from __future__ import annotations

import hashlib
import json
import sys

import pytest

from .conftest import SAMPLES

RANDOM = SAMPLES / "random"
sys.path.insert(0, str(SAMPLES))

from generator import random_check, random_doc, random_layout  # noqa: E402
from generator.inline import collapse  # noqa: E402
from generator.locate import page_texts, squash  # noqa: E402

MANIFEST = json.loads((RANDOM / "manifest.json").read_text(encoding="utf-8"))["samples"]
IDS = [entry["pdf"] for entry in MANIFEST]
CLASSES = ["blank_cells", "label_wrap_last", "tab_stops", "vocabulary", "staff_title_line"]


def truth_of(entry: dict) -> dict:
    return json.loads((RANDOM / entry["expected"]).read_text(encoding="utf-8"))


def test_every_failure_class_has_a_pdf_per_producer() -> None:
    have = {(c, e["producer"]) for e in MANIFEST for c in e["classes"]}
    want = {(c, p) for c in CLASSES for p in random_layout.PRODUCERS}
    assert want - have == set()
    assert len(MANIFEST) == 30
    kinds = {t["kind"] for e in MANIFEST for t in truth_of(e)["tables"]}
    assert kinds == {"drift", "investeringar", "personalomsattning", "sjukfranvaro", "ovrigt"}


@pytest.mark.parametrize("entry", MANIFEST, ids=IDS)
def test_ground_truth_is_consistent(entry: dict) -> None:
    truth = truth_of(entry)
    assert random_check.check(truth) == []
    assert truth["generator"]["features"] == entry["features"]
    assert truth["generator"]["producer"] == entry["producer"]


def test_the_check_catches_a_wrong_sum() -> None:
    truth = truth_of(MANIFEST[0])
    drift = truth["tables"][0]
    roles = truth["generator"]["roles"][0]
    row = next(r for r in drift["rows"] if roles[r["label"]] == "personal")
    cell = row["cells"][0]
    cell["value"] += 1
    # The changed cost line's own avvikelse no longer holds, nor does the cost total of its
    # column: exactly those two.
    assert [f.split(":")[0] for f in random_check.check(truth)] == [
        f"drift {row['label']!r} avvikelse",
        f"drift kostnader ({cell['measure']!r}, {cell['year']})",
    ]
    row["cells"][0]["value"] -= 1
    assert random_check.check(truth) == []


@pytest.mark.parametrize("entry", MANIFEST, ids=IDS)
def test_truth_belongs_to_its_pdf(entry: dict) -> None:
    pdf = RANDOM / entry["pdf"]
    truth = truth_of(entry)
    assert truth["source"]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    pages = page_texts(pdf)
    assert truth["source"]["pages"] == len(pages)
    for table in truth["tables"]:
        first = table["title"] or table["rows"][0]["label"]
        assert all(squash(word) in pages[table["page"] - 1] for word in first.split()[:3])


@pytest.mark.parametrize("entry", MANIFEST, ids=IDS)
def test_truth_is_what_the_seed_draws(entry: dict) -> None:
    """The committed set is the generator's current draw (regenerate after changing it)."""
    layout = random_layout.draw(entry["seed"], **entry["force"])
    layout.producer = entry["producer"]
    doc = random_doc.build(layout)
    truth = truth_of(entry)
    assert layout.features == entry["features"]
    assert len(doc.tables) == len(truth["tables"])
    for pt, table in zip(doc.tables, truth["tables"], strict=True):
        assert [collapse(r.label) for r in pt.truth.rows] == [r["label"] for r in table["rows"]]
        for row, truth_row in zip(pt.truth.rows, table["rows"], strict=True):
            assert [c["value"] for c in truth_row["cells"]] == row.values
            assert [c["header"] for c in truth_row["cells"]] == [
                collapse(c.header) for c in pt.truth.columns
            ]
