"""How fast the comparison, export and web paths are on the samples' ground truth.

    .venv/bin/python benchmarks/web.py [--repeat 5]

Builds the ground-truth database (tests/truthdb.py) in a temporary folder, then times:
rendering PDF pages to PNG (pages/s, against pdfplumber's own `to_image` on the same pages),
the answers matrix and a figure series from the views, each export format, and each web
page through the ASGI app in-process. Prints one line per measurement.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(repeat: int, work: Callable[[], object]) -> float:
    """Median seconds of `repeat` runs (after one warm-up run)."""
    work()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat

    import pdfplumber
    from fastapi.testclient import TestClient

    from kommunkoll import frames
    from kommunkoll.pipeline.compare import answer_matrix, figure_series
    from kommunkoll.pipeline.export import export
    from kommunkoll.pipeline.web.app import create_app
    from kommunkoll.pipeline.web.pdfpage import page_png
    from tests.conftest import sample_pdfs
    from tests.truthdb import build_truth_db

    folder = Path(tempfile.mkdtemp(prefix="kommunkoll-bench-"))
    start = time.perf_counter()
    engine = build_truth_db(f"sqlite:///{folder / 'truth.db'}")
    print(f"ground-truth database (12 samples, boxes located): {time.perf_counter() - start:.1f} s")

    pages = [(str(p), n) for p in sample_pdfs() for n in range(1, 4)]

    def render() -> None:
        page_png.cache_clear()
        for path, number in pages:
            page_png(path, number, 0.0)

    def plumber() -> None:
        for path, number in pages:
            with pdfplumber.open(path) as pdf:
                image = pdf.pages[number - 1].to_image(resolution=144).original
                image.save(io.BytesIO(), format="PNG", compress_level=3)

    ours, theirs = timed(repeat, render), timed(max(1, repeat // 2), plumber)
    print(
        f"page → PNG at 144 dpi (pypdfium2): {len(pages) / ours:.1f} pages/s; "
        f"pdfplumber to_image on the same pages: {len(pages) / theirs:.1f} pages/s "
        f"(ratio {theirs / ours:.1f}x)"
    )
    answers, values = frames.answers(engine), frames.values(engine)
    reading = timed(repeat, lambda: (frames.answers(engine), frames.values(engine)))
    print(
        f"frames.answers + frames.values: {reading * 1000:.0f} ms "
        f"({len(answers)} answers, {len(values)} values)"
    )
    matrix = timed(repeat, lambda: answer_matrix(answers))
    print(f"answer matrix, all nämnder and years: {matrix * 1000:.1f} ms")
    series = timed(repeat, lambda: figure_series(values, "drift", "Personalkostnader"))
    print(f"figure series (drift, Personalkostnader): {series * 1000:.1f} ms")
    for fmt in ("csv", "xlsx", "parquet"):
        seconds = timed(repeat, lambda fmt=fmt: export(engine, folder / fmt, fmt))
        print(f"export {fmt}: {seconds * 1000:.0f} ms")
    with TestClient(create_app(engine)) as client:
        boxed = values[values["x0"].notna()].iloc[0]
        for url in (
            "/",
            f"/documents/{int(boxed.document_id)}",
            "/answers",
            "/trends?line=Personalkostnader",
            f"/values/{int(boxed.value_id)}",
        ):
            seconds = timed(repeat, lambda url=url: client.get(url).raise_for_status())
            print(f"GET {url}: {seconds * 1000:.0f} ms")
    engine.dispose()


if __name__ == "__main__":
    main()
