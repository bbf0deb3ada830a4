"""Build samples/random-enkat/: the committed regression set of random enkät layouts.

    .venv/bin/python samples/generate_random_enkat.py     (needs soffice and chromium)

The first seed from 100 on of each answer form × producer (15 draws), plus seed 120, an
options form whose question 1.8 is pushed over a page break. Among them: instructions in
italic, bold and plain; comments below and in a column of their own; answers that cannot be
read ("?" where the mark goes, "Oklart" typed); the ground truth beside each PDF. Tests read
the committed PDFs (no LibreOffice or Chromium needed). Tuning seeds (below 1000) only.
"""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent
OUT = SAMPLES / "random-enkat"
sys.path.insert(0, str(SAMPLES))

from generator.random_enkat import FORMS, PRODUCERS, draw, make  # noqa: E402


def seeds() -> list[int]:
    """The first seed of each form and producer from 100 on, and the page-break draw."""
    first: dict[tuple[str, str], int] = {}
    seed = 100
    while len(first) < len(FORMS) * len(PRODUCERS):
        d = draw(seed)
        first.setdefault((d.form, d.producer), seed)
        seed += 1
    return sorted({*first.values(), 120})


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in [*OUT.glob("*.pdf"), *OUT.glob("*.expected.json")]:
        old.unlink()
    for d in make(seeds(), OUT):
        print(d.name)


if __name__ == "__main__":
    main()
