"""OCR of the scanned samples: seconds per page, peak memory, and quality against the truth.

    .venv/bin/python benchmarks/ocr.py               # every scan in samples/scanned/
    .venv/bin/python benchmarks/ocr.py --wrappers    # also tesserocr vs pytesseract, one page each
    .venv/bin/python benchmarks/ocr.py --random N --seed S [--producer P]

Each document is extracted in a fresh process (so the peak resident memory is its own, and
Tesseract's model load is counted once per document, as in a worker); time is the child's
CPU time (user + sys) per page, and its wall time. Quality is measured against the scan's
expected JSON (its original's ground truth): answers equal, token Jaccard of comments and
questions, and for a delårsbokslut the share of table cells whose value equals the truth
(by table, row label, measure and year), with the misses listed.

`--random`: N documents from seeds S, S+1, ...: an enkät (samples/generator/random_enkat.py)
for an even seed, a delårsbokslut (random_report.py) for an odd one, each printed with a
random layout and scanned by samples/scan.py under conditions drawn from the seed (150–300
dpi, 0.3–2° rotation, noise, blur, black-and-white or gray, hand-drawn crosses on a form
with answer columns half the time). Printed per scan condition: answers right, mean comment
token Jaccard (an answer not found counts 0), how many of the answers not read right a
warning points at (the rest are silent gaps), table cells' precision and recall (as
benchmarks/tables.py --random counts them). Cached under benchmarks/.cache/ocr-random-v*/.
Tune on seeds below 1000; quote held-out figures from seeds 1000 up.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ROOT / "samples" / "scanned"
RANDOM_VERSION = 1  # bump when the scan conditions drawn from a seed change


def tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def jaccard(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    return 1.0 if not ta and not tb else len(ta & tb) / len(ta | tb)


def cell_matches(got: dict, truth: dict) -> tuple[int, int, list[str]]:
    """(cells equal, cells in the truth, the misses) by table kind, row label, measure, year."""

    def cells(doc: dict) -> dict[tuple, object]:
        out = {}
        for t in doc["tables"]:
            for r in t["rows"]:
                label = " ".join(r["label"].split())
                for c in r["cells"]:
                    out[(t["kind"], label, c["measure"], c["year"])] = c["value"]
        return out

    g, e = cells(got), cells(truth)
    misses = [
        f"{k}: {g.get(k, 'missing')!r} ≠ {v!r}" for k, v in e.items() if g.get(k, "missing") != v
    ]
    return len(e) - len(misses), len(e), misses


def _child(pdf: str) -> None:
    """Run in a fresh process: extract one scan, print the figures as one JSON line."""
    import resource

    from kommunkoll.extractors import ExtractionError, extract_pdf

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    start, start_cpu = time.perf_counter(), cpu()
    try:
        got: dict | None = extract_pdf(pdf).model_dump()
        error = None
    except ExtractionError as exc:
        got, error = None, f"{exc.code}: {exc.reason}"
    seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB (Linux: KiB)
    print(
        json.dumps(
            {"seconds": seconds, "cpu": cpu_seconds, "peak_mib": peak, "got": got, "error": error}
        )
    )


def _extracted(pdf: Path) -> dict:
    """The child's figures and extraction (`got` None and `error` set when it failed)."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(pdf)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def measure(pdf: Path) -> dict:
    result = _extracted(pdf)
    truth = json.loads(pdf.with_name(f"{pdf.stem}.expected.json").read_text(encoding="utf-8"))
    got = result["got"]
    if got is None:
        raise SystemExit(f"{pdf.name}: not extracted: {result['error']}")
    row = {
        "file": pdf.name,
        "pages": truth["source"]["pages"],
        "seconds": round(result["seconds"], 2),
        "cpu_s_per_page": round(result["cpu"] / truth["source"]["pages"], 2),
        "peak_mib": round(result["peak_mib"]),
    }
    if truth["document"]["kind"] == "enkat":
        by_number = {a["number"]: a for a in got["answers"]}
        pairs = [(by_number.get(t["number"]), t) for t in truth["answers"]]
        row["answers_equal"] = sum(1 for a, t in pairs if a and a["answer"] == t["answer"])
        row["answers"] = len(truth["answers"])
        found = [(a, t) for a, t in pairs if a]
        row["comment_jaccard"] = round(
            sum(jaccard(a["comment"], t["comment"]) for a, t in found) / max(1, len(found)), 3
        )
        row["question_jaccard"] = round(
            sum(jaccard(a["question"], t["question"]) for a, t in found) / max(1, len(found)), 3
        )
        row["wrong"] = [t["number"] for a, t in pairs if not a or a["answer"] != t["answer"]]
    else:
        equal, total, misses = cell_matches(got, truth)
        row["cells_equal"], row["cells"] = equal, total
        row["cells_share"] = round(equal / max(1, total), 4)
        row["misses"] = misses
    return row


