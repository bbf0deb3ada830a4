"""Which engine gets the delårsbokslut's table cells right, and at what cost.

    .venv/bin/python benchmarks/tables.py [PDF ...]     (default: samples/*-delarsbokslut.pdf)
    .venv/bin/python benchmarks/tables.py --random N --seed S [--producer P]

`--random`: N reports with random layouts from seeds S, S+1, ... (samples/generator/
random_report.py; each seed's own producer, or P for all), cached under
benchmarks/.cache/random-v<generator version>/ by (seed, producer) so a rerun only reads.
Each goes through the REAL extractor (`kommunkoll.extractors.extract.extract_pdf`,
everything a user gets) and is compared with the ground truth the generator wrote from the
same draw. A cell is the tuple (row label with whitespace collapsed, measure, year, value),
plus the column's printed header (whitespace collapsed) when the measure is null (an
`ovrigt` table's unknown column), compared per document as a multiset: precision = right /
cells the reader gave, recall = right / cells in the truth. Printed per producer and per
layout feature (a document's cells count for each feature it has), with the time of the full
extraction against plain pdfplumber `extract_words` on the same pages in the same run. Tune
on seeds below 1000; quote held-out figures from seeds 1000 up.

For every sample delårsbokslut and every engine: cells right / wrong / missed against the
sample's ground truth (a cell is (label, measure, year, value), compared as a multiset), time
per page, pages/s, peak Python memory (tracemalloc), and the time ratio against plain
pdfplumber `extract_words` on the same pages. Engines:

- words: ours (extractors/layout.py + tables.py): pdfplumber words regrouped by the Swedish
  number grammar, columns from stacked values, headers mapped by meaning;
- plumber-lines / plumber-text: pdfplumber's table finder with its lines / text strategies;
- camelot-stream / camelot-lattice.

The grid engines' tables go through the same header mapping (`headers.measure_of`) and
number parsing as ours, so the comparison measures how each engine cuts cells, not how we
name them. Pages are all pages of each PDF: finding the tables is part of the job.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import tracemalloc
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pdfplumber

from kommunkoll.extractors.headers import measure_of
from kommunkoll.extractors.layout import mark_furniture, read_page
from kommunkoll.extractors.numbers import is_number, parse_number
from kommunkoll.extractors.tables import build_tables

ROOT = Path(__file__).resolve().parent.parent

CellKey = tuple[str, str, int, object]
Grid = list[list[str | None]]


def truth_cells(expected: dict) -> Counter[CellKey]:
    return Counter(
        (r["label"], c["measure"], c["year"], c["value"])
        for t in expected["tables"]
        for r in t["rows"]
        for c in r["cells"]
    )


def _value(text: str | None) -> object:
    try:
        return parse_number(text or "")
    except ValueError:
        return ("unreadable", text)


def grid_cells(grid: Grid, year: int) -> list[CellKey]:
    """A grid of cell texts as (label, measure, year, value): header rows are the rows before
    the first with two numbers; each column's header text is mapped by meaning."""
    rows = [[" ".join((c or "").split()) for c in row] for row in grid]
    first = next((i for i, row in enumerate(rows) if sum(is_number(c) for c in row[1:]) >= 2), None)
    if first is None or not rows[first:]:
        return []
    width = max(len(r) for r in rows)
    keys = []
    for col in range(1, width):
        text = " ".join(r[col] for r in rows[:first] if col < len(r) and r[col])
        keys.append(measure_of(text, year) if text else None)
    out = []
    for row in rows[first:]:
        label = row[0]
        for col, key in enumerate(keys, start=1):
            if key is None or col >= len(row):
                continue
            out.append((label, key[0], key[1], _value(row[col])))
    return out


def words_engine(path: Path, year: int) -> list[CellKey]:
    with pdfplumber.open(path) as pdf:
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            pages.append(read_page(page, number))
            page.close()
    mark_furniture(pages)
    body = [page.body for page in pages]
    return [
        (r.label, c.measure, c.year, c.value)
        for t, _ in build_tables(body, year)
        for r in t.rows
        for c in r.cells
    ]


