"""Extraction against the library it stands on: full extraction ÷ plain pdfplumber words.

For each kind of document (delårsbokslut, enkät), one process extracts every sample of that
kind (`extract_pdf`) and another does only what pdfplumber itself does for them (open each
file and `extract_words` on every page); both are whole processes, start-up and imports
included, run in turn (paired) and timed with their peak memory (maximum resident set).
The ratio is full ÷ plain, of the fastest run of each: on a shared machine noise only ever
adds time (identical runs here have differed by a third), so the fastest run is the one
nearest the work itself; the spread of the runs is printed beside it. A process's fixed
costs (importing spaCy, pydantic, building the NLP pipeline: about a second) weigh most on
a kind with few pages, so each kind is also timed warm: in one process, after those, full
and plain in turn on the same files (CPU seconds), which is the work per page alone. Then
one file through the command a user runs (`kommunkoll extract FILE --json`), and long
reports made by repeating a sample's pages (500 and 2,000 pages by default) through both,
for memory that must stay flat with pages.

    nice -n 10 .venv/bin/python benchmarks/extract.py [--repeat 3] [--pages 500 2000]
        [--long-repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONG_PAGES = 10_000  # the most pages --pages may ask for (the reader's own limit is less)


def plain(files: list[str]) -> int:
    """What pdfplumber does alone: every page's words (the baseline)."""
    import pdfplumber

    words = 0
    for name in files:
        with pdfplumber.open(name) as pdf:
            for page in pdf.pages:
                words += len(page.extract_words())
                page.close()
    return words


def full(files: list[str]) -> int:
    """The whole extraction of each file, as `kommunkoll extract` does it."""
    from kommunkoll.extractors.extract import extract_pdf
    from kommunkoll.extractors.limits import Limits

    limits = Limits(pages=max(Limits().pages, LONG_PAGES))  # the long report is one too
    found = 0
    for name in files:
        extraction = extract_pdf(name, limits)
        found += len(extraction.tables) + len(extraction.answers) + len(extraction.findings)
    return found


def warm(files: list[str], repeat: int = 3) -> str:
    """Full ÷ plain CPU seconds in one warm process (imports and NLP pipeline built first)."""
    from kommunkoll.pipeline.worker import warm_up

    warm_up()
    times: dict[str, list[float]] = {"full": [], "plain": []}
    for _ in range(repeat):
        for mode, run in (("plain", plain), ("full", full)):
            start = time.process_time()
            run(files)
            times[mode].append(time.process_time() - start)
    f, p = (min(times[m]) for m in ("full", "plain"))
    return f"warm: full {f:.2f} s cpu, plain words {p:.2f} s cpu, ratio {f / p:4.2f}× cpu"


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one whole process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=tempfile.gettempdir())
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


Result = dict[str, tuple[float, float, float, float]]


def paired(files: list[str], repeat: int) -> Result:
    """Full and plain, run alternately `repeat` times: each one's fastest wall and CPU
    seconds, largest peak, and the spread of its wall times (slowest ÷ fastest)."""
    runs: dict[str, list[tuple[float, float, float]]] = {"full": [], "plain": []}
    for _ in range(repeat):
        for mode in ("plain", "full"):
            runs[mode].append(measure([sys.executable, __file__, "--child", mode, *files]))
    result: Result = {}
    for mode, found in runs.items():
        walls = [r[0] for r in found]
        result[mode] = (
            min(walls),
            min(r[1] for r in found),
            max(r[2] for r in found),
            max(walls) / min(walls),
        )
    return result


def samples_by_kind() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    folders = [ROOT / "samples", ROOT / "samples" / "random"]
    for folder in folders:
        for pdf in sorted(folder.glob("*.pdf")):
            truth = pdf.with_name(f"{pdf.stem}.expected.json")
            if not truth.exists():
                continue
            kind = json.loads(truth.read_text("utf-8"))["document"]["kind"]
            found.setdefault(kind, []).append(str(pdf))
    return found


def long_report(source: str, pages: int, target: Path) -> Path:
    """A PDF of `pages` pages: the source's pages over and over (pypdfium2 copies them)."""
    import pypdfium2 as pdfium

    original = pdfium.PdfDocument(source)
    count = len(original)
    made = pdfium.PdfDocument.new()
    while len(made) < pages:
        made.import_pages(original, list(range(min(count, pages - len(made)))))
    made.save(str(target))
    return target


def line(name: str, result: Result, pages: int) -> str:
    (fw, fc, fm, fs), (pw, pc, pm, ps) = result["full"], result["plain"]
    return (
        f"{name:34} {pages:5d} pages  full {fw:6.2f} s ({fc:6.2f} s cpu, {fm:5.0f} MB)  "
        f"plain words {pw:6.2f} s ({pc:6.2f} s cpu, {pm:5.0f} MB)  "
        f"ratio {fw / pw:4.2f}× wall, {fc / pc:4.2f}× cpu  "
        f"(spread {fs:4.2f}, {ps:4.2f})"
    )


def page_count(files: list[str]) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(f)) for f in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--pages", type=int, nargs="+", default=[500, 2000], help="Pages of the long reports."
    )
    parser.add_argument(
        "--long-repeat", type=int, default=1, help="Paired runs of each long report."
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not all(1 <= pages <= LONG_PAGES for pages in args.pages):
        parser.error(f"--pages must be 1..{LONG_PAGES}")
    if args.child:
        mode, *files = args.child
        print({"plain": plain, "full": full, "warm": warm}[mode](files))  # type: ignore[operator]
        return

    kinds = samples_by_kind()
    everything: list[str] = []
    for kind, files in sorted(kinds.items()):
        everything += files
        print(line(f"{kind} ({len(files)} files)", paired(files, args.repeat), page_count(files)))
        command = [sys.executable, __file__, "--child", "warm", *files]
        print(" " * 35, subprocess.run(command, capture_output=True, text=True).stdout.strip())
        sys.stdout.flush()
    together = paired(everything, args.repeat)
    print(line(f"all ({len(everything)} files)", together, page_count(everything)))

    for files in kinds.values():
        one = files[0]
        walls = [
            measure([sys.executable, "-m", "kommunkoll", "extract", one, "--json"])[0]
            for _ in range(args.repeat)
        ]
        print(
            f"kommunkoll extract {Path(one).name} --json: {min(walls):.2f} s "
            f"(median {statistics.median(walls):.2f} s of {len(walls)})"
        )

    with tempfile.TemporaryDirectory() as scratch:
        source = kinds["delarsbokslut"][0]
        for pages in args.pages:
            report = long_report(source, pages, Path(scratch) / f"long-{pages}.pdf")
            result = paired([str(report)], args.long_repeat)
            print(line(f"{Path(source).name} repeated", result, pages))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
