"""Build samples/random/: the committed regression set of random-layout delårsbokslut.

    .venv/bin/python samples/generate_random.py     (needs soffice and chromium)

Each entry is a seed, a producer and the features it forces (the rest of the layout is the
seed's draw), chosen so every failure class of issue 11 has a PDF per producer: a blank-cell
Finansnetto row, a label wrapped with its numbers on the last line, a tab-stop table, other
header and line vocabulary, a staff table whose title line carries its headers; plus
transposed, split, mnkr and `ovrigt` tables. Tests read the committed PDFs (no LibreOffice
or Chromium needed); manifest.json lists each file's seed, producer, forced fields, failure
classes and features.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent
OUT = SAMPLES / "random"
sys.path.insert(0, str(SAMPLES))

from generator import random_report  # noqa: E402

VOCABULARY_A = {
    "stub": "Belopp (tkr)",
    "unit": "tkr",
    "columns": ["budget", "utfall", "utfall_prev", "differens", "prognos", "avvikelse"],
    "headers": {
        "budget": "Budget helår {y}",
        "utfall": "Utfall delår {y}",
        "utfall_prev": "Utfall jan–aug {p}",
        "avvikelse": "Avvikelse mot budget",
        "differens": "Förändring",
        "prognos": "Prognos {y}",
    },
    "lines": {
        "kommunbidrag": "Budgetram",
        "kostnader": "Summa kostnader",
        "netto": "Nettokostnad",
        "resultat": "Resultat",
    },
    "staff_headers": "forandring",
    "percent": "none",
}
VOCABULARY_B = {
    "stub": "Mnkr",
    "unit": "mnkr",
    "headers": {"differens": "Förändring {p}–{y}", "utfall": "Utfall jan–aug {y}"},
    "staff_headers": "period",
    "extra": "verksamhet",
}
# (failure classes, forced fields); each is drawn once per producer.
CASES: list[tuple[list[str], dict]] = [
    (["blank_cells"], {"finansnetto": "blank", "rules": "grid"}),
    (["label_wrap_last"], {"label_wrap": "last", "rules": "none"}),
    (
        ["tab_stops", "label_wrap_last", "blank_cells"],
        {"rules": "tabs", "label_wrap": "last", "finansnetto": "blank"},
    ),
    (["vocabulary"], VOCABULARY_A),
    (["staff_title_line"], {"staff_title_line": True, "label_wrap": "first"}),
    (
        ["transposed", "split"],
        {"transposed_sick": True, "split": "forts", "split_table": "sjukfranvaro"},
    ),
    (["vocabulary", "mnkr", "ovrigt"], VOCABULARY_B),
    (["split", "footnotes"], {"split": "repeat", "split_table": "drift", "footnotes": True}),
    (["ovrigt", "thousands_none"], {"extra": "nyckeltal", "thousands_sep": ""}),
    (
        ["ovrigt", "split"],
        {
            "extra": "matt",
            "percent": "tight",
            "rules": "horizontal",
            "split": "bare",
            "split_table": "investeringar",
        },
    ),
]
FIRST_SEED = {"reportlab": 900, "chromium": 910, "libreoffice": 920}


def entries() -> list[tuple[random_report.Layout, str, list[str], dict]]:
    out = []
    for producer, first in FIRST_SEED.items():
        for i, (classes, force) in enumerate(CASES):
            layout = random_report.draw(first + i, **json.loads(json.dumps(force)))
            out.append((layout, producer, [*classes, f"producer:{producer}"], force))
    return out


def main() -> int:
    OUT.mkdir(exist_ok=True)
    todo = entries()
    paths = random_report.render_layouts([(lay, prod) for lay, prod, _, _ in todo], OUT)
    manifest = []
    for (layout, producer, classes, force), pdf in zip(todo, paths, strict=True):
        manifest.append(
            {
                "pdf": pdf.name,
                "expected": f"{pdf.stem}.expected.json",
                "seed": layout.seed,
                "producer": producer,
                "force": force,
                "classes": classes,
                "features": layout.features,
            }
        )
        print(f"{pdf.name}: {', '.join(classes)}, {pdf.stat().st_size // 1024} KB")
    text = json.dumps({"samples": manifest}, ensure_ascii=False, indent=2) + "\n"
    (OUT / "manifest.json").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