def plumber_engine(settings: dict) -> Callable[[Path, int], list[CellKey]]:
    def run(path: Path, year: int) -> list[CellKey]:
        out: list[CellKey] = []
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for grid in page.extract_tables(settings):
                    out.extend(grid_cells(grid, year))
                page.close()
        return out

    return run


def camelot_engine(flavor: str) -> Callable[[Path, int], list[CellKey]]:
    def run(path: Path, year: int) -> list[CellKey]:
        import camelot

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tables = camelot.read_pdf(str(path), pages="all", flavor=flavor)
        out: list[CellKey] = []
        for table in tables:
            out.extend(grid_cells(table.df.values.tolist(), year))
        return out

    return run


def plain_words(path: Path, year: int) -> list[CellKey]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()
    return []


ENGINES: dict[str, Callable[[Path, int], list[CellKey]]] = {
    "words (ours)": words_engine,
    "plumber-lines": plumber_engine({}),
    "plumber-text": plumber_engine({"vertical_strategy": "text", "horizontal_strategy": "text"}),
    "camelot-stream": camelot_engine("stream"),
    "camelot-lattice": camelot_engine("lattice"),
}


def measure(
    engine: Callable[[Path, int], list[CellKey]], path: Path, year: int
) -> tuple[list[CellKey], float, int]:
    """Cells, seconds (untraced run) and peak traced Python memory (a second, traced run:
    tracemalloc slows pdfminer several times, so it never times anything)."""
    start = time.perf_counter()
    cells = engine(path, year)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    engine(path, year)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return cells, seconds, peak


def main(paths: Iterable[Path]) -> None:
    totals: dict[str, Counter[str]] = {name: Counter() for name in ENGINES}
    base_seconds = 0.0
    all_pages = 0
    print(f"{'sample':44} {'engine':16} {'right':>5} {'wrong':>5} {'missed':>6} "
          f"{'ms/page':>8} {'pages/s':>8} {'peak MiB':>8} {'x words':>7}")  # fmt: skip
    for path in paths:
        expected = json.loads(path.with_name(f"{path.stem}.expected.json").read_text("utf-8"))
        year = expected["document"]["year"]
        pages = expected["source"]["pages"]
        truth = truth_cells(expected)
        plain_words(path, year)  # warm the file cache and imports
        _, base, _ = measure(plain_words, path, year)
        base_seconds += base
        all_pages += pages
        for name, engine in ENGINES.items():
            try:
                cells, seconds, peak = measure(engine, path, year)
            except Exception as exc:  # an engine that cannot run here is reported, not fatal
                print(f"{path.stem[:44]:44} {name:16} failed: {exc!r}")
                continue
            got = Counter(cells)
            right = sum((got & truth).values())
            wrong = sum(got.values()) - right
            missed = sum(truth.values()) - right
            totals[name].update(
                right=right, wrong=wrong, missed=missed, truth=sum(truth.values()),
                us=int(seconds * 1e6), pages=pages,
            )  # fmt: skip
            totals[name]["peak"] = max(totals[name]["peak"], peak)
            print(
                f"{path.stem[:44]:44} {name:16} {right:5} {wrong:5} {missed:6} "
                f"{1000 * seconds / pages:8.1f} {pages / seconds:8.1f} {peak / 2**20:8.1f} "
                f"{seconds / base:7.1f}"
            )
    print()
    print(f"plain pdfplumber extract_words: {1000 * base_seconds / all_pages:.1f} ms/page")
    print(f"{'TOTAL engine':20} {'right':>6} {'of':>6} {'wrong':>6} {'ms/page':>8} {'pages/s':>8}"
          f" {'peak MiB':>8}")  # fmt: skip
    for name, t in totals.items():
        if not t["pages"]:
            continue
        print(
            f"{name:20} {t['right']:6} {t['truth']:6} {t['wrong']:6} "
            f"{t['us'] / 1000 / t['pages']:8.1f} {1e6 * t['pages'] / max(t['us'], 1):8.1f} "
            f"{t['peak'] / 2**20:8.1f}"
        )


RandomKey = tuple


def _num(v: object) -> object:
    return round(float(v), 6) if isinstance(v, int | float) and not isinstance(v, bool) else v