def wrappers(pdf: Path, index: int = 0) -> list[dict]:
    """tesserocr (the API, one loaded model) against pytesseract (a tesseract process per
    call) on the same straightened page: seconds and token recall against the original."""
    from collections import Counter

    import pdfplumber

    from kommunkoll.extractors import ocr

    truth = json.loads(pdf.with_name(f"{pdf.stem}.expected.json").read_text(encoding="utf-8"))
    original = ROOT / "samples" / truth["scan"]["original"]
    with pdfplumber.open(original) as doc:
        expected = Counter(re.findall(r"\w+", (doc.pages[index].extract_text() or "").casefold()))
    gray = ocr.render_page(pdf.read_bytes(), index, ocr.SETTINGS.dpi)
    gray = ocr._smooth(ocr.straighten(gray, ocr.skew_angle(gray)), ocr.SETTINGS)

    def recall(text: str) -> float:
        got = Counter(re.findall(r"\w+", text.casefold()))
        return round(sum((got & expected).values()) / max(1, sum(expected.values())), 3)

    rows = []
    ocr.ocr_words(gray, ocr.SETTINGS.dpi)  # the model loaded once, as in a worker
    start = time.perf_counter()
    words = ocr.ocr_words(gray, ocr.SETTINGS.dpi)
    rows.append(
        {
            "wrapper": "tesserocr",
            "seconds": round(time.perf_counter() - start, 2),
            "recall": recall(" ".join(w["text"] for w in words)),
        }
    )
    try:
        import pytesseract
        from PIL import Image
    except ImportError:
        rows.append({"wrapper": "pytesseract", "skipped": "not installed"})
        return rows
    start = time.perf_counter()
    text = pytesseract.image_to_string(
        Image.fromarray(gray), lang="swe", config=f"--dpi {ocr.SETTINGS.dpi}"
    )
    rows.append(
        {
            "wrapper": "pytesseract",
            "seconds": round(time.perf_counter() - start, 2),
            "recall": recall(text),
        }
    )
    return rows


def random_scans(n: int, seed: int, producer: str | None) -> list[tuple[Path, Path, dict]]:
    """(scan, its original's ground truth, the scan conditions) of seeds seed..seed+n-1,
    printing and scanning (niced) only what is not cached."""
    sys.path.insert(0, str(ROOT / "samples"))
    import scan as scanner
    from generator import random_enkat, random_report

    version = f"{random_report.GENERATOR_VERSION}-{RANDOM_VERSION}"
    cache = ROOT / "benchmarks" / ".cache" / f"ocr-random-v{version}"
    cache.mkdir(parents=True, exist_ok=True)
    out = []
    niced = False
    for s in range(seed, seed + n):
        if s % 2 == 0:
            drawn = random_enkat.draw(s, producer=producer)
            original, form = cache / f"{drawn.name}.pdf", drawn.form
        else:
            layout = random_report.draw(s)
            original = cache / f"{random_report.stem(s, producer or layout.producer)}.pdf"
            form = None
        truth = original.with_name(f"{original.stem}.expected.json")
        condition = scanner.drawn_condition(s, form)
        target = cache / f"{original.stem}-scan.pdf"
        if not target.exists():
            if not niced:
                os.nice(10)  # printing and scanning are slow and the cores are shared
                niced = True
            if not truth.exists():
                if form is not None:
                    random_enkat.make([s], cache, producer=producer)
                else:
                    random_report.render_many([(s, producer)], cache)
            scan = scanner.Scan(original.stem, seed=s, **condition)
            target.write_bytes(scanner.scan_pdf(original, scan))
        out.append((target, truth, {**condition, "form": form}))
    return out


