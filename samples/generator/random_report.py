"""Random delårsbokslut layouts: draw a template from a seed, print it, write its truth.

    from generator import random_report as rr
    layout = rr.draw(7, rules="tabs", label_wrap="last")   # force features by field
    pdf = rr.render(layout, "chromium", out_dir)           # <stem>.pdf + <stem>.expected.json
    rr.render_many([(seed, producer), ...], out_dir)       # batched: one soffice, one browser

Producers: reportlab, libreoffice (python-docx, then `soffice --convert-to pdf`, many files
per call) and chromium (HTML through Playwright). Only the producer asked for is imported,
so reportlab and chromium work without LibreOffice. Output is deterministic per (seed,
producer): fixed dates and IDs (stable.py), seeded numbers and wording.

The expected JSON is the extraction contract built from the same draw (expected.py), plus:
every cell's `header` (its column header as printed, whitespace collapsed; for a transposed
table the printed row stub that names the measure), kind "ovrigt" for tables of no known
kind (a header naming no known measure has measure null, year as printed or null), and a
`generator` object (seed, producer, features, each Drift label's role) for the benchmark
and the consistency test.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import expected, stable
from .inline import collapse
from .random_doc import RandomDoc, build
from .random_layout import PRODUCERS, Layout, draw

# Bump when a change alters what a seed prints: the benchmark's cache is kept per version.
GENERATOR_VERSION = 3

__all__ = ["PRODUCERS", "Layout", "build", "draw", "render", "render_many", "stem"]


def stem(seed: int, producer: str) -> str:
    return f"random-{seed:05d}-{producer}"


def render(layout: Layout, producer: str | None, out_dir: Path) -> Path:
    """Print `layout` with `producer` (default: the drawn one) into out_dir; the PDF path."""
    return render_layouts([(layout, producer or layout.producer)], out_dir)[0]


def render_many(jobs: list[tuple[int, str | None]], out_dir: Path) -> list[Path]:
    """Print each (seed, producer) as drawn; a None producer is the seed's own."""
    return render_layouts(
        [(draw(seed), producer or draw(seed).producer) for seed, producer in jobs], out_dir
    )


def render_layouts(jobs: list[tuple[Layout, str]], out_dir: Path) -> list[Path]:
    """Print every (layout, producer), batching each producer's documents."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    docs: dict[str, list[tuple[RandomDoc, Path]]] = {p: [] for p in PRODUCERS}
    paths = []
    for layout, producer in jobs:
        if producer not in PRODUCERS:
            raise ValueError(f"unknown producer {producer!r} (one of {', '.join(PRODUCERS)})")
        layout.producer = producer
        pdf = out_dir / f"{layout.name or stem(layout.seed, producer)}.pdf"
        docs[producer].append((build(layout), pdf))
        paths.append(pdf)
    if docs["reportlab"]:
        from .random_reportlab import render_many as rl

        rl(docs["reportlab"])
    if docs["chromium"]:
        from .random_html import render_many as chromium

        chromium(docs["chromium"])
    if docs["libreoffice"]:
        from .random_docx import render_many as lo

        lo(docs["libreoffice"])
        for doc, pdf in docs["libreoffice"]:
            stable.stabilize(pdf, f"{doc.layout.year}0930120000")
    for producer_docs in docs.values():
        for doc, pdf in producer_docs:
            write_expected(doc, pdf)
    return paths


def truth(doc: RandomDoc, pdf: Path) -> dict:
    """The contract's JSON for `doc` printed as `pdf`, with headers and the generator's notes."""
    data, warnings = expected.build(doc.model(), pdf)
    if warnings:
        raise RuntimeError(f"{pdf.name}: ground truth pages not found: {warnings}")
    for table, pt in zip(data["tables"], doc.tables, strict=True):
        for row in table["rows"]:
            for cell, column in zip(row["cells"], pt.truth.columns, strict=True):
                cell["header"] = collapse(column.header)
    data["generator"] = {
        "seed": doc.layout.seed,
        "producer": doc.layout.producer,
        "features": doc.layout.features,
        "roles": [pt.roles for pt in doc.tables],
        "unit_tolerance": [0.1 if t["unit"] == "mnkr" else 0 for t in data["tables"]],
    }
    return data


def write_expected(doc: RandomDoc, pdf: Path) -> Path:
    out = pdf.with_name(pdf.stem + ".expected.json")
    text = json.dumps(truth(doc, pdf), ensure_ascii=False, indent=2) + "\n"
    out.write_text(text, encoding="utf-8")
    return out