def contract_cells(tables: list[dict]) -> Counter[RandomKey]:
    """The cells of contract tables as comparable keys (see the module's docstring)."""
    out: Counter[RandomKey] = Counter()
    for t in tables:
        for r in t["rows"]:
            label = " ".join(str(r["label"]).split())
            for c in r["cells"]:
                key: RandomKey = (label, c["measure"], c["year"], _num(c["value"]))
                if c["measure"] is None:
                    key += (" ".join(str(c.get("header") or "").split()),)
                out[key] += 1
    return out


def random_corpus(n: int, seed: int, producer: str | None) -> list[Path]:
    """The PDFs of seeds seed..seed+n-1, generating (niced) only what is not cached."""
    sys.path.insert(0, str(ROOT / "samples"))
    from generator import random_report

    cache = ROOT / "benchmarks" / ".cache" / f"random-v{random_report.GENERATOR_VERSION}"
    jobs, paths = [], []
    for s in range(seed, seed + n):
        layout = random_report.draw(s)
        prod = producer or layout.producer
        pdf = cache / f"{random_report.stem(s, prod)}.pdf"
        paths.append(pdf)
        if not (pdf.exists() and pdf.with_name(f"{pdf.stem}.expected.json").exists()):
            jobs.append((layout, prod))
    if jobs:
        print(f"generating {len(jobs)} reports into {cache} ...", flush=True)
        os.nice(10)  # generating is slow and the cores are shared
        for start in range(0, len(jobs), 40):  # batches: one soffice / browser per batch
            random_report.render_layouts(jobs[start : start + 40], cache)
    return paths


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def random_main(n: int, seed: int, producer: str | None) -> None:
    from kommunkoll.extractors.errors import ExtractionError
    from kommunkoll.extractors.extract import extract_pdf

    paths = random_corpus(n, seed, producer)
    groups: dict[str, Counter[str]] = {}
    words_s = full_s = 0.0
    failed = 0
    for pdf in paths:
        truth_doc = json.loads(pdf.with_name(f"{pdf.stem}.expected.json").read_text("utf-8"))
        truth = contract_cells(truth_doc["tables"])
        start = time.perf_counter()
        plain_words(pdf, 0)
        words_s += time.perf_counter() - start
        start = time.perf_counter()
        try:
            got = contract_cells(extract_pdf(pdf).model_dump()["tables"])
        except ExtractionError as exc:
            print(f"{pdf.name}: not extracted: {exc}")
            got, failed = Counter(), failed + 1
        full_s += time.perf_counter() - start
        right = sum((got & truth).values())
        counts = Counter(right=right, got=sum(got.values()), truth=sum(truth.values()), docs=1)
        features = truth_doc["generator"]["features"]
        for name in ["all", *features]:
            groups.setdefault(name, Counter()).update(counts)
    print()
    print(f"random layouts: {len(paths)} reports, seeds {seed}..{seed + n - 1}, "
          f"producer {producer or 'as drawn'}, {failed} not extracted")  # fmt: skip
    print(f"{'group':34} {'docs':>5} {'truth':>7} {'read':>7} {'right':>7} "
          f"{'precision':>9} {'recall':>7}")  # fmt: skip
    order = sorted(groups, key=lambda g: (g != "all", not g.startswith("producer:"), g))
    for name in order:
        c = groups[name]
        print(f"{name[:34]:34} {c['docs']:5} {c['truth']:7} {c['got']:7} {c['right']:7} "
              f"{_ratio(c['right'], c['got']):>9} {_ratio(c['right'], c['truth']):>7}")  # fmt: skip
    print()
    print(f"full extraction {full_s:.1f} s, plain pdfplumber extract_words {words_s:.1f} s "
          f"on the same pages: ratio {full_s / words_s:.2f}x")  # fmt: skip


def cli(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="sample PDFs (default: samples/)")
    parser.add_argument("--random", type=int, metavar="N", help="N random-layout reports")
    parser.add_argument("--seed", type=int, default=0, help="first seed (held-out: >= 1000)")
    parser.add_argument("--producer", choices=["reportlab", "libreoffice", "chromium"])
    args = parser.parse_args(argv)
    if args.random:
        random_main(args.random, args.seed, args.producer)
    else:
        main(args.pdfs or sorted((ROOT / "samples").glob("*-delarsbokslut.pdf")))


if __name__ == "__main__":
    cli(sys.argv[1:])