def _tags(condition: dict) -> list[str]:
    """The groups a scan condition is counted in."""
    dpi = condition["dpi"]
    tags = ["dpi:150-199" if dpi < 200 else "dpi:200-249" if dpi < 250 else "dpi:250-300"]
    tags.append("bilevel" if condition["bilevel"] else "gray")
    tags.append("rotation:<1°" if condition["angle"][0] < 1 else "rotation:≥1°")
    tags.append("noise:<15" if condition["noise"] < 15 else "noise:≥15")
    tags.append("blur:<0.65" if condition["blur"] < 0.65 else "blur:≥0.65")
    if condition["form"] is not None:
        tags.append("marks:hand" if condition["hand_marks"] else "marks:printed")
    return tags


def _scores(got: dict, truth: dict, enkat: bool) -> Counter:
    """Answers right and comment Jaccard (an enkät), or table cells (a delårsbokslut)."""
    from tables import contract_cells

    counts: Counter = Counter()
    if enkat:
        by_number = {a["number"]: a for a in got["answers"]}
        for t in truth["answers"]:
            a = by_number.get(t["number"])
            counts["answers"] += 1
            counts["answers_right"] += bool(a and a["answer"] == t["answer"])
            counts["jaccard"] += jaccard(a["comment"], t["comment"]) if a else 0.0
    else:
        g, e = contract_cells(got["tables"]), contract_cells(truth["tables"])
        counts.update(truth_cells=sum(e.values()), read_cells=sum(g.values()))
        counts.update(right_cells=sum((g & e).values()))
    return counts


_PLACE = re.compile(r"sida (\d+)(?:, ruta [\d.]+, ([\d.]+)| vid y=(\d+))")


def _warned(got: dict, truth: dict, original: dict) -> Counter:
    """Of the answers not read right, how many a warning points at: one naming the
    question ("fråga 2.1 (sida 1) ..."), or one placing something unread (its page and box,
    or a stray mark's height) inside the question's stretch of the page, from its own top
    to the next question's as the text PDF prints them. The rest are silent misses."""
    by_number = {a["number"]: a for a in got["answers"]}
    placed = [(int(m[1]), float(m[2] or m[3])) for w in got["warnings"] if (m := _PLACE.search(w))]
    printed = [(a["number"], a["page"], a["bbox"][1]) for a in original["answers"] if a["bbox"]]
    stretch = {}
    for k, (number, page, top) in enumerate(printed):
        nxt = printed[k + 1] if k + 1 < len(printed) else None
        end = nxt[2] if nxt and nxt[1] == page else float("inf")
        stretch[number] = (page, top - 6, end - 6)
    counts: Counter = Counter()
    for t in truth["answers"]:
        a = by_number.get(t["number"])
        if a and a["answer"] == t["answer"]:
            continue
        counts["missed"] += 1
        named = any(w.startswith(f"fråga {t['number']} (") for w in got["warnings"])
        page, top, end = stretch.get(t["number"], (0, 0.0, 0.0))
        counts["warned"] += named or any(p == page and top <= y < end for p, y in placed)
    return counts


def random_main(n: int, seed: int, producer: str | None) -> None:
    from kommunkoll.extractors import ExtractionError, extract_pdf

    groups: dict[str, Counter] = {}
    failed = []
    for pdf, truth_path, condition in random_scans(n, seed, producer):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        result = _extracted(pdf)
        got = result["got"] or {"answers": [], "tables": []}
        if result["error"]:
            failed.append(f"{pdf.name}: {result['error']}")
        pages = _pages(pdf)
        counts: Counter = Counter(docs=1, pages=pages, cpu=result["cpu"])
        enkat = condition["form"] is not None
        counts.update(_scores(got, truth, enkat))
        try:  # the text PDF scanned: what the readers get without OCR, for comparison
            original = extract_pdf(truth_path.with_name(pdf.name.replace("-scan", ""))).model_dump()
        except ExtractionError:
            original = {"answers": [], "tables": []}
        counts.update({f"text_{k}": v for k, v in _scores(original, truth, enkat).items()})
        if enkat:
            counts.update(_warned(got, truth, original))
        peak = result["peak_mib"]
        for name in ["all", "enkät" if condition["form"] else "delårsbokslut", *_tags(condition)]:
            group = groups.setdefault(name, Counter())
            group.update(counts)
            group["peak"] = max(group["peak"], peak)
        own = (
            f"answers {counts['answers_right']}/{counts['answers']}, "
            f"jaccard {_ratio(counts['jaccard'], counts['answers'])}, "
            f"misses warned {counts['warned']}/{counts['missed']}"
            if enkat
            else f"cells {counts['right_cells']}/{counts['truth_cells']} of {counts['read_cells']}"
        )
        print(f"{pdf.name}: {json.dumps({k: v for k, v in condition.items() if k != 'form'})}"
              f" {own}, cpu {result['cpu'] / max(1, pages):.1f} s/page", flush=True)  # fmt: skip
    print()
    print(f"scanned random layouts: {n} documents, seeds {seed}..{seed + n - 1}, "
          f"producer {producer or 'as drawn'}, {len(failed)} not extracted")  # fmt: skip
    for line in failed:
        print("   ", line)
    print("(text: the same figures for the original text PDFs, read without OCR; warned:")
    print(" the answers not read right that a warning points at, of all not read right)")
    print(f"{'condition':16} {'docs':>4} {'answers':>9} {'acc':>6} {'jaccard':>7} "
          f"{'cells':>5} {'read':>5} {'right':>5} {'prec':>6} {'recall':>6} "
          f"{'text acc':>8} {'text J':>6} {'text rec':>8} "
          f"{'cpu s/p':>7} {'peak MiB':>8} {'warned':>9}")  # fmt: skip
    order = sorted(groups, key=lambda g: (g != "all", g not in ("enkät", "delårsbokslut"), g))
    for name in order:
        c = groups[name]
        print(f"{name:16} {c['docs']:4} {c['answers_right']:4}/{c['answers']:<4} "
              f"{_ratio(c['answers_right'], c['answers']):>6} "
              f"{_ratio(c['jaccard'], c['answers']):>7} "
              f"{c['truth_cells']:5} {c['read_cells']:5} {c['right_cells']:5} "
              f"{_ratio(c['right_cells'], c['read_cells']):>6} "
              f"{_ratio(c['right_cells'], c['truth_cells']):>6} "
              f"{_ratio(c['text_answers_right'], c['text_answers']):>8} "
              f"{_ratio(c['text_jaccard'], c['text_answers']):>6} "
              f"{_ratio(c['text_right_cells'], c['text_truth_cells']):>8} "
              f"{c['cpu'] / max(1, c['pages']):7.2f} {c['peak']:8.0f} "
              f"{c['warned']:4}/{c['missed']:<4}")  # fmt: skip


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--wrappers", action="store_true", help="compare OCR wrappers too")
    parser.add_argument("--random", type=int, metavar="N", help="N scanned random layouts")
    parser.add_argument("--seed", type=int, default=0, help="first seed (held-out: >= 1000)")
    parser.add_argument("--producer", choices=["reportlab", "libreoffice", "chromium"])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    if args.random:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        random_main(args.random, args.seed, args.producer)
        return
    files = args.files or sorted(SCANNED.glob("*.pdf"))
    for pdf in files:
        row = measure(pdf)
        misses = row.pop("misses", [])
        print(json.dumps(row, ensure_ascii=False))
        for miss in misses:
            print("   miss", miss)
        if args.wrappers:
            for w in wrappers(pdf):
                print("   ", json.dumps(w))


if __name__ == "__main__":
    main()
